// The family's built-in policy: exact answers, optionally with controlled noise.
//
// Options (after "builtin:"): noise=P, P in [0, 1]. Exact answers: for "min" the recorded
// minimal regex (the problem's ground truth, found by the complete enumeration); for "eq" the
// automata engine's own decision. With probability P a sample is corrupted: a "min" answer
// becomes the query itself or the recorded near miss (each half the time), an "eq" answer is
// flipped. Sample i of problem p is drawn from Rng(derive_seed(query.seed, p.id, i)).
#pragma once

#include <memory>
#include <string_view>

#include "harness/core/expected.hpp"
#include "harness/core/policy.hpp"

namespace tcs::regex {

core::Expected<std::string> builtin_answer(const core::Problem& problem, double noise, uint64_t sample_seed);
std::unique_ptr<core::Policy> make_builtin_policy(double noise);  // noise: core::parse_noise_option

}  // namespace tcs::regex
