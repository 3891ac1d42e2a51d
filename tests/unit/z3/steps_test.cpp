// The step language against real Z3: tactics, whole scripts, verdict kinds, limits.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "harness/core/env.hpp"
#include "provers/z3/cvc5.hpp"
#include "provers/z3/z3.hpp"

namespace tcs::z3b {
namespace {

SmtGoal goal(const std::string& decls, const std::string& target, const std::string& hyps = "") {
  auto g = parse_goal(decls + hyps + "(assert (not " + target + "))");
  EXPECT_TRUE(g.ok()) << (g.ok() ? "" : g.error().message);
  return *g;
}

const std::string kXY8 = "(declare-const x (_ BitVec 8))(declare-const y (_ BitVec 8))";
const std::string kXY64 = "(declare-const x (_ BitVec 64))(declare-const y (_ BitVec 64))";
// x + y = (x ^ y) + 2 (x & y)
const std::string kAddId64 = "(= (bvadd x y) (bvadd (bvxor x y) (bvmul (_ bv2 64) (bvand x y))))";

core::Limits limits(double seconds) {
  core::Limits l;
  l.wall_seconds = seconds;
  return l;
}

ScriptResult run(const SmtGoal& g, const std::string& script, double seconds = 10) {
  Prover prover;
  return check_script(g, script, prover, limits(seconds));
}

TEST(Smt, ValidIsVerifiedInvalidIsRejectedWithACounterexample) {
  Prover prover;
  auto ok = prover.check_valid(goal(kXY8, "(= (bvadd x y) (bvadd y x))"), 5, 0);
  EXPECT_EQ(ok.kind, core::VerdictKind::verified) << ok.message;
  auto bad = prover.check_valid(goal(kXY8, "(= (bvadd x y) (bvor x y))"), 5, 0);
  EXPECT_EQ(bad.kind, core::VerdictKind::rejected);
  EXPECT_NE(bad.message.find("counterexample: x = #x"), std::string::npos) << bad.message;
}

TEST(Smt, HypothesesAreUsed) {
  Prover prover;
  auto r = prover.check_valid(goal(kXY8, "(= x y)", "(assert (= (bvxor x y) #x00))"), 5, 0);
  EXPECT_EQ(r.kind, core::VerdictKind::verified) << r.message;
}

// (x&y)(x|y) + (x&~y)(~x&y) = xy: a 64-bit polynomial MBA identity Z3 cannot close quickly.
const std::string kHard =
    "(= (bvadd (bvmul (bvand x y) (bvor x y)) (bvmul (bvand x (bvnot y)) (bvand (bvnot x) y))) (bvmul x y))";
// (x+y)^2 = x^2 + 2xy + y^2: a ring identity.
const std::string kSquare = "(= (bvmul (bvadd x y) (bvadd x y)) (bvadd (bvmul x x) (bvmul (_ bv2 64) (bvmul x y)) (bvmul y y)))";

TEST(Smt, UnknownIsTimeoutOrResourceOutNeverRejected) {
  Prover prover;
  auto t = prover.check_valid(goal(kXY64, kHard), 0.05, 0);
  EXPECT_EQ(t.kind, core::VerdictKind::timeout) << t.message;
  EXPECT_NE(t.message.find("unknown"), std::string::npos);
  auto r = prover.check_valid(goal(kXY64, kHard), 0, 2000);
  EXPECT_EQ(r.kind, core::VerdictKind::resource_out) << r.message;
}

TEST(Smt, ChildProcessIsKilledAtTheDeadline) {
  Prover prover({true, 1024});
  core::Stopwatch clock;
  auto t = prover.check_valid(goal(kXY64, kHard), 0.2, 0);
  EXPECT_EQ(t.kind, core::VerdictKind::timeout) << t.message;
  EXPECT_LT(clock.seconds(), 5.0);  // generous: only "it came back", speed is measured in perf
  auto ok = prover.check_valid(goal(kXY8, "(= (bvadd x y) (bvadd y x))"), 5, 0);
  EXPECT_EQ(ok.kind, core::VerdictKind::verified) << ok.message;
  auto bad = prover.check_valid(goal(kXY8, "(= x y)"), 5, 0);
  EXPECT_EQ(bad.kind, core::VerdictKind::rejected) << bad.message;
}

TEST(Smt, InterruptStopsARunningCheck) {
  Prover prover;
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    prover.interrupt();
  });
  auto r = prover.check_valid(goal(kXY64, kHard), 60, 0);
  stopper.join();
  EXPECT_EQ(r.kind, core::VerdictKind::timeout) << r.message;
  EXPECT_LT(r.seconds, 30.0);
}

// The in-process watchdog interrupts at each timed check's deadline and never later: checks
// one after another on one Prover, timed out or not, each get their own verdict.
TEST(Smt, WatchdogStopsTimedChecksAndLeavesTheNextOnesAlone) {
  Prover prover;
  for (int i = 0; i < 3; ++i) {
    auto t = prover.check_valid(goal(kXY64, kHard), 0.05, 0);
    EXPECT_EQ(t.kind, core::VerdictKind::timeout) << t.message;
    auto ok = prover.check_valid(goal(kXY64, kAddId64), 5, 0);
    EXPECT_EQ(ok.kind, core::VerdictKind::verified) << ok.message;
    auto bad = prover.check_valid(goal(kXY8, "(= x y)"), 0.05, 0);
    EXPECT_EQ(bad.kind, core::VerdictKind::rejected) << bad.message;
  }
}

TEST(Smt, UserFilesGoThroughZ3sParserWithPositions) {
  EXPECT_TRUE(parse_smtlib_status("(declare-const x Int)(assert (> x x))").ok());
  auto bad = parse_smtlib_status("(declare-const x Int)\n(assert (> x y))");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("line 2 column"), std::string::npos) << bad.error().message;
  Prover prover;
  EXPECT_EQ(prover.check_smtlib("(declare-const x Int)(assert (> x x))", 5, 0).kind, core::VerdictKind::verified);
  auto sat = prover.check_smtlib("(declare-const x Int)(assert (> x 3))", 5, 0);
  EXPECT_EQ(sat.kind, core::VerdictKind::rejected);
  EXPECT_NE(sat.message.find("x = "), std::string::npos) << sat.message;
}

TEST(Scripts, RewriteThenLinearMbaProvesA64BitIdentity) {
  const std::string script =
      "(rewrite (bvadd x y) (bvadd (bvxor x y) (bvmul (_ bv2 64) (bvand x y))))\n"
      "  (linear-mba) (smt) (smt) (smt) (smt)\n"
      "(smt)\n";
  auto r = run(goal(kXY64, kAddId64), script);
  EXPECT_EQ(r.verdict.kind, core::VerdictKind::verified) << r.verdict.message;
  EXPECT_EQ(r.steps, 7);
  EXPECT_EQ(r.leaves, 5);
  EXPECT_EQ(r.verdict.detail["leaves"], 5);
}

TEST(Scripts, IncompleteExtraAndWrongScriptsAreRejected) {
  auto open = run(goal(kXY64, kAddId64), "(linear-mba) (smt) (smt)");
  EXPECT_EQ(open.verdict.kind, core::VerdictKind::rejected);
  EXPECT_NE(open.verdict.message.find("2 goal(s) left open"), std::string::npos) << open.verdict.message;
  auto extra = run(goal(kXY64, kAddId64), "(linear-mba) (smt) (smt) (smt) (smt) (smt)");
  EXPECT_NE(extra.verdict.message.find("no goal left"), std::string::npos) << extra.verdict.message;
  // (linear-mba) on an identity that is false: a ground instance fails with a counterexample.
  auto wrong = run(goal(kXY64, "(= (bvadd x y) (bvor x y))"), "(linear-mba) (smt) (smt) (smt) (smt)");
  EXPECT_EQ(wrong.verdict.kind, core::VerdictKind::rejected);
  EXPECT_NE(wrong.verdict.message.find("step 5"), std::string::npos) << wrong.verdict.message;
  auto cmd = run(goal(kXY64, kAddId64), "(have (assert false))");
  EXPECT_EQ(cmd.verdict.kind, core::VerdictKind::rejected);
  EXPECT_NE(cmd.verdict.message.find("not allowed"), std::string::npos) << cmd.verdict.message;
  auto unknown = run(goal(kXY64, kAddId64), "(omega)");
  EXPECT_NE(unknown.verdict.message.find("unknown tactic"), std::string::npos);
}

TEST(Scripts, HaveAndCasesMakeTheRightSubgoals) {
  const SmtGoal g = goal(kXY8, "(bvule x (bvor x y))");
  EXPECT_EQ(run(g, "(cases (= y #x00)) (smt) (smt)").verdict.kind, core::VerdictKind::verified);
  EXPECT_EQ(run(g, "(have (= (bvand x (bvor x y)) x)) (smt) (smt)").verdict.kind, core::VerdictKind::verified);
  // A false `have` is caught in its own subgoal.
  auto r = run(g, "(have (= x y)) (smt) (smt)");
  EXPECT_EQ(r.verdict.kind, core::VerdictKind::rejected);
  EXPECT_NE(r.verdict.message.find("step 2"), std::string::npos) << r.verdict.message;
}

TEST(Scripts, RingClosesPolynomialIdentitiesAndOnlyThose) {
  const SmtGoal sq = goal(kXY64, kSquare);
  EXPECT_EQ(run(sq, "(ring)").verdict.kind, core::VerdictKind::verified);
  auto bad = run(goal(kXY64, "(= (bvmul (bvadd x y) (bvadd x y)) (bvadd (bvmul x x) (bvmul y y)))"), "(ring)");
  EXPECT_EQ(bad.verdict.kind, core::VerdictKind::rejected);
  EXPECT_NE(bad.verdict.message.find("differ by 2*x*y"), std::string::npos) << bad.verdict.message;
  // Bitwise subterms are opaque atoms: x & y is not x * y.
  EXPECT_EQ(run(goal(kXY64, "(= (bvand x y) (bvmul x y))"), "(ring)").verdict.kind, core::VerdictKind::rejected);
}

TEST(Scripts, RewriteNeedsTheTermInTheTarget) {
  auto r = run(goal(kXY8, "(= x x)"), "(rewrite y x)");
  EXPECT_NE(r.verdict.message.find("does not occur"), std::string::npos) << r.verdict.message;
}

TEST(Scripts, TheTotalBudgetBoundsTheScript) {
  auto r = run(goal(kXY64, kHard), "(smt)", 0.1);
  EXPECT_EQ(r.verdict.kind, core::VerdictKind::timeout) << r.verdict.message;
}

TEST(SecondOpinion, Cvc5AgreesOnValidAndInvalidGoals) {
  auto yes = cvc5_check(goal(kXY8, "(= (bvadd x y) (bvadd y x))"), 10);
  EXPECT_EQ(yes.kind, core::VerdictKind::verified) << yes.message;
  auto no = cvc5_check(goal(kXY8, "(= x y)"), 10);
  EXPECT_EQ(no.kind, core::VerdictKind::rejected) << no.message;
  Prover prover;
  ScriptOptions o;
  o.second_opinion_cvc5 = true;
  auto r = check_script(goal(kXY8, "(= (bvadd x y) (bvadd y x))"), "(smt)", prover, limits(10), o);
  EXPECT_EQ(r.verdict.kind, core::VerdictKind::verified) << r.verdict.message;
}

// cvc5 runs through provers/process (argv only): a missing binary is an error saying so, and
// the deadline is a timeout, never a verdict about the goal.
TEST(SecondOpinion, MissingBinaryIsAnErrorAndTheDeadlineATimeout) {
  auto missing = cvc5_check(goal(kXY8, "(= x x)"), 5, "/nonexistent/cvc5");
  EXPECT_EQ(missing.kind, core::VerdictKind::error) << missing.message;
  EXPECT_NE(missing.message.find("cannot run"), std::string::npos) << missing.message;
  auto slow = cvc5_check(goal(kXY64, kHard), 0.2);
  EXPECT_EQ(slow.kind, core::VerdictKind::timeout) << slow.message;
}

core::Problem problem_with(const std::string& smt2) {
  core::Problem p;
  p.id = "test/z3/1";
  p.family = "test";
  if (!smt2.empty()) p.statements.push_back({"smt2", smt2});
  return p;
}

TEST(Backend, CheckerAndProofEnvAgree) {
  const core::Problem p = problem_with(kXY64 + "(assert (not " + kAddId64 + "))");
  auto checker = make_checker();
  EXPECT_EQ(checker->backend(), "z3");
  const core::Candidate c{"(linear-mba) (smt) (smt) (smt) (smt)", "z3", core::CandidateMode::whole, {}};
  EXPECT_EQ(checker->check(p, c, limits(10)).kind, core::VerdictKind::verified);
  EXPECT_EQ(make_checker()->check(problem_with(""), c, limits(10)).kind, core::VerdictKind::error);

  auto env = make_proof_env();
  auto root = env->open(p);
  ASSERT_TRUE(root.ok());
  auto split = env->apply(*root, "(linear-mba)", limits(10));
  ASSERT_TRUE(split.verdict.ok()) << split.verdict.message;
  ASSERT_EQ(split.subgoals.size(), 4u);
  for (const auto& g : split.subgoals) {
    auto leaf = env->apply(g, "(smt)", limits(10));
    EXPECT_TRUE(leaf.verdict.ok()) << leaf.verdict.message;
    EXPECT_TRUE(leaf.subgoals.empty());
  }
  // The search's proof tree becomes a script the checker re-checks from scratch.
  EXPECT_EQ(env->proof_backend(), "z3");
  core::ProofTree tree{"(linear-mba)", {{"(smt)", {}}, {"(smt)", {}}, {"(smt)", {}}, {"(smt)", {}}}};
  auto script = env->assemble_proof(p, tree);
  ASSERT_TRUE(script.ok());
  EXPECT_EQ(make_checker()->check(p, {*script, "z3", core::CandidateMode::whole, {}}, limits(10)).kind,
            core::VerdictKind::verified);
  tree.subproofs.pop_back();
  EXPECT_EQ(make_checker()->check(p, {*env->assemble_proof(p, tree), "z3", core::CandidateMode::whole, {}}, limits(10)).kind,
            core::VerdictKind::rejected);
  EXPECT_EQ(env->apply(*root, "(smt) (smt)", limits(10)).verdict.kind, core::VerdictKind::rejected);
  EXPECT_EQ(env->apply(*root, "(reset)", limits(10)).verdict.kind, core::VerdictKind::rejected);
}

}  // namespace
}  // namespace tcs::z3b
