// CoqtopEnv against the real coqtop: states, BackTo, dedup, the guard, timeouts and restart.
#include <gtest/gtest.h>

#include "provers/coq/coqtop_env.hpp"
#include "provers/process/process.hpp"
#include "tests/fixtures/soundness/corpus.hpp"

namespace tcs::coq {
namespace {

#define REQUIRE_COQTOP()                          \
  if (process::find_executable("coqtop").empty()) \
  GTEST_SKIP() << "coqtop not found on PATH; install Debian's coq to run this"

core::Problem problem(const std::string& coq) {
  core::Problem p;
  p.id = "test/coqtop";
  p.statements.push_back({"coq", coq});
  return p;
}

const std::string kTwo = "Theorem two : True /\\ True.\nProof.\nAdmitted.\n";

TEST(CoqtopEnv, StepsThroughAProofAndGoesBackToEarlierStates) {
  REQUIRE_COQTOP();
  CoqtopEnv env;
  auto root = env.open(problem(kTwo));
  ASSERT_TRUE(root.ok()) << root.error().message;
  EXPECT_NE(root->text.find("True /\\ True"), std::string::npos) << root->text;
  core::Limits limits;
  auto wrong = env.apply(*root, "exact I.", limits);
  EXPECT_EQ(wrong.verdict.kind, core::VerdictKind::rejected);
  EXPECT_NE(wrong.verdict.message.find("True /\\ True"), std::string::npos)
      << wrong.verdict.message;
  auto split = env.apply(*root, "split.", limits);
  ASSERT_TRUE(split.verdict.ok()) << split.verdict.message;
  ASSERT_EQ(split.subgoals.size(), 1u);
  EXPECT_NE(split.subgoals[0].text.find("2 goals"), std::string::npos) << split.subgoals[0].text;
  auto one = env.apply(split.subgoals[0], "exact I.", limits);
  ASSERT_EQ(one.subgoals.size(), 1u);
  // Back at the root: a different first step works from there.
  auto both = env.apply(*root, "exact (conj I I).", limits);
  EXPECT_TRUE(both.verdict.ok()) << both.verdict.message;
  EXPECT_TRUE(both.subgoals.empty());
  auto last = env.apply(one.subgoals[0], "exact I.", limits);
  EXPECT_TRUE(last.verdict.ok()) << last.verdict.message;
  EXPECT_TRUE(last.subgoals.empty());
  EXPECT_EQ(env.starts(), 1);
}

TEST(CoqtopEnv, EqualStatesShareAKey) {
  REQUIRE_COQTOP();
  CoqtopEnv env;
  auto root = env.open(problem(kTwo));
  ASSERT_TRUE(root.ok());
  auto same = env.apply(*root, "idtac.", {});
  ASSERT_EQ(same.subgoals.size(), 1u);
  EXPECT_EQ(same.subgoals[0].key, root->key);
}

TEST(CoqtopEnv, CheatsAndMalformedStepsNeverReachCoqtop) {
  REQUIRE_COQTOP();
  CoqtopEnv env;
  auto root = env.open(problem(kTwo));
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(env.apply(*root, "admit.", {}).verdict.detail["reason"], "admit");
  EXPECT_EQ(env.apply(*root, "Admitted.", {}).verdict.detail["reason"], "admit");
  EXPECT_EQ(env.apply(*root, "- split.", {}).verdict.detail["reason"], "step");
  EXPECT_EQ(env.apply(*root, "split. exact I.", {}).verdict.detail["reason"], "step");
  EXPECT_EQ(env.apply(*root, "idtac \"No more goals.\".", {}).verdict.detail["reason"], "step");
  EXPECT_EQ(env.apply(*root, "Axiom x : False.", {}).verdict.detail["reason"], "axiom");
}

TEST(CoqtopEnv, ATimedOutTacticRestartsCoqtopAndReplaysThePath) {
  REQUIRE_COQTOP();
  CoqtopEnv env;
  auto root = env.open(problem(kTwo));
  ASSERT_TRUE(root.ok());
  auto split = env.apply(*root, "split.", {});
  ASSERT_EQ(split.subgoals.size(), 1u);
  core::Limits quick;
  quick.wall_seconds = 0.5;
  auto spin = env.apply(*root, "let rec spin n := spin (S n) in spin 0.", quick);
  EXPECT_EQ(spin.verdict.kind, core::VerdictKind::timeout);
  auto one = env.apply(split.subgoals[0], "exact I.", {});
  ASSERT_TRUE(one.verdict.ok()) << one.verdict.message;
  ASSERT_EQ(one.subgoals.size(), 1u);
  EXPECT_TRUE(env.apply(one.subgoals[0], "exact I.", {}).subgoals.empty());
  EXPECT_EQ(env.starts(), 2);
}

TEST(CoqtopEnv, TraceStatementsOpenAndClose) {
  REQUIRE_COQTOP();
  CoqtopEnv env;
  auto root =
      env.open(problem(testing::read_file(std::filesystem::path(TCSPROVE_SOURCE_DIR) /
                                          "tests/fixtures/soundness/coq/statements/trace.v")));
  ASSERT_TRUE(root.ok()) << root.error().message;
  EXPECT_NE(root->text.find("tm_trace 6 start"), std::string::npos) << root->text;
  auto done = env.apply(*root, "vm_compute; reflexivity.", {});
  EXPECT_TRUE(done.verdict.ok()) << done.verdict.message;
  EXPECT_TRUE(done.subgoals.empty());
}

TEST(CoqtopEnv, AProblemWithoutACoqStatementCannotBeOpened) {
  CoqtopEnv env;
  core::Problem p;
  p.id = "x";
  EXPECT_FALSE(env.open(p).ok());
  EXPECT_FALSE(env.open(problem("Theorem t : True.\nProof.\nexact I.\nQed.\n")).ok());
}

}  // namespace
}  // namespace tcs::coq
