// ProofEnv: step-wise checking for search. A goal is an opaque state of the back-end; a
// tactic maps it to the list of subgoals that must all be proved (empty = goal closed).
#pragma once

#include <string>
#include <vector>

#include "harness/core/expected.hpp"
#include "harness/core/limits.hpp"
#include "harness/core/problem.hpp"
#include "harness/core/verdict.hpp"

namespace tcs::core {

struct Goal {
  std::string key;   // equal keys = equal states (used to deduplicate the search graph)
  std::string text;  // what a policy is shown
};

struct StepResult {
  Verdict verdict;             // verified = the tactic applied; otherwise why it failed
  std::vector<Goal> subgoals;  // only meaningful when the tactic applied
};

class ProofEnv {
 public:
  virtual ~ProofEnv() = default;
  // The root goal of a problem, or an Error when this back-end cannot state it.
  virtual Expected<Goal> open(const Problem& problem) = 0;
  // Applies one tactic to a goal returned by open() or an earlier apply() on this env.
  virtual StepResult apply(const Goal& goal, const std::string& tactic, const Limits& limits) = 0;
};

}  // namespace tcs::core
