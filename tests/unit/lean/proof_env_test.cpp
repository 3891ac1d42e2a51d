// LeanProofEnv against recorded REPL transcripts (replay double).
#include <gtest/gtest.h>

#include "provers/lean/proof_env.hpp"
#include "tests/unit/lean/replay.hpp"

namespace tcs::lean {
namespace {

core::Problem problem(const std::string& lean) {
  core::Problem p;
  p.id = "test/lean";
  p.statements.push_back({"lean", lean});
  return p;
}

TEST(LeanProofEnv, StepsBranchAndCompleteOnlyOnCompleted) {
  LeanProofEnv env(testing::replay("proof_step"));
  auto root = env.open(problem("def f : Nat := by sorry"));
  ASSERT_TRUE(root.ok()) << root.error().message;
  EXPECT_EQ(root->text, "⊢ Nat");
  auto to_int = env.apply(*root, "apply Int.natAbs", {});
  ASSERT_TRUE(to_int.verdict.ok()) << to_int.verdict.message;
  ASSERT_EQ(to_int.subgoals.size(), 1u);
  EXPECT_EQ(to_int.subgoals[0].text, "⊢ Int");
  auto have = env.apply(*root, "have t : Nat := 42", {});  // a second branch from the root
  ASSERT_EQ(have.subgoals.size(), 1u);
  EXPECT_EQ(have.subgoals[0].text, "t : Nat\n⊢ Nat");
  auto done = env.apply(have.subgoals[0], "exact t", {});
  EXPECT_TRUE(done.verdict.ok()) << done.verdict.message;
  EXPECT_TRUE(done.subgoals.empty());
}

TEST(LeanProofEnv, AFailingTacticWithNoGoalsIsRejected) {
  LeanProofEnv env(testing::replay("invalid_tactic"));
  auto root = env.open(problem("theorem my_theorem (x : Nat) : x = x := by sorry"));
  ASSERT_TRUE(root.ok()) << root.error().message;
  auto bad = env.apply(*root, "exact my_fake_premise", {});
  EXPECT_EQ(bad.verdict.kind, core::VerdictKind::rejected);
  EXPECT_EQ(bad.verdict.detail["reason"], "lean-error");
  EXPECT_TRUE(bad.subgoals.empty());
}

TEST(LeanProofEnv, AProofOfSeveralGoals) {
  LeanProofEnv env(testing::replay("proof_branching"));
  auto root = env.open(
      problem("theorem complex_and (p q r : Prop) (h1 : p ∧ q) (h2 : q → r) : p ∧ r := by sorry"));
  ASSERT_TRUE(root.ok()) << root.error().message;
  core::Goal g = *root;
  for (const char* t : {"apply And.intro", "exact h1.left", "apply h2"}) {
    auto step = env.apply(g, t, {});
    ASSERT_EQ(step.subgoals.size(), 1u) << t << ": " << step.verdict.message;
    g = step.subgoals[0];
  }
  auto last = env.apply(g, "exact h1.right", {});
  EXPECT_TRUE(last.verdict.ok());
  EXPECT_TRUE(last.subgoals.empty());
}

TEST(LeanProofEnv, CheatsNeverReachTheRepl) {
  // The transcript holds only the statement: any tactic sent would fail the double.
  LeanProofEnv env(testing::replay("tactic_sorry"));
  auto root = env.open(problem("def f : Nat := by sorry"));
  ASSERT_TRUE(root.ok()) << root.error().message;
  EXPECT_EQ(env.apply(*root, "sorry", {}).verdict.detail["reason"], "sorry");
  EXPECT_EQ(env.apply(*root, "native_decide", {}).verdict.detail["reason"], "native");
  EXPECT_EQ(env.apply(*root, "exact (by admit)", {}).verdict.detail["reason"], "admit");
}

TEST(LeanProofEnv, ATimedOutTacticIsATimeout) {
  LeanProofEnv env(testing::replay("proof_step", 1));
  auto root = env.open(problem("def f : Nat := by sorry"));
  ASSERT_TRUE(root.ok());
  core::Limits quick;
  quick.wall_seconds = 0.3;
  EXPECT_EQ(env.apply(*root, "apply Int.natAbs", quick).verdict.kind, core::VerdictKind::timeout);
}

TEST(LeanProofEnv, StatementsMustEndInSorry) {
  LeanProofEnv env(testing::replay("tactic_sorry"));
  EXPECT_FALSE(env.open(problem("def f : Nat := 0")).ok());
  core::Problem none;
  none.id = "x";
  EXPECT_FALSE(env.open(none).ok());
}

}  // namespace
}  // namespace tcs::lean
