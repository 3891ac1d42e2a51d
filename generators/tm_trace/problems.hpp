// Turning instances into Problems (id, params, difficulty, statements, ground truth) and the
// seeded generators behind Family::generate().
//
// Ground truth (Problem::answer):
//   tag:  {"states": ["DBEEAA", "EEAAAECD", ...], "halts": false}   (step 0 first)
//   tape: {"configs": [{"state": "A", "head": 0, "tape": "00000000000"}, ...], "halts": true}
#pragma once

#include <cstdint>
#include <vector>

#include "generators/tm_trace/tag_system.hpp"
#include "generators/tm_trace/tape_machine.hpp"
#include "harness/core/problem.hpp"

namespace tcs::tm_trace {

inline constexpr const char* kFamily = "tm_trace";

core::Problem make_tag_problem(const TagInstance& instance, const core::Difficulty& difficulty);
core::Problem make_tape_problem(const TapeInstance& instance, const core::Difficulty& difficulty);
// The difficulty of one given instance (imported ones have no knobs): the knobs it could have
// come from.
core::Difficulty tag_instance_difficulty(const TagInstance& instance);

core::Json tag_answer_json(const TagSystem& system, const TagTrace& trace);
core::Json tape_answer_json(const TapeTrace& trace);

// `count` distinct problems; problem j is drawn from Rng(derive_seed(seed, "tm_trace/<kind>", j))
// (skipping duplicates), so the same (params, seed, count) gives the same problems byte for
// byte, and a larger count extends a smaller one. Errors name the bad parameter.
core::Expected<std::vector<core::Problem>> generate_tag(const core::Json& params, uint64_t seed,
                                                        int64_t count);
core::Expected<std::vector<core::Problem>> generate_tape(const core::Json& params, uint64_t seed,
                                                         int64_t count);

}  // namespace tcs::tm_trace
