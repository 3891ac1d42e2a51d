// RegexPSPACE problems: knobs from JSON, generation, and Problems to and from regexes.
//
// Kinds:
//   "min"  RegexMin: find a minimal regex equivalent to the query.
//          params {"alphabet", "query", "table_size"}
//          answer {"minimal", "minimal_size", "query_size", "query_depth", "minimal_depth",
//                  "equivalent_regex", "not_equivalent_regex", "positive_example", "negative_example"}
//   "eq"   RegexEQ: are two regexes equivalent? params {"alphabet", "left", "right"}
//          answer {"equivalent": bool, "witness": word in exactly one language (when not)}
// Generation knobs (both kinds): alphabet ("abcd"), min_size (8), max_size (15), depth (3),
// table_size (the enumeration's complete size; default min(11, max_size - 1), at most 12).
// A query is kept only when its minimal size is known exactly (found in the table, or its
// size is table_size + 1). "eq" problems come in pairs from one query: the equivalent
// regex, then the near miss, so any even count is balanced.
// Difficulty score = query size + 2 x (query size - minimal size) (for "eq": the larger
// regex's size + 6 when equivalent); levels easy < 14 <= medium < 20 <= hard.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "generators/regex/minimal_search.hpp"
#include "generators/regex/regex.hpp"
#include "harness/core/problem.hpp"
#include "harness/core/rng.hpp"

namespace tcs::regex {

inline constexpr const char* kFamily = "regex";

struct Knobs {
  Alphabet alphabet;
  int min_size = 8, max_size = 15, depth = 3, table_size = -1;
};
core::Expected<Knobs> knobs_from_json(const core::Json& params);

// A random regex of exactly `depth` (left-associated) with size in [min_size, max_size].
Regex random_query(const Knobs& knobs, core::Rng& rng);
// A small mutation of r whose language differs (nullopt if 64 tries found none).
std::optional<Regex> near_miss(const Regex& r, const Alphabet& alphabet, core::Rng& rng);
// A regex equivalent to r with a different text: `minimal` when it differs, else a rewrite.
Regex equivalent_variant(const Regex& r, const Regex& minimal, const Alphabet& alphabet, core::Rng& rng);

// A word of length <= 6 in (positive) or out of (negative) L(r), drawn with rng; nullopt when
// none exists at those lengths.
std::optional<std::string> example_word(const Regex& r, const Alphabet& alphabet, bool member, core::Rng& rng);

struct MinFacts {  // the ground truth of a RegexMin problem
  Regex query, minimal, equivalent, not_equivalent;
  std::optional<std::string> positive, negative;
  int table_size = 0;
};
core::Problem make_min_problem(const MinFacts& facts, const Alphabet& alphabet);
core::Problem make_eq_problem(const Regex& left, const Regex& right, const Alphabet& alphabet);

core::Expected<std::vector<core::Problem>> generate(const std::string& kind, const core::Json& params,
                                                    uint64_t seed, int64_t count);

// Readers for checkers and policies; errors name the problem and the field.
core::Expected<Alphabet> problem_alphabet(const core::Problem& p);
core::Expected<Regex> problem_regex(const core::Problem& p, const char* field, const Alphabet& alphabet);

// Statements (statements.cpp).
std::string min_prompt(const std::string& query, const Alphabet& alphabet);
std::string eq_prompt(const std::string& left, const std::string& right, const Alphabet& alphabet);
std::string min_informal(const std::string& query, const Alphabet& alphabet);
std::string eq_informal(const std::string& left, const std::string& right, const Alphabet& alphabet);
// (declare-const w String) (assert (not (= (str.in_re w L) (str.in_re w R)))) (check-sat):
// unsat iff the languages are equal.
std::string eq_smt2(const Regex& left, const Regex& right, const Alphabet& alphabet);

}  // namespace tcs::regex
