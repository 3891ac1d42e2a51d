// The tm_trace family: execution traces of m-tag systems (TMBench) and tape Turing machines.
//
//   kinds            "tag", "tape"
//   generate()       params per kind (tag_system.hpp: TagKnobs; tape_machine.hpp: TapeKnobs);
//                    unknown keys are errors naming the key
//   prompt()         TMBench's prompt for tag problems, the same structure for tape problems
//   native_checker() backend "native": parses the answer (trace_answer.hpp) and compares every
//                    step with a fresh simulation; verified iff every step is right. Verdict
//                    detail {"steps": N, "correct": "1101..."}, work = step blocks compared.
//                    Thread-safe (no state), though the contract asks only one per thread.
//   native_step_env() one step block at a time, for tree search (step_env.hpp)
//   builtin_policy() "builtin" and "builtin:noise=P" (builtin_policy.hpp); in step mode the
//                    block the goal asks for
//   metrics()        {"uni", "lin", "pass", "acc"} (metrics.hpp)
#pragma once

#include <memory>

#include "harness/core/checker.hpp"
#include "harness/core/family.hpp"

namespace tcs::tm_trace {

std::unique_ptr<core::Family> make_family();
std::unique_ptr<core::Checker> make_native_checker();

}  // namespace tcs::tm_trace
