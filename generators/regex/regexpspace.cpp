#include "generators/regex/regexpspace.hpp"

#include <fstream>
#include <istream>

#include "generators/regex/equivalence.hpp"
#include "generators/regex/problems.hpp"

namespace tcs::regex {

namespace {

struct Record {
  core::Json json;
  std::string where;  // "line N (idx X)"
};

core::Expected<std::string> text_field(const Record& r, const char* key, bool nullable = false) {
  if (!r.json.contains(key)) return core::bad_input(r.where + ": missing field \"" + key + "\"");
  const auto& v = r.json[key];
  if (nullable && v.is_null()) return std::string();
  if (!v.is_string()) return core::bad_input(r.where + ": field \"" + key + "\" must be a string");
  return v.get<std::string>();
}

core::Expected<Regex> regex_field(const Record& r, const char* key, const Alphabet& alphabet) {
  auto text = text_field(r, key);
  if (!text) return text.error();
  auto parsed = parse(*text, alphabet);
  if (!parsed) return parsed.error().with_context(r.where + ": field \"" + key + "\"");
  return parsed;
}

void compare_int(const Record& r, const char* key, int ours, std::vector<std::string>& out) {
  if (!r.json.contains(key) || !r.json[key].is_number_integer()) return;
  const int64_t theirs = r.json[key].get<int64_t>();
  if (theirs != ours)
    out.push_back(r.where + ": " + key + " is " + std::to_string(theirs) + ", ours " + std::to_string(ours));
}

core::Status import_record(const Record& r, const MinimalTable& table, ImportResult& out) {
  const Alphabet& alphabet = table.alphabet();
  const int k = alphabet.size();
  MinFacts f;
  auto query = regex_field(r, "query", alphabet);
  if (!query) return query.error();
  auto minimized = regex_field(r, "minimized_regex", alphabet);
  if (!minimized) return minimized.error();
  auto eq = regex_field(r, "equivalent_regex", alphabet);
  if (!eq) return eq.error();
  auto neq = regex_field(r, "not_equivalent_regex", alphabet);
  if (!neq) return neq.error();
  auto pos = text_field(r, "positive_example", true);
  if (!pos) return pos.error();
  auto neg = text_field(r, "negative_example", true);
  if (!neg) return neg.error();
  f.query = *query;
  compare_int(r, "tree_length", query->size(), out.mismatches);
  compare_int(r, "depth", depth(*query), out.mismatches);
  compare_int(r, "minimized_depth", depth(*minimized), out.mismatches);
  const bool minimized_same = same_language(*minimized, *query, k);
  if (!minimized_same) out.mismatches.push_back(r.where + ": minimized_regex is not equivalent to query");
  if (!same_language(*eq, *query, k)) out.mismatches.push_back(r.where + ": equivalent_regex is not equivalent to query");
  if (same_language(*neq, *query, k)) out.mismatches.push_back(r.where + ": not_equivalent_regex is equivalent to query");
  const PositionAutomaton qa = position_automaton(*query, k);
  auto word = [&](const std::string& w, bool member, const char* key) -> core::Status {
    const auto letters = word_letters(w, alphabet);
    if (!letters) return core::bad_input(r.where + ": field \"" + key + "\" has a letter outside " + alphabet.letters);
    if (matches(qa, *letters) != member)
      out.mismatches.push_back(r.where + ": " + key + " \"" + w + "\" is " + (member ? "not " : "") + "in L(query)");
    return {};
  };
  if (auto s = word(*pos, true, "positive_example"); !s) return s;
  if (auto s = word(*neg, false, "negative_example"); !s) return s;
  auto m = minimize_regex(*query, table);
  if (!m) return m.error().with_context(r.where);
  if (m->exact) {
    ++out.minimal_exact;
    f.minimal = m->minimal;
    compare_int(r, "minimized_tree_length", m->size, out.mismatches);
  } else {
    // Only a lower bound is known: keep the record's regex when it is consistent with it.
    f.minimal = minimized_same && minimized->size() >= m->lower_bound ? *minimized : *query;
    if (minimized->size() < m->lower_bound)
      out.mismatches.push_back(r.where + ": minimized_tree_length " + std::to_string(minimized->size()) +
                               " is below our lower bound " + std::to_string(m->lower_bound));
  }
  f.equivalent = *eq;
  f.not_equivalent = *neq;
  if (!pos->empty() || r.json["positive_example"].is_string()) f.positive = *pos;
  if (!neg->empty() || r.json["negative_example"].is_string()) f.negative = *neg;
  f.table_size = table.complete_size();
  core::Problem p = make_min_problem(f, alphabet);
  p.params["source"] = "regexpspace";
  if (r.json.contains("idx")) p.params["idx"] = r.json["idx"];
  p.answer["minimal_exact"] = m->exact;
  out.problems.push_back(std::move(p));
  out.problems.push_back(make_eq_problem(*query, *eq, alphabet));
  out.problems.push_back(make_eq_problem(*query, *neq, alphabet));
  return {};
}

}  // namespace

core::Expected<ImportResult> import_regexpspace(std::istream& in, const MinimalTable& table) {
  ImportResult out;
  std::string line;
  for (int64_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Record r;
    r.json = core::Json::parse(line, nullptr, false);
    if (r.json.is_discarded() || !r.json.is_object())
      return core::bad_input("line " + std::to_string(number) + ": not a JSON object");
    r.where = "line " + std::to_string(number);
    if (r.json.contains("idx")) r.where += " (idx " + r.json["idx"].dump() + ")";
    if (auto s = import_record(r, table, out); !s) return s.error();
    ++out.records;
  }
  return out;
}

core::Expected<ImportResult> import_regexpspace_file(const std::string& path, const MinimalTable& table) {
  std::ifstream in(path);
  if (!in) return core::Error{core::ErrorCode::not_found, path + ": cannot open"};
  auto r = import_regexpspace(in, table);
  if (!r) return r.error().with_context(path);
  return r;
}

}  // namespace tcs::regex
