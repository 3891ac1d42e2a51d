// `tcsprove regex ...` and `tcsprove generate regex` through the real binary, as a user runs them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/cli_process.hpp"

namespace tcs::testing {
namespace {

nlohmann::json json_of(const CliResult& r) { return nlohmann::json::parse(r.out, nullptr, false); }

TEST(RegexCli, SizeEquivMinimize) {
  auto size = run_cli({"regex", "size", "(a+d)c*b*", "--json"});
  ASSERT_EQ(size.exit_code, 0) << size.err;
  EXPECT_EQ(json_of(size), (nlohmann::json{{"size", 9}, {"depth", 3}}));

  auto same = run_cli({"regex", "equiv", "a*(ba*)*", "(a+b)*", "--json", "--z3"});
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_EQ(json_of(same)["equivalent"], true);
  EXPECT_FALSE(json_of(same).contains("witness"));
  EXPECT_EQ(json_of(same)["z3"], "equivalent");

  auto diff = run_cli({"regex", "equiv", "(a+b)*", "(a*b)*", "--json"});
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_EQ(json_of(diff)["equivalent"], false);
  EXPECT_EQ(json_of(diff)["witness"], "a");

  TempDir dir("regex_cli");
  auto min = run_cli({"regex", "minimize", "a*(ba*)*", "--json", "--cache", dir / "cache"});
  ASSERT_EQ(min.exit_code, 0) << min.err;
  EXPECT_EQ(json_of(min)["minimal"], "(a+b)*");
  EXPECT_EQ(json_of(min)["size"], 4);
  EXPECT_EQ(json_of(min)["query_size"], 8);
}

TEST(RegexCli, BadInputExitsTwoNamingTheColumn) {
  for (auto [text, needle] : {std::pair{"(ab", "column 1"}, {"ab)", "column 3"}, {"a|b", "union is written '+'"},
                              {"ae", "unknown letter 'e' at column 2"}, {"", "empty regex"}}) {
    auto r = run_cli({"regex", "size", text});
    EXPECT_EQ(r.exit_code, 2) << text;
    EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
  }
  auto big = run_cli({"regex", "equiv", std::string(100, 'a'), "a"});
  EXPECT_EQ(big.exit_code, 2);
  EXPECT_NE(big.err.find("letter occurrences"), std::string::npos) << big.err;
  auto bad_alphabet = run_cli({"regex", "size", "a", "--alphabet", "aa"});
  EXPECT_EQ(bad_alphabet.exit_code, 2);
}

TEST(RegexCli, StateExplosionIsReportedNotHung) {
  std::string text = "(a+b)*a";
  for (int i = 0; i < 16; ++i) text += "(a+b)";
  auto r = run_cli({"regex", "equiv", text, text + "b", "--max-states", "5000"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("state limit of 5000"), std::string::npos) << r.err;
}

TEST(RegexCli, GenerateThroughTheFamily) {
  TempDir dir("regex_gen");
  auto gen = run_cli({"generate", "regex", "--kind", "eq", "--count", "4", "--seed", "7", "-p", "max_size=8",
                      "-p", "min_size=6", "--out", dir / "eq.jsonl"});
  ASSERT_EQ(gen.exit_code, 0) << gen.err;
  const std::string text = read_file(dir / "eq.jsonl");
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 4);
  EXPECT_NE(text.find("\"family\":\"regex\""), std::string::npos);
}

}  // namespace
}  // namespace tcs::testing
