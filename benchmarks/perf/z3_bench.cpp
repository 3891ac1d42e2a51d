// Z3 back-end speed: trivial checks per second per thread, and how closely a per-check timeout
// is honoured in-process (target: within +10 %) and in a child process (target: within +50 ms).
//
//   build/release/benchmarks/perf/perf_z3
// Counters: checks/s (items_per_second; CPU time unless the name ends in /real_time); overshoot_ms = mean wall time past the timeout;
// overshoot_pct = the same as a share of the timeout.
#include <benchmark/benchmark.h>

#include "provers/z3/solver.hpp"

namespace {

using tcs::z3b::parse_goal;
using tcs::z3b::Prover;

tcs::z3b::SmtGoal make_goal(const char* target, int width) {
  const std::string w = std::to_string(width);
  auto g = parse_goal("(declare-const x (_ BitVec " + w + "))(declare-const y (_ BitVec " + w +
                      "))(assert (not " + target + "))");
  return *g;
}

void BM_TrivialCheck(benchmark::State& state) {
  Prover prover;
  const auto g = make_goal("(= (bvadd x y) (bvadd y x))", 8);
  for (auto _ : state) {
    auto r = prover.check_valid(g, 1.0, 0);
    if (r.kind != tcs::core::VerdictKind::verified) state.SkipWithError(r.message.c_str());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TrivialCheck)->Unit(benchmark::kMicrosecond);

// A small goal the rewriter alone does not close: a solver is created and run.
void BM_SmallSolverCheck(benchmark::State& state) {
  Prover prover;
  auto g = parse_goal("(declare-const x (_ BitVec 8))(declare-const y (_ BitVec 8))"
                      "(assert (= x y))(assert (not (= (bvadd x x) (bvadd x y))))");
  for (auto _ : state) {
    auto r = prover.check_valid(*g, 1.0, 0);
    if (r.kind != tcs::core::VerdictKind::verified) state.SkipWithError(r.message.c_str());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SmallSolverCheck)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SmallSolverCheck)->Unit(benchmark::kMicrosecond)->UseRealTime();

// (x&y)(x|y) + (x&~y)(~x&y) = xy at 64 bits: Z3 does not finish within seconds.
constexpr const char* kHard =
    "(= (bvadd (bvmul (bvand x y) (bvor x y)) (bvmul (bvand x (bvnot y)) (bvand (bvnot x) y))) (bvmul x y))";

void timeout_accuracy(benchmark::State& state, bool child, bool sat_elim_vars = false) {
  Prover prover({child, 2048, sat_elim_vars});
  const auto g = make_goal(kHard, 64);
  const double timeout = static_cast<double>(state.range(0)) / 1000.0;
  double over = 0, worst = 0;
  int64_t n = 0;
  for (auto _ : state) {
    auto r = prover.check_valid(g, timeout, 0);
    if (r.kind != tcs::core::VerdictKind::timeout) state.SkipWithError("the hard goal did not time out");
    over += r.seconds - timeout;
    worst = std::max(worst, r.seconds - timeout);
    ++n;
  }
  state.counters["overshoot_ms"] = over / static_cast<double>(n) * 1000;
  state.counters["worst_overshoot_ms"] = worst * 1000;
  state.counters["overshoot_pct"] = over / static_cast<double>(n) / timeout * 100;
}

void BM_TimeoutInProcess(benchmark::State& state) { timeout_accuracy(state, false); }
void BM_TimeoutChildProcess(benchmark::State& state) { timeout_accuracy(state, true); }
// For comparison: with Z3's SAT variable elimination kept, which does not poll (solver.hpp).
void BM_TimeoutInProcessElimVars(benchmark::State& state) { timeout_accuracy(state, false, true); }
BENCHMARK(BM_TimeoutInProcess)->Arg(200)->Arg(500)->Arg(1000)->Arg(2000)->Iterations(5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TimeoutChildProcess)->Arg(200)->Arg(1000)->Iterations(5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TimeoutInProcessElimVars)->Arg(1000)->Iterations(5)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
