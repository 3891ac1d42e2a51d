// Spawn + reap overhead of the subprocess runner (target: <= 2 ms per process), with and
// without the limits every prover check uses, and a Session's start/stop.
//
//   build/release/benchmarks/perf/perf_process --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include "provers/process/process.hpp"
#include "provers/process/session.hpp"

namespace {

using tcs::process::Spec;

void BM_SpawnReap(benchmark::State& state) {
  Spec spec;
  spec.argv = {"true"};
  for (auto _ : state) {
    auto r = tcs::process::run(spec);
    if (r.outcome != tcs::process::Outcome::ok) state.SkipWithError(r.message.c_str());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SpawnReap)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SpawnReapWithLimits(benchmark::State& state) {
  Spec spec;
  spec.argv = {"true"};
  spec.wall_seconds = 10;
  spec.memory_mb = 1024;
  spec.cpu_seconds = 10;
  spec.stdin_text.assign(1, 'x');  // (assign: g++ 12 warns falsely on = "x" here)
  for (auto _ : state) {
    auto r = tcs::process::run(spec);
    if (r.outcome != tcs::process::Outcome::ok) state.SkipWithError(r.message.c_str());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SpawnReapWithLimits)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SessionStartStop(benchmark::State& state) {
  Spec spec;
  spec.argv = {"cat"};
  for (auto _ : state) {
    auto s = tcs::process::Session::start(spec);
    if (!s.ok())
      state.SkipWithError(s.error().message.c_str());
    else
      (*s)->stop();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SessionStartStop)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
