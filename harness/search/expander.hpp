// Expander: the one place search talks to the policy and the env. It expands a batch of goals
// at once — one batched policy call (Policy::propose_batch) for all of them, then every
// (goal, tactic) application, on a worker pool when config.env_threads > 1 — and returns the
// results in request order, so a search is deterministic whatever the threads do.
#pragma once

#include <vector>

#include "harness/core/policy.hpp"
#include "harness/core/proof_env.hpp"
#include "harness/search/config.hpp"
#include "harness/search/prove.hpp"

namespace tcs::search {

struct TriedTactic {
  core::Candidate candidate;
  core::StepResult result;
};

struct Expansion {
  core::Status status;            // the policy's Error for this goal, if any
  std::vector<TriedTactic> tried;  // config.budget.width entries, in policy order
};

class Expander {
 public:
  Expander(const core::Problem& problem, core::ProofEnv& env, core::Policy& policy,
           const SearchConfig& config, SearchStats& stats)
      : problem_(problem), env_(env), policy_(policy), config_(config), stats_(stats) {}

  // One Expansion per goal, same order. `seed` is the pass seed given to the policy.
  std::vector<Expansion> expand(const std::vector<const core::Goal*>& goals, uint64_t seed);

 private:
  void apply_all(const std::vector<const core::Goal*>& goals, std::vector<Expansion>& out);

  const core::Problem& problem_;
  core::ProofEnv& env_;
  core::Policy& policy_;
  const SearchConfig& config_;
  SearchStats& stats_;
  std::vector<core::PolicyQuery> queries_;  // reused between calls
};

}  // namespace tcs::search
