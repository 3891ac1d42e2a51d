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
#include <string_view>
#include <vector>

#include "generators/mba/identity.hpp"

namespace tcs::mba {

struct StepScript {
  std::string text;       // one tactic per line, with comments
  std::string strategy;   // "linear-mba", "rewrite+ring" or "smt"
};

StepScript step_script(const Identity& id);

// The same strategy one step at a time, for tree search: tactics that make progress on the
// goal `id` states, best first (never empty). A ground goal: (smt). Else (linear-mba) when it
// applies; else one (rewrite e b(e)) per bitwise subterm e, largest first; else (ring); and
// (smt) last for small goals (and as the fallback).
std::vector<std::string> next_tactics(const Identity& id);
// Wrong or useless tactics for the same goal (never empty), what a noisy policy proposes:
// (rewrite e b(e)+1) (a false lemma: a dead end the search must back out of), a case split on
// bit 0 of a variable (useless: both cases are as hard), and (ring) / (linear-mba) where they
// do not apply. `next` is next_tactics(id), which the caller has already computed.
std::vector<std::string> decoy_tactics(const Identity& id, const std::vector<std::string>& next);
// Tactics in a script (top-level lists; comments skipped).
size_t count_tactics(std::string_view script);

// Ground truth by evaluation where that is sound: exhaustively at widths ≤ 8 (all inputs), and
// at any width when the identity is linear in bitwise expressions of its variables (the linear
// MBA theorem makes the 2^k {0, all-ones} instances decisive). nullopt otherwise.
std::optional<bool> decide_by_evaluation(const Identity& id);
// The single-tactic script the plain strategy uses.
inline std::string plain_smt_script() { return "(smt)\n"; }

}  // namespace tcs::mba
