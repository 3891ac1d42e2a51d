// One tree search (best-first or HyperTree) of one problem as one attempt: the search graph
// goes to the store as it is recorded, the whole proof is re-checked from scratch by a fresh
// checker, and the attempt row says what was found.
#pragma once

#include <optional>
#include <string>

#include "harness/core/checker.hpp"
#include "harness/core/env.hpp"
#include "harness/core/policy.hpp"
#include "harness/core/proof_env.hpp"
#include "harness/runner/run_config.hpp"
#include "harness/store/store.hpp"

namespace tcs::runner {

struct TreeAttempt {
  store::AttemptRow row;
  std::optional<store::ProofRow> proof;  // only when a fresh checker verified the whole proof
  bool retry_later = false;  // cancelled or the policy failed: nothing to record, resume redoes it
};

// Searches `problem` on `env` with `policy` under the config's strategy and budget (seeded by
// the run's seed and the problem id). Nodes and edges are enqueued on `store` as each pass
// ends. A search that finds no proof is recorded as `rejected` with the reason and its cost.
TreeAttempt tree_search_attempt(const core::Problem& problem, const RunConfig& config,
                                core::ProofEnv& env, core::Policy& policy,
                                core::Checker* rechecker, store::Store& store, int64_t run_id,
                                const core::CancelToken& cancel);

}  // namespace tcs::runner
