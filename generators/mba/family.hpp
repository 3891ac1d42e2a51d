// The mba family: Mixed Boolean-Arithmetic identities modulo 2^w.
//
//   kinds            "linear", "polynomial", "nonpoly" (identity.hpp); params in problems.hpp
//   prompt()         the informal statement, the SMT-LIB goal and the step language
//   native_checker() backend "native": the answer is "true" or "false" (does the identity
//                    hold?), verified when it matches evaluation — only where evaluation decides
//                    (strategy.hpp: decide_by_evaluation); elsewhere the verdict is `error`
//                    saying to use the z3 back-end. Proofs go to backend "z3".
//   builtin_policy() "builtin" (the step strategy, strategy.hpp) and "builtin:strategy=smt"
//                    (the one-tactic script "(smt)", the baseline), for backend "z3". Whole
//                    mode: the strategy's script. Step mode (tree search): tactics for the
//                    goal text in the query, read from that text alone (next_tactics, best
//                    first, with log-probabilities). "noise=P" (combinable, comma-separated):
//                    each tactic is independently wrong with probability P, deterministically
//                    from the seed — in step mode a slot holds a decoy (decoy_tactics) instead;
//                    in whole mode a script with a wrong tactic loses its last tactic (a goal
//                    is left open, so the checker rejects it).
//   metrics()        {"proved": verified share of attempts, "unknown": timeout/resource share,
//                     "mean_steps", "mean_leaves": over verified attempts with step detail}
#pragma once

#include <memory>

#include "harness/core/family.hpp"

namespace tcs::mba {

std::unique_ptr<core::Family> make_family();
std::unique_ptr<core::Checker> make_native_checker();

}  // namespace tcs::mba
