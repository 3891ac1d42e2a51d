// MBA identities: how they are built, their truth-table signatures and their ground truth.
//
// Signature. For a *linear* MBA expression E (an affine combination of bitwise expressions of
// its atoms), sig(E)(β) = −E(a_β) mod 2^w, where a_β sets atom j to all-ones when bit j of β is
// 1 and to 0 otherwise. An identity L = R between linear MBA expressions holds at w bits iff
// sig(L) = sig(R) for every β (bit j of a bitwise expression depends only on bit j of its
// inputs). The AND-monomials m_M = &_{j∈M} x_j (m_∅ = all-ones) form a basis: E equals
// Σ_M c_M·m_M with c = the Möbius transform of sig(E); `linear_basis()` builds that sum.
//
// Construction ("coefficients solved so the identity holds"): for a simple target S, pick
// random bitwise expressions e_i with random coefficients r_i, then solve for the basis
// coefficients c with Σ r_i e_i + Σ c_M m_M = S, writing each m_M as a random bitwise
// expression with the same truth table. Classes:
//   linear       O(S) = S                       (or O(S) = O'(S) with obfuscate_both)
//   polynomial   O(S1) × O(S2) = S1 × S2        (products of linear MBA expressions)
//   nonpoly      O(S)[x_j := A_j] = S[x_j := A_j], A_j = x_j × (x_{j+1} + c_j): bitwise
//                operators applied to non-bitwise, non-linear subterms
// Every identity holds at every width by construction; tests re-check at 8 bits exhaustively.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "generators/mba/expr.hpp"
#include "harness/core/rng.hpp"

namespace tcs::mba {

enum class MbaClass { linear, polynomial, nonpoly };
std::string_view to_string(MbaClass c);

struct Knobs {
  int width = 64;              // 8, 16, 32 or 64
  int vars = 2;                // 2 or 3
  int terms = 4;               // random bitwise terms per obfuscated linear expression, 1..12
  bool obfuscate_both = false; // rewrite both sides
  bool bv_decide = false;      // may a Lean proof use bv_decide (recorded in the problem)
};

struct Identity {
  MbaClass cls = MbaClass::linear;
  int width = 64;
  Names names;
  ExprPtr lhs, rhs;
};

// Signature of a pure-bitwise or linear expression over `vars` variables (see above).
std::vector<uint64_t> signature(const Expr& e, int vars, int width);
// Σ_M c_M · m_M for the given signature (m_∅ written as the constant all-ones).
ExprPtr linear_basis(const std::vector<uint64_t>& sig, int vars, int width);
// The canonical AND-monomial of the variables in bit mask M (M ≠ 0).
ExprPtr monomial(uint32_t m, int vars);

Identity make_identity(MbaClass cls, const Knobs& knobs, core::Rng& rng);

// The class an identity belongs to, read from its shape: bitwise operators over non-bitwise
// arithmetic -> nonpoly; else products of non-constants -> polynomial; else linear.
MbaClass classify(const Expr& lhs, const Expr& rhs, int width);

// The identity a goal states, read from its text (provers/z3/goal.hpp's format: bit-vector
// declarations of one width, asserts, the last one (not (= L R))). Other hypotheses are
// ignored: the built-in policy proposes tactics from the target alone. An Error when the goal
// is not an MBA identity (a guess-maker needs no more; the z3 back-end judges the tactics).
core::Expected<Identity> identity_from_goal(std::string_view goal_text);

// Exhaustive check at 8 bits (all 256^vars inputs); true when both sides agree everywhere.
bool holds_exhaustive8(const Identity& id);

}  // namespace tcs::mba
