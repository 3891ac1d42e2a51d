// Busy Beaver problems: claims about machines of small TNF spaces, with statements, ground
// truth and difficulty, and the seeded generator behind Family::generate().
//
// Kinds and the native answer (what a model answers in answer mode; the formal statements state
// the claim itself, statements.hpp):
//   halts_in        {"steps": N}                        the exact halting step
//   ones_on_halt    {"ones": K}                          non-blank cells at halt
//   no_halt_within  {"state": "C"}                       the state after n steps (none halts)
//   never_halts     a certificate (certificate.hpp)      checked by the independent checker
//   bb_lower_bound  {"machine": "...", "steps": N}       any witness with N >= n
// Params of a problem: {"machine", "n"} (+ "ones" for ones_on_halt). Ground truth
// (Problem::answer) is the answer above for this machine, plus "decider" (who settled it).
//
// Generator knobs (strict: unknown keys are errors naming the key):
//   states (1..4, default 3), symbols (2..3, default 2), states x symbols <= 8;
//   n (no_halt_within's bound for non-halting machines, 1..1000000, default 50; halting
//   machines get the step before they halt);
//   machine (one given machine; count must be 1).
// Machines come from the TNF enumeration of the space (tnf.hpp); a halting one is completed
// by writing its halting transition as `1RZ`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "generators/busy_beaver/statements.hpp"
#include "harness/core/problem.hpp"

namespace tcs::busy_beaver {

inline constexpr const char* kFamily = "busy_beaver";

std::vector<std::string> problem_kinds();

// The problem for one claim (its machine must be settled: halting for halts_in, ones_on_halt,
// bb_lower_bound; proved non-halting for never_halts). `bound` is no_halt_within's n (0: the
// step before a halting machine halts, or 50 for a non-halting one; it must be below a halting
// machine's halting step). Errors say why a claim does not fit.
core::Expected<core::Problem> make_problem(const std::string& kind, const Machine& machine,
                                           int64_t bound);

core::Expected<std::vector<core::Problem>> generate_problems(const std::string& kind,
                                                             const core::Json& params,
                                                             uint64_t seed, int64_t count);

// Params -> claim (strict, for checkers and policies).
core::Expected<Claim> claim_from_params(const std::string& kind, const core::Json& params);

}  // namespace tcs::busy_beaver
