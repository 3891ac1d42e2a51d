// The synthetic env, policy and checker: the test doubles the search tests stand on.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "graphs.hpp"
#include "harness/search/synthetic.hpp"

namespace tcs::search {
namespace {

using namespace testing;  // NOLINT
using ::testing::HasSubstr;

core::Candidate whole(const core::ProofTree& tree) {
  core::Candidate c;
  c.text = core::proof_tree_to_json(tree).dump();
  c.mode = core::CandidateMode::whole;
  return c;
}

// g0 needs g1 and g2 (AND), or g3 (a dead end that loops on itself).
synthetic::Graph and_graph() {
  return graph({{ok({1, 2}), ok({3})}, {ok({})}, {ok({}), error()}, {ok({3})}});
}

TEST(Synthetic, MinimalMeasuresAreLeastFixpoints) {
  synthetic::Graph g = and_graph();
  EXPECT_EQ(g.min_size[0], 3);
  EXPECT_EQ(g.min_depth[0], 2);
  EXPECT_EQ(g.min_size[3], synthetic::kUnprovable);
  synthetic::Graph chain = graph({{ok({1}), ok({2, 2})}, {ok({2})}, {ok({})}});
  EXPECT_EQ(chain.min_size[0], 3);   // g0.t0 -> g1 -> g2
  EXPECT_EQ(chain.min_depth[0], 2);  // g0.t1 -> (g2, g2)
}

TEST(Synthetic, CheckerReplaysWholeProofsFromScratch) {
  synthetic::Graph g = and_graph();
  core::Problem p = synthetic::make_problem(g, "and");
  synthetic::Checker checker;
  core::ProofTree good{"g0.t0", {{"g1.t0", {}}, {"g2.t0", {}}}};
  EXPECT_TRUE(checker.check(p, whole(good), {}).ok());
  core::ProofTree missing{"g0.t0", {{"g1.t0", {}}}};
  EXPECT_THAT(checker.check(p, whole(missing), {}).message, HasSubstr("leaves 2 subgoals"));
  core::ProofTree refused{"g0.t0", {{"g1.t0", {}}, {"g2.t1", {}}}};
  auto v = checker.check(p, whole(refused), {});
  EXPECT_EQ(v.kind, core::VerdictKind::rejected);
  EXPECT_THAT(v.message, HasSubstr("proof.subgoals[1]"));
  core::Candidate junk;
  junk.text = "{\"tactic\": 3}";
  EXPECT_EQ(checker.check(p, junk, {}).kind, core::VerdictKind::rejected);
}

TEST(Synthetic, EnvAppliesTacticsAndRefusesOthers) {
  synthetic::Graph g = and_graph();
  synthetic::Env env(g);
  core::Problem p = synthetic::make_problem(g, "and");
  auto root = env.open(p);
  ASSERT_TRUE(root.ok());
  auto step = env.apply(*root, "g0.t0", {});
  ASSERT_TRUE(step.verdict.ok());
  ASSERT_EQ(step.subgoals.size(), 2u);
  EXPECT_EQ(step.subgoals[1].key, "g2");
  EXPECT_EQ(env.apply(*root, "g1.t0", {}).verdict.kind, core::VerdictKind::rejected);
  EXPECT_EQ(env.apply(step.subgoals[1], "g2.t1", {}).verdict.kind, core::VerdictKind::rejected);
  core::Problem other = p;
  other.family = "tm_trace";
  EXPECT_FALSE(env.open(other).ok());
}

TEST(Synthetic, PolicyIsDeterministicAndPadsWithRefusedTactics) {
  synthetic::Graph g = and_graph();
  synthetic::Policy policy(g, 1.0);
  core::PolicyQuery q{nullptr, "g0", core::CandidateMode::step, 0, 4, 7};
  auto a = policy.propose(q), b = policy.propose(q);
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->size(), 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ((*a)[i].text, (*b)[i].text);
  EXPECT_EQ((*a)[2].text, "g0.x2");
  q.prompt = "nonsense";
  EXPECT_FALSE(policy.propose(q).ok());
}

TEST(Synthetic, GeneratedGraphsAreDeterministicAndRoundTrip) {
  synthetic::Shape shape;
  synthetic::Graph a = synthetic::generate(11, shape), b = synthetic::generate(11, shape);
  ASSERT_EQ(a.goals.size(), b.goals.size());
  EXPECT_EQ(synthetic::make_problem(a, "x"), synthetic::make_problem(b, "x"));
  EXPECT_NE(a.min_size[0], synthetic::kUnprovable);
  auto back = synthetic::graph_from_params(synthetic::make_problem(a, "x").params);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->min_size, a.min_size);
  shape.provable = false;
  EXPECT_EQ(synthetic::generate(11, shape).min_size[0], synthetic::kUnprovable);
}

}  // namespace
}  // namespace tcs::search
