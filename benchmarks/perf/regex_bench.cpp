// The regex family's figures: equivalence of RegexPSPACE-sized pairs (size 8-15) by the
// automata engine and, on the same 1,000 pairs, by Z3; minimising a size-11 target from a warm
// cache; building the minimal-regex table.
//
//   build/release/benchmarks/perf/perf_regex [--benchmark_filter=...]
//   TCSPROVE_CACHE_DIR (default $XDG_CACHE_HOME/tcsprove): where the size-11 table is read, or
//   built once (about 15 s) before the warm-cache benchmark is timed.
// Counters: pairs_per_s (automata), z3_ms_per_pair, and for the table the languages found.
#include <benchmark/benchmark.h>

#include "generators/regex/equivalence.hpp"
#include "generators/regex/minimal_search.hpp"
#include "generators/regex/problems.hpp"
#include "generators/regex/z3_check.hpp"
#include "harness/core/hash.hpp"

namespace {

using namespace tcs::regex;

// 1,000 pairs of size 8-15: a third near misses, a third equivalent rewrites, a third unrelated.
const std::vector<std::pair<std::string, std::string>>& pairs() {
  static const auto out = [] {
    std::vector<std::pair<std::string, std::string>> v;
    const Alphabet a;
    for (uint64_t i = 0; v.size() < 1000; ++i) {
      tcs::core::Rng rng(tcs::core::derive_seed(1, "regex/bench", i));
      Knobs k;
      Regex x = random_query(k, rng);
      std::optional<Regex> y = i % 3 == 0   ? near_miss(x, a, rng)
                               : i % 3 == 1 ? std::optional<Regex>(equivalent_variant(x, x, a, rng))
                                            : std::optional<Regex>(random_query(k, rng));
      if (y) v.emplace_back(print(x, a), print(*y, a));
    }
    return v;
  }();
  return out;
}

// From text to answer: parse both, build both position automata, decide (witness when not).
void BM_EquivalenceAutomata(benchmark::State& state) {
  const Alphabet a;
  EquivalenceChecker checker;
  int64_t done = 0, same = 0;
  for (auto _ : state)
    for (const auto& [x, y] : pairs()) {
      const EquivalenceResult r = checker.check(position_automaton(*parse(x, a), 4), position_automaton(*parse(y, a), 4));
      same += r.answer == Equivalence::equivalent;
      ++done;
    }
  state.SetItemsProcessed(done);
  state.counters["pairs_per_s"] = benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsRate);
  state.counters["equivalent_share"] = static_cast<double>(same) / static_cast<double>(done);
}
BENCHMARK(BM_EquivalenceAutomata)->Unit(benchmark::kMillisecond);

// The same pairs through Z3's regex theory (built with the C++ API from the parsed trees).
void BM_EquivalenceZ3(benchmark::State& state) {
  const Alphabet a;
  int64_t done = 0, unknown = 0, disagree = 0;
  EquivalenceChecker checker;
  for (auto _ : state)
    for (const auto& [x, y] : pairs()) {
      const Regex rx = *parse(x, a), ry = *parse(y, a);
      const Z3Answer z = z3_equivalence(rx, ry, a, 10000);
      unknown += z.kind == Z3Answer::unknown;
      const bool ours = checker.decide(position_automaton(rx, 4), position_automaton(ry, 4)) == Equivalence::equivalent;
      disagree += z.kind != Z3Answer::unknown && (z.kind == Z3Answer::equivalent) != ours;
      ++done;
    }
  state.SetItemsProcessed(done);
  state.counters["pairs_per_s"] = benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsRate);
  state.counters["unknown"] = static_cast<double>(unknown);
  state.counters["disagreements"] = static_cast<double>(disagree);
}
BENCHMARK(BM_EquivalenceZ3)->Iterations(1)->Unit(benchmark::kSecond);

// Open the cached size-11 table (map + checksum) and minimise one size-11 target.
void BM_MinimizeSize11WarmCache(benchmark::State& state) {
  const Alphabet a;
  const std::string dir = default_cache_dir();
  if (auto warm = open_table(a, 11, dir); !warm) return state.SkipWithError(warm.error().message.c_str());
  const Regex target = *parse("(a+b)*c(a+d)*", a);  // size 11
  int size = 0;
  for (auto _ : state) {
    auto table = open_table(a, 11, dir);  // the smallest cached table of size >= 11
    if (!table) return state.SkipWithError(table.error().message.c_str());
    auto m = minimize_regex(target, **table);
    size = m->size;
    benchmark::DoNotOptimize(m);
  }
  state.counters["minimal_size"] = size;
}
BENCHMARK(BM_MinimizeSize11WarmCache)->Unit(benchmark::kMillisecond);

// The enumeration itself, complete to size N, in memory (size 11: `tcsprove regex table`).
void BM_BuildTable(benchmark::State& state) {
  int64_t languages = 0;
  for (auto _ : state) {
    auto t = build_table(Alphabet{}, static_cast<int>(state.range(0)));
    languages = (*t)->languages();
  }
  state.counters["languages"] = static_cast<double>(languages);
}
BENCHMARK(BM_BuildTable)->Arg(8)->Arg(9)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
