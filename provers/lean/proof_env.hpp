// A ProofEnv on one Lean REPL: the statement's `sorry` gives the root proof state; a tactic
// ({"tactic", "proofState"}) gives a new proof state whose goals are the one subgoal (all
// remaining goals of the theorem), or none when the REPL says `proofStatus: Completed` — the
// only sign of a finished proof (an erroring tactic can answer "goals": []; that is rejected,
// reason "incomplete"). Proof states persist in the REPL, so any goal returned since open()
// can be extended. Tactics pass the guard (screen_body) first.
//
// A tactic over its time limit kills the REPL; the next apply() starts a new one, opens the
// problem again and replays the tactics leading to its goal. Not thread-safe.
#pragma once

#include <map>
#include <memory>
#include <vector>

#include "harness/core/proof_env.hpp"
#include "provers/lean/guard.hpp"
#include "provers/lean/repl.hpp"

namespace tcs::lean {

class LeanProofEnv : public core::ProofEnv {
 public:
  // `repl`: how to start the REPL (argv, cwd = the Lean project, limits).
  explicit LeanProofEnv(process::Spec repl, double open_seconds = 600)
      : spec_(std::move(repl)), open_seconds_(open_seconds) {}
  core::Expected<core::Goal> open(const core::Problem& problem) override;
  core::StepResult apply(const core::Goal& goal, const std::string& tactic,
                         const core::Limits& limits) override;
  // assemble_proof (the default): the tactics one per line in the order they were applied, a
  // proof body that LeanChecker re-checks from scratch.
  std::string proof_backend() const override { return "lean"; }
  int starts() const { return starts_; }

 private:
  struct Node {
    int proof_state = -1;
    int generation = 0;
    std::vector<std::string> path;
  };
  core::Expected<int> start_and_open();
  core::Expected<int> reach(Node& node, double seconds);
  core::Goal remember(const std::vector<std::string>& goals, int proof_state,
                      std::vector<std::string> path);

  process::Spec spec_;
  double open_seconds_;
  std::unique_ptr<ReplClient> repl_;
  StatementSplit statement_;
  std::string root_goal_;
  GuardRules rules_;
  std::map<std::string, Node> nodes_;
  int root_state_ = -1;
  int generation_ = 0;
  int starts_ = 0;
};

}  // namespace tcs::lean
