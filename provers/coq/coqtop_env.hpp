// A ProofEnv on a coqtop session: tactic-level steps for search.
//
// A goal is a whole proof state of the theorem (all its remaining goals), reached from the
// root by a path of tactics; apply() brings coqtop there (`BackTo` plus replay) and runs one
// tactic. The
// result is one subgoal (the new state) or none when Coq says "No more goals". Goal keys are
// the printed goals (`Show.`) with Coq's internal goal ids removed, so equal states share a key.
//
// A tactic must be a single sentence without bullets or braces, and passes the guard
// (screen_body): `admit` and friends are refused before coqtop sees them. A closed proof from
// search is still only a candidate: the runner re-checks the whole proof with CoqChecker.
//
// Legal calls: open(problem) first (again to switch problems), then apply() on goals this env
// returned since that open(). A tactic that exceeds its time limit kills coqtop; the next
// apply() restarts it and replays the path to its goal. Not thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "harness/core/proof_env.hpp"
#include "provers/coq/checker.hpp"
#include "provers/process/session.hpp"

namespace tcs::coq {

class CoqtopEnv : public core::ProofEnv {
 public:
  explicit CoqtopEnv(CoqConfig config = {}, double open_seconds = 30)
      : config_(std::move(config)), open_seconds_(open_seconds) {}
  core::Expected<core::Goal> open(const core::Problem& problem) override;
  core::StepResult apply(const core::Goal& goal, const std::string& tactic,
                         const core::Limits& limits) override;
  // assemble_proof (the default): the tactics one per line in the order they were applied, a
  // proof body that CoqChecker re-checks from scratch.
  std::string proof_backend() const override { return "coq"; }

  // How many times coqtop was started (for tests and stats).
  int starts() const { return starts_; }

 private:
  // The tactics from the root to a goal (the shortest path seen).
  struct Node {
    std::vector<std::string> path;
  };
  struct Reply {
    bool error = false;
    int state = 0;
    std::string text;
  };
  enum class SendStatus { ok, timeout, died };

  core::Status restart();
  SendStatus sentence(const std::string& text, double seconds, Reply& reply);
  core::Status reach(const std::vector<std::string>& path, double seconds);
  core::Goal remember(const std::string& text, std::vector<std::string> path);

  CoqConfig config_;
  double open_seconds_;
  std::unique_ptr<process::Session> session_;
  std::vector<std::string> preamble_;  // the statement's sentences up to `Proof.`
  GuardRules rules_;
  std::map<std::string, Node> nodes_;
  // coqtop's BackTo is an undo: states after the target expire. So the env keeps the one line
  // of tactics coqtop is on, with the state id after each, and reaches a goal by going back
  // to the longest common prefix and replaying the rest.
  std::vector<std::string> line_;
  std::vector<int> line_states_;  // line_states_[0] = after `Proof.`
  int starts_ = 0;
};

}  // namespace tcs::coq
