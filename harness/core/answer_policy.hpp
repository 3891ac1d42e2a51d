// The built-in policy of an answer-mode family: sample i of problem p is an answer computed from
// the problem alone with its own seed derive_seed(run seed, p.id, i), so a query gives the same
// candidates byte for byte whatever the batch split (resume depends on it). The family supplies
// how one answer is made and how noise spoils it; this supplies the Policy around it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "harness/core/expected.hpp"
#include "harness/core/policy.hpp"
#include "harness/core/rng.hpp"

namespace tcs::core {

// One sample's answer text for `problem`, wrong with the family's noise model at rate `noise`.
using AnswerFn = std::function<Expected<std::string>(const Problem& problem, double noise,
                                                     uint64_t sample_seed)>;

// Named "builtin" or "builtin:noise=P"; candidates go to the family's native checker.
std::unique_ptr<Policy> make_answer_policy(double noise, AnswerFn answer);

// For families whose exact answer is costly (a decider run): `truth` is computed once per query,
// and each sample is spoiled by `spoil` with probability `noise` (the sample's first draw).
// With a proof back-end ("coq") the truth is a proof script for that back-end, one tactic per
// line: a whole-proof query gets the script, a step query (tree search) gets its tactics in
// turn, sample i the tactic i mod n, and the search finds their order. The policy is named
// "builtin:proof=coq[,noise=P]".
using TruthFn = std::function<Expected<std::string>(const Problem& problem)>;
using SpoilFn = std::function<std::string(const std::string& truth, Rng& rng)>;
std::unique_ptr<Policy> make_answer_policy(double noise, TruthFn truth, SpoilFn spoil,
                                           std::string backend = "native");

// The options every answer-mode family accepts after "builtin:": just noise=P (default 0).
Expected<double> parse_noise_option(std::string_view options);

}  // namespace tcs::core
