// Parsing of strategies, budgets and numeric knobs as users write them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/search/config.hpp"

namespace tcs::search {
namespace {

using ::testing::HasSubstr;

TEST(SearchConfig, ParsesBudgetPassesWidthExpansions) {
  auto b = parse_budget("2x8x600");
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(b->passes, 2);
  EXPECT_EQ(b->width, 8);
  EXPECT_EQ(b->expansions, 600);
  EXPECT_EQ(b->to_string(), "2x8x600");
}

TEST(SearchConfig, RejectsMalformedBudgetsNamingThePart) {
  for (const char* text : {"", "1x8", "1x8x", "0x8x200", "1x-2x200", "1x8x200x3", "axbxc", "1 x8x200"}) {
    auto b = parse_budget(text);
    ASSERT_FALSE(b.ok()) << text;
    EXPECT_EQ(b.error().code, core::ErrorCode::bad_input);
    EXPECT_THAT(b.error().message, HasSubstr(std::string("\"") + text + "\""));
  }
  EXPECT_THAT(parse_budget("1x0x5").error().message, HasSubstr("width"));
  EXPECT_THAT(parse_budget("1x2x0").error().message, HasSubstr("expansions"));
}

TEST(SearchConfig, ParsesStrategiesAndKnobs) {
  EXPECT_EQ(*parse_strategy("best_first"), Strategy::best_first);
  EXPECT_EQ(*parse_strategy("hypertree"), Strategy::hypertree);
  EXPECT_THAT(parse_strategy("bfs").error().message, HasSubstr("best_first"));
  EXPECT_EQ(*parse_minimize("depth"), Minimize::depth);
  EXPECT_FALSE(parse_minimize("width").ok());
  EXPECT_DOUBLE_EQ(*parse_nonnegative("0.5", "--alpha"), 0.5);
  EXPECT_THAT(parse_nonnegative("-1", "--cpuct").error().message, HasSubstr("--cpuct"));
  EXPECT_FALSE(parse_nonnegative("nan", "--alpha").ok());
  EXPECT_FALSE(parse_nonnegative("5x", "--alpha").ok());
}

}  // namespace
}  // namespace tcs::search
