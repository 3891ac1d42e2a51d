// The MBA family and the z3 back-end through the real tcsprove binary, as a user runs them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/cli_process.hpp"

namespace tcs::testing {
namespace {

nlohmann::json last_json_line(const std::string& out) {
  const size_t end = out.find_last_not_of('\n');
  const size_t start = out.rfind('\n', end);
  return nlohmann::json::parse(out.substr(start == std::string::npos ? 0 : start + 1), nullptr, false);
}

TEST(MbaCli, GenerateProveCheckAndRun) {
  TempDir dir("mba_cli");
  const std::string problems = dir / "mba.jsonl";
  auto gen = run_cli({"generate", "mba", "--kind", "polynomial", "--count", "2", "--seed", "3",
                      "-p", "width=64", "--out", problems});
  ASSERT_EQ(gen.exit_code, 0) << gen.err;
  const std::string first = read_file(problems).substr(0, read_file(problems).find('\n'));
  const std::string id = nlohmann::json::parse(first)["id"];

  auto prove = run_cli({"mba", "prove", problems, "--id", id, "--json"});
  ASSERT_EQ(prove.exit_code, 0) << prove.err;
  auto j = last_json_line(prove.out);
  EXPECT_EQ(j["verdict"], "verified") << prove.out;
  EXPECT_GT(j["steps"].get<int>(), 1);
  EXPECT_GT(j["leaves"].get<int>(), 0);

  // A hand-written script through `check --backend z3`: incomplete, so rejected (exit 0).
  const std::string script = dir / "proof.txt";
  { std::ofstream(script) << "(linear-mba)\n"; }
  auto check = run_cli({"check", "--problem", problems, "--id", id, "--candidate", script,
                        "--backend", "z3", "--json"});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_EQ(last_json_line(check.out)["verdict"], "rejected") << check.out;

  auto run = run_cli({"run", "--problems", problems, "--policy", "builtin", "--db", dir / "runs.db"});
  EXPECT_EQ(run.exit_code, 0) << run.err << run.out;
  EXPECT_NE(run.out.find("proved"), std::string::npos) << run.out;
}

TEST(Z3Cli, ChecksAUserGoalAndReportsParseErrorsWithPositions) {
  TempDir dir("z3_cli");
  const std::string ok = dir / "ok.smt2", bad = dir / "bad.smt2", sat = dir / "sat.smt2";
  { std::ofstream(ok) << "(declare-const x (_ BitVec 8))\n(assert (not (= (bvadd x x) (bvshl x #x01))))\n(check-sat)\n"; }
  { std::ofstream(sat) << "(declare-const x (_ BitVec 8))\n(assert (not (= x #x00)))\n"; }
  { std::ofstream(bad) << "(declare-const x (_ BitVec 8))\n(assert (= x y))\n"; }
  auto r = run_cli({"z3", "check", ok, "--timeout-ms", "5000", "--json", "--second-opinion", "cvc5"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = last_json_line(r.out);
  EXPECT_EQ(j["verdict"], "verified");
  EXPECT_TRUE(j["ms"].is_number());
  EXPECT_EQ(j["second_opinion"]["verdict"], "verified") << r.out;
  auto s = run_cli({"z3", "check", sat, "--json", "--child-process"});
  EXPECT_EQ(last_json_line(s.out)["verdict"], "rejected") << s.out;
  auto b = run_cli({"z3", "check", bad, "--json"});
  EXPECT_EQ(b.exit_code, 2);
  EXPECT_NE(b.err.find("line 2 column"), std::string::npos) << b.err;
}

}  // namespace
}  // namespace tcs::testing
