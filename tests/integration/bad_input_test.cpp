// Bad input from the command line: a message naming where and what, exit code 2, and the
// database untouched.
#include <cstdlib>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/integration/cli_process.hpp"

namespace tcs::testing {
namespace {

class BadInput : public ::testing::Test {
 protected:
  TempDir dir{"bad_input"};
  std::string db() const { return dir / "never.db"; }
  void expect_bad(const CliResult& r, const std::string& message) {
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(db())) << "bad input must not create the database";
  }
};

TEST_F(BadInput, SuiteWithUnknownKey) {
  std::ofstream(dir / "s.toml") << "seed = 1\n[search]\nsamplez = 2\n[[problems]]\n"
                                   "family = \"tm_trace\"\nkind = \"tag\"\ncount = 1\n";
  expect_bad(run_cli({"run", dir / "s.toml", "--db", db()}), "s.toml:3: unknown key \"samplez\"");
}

TEST_F(BadInput, SuiteThatIsNotToml) {
  std::ofstream(dir / "s.toml") << "seed = = 1\n";
  expect_bad(run_cli({"run", dir / "s.toml", "--db", db()}), "s.toml:1:");
}

TEST_F(BadInput, UnknownFamilyAndKindAndParam) {
  std::ofstream(dir / "s.toml") << "[[problems]]\nfamily = \"nope\"\ncount = 1\n";
  expect_bad(run_cli({"run", dir / "s.toml", "--db", db()}), "unknown family \"nope\"");
  std::ofstream(dir / "k.toml") << "[[problems]]\nfamily = \"tm_trace\"\nkind = \"zzz\"\ncount = 1\n";
  expect_bad(run_cli({"run", dir / "k.toml", "--db", db()}), "zzz");
  std::ofstream(dir / "p.toml")
      << "[[problems]]\nfamily = \"tm_trace\"\nkind = \"tag\"\ncount = 1\nparams = { colour = 3 }\n";
  expect_bad(run_cli({"run", dir / "p.toml", "--db", db()}), "colour");
}

TEST_F(BadInput, MalformedProblemsFile) {
  std::ofstream(dir / "p.jsonl") << "{\"id\": 1}\n";
  expect_bad(run_cli({"run", "--problems", dir / "p.jsonl", "--db", db()}), "p.jsonl: line 1");
}

TEST_F(BadInput, BadPolicyAndFlags) {
  std::ofstream(dir / "s.toml") << "[[problems]]\nfamily = \"tm_trace\"\nkind = \"tag\"\ncount = 1\n";
  expect_bad(run_cli({"run", dir / "s.toml", "--db", db(), "--policy", "builtin:noise=7"}),
             "noise");
  expect_bad(run_cli({"run", dir / "s.toml", "--db", db(), "--policy", "gpt"}), "gpt");
  expect_bad(run_cli({"run", dir / "s.toml", "--db", db(), "--report", "pdf"}), "pdf");
}

TEST_F(BadInput, ResumeOfAnUnknownRunLeavesTheDatabaseAsItWas) {
  std::ofstream(dir / "s.toml") << "[[problems]]\nfamily = \"tm_trace\"\nkind = \"tag\"\ncount = 3\n";
  std::string real_db = dir / "real.db";
  ASSERT_EQ(run_cli({"run", dir / "s.toml", "--db", real_db, "--quiet"}).exit_code, 0);
  CliResult r = run_cli({"run", "--resume", "42", "--db", real_db});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("42"), std::string::npos) << r.err;
  CliResult report = run_cli({"report", "--db", real_db, "--format", "json"});
  ASSERT_EQ(report.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(report.out)["total"]["attempts"], 3);
}

TEST_F(BadInput, CheckRejectsNonUtf8AndOversizedAnswersSayingSo) {
  ASSERT_EQ(run_cli({"generate", "tm_trace", "--kind", "tag", "--count", "1", "--out",
                     dir / "p.jsonl"})
                .exit_code,
            0);
  std::ofstream(dir / "bad.txt", std::ios::binary) << "### step 0:\n   - Queue State: [A \xff B]\n";
  CliResult r = run_cli({"check", "--problems", dir / "p.jsonl", "--answer", dir / "bad.txt", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto verdict = nlohmann::json::parse(r.out);
  EXPECT_EQ(verdict["verdict"], "rejected");
  EXPECT_NE(verdict["reason"].get<std::string>().find("UTF-8"), std::string::npos) << r.out;

  std::ofstream(dir / "big.txt") << std::string(5000, 'x');
  r = run_cli({"check", "--problems", dir / "p.jsonl", "--answer", dir / "big.txt",
               "--max-answer-bytes", "1000", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  verdict = nlohmann::json::parse(r.out);
  EXPECT_EQ(verdict["verdict"], "rejected");
  EXPECT_NE(verdict["reason"].get<std::string>().find("1000"), std::string::npos) << r.out;

  r = run_cli({"check", "--problems", dir / "p.jsonl", "--id", "no/such", "--answer", dir / "big.txt"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(BadInput, CheckNamesWhyABackEndIsMissing) {
  ASSERT_EQ(run_cli({"generate", "tm_trace", "--kind", "tag", "--count", "1", "--out",
                     dir / "p.jsonl"})
                .exit_code,
            0);
  std::ofstream(dir / "a.txt") << "anything";
  CliResult r = run_cli({"check", "--problems", dir / "p.jsonl", "--answer", dir / "a.txt",
                         "--backend", "nosuch"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no back-end named nosuch (this machine has: "), std::string::npos) << r.err;
  for (const char* var : {"TCSPROVE_LEAN_PROJECT", "TCSPROVE_LEAN_CONFIG", "TCSPROVE_LEAN_SERVER"})
    if (std::getenv(var)) GTEST_SKIP() << var << " is set: Lean may be configured on this machine";
  r = run_cli({"check", "--problems", dir / "p.jsonl", "--answer", dir / "a.txt", "--backend",
               "lean"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("lean back-end unavailable: no Lean project configured"), std::string::npos)
      << r.err;
}

TEST_F(BadInput, EverySubcommandHasHelp) {
  for (std::string cmd : {"generate", "run", "check", "report", "export", "import", "score", "version"}) {
    CliResult r = run_cli({cmd, "--help"});
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd << ": " << r.out;
  }
  EXPECT_EQ(run_cli({"frobnicate"}).exit_code, 2);
}

}  // namespace
}  // namespace tcs::testing
