// The regex family: RegexPSPACE's RegexMin and RegexEQ problems, checked exactly.
//
//   kinds            "min", "eq" (problems.hpp)
//   generate()       knobs in problems.hpp; unknown keys are errors naming the key
//   prompt()         RegexPSPACE-style prompts; the answer is the last \boxed{...}
//   native_checker() backend "native": min — the boxed regex must parse, be at most twice the
//                    query's length, be equivalent (automata, from scratch) and have the
//                    recorded minimal size; eq — the boxed True/False must match the engine's
//                    own decision. Detail {"valid","equivalent","minimal","answer_size",
//                    "query_size"} (min) or {"valid","said","truth"} (eq).
//   builtin_policy() "builtin" and "builtin:noise=P" (builtin_policy.hpp)
//   metrics()        RegexPSPACE's: minimality, equivalence, length_ratio (min);
//                    accuracy, f1, failure_rate (eq) (metrics.hpp)
#pragma once

#include <memory>

#include "harness/core/checker.hpp"
#include "harness/core/family.hpp"

namespace tcs::regex {

std::unique_ptr<core::Family> make_family();
std::unique_ptr<core::Checker> make_native_checker();

}  // namespace tcs::regex
