// Store write and read speed on a real SQLite file (WAL, synchronous=NORMAL) in a temporary
// directory. The figure to hold: >= 100,000 attempt rows per second through enqueue + flush.
//
//   build/release/benchmarks/perf/perf_store
//
// Rows are realistic: a ~300 byte candidate, a ~50 byte detail_json, all other fields set.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "harness/store/store.hpp"

namespace {

using tcs::store::AttemptRow;
using tcs::store::Store;

constexpr int kProblems = 64;

std::string problem_id(int64_t i) { return "bench/toy/p" + std::to_string(i % kProblems); }

AttemptRow make_row(int64_t run_id, int64_t i) {
  AttemptRow row;
  row.run_id = run_id;
  row.problem_id = problem_id(i);
  row.attempt_index = i;
  row.policy = "openai:qwen2.5-7b";
  row.backend = "lean";
  row.mode = "whole";
  row.candidate =
      "theorem t : halts M 1000 := by\n  decide\n" + std::string(250, 'a') + std::to_string(i);
  row.verdict = i % 7 ? tcs::core::VerdictKind::rejected : tcs::core::VerdictKind::verified;
  row.message = "unsolved goals";
  row.detail_json =
      R"({"steps_ok":12,"steps_total":17,"first_bad":)" + std::to_string(i % 17) + "}";
  row.seconds = 0.0123;
  row.work = 4711;
  row.logprob = -12.5;
  row.prompt_tokens = 512;
  row.completion_tokens = 96;
  return row;
}

// A fresh database with one run over kProblems problems, removed when the fixture ends.
struct BenchDb {
  std::filesystem::path dir;
  std::unique_ptr<Store> store;
  int64_t run_id = 0;

  BenchDb() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "tcs_store_bench_XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    dir = pattern;
    auto opened = Store::open((dir / "bench.db").string());
    if (!opened.ok()) std::abort();
    store = std::move(*opened);
    run_id = *store->create_run("bench", "{}", 1, "bench");
    std::vector<tcs::core::Problem> problems;
    for (int i = 0; i < kProblems; ++i) {
      tcs::core::Problem p;
      p.id = problem_id(i);
      p.family = "bench";
      p.kind = "toy";
      p.difficulty = {"easy", 1.0};
      problems.push_back(p);
    }
    if (!store->add_problems(run_id, problems).ok()) std::abort();
  }
  ~BenchDb() {
    store.reset();
    std::filesystem::remove_all(dir);
  }
};

// Rows are built outside the timed region so the figure is the store's, not std::string's.
std::vector<AttemptRow> make_rows(int64_t run_id, int64_t first, int64_t n) {
  std::vector<AttemptRow> rows;
  rows.reserve(n);
  for (int64_t i = first; i < first + n; ++i) rows.push_back(make_row(run_id, i));
  return rows;
}

// New rows: enqueue a block, flush, repeat (the table grows across iterations).
void BM_InsertAttempts(benchmark::State& state) {
  BenchDb db;
  const int64_t block = state.range(0);
  int64_t next = 0, rows_done = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto rows = make_rows(db.run_id, next, block);
    next += block;
    state.ResumeTiming();
    for (auto& row : rows) db.store->enqueue_attempt(std::move(row));
    if (!db.store->flush().ok()) state.SkipWithError("flush failed");
    rows_done += block;
  }
  state.counters["rows"] =
      benchmark::Counter(static_cast<double>(rows_done), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_InsertAttempts)->Arg(1'000)->Arg(50'000)->UseRealTime()->Unit(benchmark::kMillisecond);

// A resumed run re-sending rows that are already stored: every insert hits the unique key.
void BM_ReinsertIgnored(benchmark::State& state) {
  BenchDb db;
  const int64_t block = state.range(0);
  for (auto& row : make_rows(db.run_id, 0, block)) db.store->enqueue_attempt(std::move(row));
  if (!db.store->flush().ok()) state.SkipWithError("flush failed");
  int64_t rows_done = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto rows = make_rows(db.run_id, 0, block);
    state.ResumeTiming();
    for (auto& row : rows) db.store->enqueue_attempt(std::move(row));
    if (!db.store->flush().ok()) state.SkipWithError("flush failed");
    rows_done += block;
  }
  state.counters["rows"] =
      benchmark::Counter(static_cast<double>(rows_done), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReinsertIgnored)->Arg(50'000)->UseRealTime()->Unit(benchmark::kMillisecond);

// Reading a run back in order (what export and reports do).
void BM_ReadAttempts(benchmark::State& state) {
  BenchDb db;
  const int64_t n = state.range(0);
  for (auto& row : make_rows(db.run_id, 0, n)) db.store->enqueue_attempt(std::move(row));
  if (!db.store->flush().ok()) state.SkipWithError("flush failed");
  int64_t rows_done = 0;
  for (auto _ : state) {
    auto rows = db.store->attempts(db.run_id);
    benchmark::DoNotOptimize(rows.data());
    rows_done += static_cast<int64_t>(rows.size());
  }
  state.counters["rows"] =
      benchmark::Counter(static_cast<double>(rows_done), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadAttempts)->Arg(50'000)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
