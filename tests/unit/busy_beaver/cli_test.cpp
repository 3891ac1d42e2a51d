// `tcsprove bb ...` as a user runs it: the JSON fields the issue names, and exit code 2 with
// the position for bad machines. Skipped when the tcsprove binary has not been built.
#include <gtest/gtest.h>

#include <filesystem>

#include "harness/core/problem.hpp"
#include "tests/unit/busy_beaver/spawn.hpp"

namespace tcs::busy_beaver {
namespace {

testing::Outcome tcsprove(std::vector<std::string> args) {
  args.insert(args.begin(), TCSPROVE_BINARY);
  return testing::run_program(args);
}

#define REQUIRE_CLI()                                                              \
  if (!std::filesystem::exists(TCSPROVE_BINARY))                                   \
  GTEST_SKIP() << "tcsprove is not built (" << TCSPROVE_BINARY << "); build the tcsprove target"

TEST(BbCli, SimulateReportsHaltedStepsOnes) {
  REQUIRE_CLI();
  const auto r = tcsprove({"bb", "simulate", "1RB1LC_1RC1RB_1RD0LE_1LA1LD_1RZ0LA", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const core::Json j = core::Json::parse(r.out);
  EXPECT_EQ(j["halted"], true);
  EXPECT_EQ(j["steps"], 47176870);
  EXPECT_EQ(j["ones"], 4098);
}

TEST(BbCli, EnumerateGivesCountsAndDeciders) {
  REQUIRE_CLI();
  const auto r = tcsprove({"bb", "enumerate", "--states", "2", "--symbols", "3", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const core::Json j = core::Json::parse(r.out);
  EXPECT_EQ(j["total"], 6019);
  EXPECT_EQ(j["max_steps"], 38);
  EXPECT_EQ(j["max_ones"], 9);
  EXPECT_EQ(j["halting"].get<int64_t>() + j["nonhalting"].get<int64_t>() + j["undecided"].get<int64_t>(), 6019);
  EXPECT_EQ(j["by_decider"]["halting"], j["halting"]);
}

TEST(BbCli, DecidePrintsAVerdictAndACheckedCertificate) {
  REQUIRE_CLI();
  const auto r = tcsprove({"bb", "decide", "1RB0RA_1LA1LB", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const core::Json j = core::Json::parse(r.out);
  EXPECT_EQ(j["verdict"], "nonhalting");
  EXPECT_EQ(j["certificate"]["decider"], "translated_cycler");
  EXPECT_EQ(j["certificate_checked"], true);
}

TEST(BbCli, DecideUsesFiniteAutomataReductionWhereLoopsAndCpsFail) {
  REQUIRE_CLI();
  const auto r = tcsprove({"bb", "decide", "0RB1RD_0LC1RA_1LA1LC_---1RB", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const core::Json j = core::Json::parse(r.out);
  EXPECT_EQ(j["verdict"], "nonhalting");
  EXPECT_EQ(j["certificate"]["decider"], "far");
  EXPECT_EQ(j["certificate_checked"], true);
}

TEST(BbCli, BadMachinesExitTwoWithThePosition) {
  REQUIRE_CLI();
  for (const char* cmd : {"simulate", "decide"}) {
    const auto r = tcsprove({"bb", cmd, "1RB1LB_1LA1XZ"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("row 2, column 5"), std::string::npos) << r.err;
  }
  EXPECT_EQ(tcsprove({"bb", "simulate", "1RB1LB_1LA1RZ", "--steps", "-5"}).exit_code, 2);
  EXPECT_EQ(tcsprove({"bb", "enumerate", "--states", "12"}).exit_code, 2);
  const auto negative = tcsprove({"bb", "enumerate", "--states", "3", "--max-machines", "-3"});
  EXPECT_EQ(negative.exit_code, 2);
  EXPECT_NE(negative.err.find("--max-machines"), std::string::npos) << negative.err;
}

// A tree search over coqtop: the built-in policy proposes `vm_compute.` and `reflexivity.`, the
// search steps through them in coqtop, and the runner stores the proof only after coqc
// re-checked it whole.
TEST(BbCli, BestFirstOverCoqtopProvesHaltsInAndStoresTheProof) {
  REQUIRE_CLI();
  if (!testing::on_path("coqtop")) GTEST_SKIP() << "coqtop not found on PATH; install Coq to run this test";
  const auto dir = std::filesystem::temp_directory_path() / ("bb_cli_coq_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string problems = (dir / "p.jsonl").string(), db = (dir / "r.db").string();
  auto r = tcsprove({"generate", "busy_beaver", "--kind", "halts_in", "--count", "2", "-p", "states=2",
                     "--out", problems});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = tcsprove({"run", "--problems", problems, "--policy", "builtin:proof=coq", "--search", "best_first",
                "--budget", "1x2x4", "--search-backend", "coq", "--db", db, "--report", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const core::Json report = core::Json::parse(r.out.substr(r.out.find('{')));
  int64_t solved = 0;
  for (const auto& row : report["rows"]) solved += row["solved"].get<int64_t>();
  EXPECT_EQ(solved, 2) << r.out;
  r = tcsprove({"export", "--db", db, "--format", "jsonl", "--out", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int coq_proofs = 0;
  for (size_t at = 0, end; at < r.out.size(); at = end + 1) {
    end = r.out.find('\n', at);
    if (end == std::string::npos) end = r.out.size();
    if (end == at) continue;
    const core::Json line = core::Json::parse(r.out.substr(at, end - at));
    for (const auto& proof : line.value("proofs", core::Json::array())) {
      EXPECT_EQ(proof["backend"], "coq");
      EXPECT_NE(proof["text"].get<std::string>().find("reflexivity."), std::string::npos);
      ++coq_proofs;
    }
  }
  EXPECT_EQ(coq_proofs, 2);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tcs::busy_beaver
