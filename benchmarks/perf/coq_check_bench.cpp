// Coq whole-file checks per second (coqc through the guard and the process runner) on
// trace-family problems, with 1 and 2 worker threads; items_per_second is checks/s.
//
//   build/release/benchmarks/perf/perf_coq --benchmark_min_time=10
#include <benchmark/benchmark.h>

#include "generators/tm_trace/problems.hpp"
#include "provers/coq/checker.hpp"

namespace {

const std::vector<tcs::core::Problem>& problems() {
  static const auto set = [] {
    auto tags = tcs::tm_trace::generate_tag({{"steps", 12}}, 5, 8);
    auto tapes = tcs::tm_trace::generate_tape({{"steps", 12}}, 5, 8);
    std::vector<tcs::core::Problem> out = *tags;
    out.insert(out.end(), tapes->begin(), tapes->end());
    return out;
  }();
  return set;
}

void BM_CoqWholeFileCheck(benchmark::State& state) {
  if (!tcs::coq::coq_available()) {
    state.SkipWithError("coqc not found");
    return;
  }
  tcs::coq::CoqChecker checker;
  const auto& set = problems();
  size_t i = static_cast<size_t>(state.thread_index());
  for (auto _ : state) {
    const auto& p = set[i++ % set.size()];
    auto v = checker.check(p, {"vm_compute. reflexivity.", "coq", {}, {}}, {});
    if (!v.ok()) state.SkipWithError(v.message.c_str());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CoqWholeFileCheck)
    ->Threads(1)
    ->Threads(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
