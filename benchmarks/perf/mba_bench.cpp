// Plain (smt) versus the MBA step strategy on generated 64-bit identities, per class: the share
// each proves, plain at a 1 s leaf limit, the strategy at the same 1 s total budget per problem.
//
//   build/release/benchmarks/perf/perf_mba [--benchmark_filter=...]
//   TCSPROVE_MBA_N=20 (problems per class, default 10), TCSPROVE_MBA_VARS=3 (default 3),
//   TCSPROVE_MBA_TERMS=6 (default 6), TCSPROVE_MBA_SEED (default 1)
// Counters: plain / steps = problems proved (of n); steps_ms = mean strategy wall time;
// plain_overshoot_ms / plain_worst_overshoot_ms = how far the timed-out plain checks ran past 1 s.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "generators/mba/family.hpp"
#include "generators/mba/problems.hpp"
#include "generators/mba/strategy.hpp"
#include "provers/z3/z3.hpp"

namespace {

int64_t env_int(const char* name, int64_t fallback) {
  const char* v = std::getenv(name);
  return v ? std::atoll(v) : fallback;
}

void BM_PlainVsSteps(benchmark::State& state, const char* kind) {
  using namespace tcs;
  const int64_t n = env_int("TCSPROVE_MBA_N", 10);
  const core::Json params = {{"width", 64}, {"vars", env_int("TCSPROVE_MBA_VARS", 3)},
                             {"terms", env_int("TCSPROVE_MBA_TERMS", 6)}};
  auto problems = mba::make_family()->generate({kind, params, static_cast<uint64_t>(env_int("TCSPROVE_MBA_SEED", 1)), n});
  if (!problems) return state.SkipWithError(problems.error().message.c_str());
  core::Limits limits;
  limits.wall_seconds = 1.0;
  int64_t plain = 0, steps = 0, plain_timeouts = 0;
  double steps_seconds = 0, overshoot = 0, worst_overshoot = 0;
  for (auto _ : state) {
    plain = steps = plain_timeouts = 0;
    steps_seconds = overshoot = worst_overshoot = 0;
    for (const auto& p : *problems) {
      auto checker = z3b::make_checker();
      const auto id = mba::identity_from_problem(p);
      const auto pv = checker->check(p, {mba::plain_smt_script(), "z3", core::CandidateMode::whole, {}}, limits);
      plain += pv.ok();
      if (pv.kind == core::VerdictKind::timeout) {
        ++plain_timeouts;
        overshoot += pv.seconds - limits.wall_seconds;
        worst_overshoot = std::max(worst_overshoot, pv.seconds - limits.wall_seconds);
      }
      const auto v = checker->check(p, {mba::step_script(*id).text, "z3", core::CandidateMode::whole, {}}, limits);
      steps += v.ok();
      steps_seconds += v.seconds;
    }
  }
  state.counters["n"] = static_cast<double>(n);
  state.counters["plain"] = static_cast<double>(plain);
  state.counters["steps"] = static_cast<double>(steps);
  state.counters["steps_ms"] = steps_seconds / static_cast<double>(n) * 1000;
  // How closely the plain checks that ran out of time kept to the 1 s limit (in-process).
  state.counters["plain_overshoot_ms"] = plain_timeouts ? overshoot / static_cast<double>(plain_timeouts) * 1000 : 0;
  state.counters["plain_worst_overshoot_ms"] = worst_overshoot * 1000;
}

BENCHMARK_CAPTURE(BM_PlainVsSteps, linear, "linear")->Iterations(1)->Unit(benchmark::kSecond);
BENCHMARK_CAPTURE(BM_PlainVsSteps, polynomial, "polynomial")->Iterations(1)->Unit(benchmark::kSecond);
BENCHMARK_CAPTURE(BM_PlainVsSteps, nonpoly, "nonpoly")->Iterations(1)->Unit(benchmark::kSecond);

// Generation speed (problems with all statements per second).
void BM_Generate(benchmark::State& state) {
  auto f = tcs::mba::make_family();
  uint64_t seed = 0;
  for (auto _ : state) {
    auto ps = f->generate({"polynomial", {{"width", 64}, {"vars", 3}}, ++seed, 10});
    benchmark::DoNotOptimize(ps);
  }
  state.SetItemsProcessed(state.iterations() * 10);
}
BENCHMARK(BM_Generate)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
