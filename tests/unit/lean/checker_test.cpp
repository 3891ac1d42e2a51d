// LeanChecker: the guard on the corpus end to end, the judge on real REPL answers (recorded),
// configuration, and — only where a Lean toolchain is configured — a live check.
#include <gtest/gtest.h>

#include "provers/lean/checker.hpp"
#include "provers/lean/judge.hpp"
#include "provers/lean/repl.hpp"
#include "tests/fixtures/soundness/corpus.hpp"

namespace tcs::lean {
namespace {

const std::filesystem::path kCorpus =
    std::filesystem::path(TCSPROVE_SOURCE_DIR) / "tests/fixtures/soundness/lean";

core::Problem with_lean(const std::string& name) {
  core::Problem p;
  p.id = "test/" + name;
  p.params = core::Json::object();
  p.statements.push_back({"lean", testing::read_file(kCorpus / "statements" / (name + ".lean"))});
  return p;
}

Response first_answer(const std::string& name) {
  std::string text = testing::read_file(std::string(TCSPROVE_SOURCE_DIR) +
                                        "/tests/fixtures/lean-repl/" + name + ".expected.out");
  return *parse_response(text.substr(0, text.find("\n\n")));
}

TEST(LeanChecker, EveryCorpusCheatIsRejectedBeforeLeanRuns) {
  // No Lean here: a check that got past the guard would be an `error` verdict, not `rejected`.
  LeanConfig config;
  config.lake = "/nonexistent/lake";
  LeanChecker checker(config, nullptr);
  auto corpus = testing::read_corpus(kCorpus, ".lean");
  ASSERT_GE(corpus.size(), 30u);
  for (const auto& c : corpus) {
    core::Verdict v = checker.check(with_lean(c.statement), {c.text, "lean", {}, {}}, {});
    EXPECT_EQ(v.kind, core::VerdictKind::rejected) << c.name << ": " << v.message;
    EXPECT_EQ(v.detail.value("reason", ""), c.expect) << c.name;
  }
  core::Verdict honest = checker.check(with_lean("trace"), {"decide", "lean", {}, {}}, {});
  EXPECT_EQ(honest.kind, core::VerdictKind::error) << honest.message;  // it reached lake
}

// Real answers of a real REPL to sorry-proofs: the judge rejects every one of them.
TEST(LeanJudge, RecordedSorryAnswersAreRejected) {
  Assembled a;
  a.theorem = "f";
  a.axioms_line = 99;
  a.body_line = 1;
  for (const char* name :
       {"tactic_sorry", "term_sorry", "dup_sorries", "have_by_sorry", "no_goal_sorry"}) {
    core::Verdict v = judge(first_answer(name), a, 0, {});
    EXPECT_EQ(v.kind, core::VerdictKind::rejected) << name << ": " << v.message;
  }
  EXPECT_EQ(judge(first_answer("no_goal_sorry"), a, 0, {}).detail["reason"], "lean-error");
  EXPECT_EQ(judge(first_answer("tactic_sorry"), a, 0, {}).detail["reason"], "sorry");
}

Response axioms_answer(int line, const std::string& data) {
  Response r;
  r.messages.push_back({"info", line, 0, data});
  return r;
}

TEST(LeanJudge, AxiomsAreReadAtThePrintAxiomsLineOnly) {
  Assembled a;
  a.theorem = "t";
  a.axioms_line = 10;
  a.body_line = 5;
  EXPECT_TRUE(
      judge(axioms_answer(10, "'t' depends on axioms: [propext, Quot.sound]"), a, 0, {}).ok());
  // The same words at a candidate's line prove nothing: no answer at line 10 is an error.
  EXPECT_EQ(judge(axioms_answer(6, "'t' does not depend on any axioms"), a, 0, {}).kind,
            core::VerdictKind::error);
  EXPECT_EQ(judge(axioms_answer(10, "'t' depends on axioms: [sorryAx]"), a, 0, {}).detail["reason"],
            "sorry");
  EXPECT_EQ(judge(axioms_answer(10, "'t' depends on axioms: [cheat]"), a, 0, {}).detail["reason"],
            "axioms-used");
  // With a two-line header, the REPL numbers the body from 1.
  EXPECT_TRUE(judge(axioms_answer(8, "'t' does not depend on any axioms"), a, 2, {}).ok());
  Response err;
  err.messages.push_back({"error", 7, 2, "type mismatch"});
  EXPECT_NE(judge(err, a, 0, {}).message.find("proof body line 3"), std::string::npos);
}

TEST(LeanChecker, LeanJsonLinesBecomeMessages) {
  Response r = messages_from_json_lines(
      "{\"severity\":\"error\",\"pos\":{\"line\":3,\"column\":1},\"data\":\"oops\"}\nnoise\n");
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0].line, 3);
}

TEST(LeanConfig, FileThenEnvironment) {
  auto dir = std::filesystem::temp_directory_path() / "tcs_lean_config";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "lean.toml")
      << "[lean]\nmode = \"repl\"\nproject = \"/p\"\nrepl = [\"repl\", \"-x\"]\npool_size = 3\n";
  auto c = load_config({{"TCSPROVE_LEAN_CONFIG", (dir / "lean.toml").string()}});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->mode, Mode::repl);
  EXPECT_EQ(c->repl, (std::vector<std::string>{"repl", "-x"}));
  EXPECT_EQ(c->pool_size, 3);
  auto e = load_config({{"TCSPROVE_LEAN_CONFIG", (dir / "lean.toml").string()},
                        {"TCSPROVE_LEAN_SERVER", "http://h:1"}});
  EXPECT_EQ(e->mode, Mode::server);
  EXPECT_EQ(unavailable_reason(*e), "");
  std::ofstream(dir / "bad.toml") << "[lean]\npool_size = \"two\"\n";
  auto bad = load_config({{"TCSPROVE_LEAN_CONFIG", (dir / "bad.toml").string()}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("lean.pool_size"), std::string::npos);
  EXPECT_NE(unavailable_reason(LeanConfig{}), "");
  std::filesystem::remove_all(dir);
}

TEST(LeanLive, ATraceStatementIsProvedByDecide) {
  auto config = load_config_from_environment();
  if (!config.ok() || !unavailable_reason(*config).empty())
    GTEST_SKIP() << "no live Lean: "
                 << (config.ok() ? unavailable_reason(*config) : config.error().message)
                 << " (set TCSPROVE_LEAN_PROJECT to a Lake project to run this)";
  auto pool = config->mode == Mode::repl ? make_pool(*config, 0) : nullptr;
  LeanChecker checker(*config, pool);
  core::Limits limits;
  limits.wall_seconds = 300;
  EXPECT_TRUE(checker.check(with_lean("trace"), {"decide", "lean", {}, {}}, limits).ok());
  EXPECT_EQ(checker.check(with_lean("trace"), {"rfl\nexact absurd", "lean", {}, {}}, limits).kind,
            core::VerdictKind::rejected);
}

}  // namespace
}  // namespace tcs::lean
