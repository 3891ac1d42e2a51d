// The family's built-in step strategy: a whole step script (provers/z3/steps.hpp syntax) for an
// MBA identity, built without a prover — the z3 back-end checks it.
//
//   1. Width reduction. When the identity is linear in bitwise expressions of its atoms (the
//      same layers as the (linear-mba) tactic) and holds on the 2^k ground instances (checked
//      here by evaluation), the script is (linear-mba) followed by one (smt) per instance.
//   2. Rewriting with known identities. Otherwise every maximal pure-bitwise subterm e that is
//      not already an AND-monomial is rewritten to its AND-monomial basis form b(e):
//      (rewrite e b(e)) whose first subgoal e = b(e) is closed as in 1; then (ring) closes the
//      resulting polynomial identity (products of linear MBA expressions become polynomials in
//      the variables and AND-monomials).
//   3. Otherwise plain (smt).
#pragma once

#include <optional>
#include <string>

#include "generators/mba/identity.hpp"

namespace tcs::mba {

struct StepScript {
  std::string text;       // one tactic per line, with comments
  std::string strategy;   // "linear-mba", "rewrite+ring" or "smt"
};

StepScript step_script(const Identity& id);

// Ground truth by evaluation where that is sound: exhaustively at widths ≤ 8 (all inputs), and
// at any width when the identity is linear in bitwise expressions of its variables (the linear
// MBA theorem makes the 2^k {0, all-ones} instances decisive). nullopt otherwise.
std::optional<bool> decide_by_evaluation(const Identity& id);
// The single-tactic script the plain strategy uses.
inline std::string plain_smt_script() { return "(smt)\n"; }

}  // namespace tcs::mba
