#include "harness/runner/run_config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace tcs::runner {
namespace {

class SuiteFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("tcs_suite_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& text) {
    std::string path = (dir_ / "suite.toml").string();
    std::ofstream(path) << text;
    return path;
  }
  std::filesystem::path dir_;
};

TEST_F(SuiteFile, ReadsEveryKey) {
  auto config = load_suite(write(R"(
name = "mine"
seed = 99
jobs = 2
[policy]
name = "builtin:noise=0.5"
[search]
strategy = "sample"
samples = 3
[limits]
wall_seconds = 2
max_answer_bytes = 1000
[[problems]]
family = "tm_trace"
kind = "tag"
count = 5
params = { steps = 7 }
[[problems]]
file = "more.jsonl"
)"));
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->name, "mine");
  EXPECT_EQ(config->seed, 99u);
  EXPECT_EQ(config->jobs, 2);
  EXPECT_EQ(config->policy, "builtin:noise=0.5");
  EXPECT_EQ(config->samples, 3);
  EXPECT_DOUBLE_EQ(config->limits.wall_seconds, 2.0);
  EXPECT_EQ(config->limits.max_answer_bytes, 1000);
  ASSERT_EQ(config->sources.size(), 2u);
  EXPECT_EQ(config->sources[0].params["steps"], 7);
  // A relative file is relative to the suite, not to the working directory.
  EXPECT_EQ(config->sources[1].file, (dir_ / "more.jsonl").string());
}

TEST_F(SuiteFile, ConfigSurvivesTheJsonSnapshot) {
  auto config = load_suite(write("seed = 5\n[[problems]]\nfamily = \"tm_trace\"\nkind = \"tag\"\n"
                                 "count = 2\nparams = { steps = 3 }\n"));
  ASSERT_TRUE(config.ok()) << config.error().message;
  auto back = RunConfig::from_json(core::Json::parse(config->to_json().dump()));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->to_json(), config->to_json());
  EXPECT_EQ(back->name, "suite");  // defaults to the file's stem
}

TEST_F(SuiteFile, ProblemGroupsMayNameTheirOwnSearch) {
  auto config = load_suite(write(R"(
[search]
strategy = "sample"
samples = 4
[[problems]]
family = "mba"
kind = "linear"
count = 2
[[problems]]
family = "mba"
kind = "polynomial"
count = 2
search = "hypertree"
budget = "1x2x50"
)"));
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_FALSE(config->tree_search());
  EXPECT_TRUE(config->any_tree_search());
  const RunConfig first = config->for_source(config->sources[0]);
  const RunConfig second = config->for_source(config->sources[1]);
  EXPECT_EQ(first.strategy, "sample");
  EXPECT_EQ(first.attempts_per_problem(), 4);
  EXPECT_EQ(second.strategy, "hypertree");
  EXPECT_EQ(second.budget, "1x2x50");
  EXPECT_EQ(second.attempts_per_problem(), 1);
  // The run's snapshot keeps the groups' settings (resume and reports read them back).
  auto back = RunConfig::from_json(core::Json::parse(config->to_json().dump()));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->sources[1].strategy, "hypertree");
  EXPECT_EQ(back->to_json(), config->to_json());
}

struct BadSuite {
  std::string text, message;
};
class SuiteErrors : public SuiteFile, public ::testing::WithParamInterface<BadSuite> {};

TEST_P(SuiteErrors, NameFileLineAndKey) {
  std::string path = write(GetParam().text);
  auto config = load_suite(path);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, core::ErrorCode::bad_input);
  EXPECT_NE(config.error().message.find(path), std::string::npos) << config.error().message;
  EXPECT_NE(config.error().message.find(GetParam().message), std::string::npos)
      << config.error().message;
}

const char* kProblems = "\n[[problems]]\nfamily = \"tm_trace\"\nkind = \"tag\"\ncount = 2\n";

INSTANTIATE_TEST_SUITE_P(
    Cases, SuiteErrors,
    ::testing::Values(
        BadSuite{"seed = 1\n[search]\nsampels = 3\n" + std::string(kProblems),
                 ":3: unknown key \"sampels\" in [search] (expected: alpha, backend, budget, cpuct, samples, strategy)"},
        BadSuite{"seed = \"one\"" + std::string(kProblems), ":1: \"seed\" must be"},
        BadSuite{"seed = -4" + std::string(kProblems), "must not be negative"},
        BadSuite{"name = \"x\"\nname = \"y\"\n", ":2:"},  // TOML syntax error: line and column
        BadSuite{"name = \"x\"\n", "at least one [[problems]]"},
        BadSuite{"colour = 1" + std::string(kProblems), "unknown key \"colour\" in the suite"},
        BadSuite{"[search]\nsamples = 0" + std::string(kProblems), "search.samples"},
        BadSuite{"[[problems]]\nkind = \"tag\"\n", "needs \"family\""},
        BadSuite{"[[problems]]\nfamily = \"tm_trace\"\nfile = \"x\"\n", "not both"},
        BadSuite{"[[problems]]\nfamily = \"tm_trace\"\nparams = 3\n", "\"params\" must be a table"},
        BadSuite{"[[problems]]\nfamily = \"mba\"\ncount = 1\nsearch = \"dfs\"\n", "problems[0].search: \"dfs\" is not a strategy"},
        BadSuite{"[[problems]]\nfamily = \"mba\"\ncount = 1\nbudget = \"8\"\n", "problems[0].budget"}));

TEST_F(SuiteFile, EndpointPolicyNamesItsEndpointsFileRelativeToTheSuite) {
  auto config = load_suite(write(R"(
[policy]
name = "endpoint:local"
endpoints = "../endpoints/endpoints.toml"
[[problems]]
family = "tm_trace"
kind = "tag"
count = 1
)"));
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_TRUE(config->endpoint_policy());
  EXPECT_EQ(config->endpoints,
            (dir_.parent_path() / "endpoints" / "endpoints.toml").lexically_normal().string());
  auto back = RunConfig::from_json(core::Json::parse(config->to_json().dump()));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->endpoints, config->endpoints);  // --resume finds the file again

  auto typo = load_suite(write("[policy]\nname = \"endpoint:x\"\nendpoint = \"e.toml\"\n"
                               "[[problems]]\nfamily = \"tm_trace\"\ncount = 1\n"));
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.error().message.find("suite.toml:3: unknown key \"endpoint\" in [policy]"),
            std::string::npos) << typo.error().message;
  RunConfig nameless;
  nameless.policy = "endpoint:";
  EXPECT_FALSE(nameless.validate().ok());
}

TEST(Suite, MissingFileIsBadInput) {
  auto config = load_suite("/nonexistent/suite.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("/nonexistent/suite.toml"), std::string::npos);
}

}  // namespace
}  // namespace tcs::runner
