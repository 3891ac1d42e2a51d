// MBA problems: knobs from JSON, Problems from identities (id, params, difficulty, statements,
// ground truth) and back.
//
// Problem::params: {"width": 64, "vars": ["x","y"], "lhs": SMT, "rhs": SMT, "terms": 4,
//                   "obfuscate_both": false, "bv_decide": false}
// Problem::answer: {"holds": true}  (every generated identity holds at every width)
// Kinds are the classes: "linear", "polynomial", "nonpoly".
// Difficulty score = class weight (1 / 2 / 3) + term size / 25 + log2(width) / 3; levels
// easy < 4 ≤ medium < 6 ≤ hard.
#pragma once

#include <string>
#include <vector>

#include "generators/mba/identity.hpp"
#include "harness/core/problem.hpp"

namespace tcs::mba {

inline constexpr const char* kFamily = "mba";

core::Expected<MbaClass> class_from_kind(std::string_view kind);
// Strict: unknown keys, wrong types and impossible values are errors naming the key.
core::Expected<Knobs> knobs_from_json(const core::Json& params);

core::Problem make_problem(const Identity& id, const Knobs& knobs);
core::Expected<Identity> identity_from_problem(const core::Problem& problem);

core::Expected<std::vector<core::Problem>> generate(MbaClass cls, const core::Json& params,
                                                    uint64_t seed, int64_t count);

std::string smt2_statement(const Identity& id);
std::string lean_statement(const Identity& id, const std::string& name, bool bv_decide);
std::string coq_statement(const Identity& id, const std::string& name);
std::string informal_statement(const Identity& id);
std::string prompt(const core::Problem& problem);

}  // namespace tcs::mba
