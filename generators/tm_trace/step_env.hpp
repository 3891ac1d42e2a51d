// The trace family's own step environment (search.backend = "native"): a proof is the answer
// built one step block at a time. The goal after k accepted blocks is "step k"; a tactic is one
// `### step k:` block in the answer format (trace_answer.hpp); it applies when the answer so far
// plus this block has steps 0..k all right, compared with a fresh simulation. The last step
// closes the goal. The whole answer (the blocks in order) is re-checked by the native checker
// before anything is stored, so this env only steers the search.
//
// Goal keys are "step k": every accepted prefix of length k states the same thing. Each apply()
// re-checks the whole prefix (simple, and exactly the native checker's judgement), so a trace
// of n steps costs O(n^2) step comparisons; fine for TMBench lengths (tens to hundreds).
// Not thread-safe; open() again to switch problems.
#pragma once

#include <map>
#include <string>

#include "harness/core/proof_env.hpp"

namespace tcs::tm_trace {

class TraceStepEnv : public core::ProofEnv {
 public:
  core::Expected<core::Goal> open(const core::Problem& problem) override;
  core::StepResult apply(const core::Goal& goal, const std::string& tactic,
                         const core::Limits& limits) override;

 private:
  core::Problem problem_;
  int64_t steps_ = 0;                        // blocks in the true trace
  std::map<std::string, std::string> prefix_;  // goal key -> the accepted blocks before it
};

// "step k" for the goal after k accepted blocks; -1 when `goal_text` names no step.
int64_t step_of_goal(const std::string& goal_text);

}  // namespace tcs::tm_trace
