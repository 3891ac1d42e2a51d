#include "harness/core/text.hpp"

#include <gtest/gtest.h>

namespace tcs::core {
namespace {

TEST(Utf8, AcceptsValidText) {
  EXPECT_EQ(find_invalid_utf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("queue → [A B] ✓ 𝔸"), std::string_view::npos);
}

TEST(Utf8, FindsTheFirstBadByte) {
  EXPECT_EQ(find_invalid_utf8(std::string("ab\xff" "cd")), 2u);
  EXPECT_EQ(find_invalid_utf8(std::string("ok\xc3")), 2u);           // truncated sequence
  EXPECT_EQ(find_invalid_utf8(std::string("x\xc0\xaf")), 1u);        // overlong '/'
  EXPECT_EQ(find_invalid_utf8(std::string("\xed\xa0\x80")), 0u);     // surrogate
  EXPECT_EQ(find_invalid_utf8(std::string("\xf4\x90\x80\x80")), 0u); // past U+10FFFF
}

TEST(Text, TrimSplitQuote) {
  EXPECT_EQ(trim("  a b \n"), "a b");
  EXPECT_EQ(trim(" \t "), "");
  auto parts = split("a,,b", ',');
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[1], "");
  EXPECT_EQ(quote("a\"b\n"), "\"a\\\"b\\n\"");
  EXPECT_EQ(quote("abcdef", 3), "\"abc...\"");
}

}  // namespace
}  // namespace tcs::core
