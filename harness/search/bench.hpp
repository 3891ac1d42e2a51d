// The synthetic search benchmark behind `tcsprove search-bench`: generated goal graphs with
// known minimal proofs, the zero-latency synthetic policy and the in-memory env; reports engine
// speed, how many were solved (re-checked) and how many of those proofs were minimal.
#pragma once

#include <cstdint>

#include "harness/search/config.hpp"
#include "harness/search/synthetic.hpp"

namespace tcs::search {

struct BenchOptions {
  SearchConfig config;        // strategy, budget, knobs; seed = the graphs' seed too
  int64_t problems = 50;      // graphs
  synthetic::Shape shape;     // their shape
  double noise = 1.0;         // policy noise on the tactics' logprobs
};

struct BenchReport {
  int64_t problems = 0;
  int64_t solved = 0;        // found and re-checked by the synthetic whole-proof checker
  int64_t minimal = 0;       // solved with a proof of the graph's minimal size
  int64_t expansions = 0;
  double search_seconds = 0; // inside the searches only (not generation or re-check)
  double expansions_per_s = 0;
};

BenchReport run_synthetic_bench(const BenchOptions& options);

}  // namespace tcs::search
