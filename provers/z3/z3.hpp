// The z3 back-end: whole step scripts (core::Checker, backend "z3") and step-wise checking
// (core::ProofEnv) over a problem's "smt2" statement (goal.hpp), checked by in-process Z3.
//
//   make_checker()   re-checks a candidate script from scratch (steps.hpp): verified iff every
//                    tactic applies and no goal is left; a failed (smt) with a counterexample is
//                    rejected, an unknown (smt) is timeout / resource_out. Verdict detail
//                    {"steps", "leaves"}, work = Z3 rlimit used. One instance per thread.
//   make_proof_env() open(problem) -> the goal; apply(goal, tactic) -> subgoals. Goal text is
//                    goal.hpp's canonical form; the key is its hash. One instance per thread.
#pragma once

#include <memory>

#include "harness/core/checker.hpp"
#include "harness/core/proof_env.hpp"
#include "provers/z3/goal.hpp"
#include "provers/z3/solver.hpp"
#include "provers/z3/steps.hpp"

namespace tcs::z3b {

struct CheckerOptions {
  ProverOptions prover;
  ScriptOptions script;
};

// The problem's goal, from its "smt2" statement; an Error naming the problem otherwise.
core::Expected<SmtGoal> goal_of(const core::Problem& problem);

std::unique_ptr<core::Checker> make_checker(CheckerOptions options = {});
std::unique_ptr<core::ProofEnv> make_proof_env(CheckerOptions options = {});

}  // namespace tcs::z3b
