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
  auto policy = make_family()->builtin_policy("noise=0.5");
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
