// The SMT step language: one tactic maps a goal to the subgoals that must all be proved.
//
//   (smt)             closes the goal when Z3 shows hyps ∧ ¬target unsat within the leaf limit
//   (have φ)          → [hyps ⊢ φ,  hyps, φ ⊢ target]
//   (cases φ)         → [hyps, φ ⊢ target,  hyps, ¬φ ⊢ target]
//   (rewrite a b)     → [hyps ⊢ (= a b),  hyps ⊢ target[a := b]]   (a must occur in the target)
//   (linear-mba)      → the 2^k ground instances of a linear MBA target (mba_tactics.hpp)
//   (ring)            closes (= L R) when both sides are equal as polynomials (mba_tactics.hpp)
//
// φ, a and b are terms over the goal's declarations (term.hpp); nothing else is accepted.
//
// A whole proof (a *script*) is a sequence of tactics read in order: each applies to the first
// open goal, whose subgoals take its place at the front (a pre-order walk of the proof tree).
// The script proves the goal when every tactic applies and no goal is left. Comments start
// with `;`. Example, proving x + y = (x ^ y) + 2(x & y) on 64 bits:
//
//   (rewrite (bvadd x y) (bvadd (bvxor x y) (bvmul (_ bv2 64) (bvand x y))))
//     (linear-mba) (smt) (smt) (smt) (smt)     ; closes x + y = ..., all 4 ground cases
//     (smt)                                    ; the rewritten target is (= t t)
#pragma once

#include <string>
#include <vector>

#include "harness/core/limits.hpp"
#include "harness/core/verdict.hpp"
#include "provers/z3/goal.hpp"
#include "provers/z3/sexpr.hpp"
#include "provers/z3/solver.hpp"

namespace tcs::z3b {

struct StepOutcome {
  core::VerdictKind kind = core::VerdictKind::error;  // verified = applied
  std::string message;
  std::vector<SmtGoal> subgoals;  // when applied
  int64_t work = 0;               // Z3 rlimit used
  bool leaf = false;              // the tactic closed the goal by itself
};

struct ScriptOptions {
  double leaf_seconds = 0;  // cap per (smt) call; 0 = whatever is left of the total
  size_t max_steps = 100000;
  // Every goal Z3 closes with (smt) must also be closed by cvc5 (cvc5.hpp). cvc5 finding a
  // counterexample is an `error` verdict (a soundness alarm), cvc5 not finishing a `timeout`.
  bool second_opinion_cvc5 = false;
};

// Applies one tactic; `timeout_seconds` and `rlimit` bound an (smt) call.
StepOutcome apply_step(const SmtGoal& goal, const Sexpr& tactic, Prover& prover,
                       double timeout_seconds, int64_t rlimit, const ScriptOptions& options = {});

struct ScriptResult {
  core::Verdict verdict;   // verified = every goal closed
  int64_t steps = 0;       // tactics applied
  int64_t leaves = 0;      // goals closed by (smt) or (ring)
};

// Checks a whole script from scratch against `goal`; the total wall time is limits.wall_seconds.
ScriptResult check_script(const SmtGoal& goal, std::string_view script, Prover& prover,
                          const core::Limits& limits, const ScriptOptions& options = {});

}  // namespace tcs::z3b
