// Busy Beaver speed: the plain simulator (steps/s on the BB(5) champion), the accelerated one
// (BB(5) and BB(2,4) champions to halt, block size chosen by the probe), and the full 4-state
// TNF enumeration with every certificate checked (time, decided share, per-decider counts).
//   build/release/benchmarks/perf/perf_busy_beaver
#include <benchmark/benchmark.h>

#include "generators/busy_beaver/macro_simulate.hpp"
#include "generators/busy_beaver/tnf.hpp"

namespace {

using namespace tcs::busy_beaver;

const char* kBB5 = "1RB1LC_1RC1RB_1RD0LE_1LA1LD_1RZ0LA";
const char* kBB24 = "1RB2LA1RA1RA_1LB1LA3RB1RZ";

void BM_PlainSimulatorBB5(benchmark::State& state) {
  const Machine m = *parse_machine(kBB5);
  int64_t steps = 0;
  for (auto _ : state) {
    const RunResult r = run_plain(m, 100'000'000);
    benchmark::DoNotOptimize(r);
    steps += r.steps;
  }
  state.counters["steps_per_s"] = benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PlainSimulatorBB5)->Unit(benchmark::kMillisecond)->MinTime(2);

void accelerated(benchmark::State& state, const char* text) {
  const Machine m = *parse_machine(text);
  for (auto _ : state) {
    const RunResult r = run_accelerated(m, 1'000'000'000);
    if (r.status != RunStatus::halted) state.SkipWithError("did not halt");
    benchmark::DoNotOptimize(r);
  }
}
void BM_AcceleratedBB5(benchmark::State& state) { accelerated(state, kBB5); }
void BM_AcceleratedBB24(benchmark::State& state) { accelerated(state, kBB24); }
BENCHMARK(BM_AcceleratedBB5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AcceleratedBB24)->Unit(benchmark::kMillisecond);

void BM_Enumerate4StatesChecked(benchmark::State& state) {
  EnumerateOptions o;
  o.states = 4;
  o.symbols = 2;
  EnumerationResult last;
  for (auto _ : state) last = *enumerate_tnf(o);
  state.counters["machines"] = static_cast<double>(last.total);
  state.counters["decided_pct"] =
      100.0 * static_cast<double>(last.total - last.undecided) / static_cast<double>(last.total);
  state.counters["undecided"] = static_cast<double>(last.undecided);
  state.counters["cert_failures"] = static_cast<double>(last.certificate_failures.size());
  for (const auto& [name, n] : last.by_decider) state.counters[name] = static_cast<double>(n);
}
BENCHMARK(BM_Enumerate4StatesChecked)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
