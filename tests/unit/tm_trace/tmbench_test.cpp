#include "generators/tm_trace/tmbench.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "generators/tm_trace/family.hpp"

namespace tcs::tm_trace {
namespace {

namespace fs = std::filesystem;

// Two samples from TMBench's data set (the first cut to steps 0..4, and its halting one) and a
// small hand-worked halting one: AB -(A: +B, -AB)-> B, shorter than 2.
core::Json bench_file() {
  const core::Json rules1 = {{"A", "CE"}, {"B", "B"}, {"C", "DCBB"}, {"D", "AECD"}, {"E", "D"}};
  const core::Json rules2 = {{"A", "B"}, {"B", "B"}, {"C", "DCB"}, {"D", "C"}, {"E", "C"}};
  const core::Json rules3 = {{"A", "B"}, {"B", "A"}, {"C", "A"}, {"D", "A"}, {"E", "A"}};
  return {{"symbol_set", {"A", "B", "C", "D", "E"}},
          {"rule_min_length", 1},
          {"max_step", 5},
          {"delete_count", 2},
          {"samples",
           {{{"id", "s1"}, {"init_str", "DBEEAA"}, {"rule", rules1}, {"delete_count", 2},
             {"step_results", {"DBEEAA", "EEAAAECD", "AAAECDD", "AECDDCE", "CDDCECE"}}},
            {{"id", "s2"}, {"init_str", "ECAEE"}, {"rule", rules2}, {"delete_count", 2},
             {"step_results", {"ECAEE", "AEEC", "ECB", "BC", "B"}}},
            {{"id", "s3"}, {"init_str", "AB"}, {"rule", rules3}, {"delete_count", 2},
             {"step_results", {"AB", "B"}}}}}};
}

class Tmbench : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tm_trace_tmbench_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }
  fs::path dir_;
};

TEST_F(Tmbench, ImportsSamplesAsCheckableProblems) {
  const std::string path = write("bench.json", bench_file().dump(1));
  auto problems = import_tmbench(path);
  ASSERT_TRUE(problems.ok()) << problems.error().message;
  ASSERT_EQ(problems->size(), 3u);
  const core::Problem& p = (*problems)[1];
  EXPECT_EQ(p.kind, "tag");
  EXPECT_EQ(p.id.rfind("tm_trace/tag/m2-", 0), 0u);
  EXPECT_EQ(p.params["source"]["tmbench_id"], "s2");
  EXPECT_EQ(p.params["steps"], 4);
  EXPECT_EQ(p.answer["states"], (core::Json{"ECAEE", "AEEC", "ECB", "BC", "B"}));
  EXPECT_EQ(p.answer["halts"], true);
  // The imported problem's own builtin answer checks as verified.
  auto family = make_family();
  auto policy = family->builtin_policy("");
  core::PolicyQuery q;
  q.problem = &p;
  auto c = (*policy)->propose(q);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(family->native_checker()->check(p, (*c)[0], core::Limits{}).ok());
}

TEST_F(Tmbench, WrongStepResultsAreRejectedNamingSampleAndStep) {
  core::Json bench = bench_file();
  bench["samples"][0]["step_results"][3] = "AECDDCD";
  auto r = import_tmbench(write("bad.json", bench.dump()));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, core::ErrorCode::bad_input);
  EXPECT_NE(r.error().message.find("bad.json: sample \"s1\": step_results[3] (step 3) is "
                                   "\"AECDDCD\" but simulating gives \"AECDDCE\""),
            std::string::npos)
      << r.error().message;
}

TEST_F(Tmbench, TruncatedOrOverlongStepResultsAreRejected) {
  core::Json bench = bench_file();
  bench["samples"][0]["step_results"].erase(4);
  auto r = import_tmbench(write("short.json", bench.dump()));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("sample \"s1\": step_results ends at step 3 but the system "
                                   "does not halt there"),
            std::string::npos)
      << r.error().message;
  bench = bench_file();
  bench["max_step"] = 6;
  bench["samples"] = core::Json::array({bench["samples"][1]});
  bench["samples"][0]["step_results"].push_back("B");
  r = import_tmbench(write("long.json", bench.dump()));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("sample \"s2\": the system halts at step 4"), std::string::npos)
      << r.error().message;
}

TEST_F(Tmbench, BadFilesNameFileSampleAndField) {
  auto expect_error = [&](const std::string& text, const std::string& needle) {
    auto r = import_tmbench(write("f.json", text));
    ASSERT_FALSE(r.ok()) << needle;
    EXPECT_EQ(r.error().code, core::ErrorCode::bad_input);
    EXPECT_NE(r.error().message.find(needle), std::string::npos) << r.error().message;
  };
  expect_error("{not json", "f.json: not valid JSON");
  core::Json b = bench_file();
  b.erase("symbol_set");
  expect_error(b.dump(), "f.json: field \"symbol_set\" must be an array");
  b = bench_file();
  b["samples"][2].erase("id");
  expect_error(b.dump(), "f.json: samples[2]: missing field \"id\"");
  b = bench_file();
  b["samples"][1]["rule"]["X"] = "A";
  expect_error(b.dump(), "sample \"s2\": field \"rule\": symbol \"X\" is not in symbol_set");
  b = bench_file();
  b["samples"][1]["rule"].erase("C");
  expect_error(b.dump(), "sample \"s2\": field \"rule\" has no word (string) for symbol \"C\"");
  b = bench_file();
  b["samples"][0]["init_str"] = "DBQ";
  expect_error(b.dump(), "sample \"s1\": field \"init_str\": symbol \"Q\" at position 2");
  b = bench_file();
  b["max_step"] = "31";
  expect_error(b.dump(), "field \"max_step\" must be an integer");
  auto missing = import_tmbench((dir_ / "nope.json").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("cannot open"), std::string::npos);
}

TEST_F(Tmbench, ScoresResultsLikeAccPy) {
  core::Json results = bench_file();
  // s1: steps 0-3 right, step 4 wrong; a later duplicate of step 1 that is wrong is ignored
  // (the first match wins), commas and lower-case headers are fine.
  results["samples"][0]["ans"] =
      "Step 0:\n - Action: Init\n - Queue State: [D, B, E, E, A, A]\n"
      "### step 1:\n - Queue State: [E E A A A E C D]\n"
      "### step 2:\n - Queue State: [A A A E C D D]\n"
      "### step 3:\n - Queue State: [A E C D D C E]\n"
      "### step 4:\n - Queue State: [C D D C E C D]\n"
      "### step 1:\n - Queue State: [X]\n";
  // s2: all right, with the <halt> marker.
  results["samples"][1]["ans"] =
      "### step 0:\n - Queue State: [E C A E E]\n### step 1:\n - Queue State: [A E E C]\n"
      "### step 2:\n - Queue State: [E C B]\n### step 3:\n - Queue State: [B C]\n"
      "### step 4:\n - Queue State: [B] <halt>\n";
  // s3 has no "ans" and is skipped.
  auto score = score_tmbench(write("results.json", results.dump()));
  ASSERT_TRUE(score.ok()) << score.error().message;
  EXPECT_EQ(score->n, 2);
  // ACC = (1, 1, 1, 1, 1/2): Uni = 4.5 / 5, Lin = (1 + 2 + 3 + 4 + 2.5) / 15, pass = 1 of 2.
  EXPECT_NEAR(score->uni, 0.9, 1e-12);
  EXPECT_NEAR(score->lin, 12.5 / 15, 1e-12);
  EXPECT_NEAR(score->pass, 0.5, 1e-12);
}

TEST_F(Tmbench, ScoreNeedsAnswers) {
  auto r = score_tmbench(write("plain.json", bench_file().dump()));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("no sample has an \"ans\" field"), std::string::npos);
}

TEST(TmbenchExtract, FollowsTheRegexSemantics) {
  const std::vector<std::string> abc = {"A", "B", "C", "D", "E"};
  // A header without its own Queue State borrows the next one (lazy DOTALL match), so step 1
  // takes step 2's state and step 2 is never seen; a bracket with other symbols is skipped.
  auto got = tmbench_extract(
      "STEP 0: Queue State: [A B]\nstep 1: nothing\nstep 2:\nQueue State: [note] [C, D]\n"
      "substep 3: queue state: [E]",
      abc);
  EXPECT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], "AB");
  EXPECT_EQ(got[1], "CD");
  EXPECT_EQ(got.count(2), 0u);
  EXPECT_EQ(got[3], "E");
  EXPECT_TRUE(tmbench_extract("step 1: no state at all", abc).empty());
}

}  // namespace
}  // namespace tcs::tm_trace
