// The busy_beaver family (Busy Beaver claims about small Turing machines).
//
//   kinds            halts_in, ones_on_halt, no_halt_within, never_halts, bb_lower_bound
//   generate()       problems.hpp (knobs states, symbols, n, machine)
//   prompt()         the informal statement turned into a question with its answer format
//   native_checker() backend "native": reads the answer JSON (problems.hpp lists the formats)
//                    and checks it from the problem's params, never from the stored ground
//                    truth: halting steps and never_halts certificates go through the
//                    independent certificate checker, ones and states through a fresh
//                    simulation. Verdict detail {"answer_kind": ...}. Thread-safe.
//   builtin_policy() "builtin" (the deciders' answers) and "builtin:noise=P" (each answer
//                    made wrong with probability P, deterministically from the seed)
//   metrics()        {"accuracy"}: verified attempts / attempts
#pragma once

#include <memory>
#include <string_view>

#include "harness/core/checker.hpp"
#include "harness/core/family.hpp"

namespace tcs::busy_beaver {

std::unique_ptr<core::Family> make_family();
std::unique_ptr<core::Checker> make_native_checker();

// The check behind the native checker: verified / rejected (with a reason) / error (the
// problem itself is malformed).
core::Verdict check_answer(const core::Problem& problem, std::string_view answer,
                           int64_t max_answer_bytes);
// The deciders' answer for a problem (what the built-in policy proposes without noise).
core::Expected<std::string> solve(const core::Problem& problem);

}  // namespace tcs::busy_beaver
