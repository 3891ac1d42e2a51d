// Both tree searches over hand-made and generated goal graphs: AND-nodes, dead ends, cycles,
// duplicate states, cancellation, determinism, recording and the whole-proof re-check; and
// that hypertree rounds fill their in_flight slots.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <span>

#include "graphs.hpp"
#include "harness/search/prove.hpp"
#include "harness/search/synthetic.hpp"

namespace tcs::search {
namespace {

using namespace testing;  // NOLINT
using ::testing::HasSubstr;

struct Outcome {
  SearchResult result;
  MemoryRecorder records;
};

class SearchTest : public ::testing::TestWithParam<Strategy> {
 protected:
  SearchConfig config(int64_t width = 4, int64_t expansions = 200) const {
    SearchConfig c;
    c.strategy = GetParam();
    c.budget = {1, 1, width, expansions};
    c.seed = 42;
    return c;
  }
  Outcome run(const synthetic::Graph& g, const SearchConfig& c, core::Policy* policy = nullptr,
          const core::CancelToken* cancel = nullptr) {
    Outcome out;
    core::Problem problem = synthetic::make_problem(g, "t");
    synthetic::Env env(g);
    synthetic::Policy fallback(g, 0.0);
    synthetic::Checker checker;
    core::CancelToken never;
    out.result = prove(problem, env, policy ? *policy : fallback, c, &out.records, &checker,
                       cancel ? *cancel : never);
    return out;
  }
};

TEST_P(SearchTest, AndNodeNeedsEveryChild) {
  // g0 -> {g1, g2}; g1 closes only after g3; g2 closes.
  auto g = graph({{ok({1, 2})}, {ok({3})}, {ok({})}, {ok({})}});
  Outcome r = run(g, config());
  ASSERT_TRUE(r.result.solved) << r.result.message;
  EXPECT_TRUE(r.result.rechecked);
  EXPECT_EQ(r.result.tree.size(), 4u);
  EXPECT_EQ(r.result.proof.mode, core::CandidateMode::whole);
  EXPECT_EQ(r.result.proof.backend, "native");
}

TEST_P(SearchTest, OrNodeSurvivesDeadEndsAndRefusedTactics) {
  // The likeliest tactics of g0 lead to a trap (g1 needs itself) or are refused.
  auto g = graph({{ok({1}, -0.1), error(-0.05), ok({2}, -3.0)}, {ok({1}), ok({1, 2})}, {ok({})}});
  Outcome r = run(g, config());
  ASSERT_TRUE(r.result.solved) << r.result.message;
  EXPECT_EQ(r.result.tree.tactic, "g0.t2");
  EXPECT_GE(r.result.stats.failed_edges, 1);
  bool failed_recorded = false;
  for (const EdgeRecord& e : r.records.edges)
    if (e.tactic == "g0.t1") failed_recorded = e.status == "failed" && e.verdict == core::VerdictKind::rejected;
  EXPECT_TRUE(failed_recorded);
}

TEST_P(SearchTest, UnprovableRootEndsWithoutProof) {
  auto g = graph({{ok({1}), error()}, {ok({0}), ok({1, 0})}});
  Outcome r = run(g, config());
  EXPECT_FALSE(r.result.solved);
  EXPECT_FALSE(r.result.found);
  EXPECT_LE(r.result.stats.expansions, 200);
}

TEST_P(SearchTest, CyclesDoNotTrapTheSearch) {
  // g0 -> g1 -> g0 (a cycle, the likelier way), g1 -> g2 closes.
  auto g = graph({{ok({1})}, {ok({0}, -0.01), ok({2}, -2.0)}, {ok({})}});
  Outcome r = run(g, config());
  ASSERT_TRUE(r.result.solved) << r.result.message;
  EXPECT_EQ(r.result.tree.size(), 3u);
  if (GetParam() == Strategy::hypertree) {
    EXPECT_GE(r.result.stats.killed_edges, 1);
    bool killed = false;
    for (const EdgeRecord& e : r.records.edges) killed |= e.tactic == "g1.t0" && e.status == "killed";
    EXPECT_TRUE(killed);
  }
}

TEST_P(SearchTest, DuplicateStatesAreOneNode) {
  // Three tactics of g0 give the same subgoals; g1 needs g2 deep down.
  auto g = graph({{ok({1, 2}, -0.1), ok({1, 2}, -0.2), ok({1, 2}, -0.3)},
                  {ok({3}, -0.1), ok({3}, -0.2)}, {ok({3})}, {ok({4})}, {ok({5}), ok({5})}, {}});
  Outcome r = run(g, config(4, 50));
  EXPECT_FALSE(r.result.solved);
  std::set<std::string> keys;
  for (const NodeRecord& n : r.records.nodes) EXPECT_TRUE(keys.insert(n.key).second) << n.key;
  if (GetParam() == Strategy::hypertree) {
    EXPECT_EQ(r.records.nodes.size(), 6u);
  }
}

TEST_P(SearchTest, LyingEnvironmentIsCaughtByTheRecheck) {
  // The env claims g0.lie closes g0; the whole-proof checker knows g0 is unprovable.
  auto g = graph({{lie(0.0), ok({1})}, {ok({1})}});
  Outcome r = run(g, config());
  EXPECT_TRUE(r.result.found);
  EXPECT_FALSE(r.result.solved);
  EXPECT_FALSE(r.result.rechecked);
  ASSERT_TRUE(r.result.recheck.has_value());
  EXPECT_EQ(r.result.recheck->kind, core::VerdictKind::rejected);
  EXPECT_THAT(r.result.message, HasSubstr("soundness alarm"));
  EXPECT_THAT(r.result.proof.text, HasSubstr("g0.lie"));
}

// Cancels the token after a number of policy calls, like a user hitting Ctrl-C mid-search.
class CancellingPolicy final : public core::Policy {
 public:
  CancellingPolicy(core::Policy& inner, core::CancelToken& token, int64_t after)
      : inner_(inner), token_(token), after_(after) {}
  std::string name() const override { return "cancelling"; }
  core::Expected<std::vector<core::Candidate>> propose(const core::PolicyQuery& q) override {
    if (++calls_ >= after_) token_.cancel();
    return inner_.propose(q);
  }
  int64_t calls_ = 0;

 private:
  core::Policy& inner_;
  core::CancelToken& token_;
  int64_t after_;
};

using synthetic::ladder;

TEST_P(SearchTest, CancellationStopsMidSearch) {
  auto g = ladder(400);
  synthetic::Policy inner(g, 0.5);
  core::CancelToken token;
  CancellingPolicy policy(inner, token, 10);
  SearchConfig c = config(4, 100000);
  c.budget.passes = 3;
  Outcome r = run(g, c, &policy, &token);
  EXPECT_TRUE(r.result.cancelled);
  EXPECT_FALSE(r.result.solved);
  EXPECT_EQ(r.result.message, "cancelled");
  EXPECT_EQ(policy.calls_, 10);
  EXPECT_EQ(r.result.stats.passes_run, 1);
}

bool same_records(const MemoryRecorder& a, const MemoryRecorder& b) {
  if (a.nodes.size() != b.nodes.size() || a.edges.size() != b.edges.size()) return false;
  for (size_t i = 0; i < a.nodes.size(); ++i)
    if (a.nodes[i].key != b.nodes[i].key || a.nodes[i].visits != b.nodes[i].visits ||
        a.nodes[i].score != b.nodes[i].score || a.nodes[i].status != b.nodes[i].status)
      return false;
  for (size_t i = 0; i < a.edges.size(); ++i)
    if (a.edges[i].tactic != b.edges[i].tactic || a.edges[i].children != b.edges[i].children ||
        a.edges[i].visits != b.edges[i].visits || a.edges[i].status != b.edges[i].status)
      return false;
  return true;
}

TEST_P(SearchTest, DeterministicUnderFixedSeedWhateverTheThreads) {
  auto g = ladder(300);
  synthetic::Policy p1(g, 1.5), p2(g, 1.5), p3(g, 1.5);
  SearchConfig c = config(6, 300);
  c.in_flight = 8;
  c.stop_at_first_proof = false;
  Outcome a = run(g, c, &p1);
  Outcome b = run(g, c, &p2);
  c.env_threads = 3;
  Outcome t = run(g, c, &p3);
  EXPECT_TRUE(same_records(a.records, b.records));
  EXPECT_TRUE(same_records(a.records, t.records));
  EXPECT_EQ(a.result.proof.text, t.result.proof.text);
  EXPECT_GT(a.records.nodes.size(), 10u);
  // A different seed explores differently (noise reorders the tactics).
  synthetic::Policy p4(g, 1.5);
  c.seed = 43;
  Outcome d = run(g, c, &p4);
  EXPECT_FALSE(same_records(a.records, d.records));
}

TEST_P(SearchTest, RecordsAreAConsistentGraph) {
  synthetic::Shape shape;
  shape.goals = 60;
  auto g = synthetic::generate(3, shape);
  Outcome r = run(g, config(5, 100));
  ASSERT_FALSE(r.records.nodes.empty());
  EXPECT_EQ(r.records.nodes[0].id, 0);
  EXPECT_EQ(r.records.nodes[0].depth, 0);
  const auto n = static_cast<int64_t>(r.records.nodes.size());
  for (const EdgeRecord& e : r.records.edges) {
    EXPECT_GE(e.parent, 0);
    EXPECT_LT(e.parent, n);
    for (int64_t c : e.children) EXPECT_LT(c, n);
    EXPECT_EQ(e.status == "failed", e.verdict != core::VerdictKind::verified);
    EXPECT_TRUE(e.logprob.has_value());
  }
  EXPECT_EQ(static_cast<int64_t>(r.records.edges.size()), r.result.stats.env_calls);
  EXPECT_GT(r.records.nodes[0].visits, 0);
}

class FailingPolicy final : public core::Policy {
 public:
  std::string name() const override { return "down"; }
  core::Expected<std::vector<core::Candidate>> propose(const core::PolicyQuery&) override {
    return core::Error{core::ErrorCode::io, "endpoint down after retries"};
  }
};

TEST_P(SearchTest, PolicyErrorEndsTheSearchWithItsMessage) {
  auto g = graph({{ok({})}});
  FailingPolicy policy;
  Outcome r = run(g, config(), &policy);
  EXPECT_FALSE(r.result.solved);
  EXPECT_THAT(r.result.message, HasSubstr("endpoint down"));
  EXPECT_TRUE(r.result.policy_failed);
}

TEST_P(SearchTest, SolvesGeneratedGraphsAndEveryProofRechecks) {
  int solved = 0;
  for (uint64_t seed = 0; seed < 20; ++seed) {
    auto g = synthetic::generate(seed, synthetic::Shape{});
    synthetic::Policy policy(g, 1.0);
    Outcome r = run(g, config(6, 1000), &policy);
    EXPECT_EQ(r.result.found, r.result.solved) << "seed " << seed << ": " << r.result.message;
    if (r.result.solved) {
      EXPECT_GE(static_cast<int64_t>(r.result.tree.size()), g.min_size[0]);
    }
    solved += r.result.solved;
  }
  // Hypertree sees dead goals and prunes every tactic that needs one; best-first keeps states
  // that still contain a dead goal in its queue, so it solves fewer at the same budget.
  EXPECT_GE(solved, GetParam() == Strategy::hypertree ? 20 : 15);
}

INSTANTIATE_TEST_SUITE_P(Strategies, SearchTest,
                         ::testing::Values(Strategy::best_first, Strategy::hypertree),
                         [](const auto& info) { return std::string(to_string(info.param)); });

TEST(BestFirst, ScoreIsSumOfLogprobsOverDepthToTheAlpha) {
  auto g = graph({{ok({1}, -1.0)}, {ok({2}, -2.0)}, {ok({3}, -0.5)}, {ok({})}});
  SearchConfig c;
  c.budget = {1, 1, 1, 10};
  c.alpha = 0.5;
  core::Problem problem = synthetic::make_problem(g, "score");
  synthetic::Env env(g);
  synthetic::Policy policy(g, 0.0);
  MemoryRecorder rec;
  core::CancelToken cancel;
  SearchResult r = prove(problem, env, policy, c, &rec, nullptr, cancel);
  ASSERT_TRUE(r.found);
  EXPECT_TRUE(r.solved);  // no re-checker: found counts, and the message says so
  EXPECT_THAT(r.message, HasSubstr("not re-checked"));
  ASSERT_GE(rec.nodes.size(), 3u);
  EXPECT_DOUBLE_EQ(rec.nodes[1].score, -1.0);
  EXPECT_DOUBLE_EQ(rec.nodes[2].score, -3.0 / std::sqrt(2.0));
}

TEST(BestFirst, PrefersTheLikelierPathFirst) {
  // Two ways to close g0: a likely two-step path and an unlikely one-step tactic. With width 2
  // both children are created by the first expansion; the proof comes from whichever is found
  // first — the closing tactic makes the empty state at once.
  auto g = graph({{ok({1}, -0.1), ok({2}, -5.0)}, {ok({3}, -0.1)}, {ok({})}, {ok({})}});
  SearchConfig c;
  c.budget = {1, 1, 1, 10};  // width 1: only the likeliest tactic of each goal
  core::Problem problem = synthetic::make_problem(g, "prefer");
  synthetic::Env env(g);
  synthetic::Policy policy(g, 0.0);
  core::CancelToken cancel;
  SearchResult r = prove(problem, env, policy, c, nullptr, nullptr, cancel);
  ASSERT_TRUE(r.found);
  EXPECT_EQ(r.tree.tactic, "g0.t0");
  EXPECT_EQ(r.stats.expansions, 3);
}

TEST(BestFirst, AStateFoundAgainByABetterPathTakesItsPriority) {
  // g3 is first reached by a poor path (g0 -> g1 -> g3, log p -1.5 over 2 steps: score -1.06),
  // then by a better one (g0 -> g2 -> g4 -> g3, log p -0.8 over 3 steps: score -0.46). A dead
  // end g6 scores -0.9 in between: at the better priority g3 is expanded before it, and the
  // proof goes through the better path.
  auto g = graph({{ok({1}, -0.5), ok({2}, -0.6), ok({6}, -0.9)},  // g0
                  {ok({3}, -1.0)},                                 // g1
                  {ok({4}, -0.1)},                                 // g2
                  {ok({5}, -0.1)},                                 // g3
                  {ok({3}, -0.1)},                                 // g4
                  {ok({}, -0.1)},                                  // g5
                  {ok({7}, -0.2)},                                 // g6: a dead end
                  {error(-0.2)}});                                 // g7
  SearchConfig c;
  c.budget = {1, 1, 3, 20};
  core::Problem problem = synthetic::make_problem(g, "reparent");
  synthetic::Env env(g);
  synthetic::Policy policy(g, 0.0);
  synthetic::Checker checker;
  core::CancelToken cancel;
  SearchResult r = prove(problem, env, policy, c, nullptr, &checker, cancel);
  ASSERT_TRUE(r.solved) << r.message;
  EXPECT_EQ(r.tree.tactic, "g0.t1");
  ASSERT_EQ(r.tree.subproofs.size(), 1u);
  EXPECT_EQ(r.tree.subproofs[0].tactic, "g2.t0");
  // g0, g1, g2, g4, g3, g5: the dead end g6 is never expanded.
  EXPECT_EQ(r.stats.expansions, 6);
}


// Counts the goals of every batched policy call.
class BatchLog final : public core::Policy {
 public:
  explicit BatchLog(core::Policy& inner) : inner_(inner) {}
  std::string name() const override { return "batch-log"; }
  core::Expected<std::vector<core::Candidate>> propose(const core::PolicyQuery& query) override {
    return inner_.propose(query);
  }
  std::vector<core::Expected<std::vector<core::Candidate>>> propose_batch(
      std::span<const core::PolicyQuery> queries) override {
    batches.push_back(static_cast<int64_t>(queries.size()));
    return core::Policy::propose_batch(queries);
  }
  std::vector<int64_t> batches;

 private:
  core::Policy& inner_;
};

TEST(HypertreeInFlight, BatchesFillEverySlotAndStayWithinBudget) {
  // One simulation selects every subgoal of its tactic, so selected goals overshoot in_flight;
  // rounds must still send whole multiples of in_flight (an odd remainder leaves slots idle)
  // and never expand past the budget.
  // An unprovable AND/OR tree: goal i has tactics {4i+1, 4i+2} and {4i+3, 4i+4}; the goals
  // past the end have no tactic (dead ends). Wide, and too big to die within the budget.
  std::vector<std::vector<T>> goals(20000);
  for (int32_t i = 0; 4 * i + 4 < static_cast<int32_t>(goals.size()); ++i)
    goals[static_cast<size_t>(i)] = {ok({4 * i + 1, 4 * i + 2}, -0.5), ok({4 * i + 3, 4 * i + 4}, -1.0)};
  const synthetic::Graph g = graph(goals);
  synthetic::Policy tactics(g, 1.0);
  BatchLog policy(tactics);
  SearchConfig c;
  c.strategy = Strategy::hypertree;
  c.budget = {1, 1, 2, 1000};
  c.in_flight = 32;
  c.seed = 7;
  core::Problem problem = synthetic::make_problem(g, "wide");
  synthetic::Env env(g);
  core::CancelToken cancel;
  SearchResult r = prove(problem, env, policy, c, nullptr, nullptr, cancel);
  EXPECT_FALSE(r.solved);
  EXPECT_EQ(r.stats.expansions, 1000);
  int64_t total = 0, in_full = 0;
  for (size_t i = 0; i < policy.batches.size(); ++i) {
    const int64_t b = policy.batches[i];
    total += b;
    if (b >= c.in_flight) in_full += b;
    const bool last = i + 1 == policy.batches.size();
    if (!last) {
      EXPECT_TRUE(b < c.in_flight || b % c.in_flight == 0) << "batch " << i << ": " << b;
    }
  }
  EXPECT_EQ(total, 1000);
  // Once the tree is wide, rounds are full: only the opening rounds may be short.
  EXPECT_GE(in_full, 900) << ::testing::PrintToString(policy.batches);
}

}  // namespace
}  // namespace tcs::search
