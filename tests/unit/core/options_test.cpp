#include "harness/core/options.hpp"

#include <gtest/gtest.h>

namespace tcs::core {
namespace {

TEST(PolicyOptions, ParsesKnownNamesAndNamesTheBadItem) {
  auto ok = parse_options(" noise = 0.5 , strategy=smt", {"noise", "strategy"});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->at("noise"), "0.5");
  EXPECT_EQ(ok->at("strategy"), "smt");
  EXPECT_TRUE(parse_options("  ", {"noise"})->empty());

  auto unknown = parse_options("noise=0.1,depth=3", {"noise"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, "unknown builtin option \"depth\" (known: noise)");
  auto bare = parse_options("noise", {"noise"});
  ASSERT_FALSE(bare.ok());
  EXPECT_NE(bare.error().message.find("must be written name=value"), std::string::npos);
  EXPECT_FALSE(parse_options("noise=1,noise=0", {"noise"}).ok());
}

TEST(PolicyOptions, ProbabilitiesAreInTheUnitInterval) {
  EXPECT_EQ(*parse_probability("noise", "0.25"), 0.25);
  EXPECT_EQ(*parse_probability("noise", "1"), 1.0);
  for (const char* bad : {"", "1.01", "-0.5", "0.1x", "nan", "inf"}) {
    auto p = parse_probability("noise", bad);
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_NE(p.error().message.find("noise must be a number in [0, 1]"), std::string::npos);
  }
}

}  // namespace
}  // namespace tcs::core
