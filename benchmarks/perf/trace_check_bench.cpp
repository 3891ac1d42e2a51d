// Trace steps checked per second (parse + compare) for tm_trace answers.
//
//   build/release/benchmarks/perf/perf_tm_trace
//
// The figure to reach is >= 1,000,000 steps/s on one core (steps_per_s column).
//  - BM_CheckLongTagAnswer/N: one answer of N steps from a 2-tag system whose rules all have
//    length 2, so the queue stays at 20 symbols (a TMBench-sized state) for any N;
//  - BM_CheckTmbenchShaped: TMBench-shaped problems (default knobs, 31 steps, growing queues),
//    through the full native checker (params decoding + simulation + parse + compare).
#include <benchmark/benchmark.h>

#include "generators/tm_trace/family.hpp"
#include "generators/tm_trace/problems.hpp"
#include "generators/tm_trace/trace_answer.hpp"

namespace {

using namespace tcs;
using namespace tcs::tm_trace;

TagInstance steady_instance(int steps) {
  TagInstance inst;
  inst.system.m = 2;
  inst.system.alphabet = {"A", "B", "C", "D", "E"};
  for (const char* w : {"BC", "DA", "EE", "AB", "CD"})
    inst.system.rules.push_back(*read_word(inst.system.alphabet, w));
  inst.init = *read_word(inst.system.alphabet, "ABCDEABCDEEDCBAEDCBA");
  inst.steps = steps;
  return inst;
}

void BM_CheckLongTagAnswer(benchmark::State& state) {
  const TagInstance inst = steady_instance(static_cast<int>(state.range(0)));
  const TagTrace trace = simulate(inst);
  const TagExpected expected = expected_tag(inst.system, trace);
  const std::string answer = format_tag_answer(inst.system, trace.states, trace.halts);
  int64_t steps = 0;
  for (auto _ : state) {
    const TraceCheck r = check_tag_answer(expected, answer, 0);
    if (!r.ok) state.SkipWithError("exact answer rejected");
    steps += r.steps;
    benchmark::DoNotOptimize(r);
  }
  state.counters["steps_per_s"] = benchmark::Counter(static_cast<double>(steps),
                                                     benchmark::Counter::kIsRate);
  state.counters["answer_bytes"] = static_cast<double>(answer.size());
}
BENCHMARK(BM_CheckLongTagAnswer)->Arg(31)->Arg(1000)->Arg(100000);

void BM_CheckTmbenchShaped(benchmark::State& state) {
  auto problems = generate_tag(core::Json::object(), 1, 200);
  auto family = make_family();
  auto checker = family->native_checker();
  std::vector<core::Candidate> answers;
  for (const auto& p : *problems) {
    core::Candidate c;
    auto inst = tag_instance_from_params(p.params);
    const TagTrace t = simulate(*inst);
    c.text = format_tag_answer(inst->system, t.states, t.halts);
    answers.push_back(std::move(c));
  }
  const core::Limits limits;
  int64_t steps = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < answers.size(); ++i) {
      const core::Verdict v = checker->check((*problems)[i], answers[i], limits);
      if (!v.ok()) state.SkipWithError("exact answer rejected");
      steps += v.work;
    }
  }
  state.counters["steps_per_s"] = benchmark::Counter(static_cast<double>(steps),
                                                     benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CheckTmbenchShaped);

}  // namespace

BENCHMARK_MAIN();
