#include "harness/core/problem.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace tcs::core {

const Statement* Problem::statement(std::string_view backend) const {
  for (const auto& s : statements)
    if (s.backend == backend) return &s;
  return nullptr;
}

OrderedJson to_json(const Problem& p) {
  OrderedJson statements = OrderedJson::object();
  for (const auto& s : p.statements) statements[s.backend] = s.text;
  OrderedJson out;
  out["id"] = p.id;
  out["family"] = p.family;
  out["kind"] = p.kind;
  out["params"] = OrderedJson::parse(p.params.dump());
  out["difficulty"] = {{"level", p.difficulty.level}, {"score", p.difficulty.score}};
  out["statements"] = std::move(statements);
  out["informal"] = p.informal;
  out["answer"] = OrderedJson::parse(p.answer.dump());
  return out;
}

namespace {

// Reads a required field of the given type, or says which field is missing or mistyped.
template <class T>
Status take(const Json& json, const char* field, Json::value_t type, T& out) {
  auto it = json.find(field);
  if (it == json.end()) return bad_input(std::string("missing field \"") + field + "\"");
  bool type_ok = it->type() == type ||
                 (type == Json::value_t::number_float && it->is_number());
  if (!type_ok)
    return bad_input(std::string("field \"") + field + "\" has type " + it->type_name());
  out = it->get<T>();
  return {};
}

Expected<Difficulty> difficulty_from_json(const Json& json) {
  if (!json.is_object()) return bad_input("field \"difficulty\" must be an object");
  Difficulty d;
  if (auto s = take(json, "level", Json::value_t::string, d.level); !s) return s.error();
  if (auto s = take(json, "score", Json::value_t::number_float, d.score); !s)
    return s.error().with_context("difficulty");
  return d;
}

}  // namespace

Expected<Problem> problem_from_json(const Json& json) {
  static const std::set<std::string> known = {"id",         "family",     "kind",
                                              "params",     "difficulty", "statements",
                                              "informal",   "answer"};
  if (!json.is_object()) return bad_input("a problem must be a JSON object");
  for (const auto& [key, value] : json.items())
    if (!known.count(key)) return bad_input("unknown field \"" + key + "\"");
  Problem p;
  const auto str = Json::value_t::string;
  for (auto [field, target] : {std::pair{"id", &p.id}, {"family", &p.family}, {"kind", &p.kind},
                               {"informal", &p.informal}})
    if (auto s = take(json, field, str, *target); !s) return s.error();
  if (p.id.empty()) return bad_input("field \"id\" is empty");
  p.params = json.value("params", Json::object());
  p.answer = json.value("answer", Json());
  if (!json.contains("difficulty")) return bad_input("missing field \"difficulty\"");
  auto difficulty = difficulty_from_json(json["difficulty"]);
  if (!difficulty) return difficulty.error();
  p.difficulty = *difficulty;
  const Json statements = json.value("statements", Json::object());
  if (!statements.is_object()) return bad_input("field \"statements\" must be an object");
  for (const auto& [backend, text] : statements.items()) {
    if (!text.is_string())
      return bad_input("statement \"" + backend + "\" must be a string");
    p.statements.push_back({backend, text.get<std::string>()});
  }
  std::sort(p.statements.begin(), p.statements.end(),
            [](const auto& a, const auto& b) { return a.backend < b.backend; });
  return p;
}

Expected<std::vector<Problem>> read_problems_jsonl(std::istream& in) {
  std::vector<Problem> problems;
  std::set<std::string> ids;
  std::string line;
  for (int64_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = "line " + std::to_string(number);
    Json json = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) return bad_input(where + ": not valid JSON");
    auto problem = problem_from_json(json);
    if (!problem) return problem.error().with_context(where);
    if (!ids.insert(problem->id).second)
      return bad_input(where + ": duplicate problem id \"" + problem->id + "\"");
    problems.push_back(std::move(*problem));
  }
  return problems;
}

Expected<std::vector<Problem>> read_problems_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{ErrorCode::bad_input, path + ": cannot open for reading"};
  auto problems = read_problems_jsonl(in);
  if (!problems) return problems.error().with_context(path);
  return problems;
}

void write_problem_jsonl(std::ostream& out, const Problem& problem) {
  out << to_json(problem).dump() << '\n';
}

Status write_problems_file(const std::string& path, const std::vector<Problem>& problems) {
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return Error{ErrorCode::io, temp + ": cannot open for writing"};
    for (const auto& p : problems) write_problem_jsonl(out, p);
    out.flush();
    if (!out) return Error{ErrorCode::io, temp + ": write failed"};
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0)
    return Error{ErrorCode::io, path + ": cannot rename " + temp + " into place"};
  return {};
}

}  // namespace tcs::core
