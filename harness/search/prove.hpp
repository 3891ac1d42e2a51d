// prove: the one entry point of tree search. Runs the configured strategy on one problem over a
// ProofEnv, extracts a whole proof from the search graph and — when a re-checker is given —
// counts it only after that Checker verified it from scratch.
//
//   search::SearchConfig config;  config.strategy = Strategy::hypertree;
//   config.budget = *search::parse_budget("1x8x200");
//   core::CancelToken cancel;
//   SearchResult r = search::prove(problem, env, policy, config, &recorder, fresh_checker.get(), cancel);
//   if (r.solved) store r.proof (r.rechecked says a fresh checker agreed).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "harness/core/checker.hpp"
#include "harness/core/env.hpp"
#include "harness/core/policy.hpp"
#include "harness/core/proof_env.hpp"
#include "harness/search/config.hpp"
#include "harness/search/recorder.hpp"

namespace tcs::search {

// Deterministic counters of one search (beside wall time).
struct SearchStats {
  int64_t expansions = 0;     // goals (hypertree) or states (best-first) expanded
  int64_t policy_calls = 0;   // PolicyQuery objects answered
  int64_t env_calls = 0;      // ProofEnv::apply calls
  int64_t failed_edges = 0;   // tactics the env refused
  int64_t killed_edges = 0;   // hypertree: tactics killed for reproducing a goal on their path
  int64_t simulations = 0;    // hypertree selections
  int64_t nodes = 0;          // distinct nodes created (all passes)
  int64_t passes_run = 0;
  double seconds = 0.0;
};

struct SearchResult {
  // The search found a proof AND (when a re-checker was given) the re-check verified it.
  bool solved = false;
  bool cancelled = false;
  bool policy_failed = false;  // the policy returned an Error (endpoint down): worth retrying
  bool found = false;        // the search graph holds a proof (whatever the re-check said)
  bool rechecked = false;    // a Checker verified `proof` from scratch
  core::ProofTree tree;      // the extracted proof when found
  core::Candidate proof;     // the whole proof (mode whole, backend = env.proof_backend())
  std::optional<core::Verdict> recheck;  // the re-check's verdict when one ran
  std::string message;       // why not solved: budget, dead root, policy error, soundness alarm
  int64_t pass = -1;         // the pass that found it
  SearchStats stats;
};

// Requires config.budget fields >= 1. `recorder` and `rechecker` may be null: without a
// re-checker `solved` means only that the search found a proof (never store such a proof).
// A ProofEnv::open error or a policy Error ends the search with solved = false and the message.
// Cancelling makes it return promptly with cancelled = true (a proof found before still counts).
// Deterministic: the same problem, env, policy answers and config give the same result and
// the same records, whatever the thread count.
SearchResult prove(const core::Problem& problem, core::ProofEnv& env, core::Policy& policy,
                   const SearchConfig& config, SearchRecorder* recorder,
                   core::Checker* rechecker, const core::CancelToken& cancel);

}  // namespace tcs::search
