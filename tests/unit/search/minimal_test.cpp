// HyperTree proof extraction returns a minimal proof (by size or by depth) of the graph it
// explored; searched to exhaustion, that is the graph's known minimal proof.
#include <gtest/gtest.h>

#include "graphs.hpp"
#include "harness/search/prove.hpp"
#include "harness/search/synthetic.hpp"

namespace tcs::search {
namespace {

using namespace testing;  // NOLINT

SearchResult exhaust(const synthetic::Graph& g, Minimize by, int64_t expansions, uint64_t seed = 1) {
  SearchConfig c;
  c.strategy = Strategy::hypertree;
  c.budget = {1, 1, 8, expansions};
  c.stop_at_first_proof = false;
  c.simulations_per_expansion = 400;
  c.minimize = by;
  c.seed = seed;
  core::Problem problem = synthetic::make_problem(g, "min");
  synthetic::Env env(g);
  synthetic::Policy policy(g, 2.0);
  synthetic::Checker checker;
  core::CancelToken cancel;
  return prove(problem, env, policy, c, nullptr, &checker, cancel);
}

// g0 -> g1 -> g2 -> closed (size 3, depth 3), or g0 -> {g3, g4, g5} each closed (size 4, depth 2).
// The likelier tactic is the fan, so the first proof found is not the smallest.
synthetic::Graph size_vs_depth() {
  return graph({{ok({1}, -2.0), ok({3, 4, 5}, -0.1)}, {ok({2})}, {ok({})}, {ok({})}, {ok({})}, {ok({})}});
}

TEST(HypertreeMinimal, BySizeAndByDepthPickDifferentProofs) {
  auto g = size_vs_depth();
  SearchResult by_size = exhaust(g, Minimize::size, 20);
  ASSERT_TRUE(by_size.solved) << by_size.message;
  EXPECT_EQ(by_size.tree.size(), 3u);
  EXPECT_EQ(by_size.tree.tactic, "g0.t0");
  SearchResult by_depth = exhaust(g, Minimize::depth, 20);
  ASSERT_TRUE(by_depth.solved) << by_depth.message;
  EXPECT_EQ(by_depth.tree.depth(), 2u);
  EXPECT_EQ(by_depth.tree.tactic, "g0.t1");
}

TEST(HypertreeMinimal, StoppingAtTheFirstProofMayMissTheSmallest) {
  auto g = size_vs_depth();
  SearchConfig c;
  c.strategy = Strategy::hypertree;
  c.budget = {1, 1, 8, 20};
  core::Problem problem = synthetic::make_problem(g, "first");
  synthetic::Env env(g);
  synthetic::Policy policy(g, 0.0);
  core::CancelToken cancel;
  SearchResult r = prove(problem, env, policy, c, nullptr, nullptr, cancel);
  ASSERT_TRUE(r.found);
  EXPECT_EQ(r.tree.tactic, "g0.t1");  // the fan: found first, not minimal by size
  EXPECT_LT(r.stats.expansions, 6);
}

TEST(HypertreeMinimal, ExhaustedSearchFindsTheKnownMinimalProof) {
  synthetic::Shape shape;
  shape.goals = 24;
  int checked = 0;
  for (uint64_t seed = 0; seed < 25; ++seed) {
    auto g = synthetic::generate(seed, shape);
    for (Minimize by : {Minimize::size, Minimize::depth}) {
      SearchResult r = exhaust(g, by, shape.goals, seed);
      ASSERT_TRUE(r.solved) << "seed " << seed << ": " << r.message;
      ASSERT_TRUE(r.rechecked);
      if (by == Minimize::size)
        EXPECT_EQ(static_cast<int64_t>(r.tree.size()), g.min_size[0]) << "seed " << seed;
      else
        EXPECT_EQ(static_cast<int64_t>(r.tree.depth()), g.min_depth[0]) << "seed " << seed;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 50);
}

}  // namespace
}  // namespace tcs::search
