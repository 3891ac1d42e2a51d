// The family's built-in policy: exact traces in the prompt's answer format, optionally with
// controlled noise so that scores and searches are not trivially perfect.
//
// Options (the part after "builtin:"), comma-separated `name=value`:
//   noise=P   each step's state is corrupted independently with probability P in [0, 1]
//             (tag: one symbol replaced by another; tape: one window cell changed).
// Sample i of problem p is drawn from Rng(derive_seed(query.seed, p.id, i)), so the same query
// gives the same candidates byte for byte, whatever the batch split.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "harness/core/expected.hpp"
#include "harness/core/policy.hpp"
#include "harness/core/problem.hpp"

namespace tcs::tm_trace {

struct BuiltinOptions {
  double noise = 0.0;
};

// "" -> defaults; "noise=0.1" -> noise 0.1. Unknown names, repeated names, values that are
// not numbers or lie outside [0, 1] are errors saying which.
core::Expected<BuiltinOptions> parse_builtin_options(std::string_view options);

// The answer text for one sample; an error when the problem is not a tm_trace problem or its
// params are malformed.
core::Expected<std::string> builtin_answer(const core::Problem& problem, double noise,
                                           uint64_t sample_seed);

std::unique_ptr<core::Policy> make_builtin_policy(const BuiltinOptions& options);

}  // namespace tcs::tm_trace
