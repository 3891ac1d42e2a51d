#include "harness/search/bench.hpp"

#include "harness/core/hash.hpp"
#include "harness/search/prove.hpp"

namespace tcs::search {

BenchReport run_synthetic_bench(const BenchOptions& options) {
  BenchReport report;
  for (int64_t i = 0; i < options.problems; ++i) {
    const synthetic::Graph graph =
        synthetic::generate(core::derive_seed(options.config.seed, "bench-graph", static_cast<uint64_t>(i)), options.shape);
    const core::Problem problem = synthetic::make_problem(graph, "bench-" + std::to_string(i));
    synthetic::Env env(graph);
    synthetic::Policy policy(graph, options.noise);
    synthetic::Checker checker;
    core::CancelToken cancel;
    SearchResult r = prove(problem, env, policy, options.config, nullptr, &checker, cancel);
    ++report.problems;
    report.expansions += r.stats.expansions;
    // The re-check is not the engine's cost: take it out of the engine's time.
    report.search_seconds += r.stats.seconds - (r.recheck ? r.recheck->seconds : 0.0);
    if (!r.solved) continue;
    ++report.solved;
    report.minimal += static_cast<int64_t>(r.tree.size()) == graph.min_size[static_cast<size_t>(graph.root)];
  }
  report.expansions_per_s =
      report.search_seconds > 0 ? static_cast<double>(report.expansions) / report.search_seconds : 0.0;
  return report;
}

}  // namespace tcs::search
