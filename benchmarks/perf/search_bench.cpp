// Engine overhead of the tree searches: expansions per second with a zero-latency policy and
// the in-memory synthetic env, one thread. The figure to reach: >= 100,000/s best-first,
// >= 30,000/s hypertree. Run: build/release/benchmarks/perf/perf_search
#include <benchmark/benchmark.h>

#include "harness/search/prove.hpp"
#include "harness/search/synthetic.hpp"

namespace {

using namespace tcs;

// A large generated graph (AND-nodes, dead ends, cycles, duplicates, refused tactics) whose
// proofs are rare, so a search spends most of its expansion budget. Its shape is like a real
// back-end's: wide and shallow (tactics lead to goals far down the index order).
const search::synthetic::Graph& big_graph() {
  static const search::synthetic::Graph graph = [] {
    search::synthetic::Shape shape;
    shape.goals = 200000;
    shape.close_fraction = 0.02;
    shape.trap_fraction = 0.05;
    return search::synthetic::generate(1, shape);
  }();
  return graph;
}

void run_search(benchmark::State& state, search::Strategy strategy) {
  const auto& graph = big_graph();
  core::Problem problem = search::synthetic::make_problem(graph, "bench");
  search::SearchConfig config;
  config.strategy = strategy;
  config.budget = {1, 1, 8, state.range(0)};
  config.in_flight = state.range(1);
  int64_t expansions = 0, searches = 0, solved = 0;
  for (auto _ : state) {
    search::synthetic::Env env(graph);
    search::synthetic::Policy policy(graph, 1.0);
    core::CancelToken cancel;
    search::SearchResult r = search::prove(problem, env, policy, config, nullptr, nullptr, cancel);
    expansions += r.stats.expansions;
    solved += r.found;
    ++searches;
    benchmark::DoNotOptimize(r);
  }
  state.counters["expansions_per_s"] =
      benchmark::Counter(static_cast<double>(expansions), benchmark::Counter::kIsRate);
  state.counters["expansions"] = static_cast<double>(expansions) / static_cast<double>(searches);
  state.counters["found"] = static_cast<double>(solved) / static_cast<double>(searches);
}

void BM_BestFirst(benchmark::State& state) { run_search(state, search::Strategy::best_first); }
void BM_Hypertree(benchmark::State& state) { run_search(state, search::Strategy::hypertree); }

}  // namespace

// Args: expansions per search, goals expanded together (in flight).
BENCHMARK(BM_BestFirst)->Args({10000, 1})->Args({10000, 16})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Hypertree)->Args({10000, 1})->Args({10000, 16})->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
