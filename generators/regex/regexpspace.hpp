// Import of RegexPSPACE's own JSONL records, re-labelled by our engine.
//
// A record has idx, query, tree_length, depth, minimized_regex, minimized_tree_length,
// minimized_depth, equivalent_regex, not_equivalent_regex, positive_example, negative_example.
// Each record gives one "min" problem and two "eq" problems (query vs equivalent_regex, query vs
// not_equivalent_regex). Every label is recomputed: sizes and depths, equivalences, example
// membership, and the minimal size from the table (exact when the table decides it; otherwise
// the record's minimized regex, if equivalent, is kept as an upper bound and said so).
// Disagreements with the record's labels are listed, one line each, naming line, idx and field.
#pragma once

#include <string>
#include <vector>

#include "generators/regex/minimal_search.hpp"
#include "harness/core/problem.hpp"

namespace tcs::regex {

struct ImportResult {
  std::vector<core::Problem> problems;
  std::vector<std::string> mismatches;
  int64_t records = 0;
  int64_t minimal_exact = 0;  // records whose minimal size the table decided
};

// Strict: a malformed line or field is an error naming the line and the field.
core::Expected<ImportResult> import_regexpspace(std::istream& in, const MinimalTable& table);
core::Expected<ImportResult> import_regexpspace_file(const std::string& path, const MinimalTable& table);

}  // namespace tcs::regex
