// The built-in step strategy end to end with the real z3 back-end: every accepted script is
// re-checked from scratch by a fresh checker, and broken scripts are refused.
#include <gtest/gtest.h>

#include "generators/mba/family.hpp"
#include "generators/mba/problems.hpp"
#include "generators/mba/strategy.hpp"
#include "provers/z3/z3.hpp"

namespace tcs::mba {
namespace {

core::Limits budget(double seconds) {
  core::Limits l;
  l.wall_seconds = seconds;
  return l;
}

std::vector<core::Candidate> propose(const core::Problem& p, const std::string& options = "") {
  auto policy = make_family()->builtin_policy(options);
  EXPECT_TRUE(policy.ok());
  core::PolicyQuery q;
  q.problem = &p;
  q.mode = core::CandidateMode::whole;
  q.count = 2;
  auto c = (*policy)->propose(q);
  EXPECT_TRUE(c.ok());
  return *c;
}

TEST(Strategy, Proves64BitIdentitiesOfEveryClassAndTheProofsRecheck) {
  for (const char* kind : {"linear", "polynomial", "nonpoly"}) {
    auto ps = make_family()->generate({kind, {{"width", 64}, {"vars", 3}, {"terms", 5}}, 3, 3});
    ASSERT_TRUE(ps.ok());
    for (const auto& p : *ps) {
      const auto candidates = propose(p);
      ASSERT_EQ(candidates.size(), 2u);
      EXPECT_EQ(candidates[0].backend, "z3");
      EXPECT_EQ(candidates[0].text, candidates[1].text);  // deterministic
      const core::Verdict v = z3b::make_checker()->check(p, candidates[0], budget(20));
      EXPECT_EQ(v.kind, core::VerdictKind::verified) << p.id << ": " << v.message << "\n" << candidates[0].text;
      EXPECT_GT(v.detail["leaves"].get<int64_t>(), 0);
      // Never trust the search: a fresh checker, from scratch, must agree.
      EXPECT_EQ(z3b::make_checker()->check(p, candidates[0], budget(20)).kind, v.kind) << p.id;
    }
  }
}

TEST(Strategy, BrokenScriptsAreRejectedNotVerified) {
  auto ps = make_family()->generate({"polynomial", {{"width", 64}}, 5, 1});
  ASSERT_TRUE(ps.ok());
  const core::Problem& p = ps->front();
  std::string script = propose(p).front().text;
  // Drop the final (ring): goals stay open.
  std::string no_ring = script.substr(0, script.rfind("(ring)"));
  auto v = z3b::make_checker()->check(p, {no_ring, "z3", core::CandidateMode::whole, {}}, budget(20));
  EXPECT_EQ(v.kind, core::VerdictKind::rejected) << v.message;
  // Corrupt the first rewrite's right-hand side b into b + 1: its (linear-mba) instances fail.
  const size_t at = script.find("(rewrite ");
  ASSERT_NE(at, std::string::npos);
  const size_t eol = script.find('\n', at);
  auto rw = z3b::parse_sexprs(script.substr(at, eol - at));
  ASSERT_TRUE(rw.ok());
  const std::string wrong = "(rewrite " + z3b::to_string(rw->front().items[1]) + " (bvadd " +
                            z3b::to_string(rw->front().items[2]) + " (_ bv1 64)))";
  const std::string corrupt = script.substr(0, at) + wrong + script.substr(eol);
  auto w = z3b::make_checker()->check(p, {corrupt, "z3", core::CandidateMode::whole, {}}, budget(20));
  EXPECT_EQ(w.kind, core::VerdictKind::rejected) << w.message;
  EXPECT_NE(w.message.find("counterexample"), std::string::npos) << w.message;
}

TEST(Strategy, PlainSmtBaselineIsAOneTacticScript) {
  auto ps = make_family()->generate({"linear", {{"width", 8}}, 5, 1});
  ASSERT_TRUE(ps.ok());
  const auto c = propose(ps->front(), "strategy=smt").front();
  EXPECT_EQ(c.text, "(smt)\n");
  EXPECT_EQ(z3b::make_checker()->check(ps->front(), c, budget(10)).kind, core::VerdictKind::verified);
  EXPECT_FALSE(make_family()->builtin_policy("noise=2").ok());
  EXPECT_FALSE(make_family()->builtin_policy("depth=3").ok());
}

TEST(Strategy, NoiseCorruptsSomeSamplesAndTheCheckerRefusesThem) {
  auto ps = make_family()->generate({"linear", {{"width", 64}}, 5, 1});
  ASSERT_TRUE(ps.ok());
  // Each of the script's tactics is wrong with probability 0.1: about half the scripts survive.
  auto policy = make_family()->builtin_policy("noise=0.1");
  ASSERT_TRUE(policy.ok());
  core::PolicyQuery q;
  q.problem = &ps->front();
  q.count = 16;
  auto cs = (*policy)->propose(q);
  ASSERT_TRUE(cs.ok());
  int verified = 0, rejected = 0;
  for (const auto& c : *cs) {
    const auto v = z3b::make_checker()->check(ps->front(), c, budget(10)).kind;
    verified += v == core::VerdictKind::verified;
    rejected += v == core::VerdictKind::rejected;
  }
  EXPECT_EQ(verified + rejected, 16);
  EXPECT_GT(verified, 0);
  EXPECT_GT(rejected, 0);
}

std::vector<core::Candidate> propose_steps(const std::string& goal, int64_t width,
                                          const std::string& options = "", uint64_t seed = 1) {
  auto policy = make_family()->builtin_policy(options);
  EXPECT_TRUE(policy.ok());
  core::PolicyQuery q;
  q.prompt = goal;  // no problem: step mode reads the goal text only
  q.mode = core::CandidateMode::step;
  q.count = width;
  q.seed = seed;
  auto c = (*policy)->propose(q);
  EXPECT_TRUE(c.ok());
  return c.ok() ? *c : std::vector<core::Candidate>{};
}

TEST(StepPolicy, ReadsTheIdentityBackFromTheGoalText) {
  auto ps = make_family()->generate({"nonpoly", {{"width", 64}, {"vars", 3}}, 4, 2});
  ASSERT_TRUE(ps.ok());
  for (const auto& p : *ps) {
    auto want = identity_from_problem(p);
    auto goal = z3b::make_proof_env()->open(p);
    ASSERT_TRUE(want.ok() && goal.ok());
    auto got = identity_from_goal(goal->text);
    ASSERT_TRUE(got.ok()) << got.error().message;
    EXPECT_EQ(got->width, 64);
    EXPECT_EQ(got->names, want->names);
    EXPECT_EQ(to_smt(*got->lhs, got->names, 64), to_smt(*want->lhs, want->names, 64));
    EXPECT_EQ(to_smt(*got->rhs, got->names, 64), to_smt(*want->rhs, want->names, 64));
  }
  EXPECT_FALSE(identity_from_goal("(declare-const p Bool)\n(assert (not p))").ok());
  EXPECT_FALSE(identity_from_goal("(declare-const x (_ BitVec 8))\n(assert (not (bvult x x)))").ok());
  EXPECT_FALSE(identity_from_goal("(declare-const x (_ BitVec 8)").ok());
}

// Following the policy's first tactic at every goal (no noise) proves every class, one real
// z3 step at a time, and each proposal is exactly one tactic with a log-probability.
TEST(StepPolicy, FirstTacticsProveEveryClassStepByStep) {
  for (const char* kind : {"linear", "polynomial", "nonpoly"}) {
    auto ps = make_family()->generate({kind, {{"width", 64}, {"vars", 2}, {"terms", 3}}, 11, 1});
    ASSERT_TRUE(ps.ok());
    auto env = z3b::make_proof_env();
    auto root = env->open(ps->front());
    ASSERT_TRUE(root.ok());
    std::vector<core::Goal> open = {*root};
    int steps = 0;
    while (!open.empty() && steps < 500) {
      const core::Goal g = open.back();
      open.pop_back();
      const auto c = propose_steps(g.text, 3);
      ASSERT_EQ(c.size(), 3u);
      EXPECT_EQ(c[0].mode, core::CandidateMode::step);
      ASSERT_TRUE(c[0].provenance.logprob.has_value());
      EXPECT_GT(*c[0].provenance.logprob, *c[1].provenance.logprob);
      const auto r = env->apply(g, c[0].text, budget(10));
      ASSERT_EQ(r.verdict.kind, core::VerdictKind::verified) << kind << ": " << c[0].text << "\n" << g.text << r.verdict.message;
      for (auto it = r.subgoals.rbegin(); it != r.subgoals.rend(); ++it) open.push_back(*it);
      ++steps;
    }
    EXPECT_TRUE(open.empty()) << kind;
    EXPECT_GT(steps, 1) << kind;
  }
}

TEST(StepPolicy, NoiseProposesDecoysThatTheEnvironmentRefusesOrThatDoNotHelp) {
  auto ps = make_family()->generate({"polynomial", {{"width", 64}}, 5, 1});
  ASSERT_TRUE(ps.ok());
  auto env = z3b::make_proof_env();
  auto root = env->open(ps->front());
  ASSERT_TRUE(root.ok());
  const auto clean = propose_steps(root->text, 2);
  int differ = 0, refused = 0;
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    const auto noisy = propose_steps(root->text, 2, "noise=0.5", seed);
    EXPECT_EQ(noisy.size(), 2u);
    EXPECT_EQ(propose_steps(root->text, 2, "noise=0.5", seed)[0].text, noisy[0].text);  // deterministic
    if (noisy[0].text == clean[0].text) continue;
    ++differ;
    refused += env->apply(*root, noisy[0].text, budget(10)).verdict.kind != core::VerdictKind::verified;
  }
  EXPECT_GT(differ, 0);
  EXPECT_LT(differ, 12);
  EXPECT_GT(refused, 0);  // (ring) / (linear-mba) where they do not apply
  // A goal that is not an MBA identity still gets exactly `width` tactics.
  const auto other = propose_steps("(declare-const p Bool)\n(assert (not p))", 3);
  ASSERT_EQ(other.size(), 3u);
  EXPECT_EQ(other[0].text, "(smt)");
}

TEST(Strategy, MetricsCountProofsStepsAndUnknowns) {
  auto m = make_family()->metrics();
  core::Json detail = {{"steps", 10}, {"leaves", 4}};
  core::Problem p;
  m->add(p, {{core::VerdictKind::verified, &detail}, {core::VerdictKind::timeout, nullptr}});
  const auto r = m->result();
  EXPECT_DOUBLE_EQ(r["proved"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(r["unknown"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(r["mean_steps"].get<double>(), 10);
  EXPECT_DOUBLE_EQ(r["mean_leaves"].get<double>(), 4);
}

}  // namespace
}  // namespace tcs::mba
