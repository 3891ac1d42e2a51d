// ProofEnv: step-wise checking for search. A goal is an opaque state of the back-end; a
// tactic maps it to the list of subgoals that must all be proved (empty = goal closed).
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

// A proof found by search: the tactic applied to a goal and, in order, the proofs of the
// subgoals it produced (none when the tactic closed the goal). A tree: a subgoal shared by two
// branches is proved twice.
struct ProofTree {
  std::string tactic;
  std::vector<ProofTree> subproofs;

  size_t size() const {  // tactic applications
    size_t n = 1;
    for (const ProofTree& p : subproofs) n += p.size();
    return n;
  }
  size_t depth() const {  // the longest chain of tactic applications
    size_t d = 0;
    for (const ProofTree& p : subproofs) d = std::max(d, p.depth());
    return d + 1;
  }
};

// The generic whole-proof script: {"tactic": "...", "subgoals": [ ... ]} nested.
inline nlohmann::json proof_tree_to_json(const ProofTree& proof) {
  nlohmann::json subgoals = nlohmann::json::array();
  for (const ProofTree& p : proof.subproofs) subgoals.push_back(proof_tree_to_json(p));
  return {{"tactic", proof.tactic}, {"subgoals", std::move(subgoals)}};
}
// The tactics in the order a goal-stack script applies them (each to the first open goal, its
// subgoals then in front of the rest): a pre-order walk. Back-ends whose whole-proof scripts
// are such sequences (the SMT step language) can assemble_proof() from it.
inline void proof_tree_preorder(const ProofTree& proof, std::vector<std::string>& out) {
  out.push_back(proof.tactic);
  for (const ProofTree& p : proof.subproofs) proof_tree_preorder(p, out);
}
// The pre-order tactics one per line: the whole-proof script of the SMT step language, a Coq or
// Lean proof body, a trace answer built block by block.
inline std::string proof_tree_lines(const ProofTree& proof) {
  std::vector<std::string> tactics;
  proof_tree_preorder(proof, tactics);
  std::string out;
  for (const auto& t : tactics) out += t + "\n";
  return out;
}

// Strict inverse of proof_tree_to_json; an Error names the JSON path that is malformed.
inline Expected<ProofTree> proof_tree_from_json(const nlohmann::json& json,
                                                const std::string& where = "proof") {
  if (!json.is_object() || json.size() != 2 || !json.contains("tactic") ||
      !json.contains("subgoals"))
    return bad_input(where + ": expected an object with exactly \"tactic\" and \"subgoals\"");
  if (!json["tactic"].is_string()) return bad_input(where + ".tactic: expected a string");
  if (!json["subgoals"].is_array()) return bad_input(where + ".subgoals: expected an array");
  ProofTree out{json["tactic"].get<std::string>(), {}};
  for (size_t i = 0; i < json["subgoals"].size(); ++i) {
    auto sub = proof_tree_from_json(json["subgoals"][i],
                                    where + ".subgoals[" + std::to_string(i) + "]");
    if (!sub) return sub.error();
    out.subproofs.push_back(std::move(*sub));
  }
  return out;
}

class ProofEnv {
 public:
  virtual ~ProofEnv() = default;
  // The root goal of a problem, or an Error when this back-end cannot state it.
  virtual Expected<Goal> open(const Problem& problem) = 0;
  // Applies one tactic to a goal returned by open() or an earlier apply() on this env.
  virtual StepResult apply(const Goal& goal, const std::string& tactic, const Limits& limits) = 0;

  // The back-end whose Checker re-checks the scripts assemble_proof() writes ("native", "z3",
  // "coq", "lean"); it becomes Candidate::backend of the whole proof.
  virtual std::string proof_backend() const { return "native"; }
  // A whole proof of `problem` (a script its back-end's Checker checks from scratch, with no
  // state from this env) from the tactic tree search found starting at open()'s root goal.
  // The default is the tactics one per line in pre-order (proof_tree_lines): a Coq or Lean
  // proof body, an SMT step script, a trace's blocks in order. Envs whose checkers read the
  // whole tree (the synthetic test env: proof_tree_to_json) override it.
  virtual Expected<std::string> assemble_proof(const Problem& /*problem*/, const ProofTree& proof) {
    return proof_tree_lines(proof);
  }
};

}  // namespace tcs::core
