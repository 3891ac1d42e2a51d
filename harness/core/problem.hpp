// Problem: one immutable question with its formal and informal statements and ground truth.
// Problems serialise to one JSON object per line (JSONL); the id is readable and derived from
// the content (family/kind/key), so the same generator seed gives the same ids byte for byte.
#pragma once

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/core/expected.hpp"

namespace tcs::core {

using Json = nlohmann::json;
// Keys in insertion order, so that serialised problems read naturally and are byte-stable.
using OrderedJson = nlohmann::ordered_json;

struct Difficulty {
  std::string level;   // a named level: "easy", "medium", "hard", ...
  double score = 0.0;  // a numeric score for ordering within and across levels
  bool operator==(const Difficulty&) const = default;
};

// A formal statement for one back-end ("lean", "coq", "smt2", "native").
struct Statement {
  std::string backend;
  std::string text;
  bool operator==(const Statement&) const = default;
};

struct Problem {
  std::string id;      // e.g. "tm_trace/tag/m2-3f9a12c4d5e6f708"
  std::string family;  // e.g. "tm_trace"
  std::string kind;    // e.g. "tag", "tape"
  Json params;         // what the family needs to check answers (rules, machine, steps)
  Difficulty difficulty;
  std::vector<Statement> statements;  // sorted by back-end name
  std::string informal;               // Markdown
  Json answer;                        // ground truth

  const Statement* statement(std::string_view backend) const;
  bool operator==(const Problem&) const = default;
};

OrderedJson to_json(const Problem& problem);
// Strict: every required field present with the right type; unknown fields are errors.
Expected<Problem> problem_from_json(const Json& json);

// One problem per line. Errors name the line number; the caller adds the file name.
Expected<std::vector<Problem>> read_problems_jsonl(std::istream& in);
Expected<std::vector<Problem>> read_problems_file(const std::string& path);
void write_problem_jsonl(std::ostream& out, const Problem& problem);
// Writes to PATH.tmp then renames, so a failed write never leaves half a file.
Status write_problems_file(const std::string& path, const std::vector<Problem>& problems);

}  // namespace tcs::core
