// The mba family: Mixed Boolean-Arithmetic identities modulo 2^w.
//
//   kinds            "linear", "polynomial", "nonpoly" (identity.hpp); params in problems.hpp
//   prompt()         the informal statement, the SMT-LIB goal and the step language
//   native_checker() backend "native": the answer is "true" or "false" (does the identity
//                    hold?), verified when it matches evaluation — only where evaluation decides
//                    (strategy.hpp: decide_by_evaluation); elsewhere the verdict is `error`
//                    saying to use the z3 back-end. Proofs go to backend "z3".
//   builtin_policy() "builtin" (the step strategy, strategy.hpp) and "builtin:strategy=smt"
//                    (the one-tactic script "(smt)", the baseline); candidates are whole step
//                    scripts for backend "z3". "noise=P" (combinable, comma-separated): each
//                    sample independently, with probability P, loses its last tactic (a goal
//                    is left open, so the checker rejects it), deterministically from the seed.
//   metrics()        {"proved": verified share of attempts, "unknown": timeout/resource share,
//                     "mean_steps", "mean_leaves": over verified attempts with step detail}
#pragma once

#include <memory>

#include "harness/core/family.hpp"

namespace tcs::mba {

std::unique_ptr<core::Family> make_family();
std::unique_ptr<core::Checker> make_native_checker();

}  // namespace tcs::mba
