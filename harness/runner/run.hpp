// Runs: create a run from a RunConfig (problems generated or read, then stored with the run),
// execute it, and resume a killed or interrupted one.
//
// Determinism is what makes resume exact: the problems are stored with the run, and sample i
// of a problem is derived from (run seed, problem id, i) only, so a resumed run produces the
// same attempts a clean run would. Attempts are unique on (run, problem, index) in the store,
// so nothing is duplicated either.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>

#include "harness/core/env.hpp"
#include "harness/core/expected.hpp"
#include "harness/core/family.hpp"
#include "harness/runner/run_config.hpp"
#include "harness/store/store.hpp"

namespace tcs::runner {

using PolicyMaker = std::function<core::Expected<std::unique_ptr<core::Policy>>(
    const std::string& policy, const core::Family& family)>;

// "builtin" or "builtin:OPTIONS": the family's own policy. Anything else is an error naming it.
core::Expected<std::unique_ptr<core::Policy>> make_builtin_policy(const std::string& policy,
                                                                  const core::Family& family);

// What runs are made of; the CLI wires it.
struct RunParts {
  const core::FamilyRegistry& families;
  const core::BackendRegistry* backends = nullptr;  // null: native checkers only
  PolicyMaker make_policy = make_builtin_policy;    // builds RunConfig::policy for a family
};

// Validates the config and its policy and generates (or reads) the problems it names, in
// order, without duplicates. Writes nothing: call it before opening the store, so bad input
// leaves the database untouched.
core::Expected<std::vector<core::Problem>> prepare_run(const RunConfig& config,
                                                       const RunParts& parts);

// Creates the run in the store (config snapshot, seed, version, problems from prepare_run).
core::Expected<int64_t> create_run(store::Store& store, const RunConfig& config,
                                   const std::vector<core::Problem>& problems,
                                   const std::string& git_describe);

struct RunSummary {
  int64_t run_id = 0;
  int64_t problems = 0;
  int64_t attempts_total = 0;    // problems x samples
  int64_t attempts_done = 0;     // stored when the run ended (from before a resume too)
  int64_t attempts_new = 0;      // checked by this call
  int64_t unchecked = 0;         // attempts with timeout / resource_out / error verdicts
  int64_t policy_failures = 0;   // samples the policy could not produce (left for resume)
  bool interrupted = false;
};

struct ExecuteOptions {
  int64_t jobs = 0;              // 0 = the config's value
  std::ostream* progress = nullptr;  // null = silent
  bool live_progress = false;
};

// Executes every attempt of the run that is not yet stored, then marks the run finished (or
// interrupted when env.cancel was set). Safe to call again on the same run at any time.
core::Expected<RunSummary> execute_run(store::Store& store, int64_t run_id, const RunParts& parts,
                                       core::Env& env, const ExecuteOptions& options);

}  // namespace tcs::runner
