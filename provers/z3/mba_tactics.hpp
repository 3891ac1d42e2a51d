// Two tactics of the step language that are decided by our own code, not by Z3:
//
// (linear-mba)  Target (= L R) at width w where L − R is affine in bitwise expressions:
//               linear layer  := const | (bvadd ..) | (bvsub ..) | (bvneg ..) | (bvmul const .. X)
//               bitwise layer := (bvand ..) | (bvor ..) | (bvxor ..) | (bvnot ..) | 0 | all-ones
//               and every other subterm is an *atom* (compared by canonical text; replacing a
//               subterm by a universally quantified variable only strengthens the goal).
//               Theorem (linear MBA, Zhou et al. 2007): such an identity holds for all atom
//               values iff it holds when every atom is 0 or all-ones, because bit j of a bitwise
//               expression depends only on bit j of the atoms. Subgoals: the 2^k ground
//               instances (k atoms, at most kMaxLinearAtoms), hypotheses dropped (weakening).
// (ring)        Closes (= L R) when L and R have the same normal form as polynomials over
//               Z/2^w in +, −, ×, constants, with every other subterm an atom.
#pragma once

#include <string>
#include <vector>

#include "harness/core/expected.hpp"
#include "provers/z3/goal.hpp"

namespace tcs::z3b {

constexpr int kMaxLinearAtoms = 12;

// The ground instances, or an Error saying why the target is not a linear MBA identity.
core::Expected<std::vector<SmtGoal>> linear_mba_instances(const SmtGoal& goal);
// The atoms (canonical text) linear_mba_instances would use, for policies and messages.
core::Expected<std::vector<std::string>> linear_mba_atoms(const TermPtr& side_a, const TermPtr& side_b);

// Ok when both sides normalise to the same polynomial; otherwise an Error saying how they differ.
core::Status ring_equal(const SmtGoal& goal);

}  // namespace tcs::z3b
