#include "harness/runner/run_config.hpp"

#include <filesystem>
#include <set>

#include <toml++/toml.h>

#include "harness/search/config.hpp"

namespace tcs::runner {

using core::bad_input;
using core::Json;
using core::OrderedJson;

OrderedJson RunConfig::to_json() const {
  OrderedJson sources_json = OrderedJson::array();
  for (const auto& s : sources) {
    if (!s.file.empty()) {
      sources_json.push_back({{"file", s.file}});
      continue;
    }
    sources_json.push_back({{"family", s.family}, {"kind", s.kind}, {"count", s.count},
                            {"params", OrderedJson::parse(s.params.dump())}});
  }
  for (size_t i = 0; i < sources.size(); ++i) {  // only when set: older snapshots stay alike
    if (!sources[i].strategy.empty()) sources_json[i]["search"] = sources[i].strategy;
    if (!sources[i].budget.empty()) sources_json[i]["budget"] = sources[i].budget;
  }
  return {{"name", name},
          {"description", description},
          {"seed", seed},
          {"policy", policy},
          {"endpoints", endpoints},
          {"search",
           {{"strategy", strategy},
            {"samples", samples},
            {"budget", budget},
            {"alpha", alpha},
            {"cpuct", cpuct},
            {"backend", search_backend}}},
          {"jobs", jobs},
          {"limits",
           {{"wall_seconds", limits.wall_seconds},
            {"memory_mb", limits.memory_mb},
            {"rlimit", limits.rlimit},
            {"max_answer_bytes", limits.max_answer_bytes}}},
          {"problems", std::move(sources_json)}};
}

core::Expected<RunConfig> RunConfig::from_json(const Json& j) {
  try {
    RunConfig c;
    c.name = j.at("name").get<std::string>();
    c.description = j.value("description", "");
    c.seed = j.at("seed").get<uint64_t>();
    c.policy = j.at("policy").get<std::string>();
    c.endpoints = j.value("endpoints", "");
    c.strategy = j.at("search").at("strategy").get<std::string>();
    c.samples = j.at("search").at("samples").get<int64_t>();
    // Keys added after schema 1 keep their defaults when an older snapshot lacks them.
    c.budget = j["search"].value("budget", c.budget);
    c.alpha = j["search"].value("alpha", c.alpha);
    c.cpuct = j["search"].value("cpuct", c.cpuct);
    c.search_backend = j["search"].value("backend", c.search_backend);
    c.jobs = j.value("jobs", int64_t{1});
    const Json& l = j.at("limits");
    c.limits = {l.at("wall_seconds").get<double>(), l.at("memory_mb").get<int64_t>(),
                l.at("rlimit").get<int64_t>(), l.at("max_answer_bytes").get<int64_t>()};
    for (const Json& s : j.at("problems")) {
      if (s.contains("file"))
        c.sources.push_back({.file = s.at("file").get<std::string>()});
      else
        c.sources.push_back({s.at("family").get<std::string>(), s.at("kind").get<std::string>(),
                             s.at("count").get<int64_t>(), s.at("params"), ""});
      c.sources.back().strategy = s.value("search", "");
      c.sources.back().budget = s.value("budget", "");
    }
    return c;
  } catch (const Json::exception& e) {
    return bad_input(std::string("stored run configuration is malformed: ") + e.what());
  }
}

RunConfig RunConfig::for_source(const ProblemSource& source) const {
  RunConfig c = *this;
  c.sources.clear();
  if (!source.strategy.empty()) c.strategy = source.strategy;
  if (!source.budget.empty()) c.budget = source.budget;
  return c;
}

bool RunConfig::any_tree_search() const {
  if (tree_search()) return true;
  for (const auto& s : sources)
    if (!s.strategy.empty() && s.strategy != "sample") return true;
  return false;
}

namespace {

// "sample" or a tree search search::parse_strategy knows; `field` names where it was read.
core::Status check_strategy(const std::string& field, const std::string& strategy) {
  if (strategy == "sample" || search::parse_strategy(strategy)) return {};
  return bad_input(field + ": \"" + strategy +
                   "\" is not a strategy (expected: sample, best_first, hypertree)");
}

}  // namespace

core::Status RunConfig::validate() const {
  if (auto s = check_strategy("search.strategy", strategy); !s) return s;
  if (auto b = search::parse_budget(budget); !b) return b.error().with_context("search.budget");
  if (!(alpha >= 0 && alpha <= 10)) return bad_input("search.alpha: must be in [0, 10]");
  if (!(cpuct > 0 && cpuct <= 1000)) return bad_input("search.cpuct: must be in (0, 1000]");
  if (samples < 1 || samples > 100000) return bad_input("search.samples: must be in 1..100000");
  if (jobs < 1 || jobs > 1024) return bad_input("jobs: must be in 1..1024");
  if (policy.empty()) return bad_input("policy: must not be empty");
  if (endpoint_policy() && policy.size() == 9)
    return bad_input("policy: \"endpoint:\" needs an endpoint name (endpoint:NAME)");
  if (limits.wall_seconds <= 0) return bad_input("limits.wall_seconds: must be positive");
  if (limits.max_answer_bytes < 1) return bad_input("limits.max_answer_bytes: must be positive");
  for (size_t i = 0; i < sources.size(); ++i) {
    const auto& s = sources[i];
    std::string where = "problems[" + std::to_string(i) + "]";
    if (!s.strategy.empty())
      if (auto st = check_strategy(where + ".search", s.strategy); !st) return st;
    if (!s.budget.empty())
      if (auto b = search::parse_budget(s.budget); !b) return b.error().with_context(where + ".budget");
    if (!s.file.empty()) continue;
    if (s.family.empty()) return bad_input(where + ".family: missing");
    if (s.count < 1 || s.count > 10000000) return bad_input(where + ".count: must be in 1..10^7");
  }
  return {};
}

namespace {

// "FILE:LINE: message" for a node with a known source position.
core::Error at(const std::string& path, const toml::node& node, const std::string& message) {
  auto line = node.source().begin.line;
  return bad_input(path + ":" + std::to_string(line) + ": " + message);
}

Json toml_to_json(const toml::node& node) {
  if (auto t = node.as_table()) {
    Json out = Json::object();
    for (const auto& [k, v] : *t) out[std::string(k.str())] = toml_to_json(v);
    return out;
  }
  if (auto a = node.as_array()) {
    Json out = Json::array();
    for (const auto& v : *a) out.push_back(toml_to_json(v));
    return out;
  }
  if (auto s = node.as_string()) return s->get();
  if (auto i = node.as_integer()) return i->get();
  if (auto f = node.as_floating_point()) return f->get();
  if (auto b = node.as_boolean()) return b->get();
  return Json(node.is_date_time() || node.is_date() || node.is_time() ? "unsupported" : "");
}

// Rejects keys a table is not allowed to have, so a typo is never silently ignored.
core::Status only_keys(const std::string& path, const toml::table& table, const std::string& name,
                       const std::set<std::string>& allowed) {
  for (const auto& [key, value] : table) {
    if (allowed.count(std::string(key.str()))) continue;
    std::string expected;
    for (const auto& a : allowed) expected += (expected.empty() ? "" : ", ") + a;
    return at(path, value, "unknown key \"" + std::string(key.str()) + "\" in " + name +
                               " (expected: " + expected + ")");
  }
  return {};
}

// Reads table[key] as T when present; a present value of the wrong type is an error.
template <class T>
core::Status read(const std::string& path, const toml::table& table, const char* key,
                  const char* type_name, T& out) {
  const toml::node* node = table.get(key);
  if (!node) return {};
  using Stored = std::conditional_t<std::is_integral_v<T>, int64_t, T>;
  std::optional<Stored> value = node->value_exact<Stored>();
  if constexpr (std::is_same_v<T, double>)
    if (!value) value = node->value<double>();  // integers are fine where a float is asked
  if (!value) return at(path, *node, std::string("\"") + key + "\" must be " + type_name);
  if constexpr (std::is_same_v<T, uint64_t>)
    if (*value < 0) return at(path, *node, std::string("\"") + key + "\" must not be negative");
  out = static_cast<T>(*value);
  return {};
}

core::Status read_source(const std::string& path, const toml::table& t, ProblemSource& s) {
  if (auto st = only_keys(path, t, "[[problems]]",
                          {"family", "kind", "count", "params", "file", "search", "budget"});
      !st)
    return st;
  for (auto st : {read(path, t, "search", "a string (sample, best_first, hypertree)", s.strategy),
                  read(path, t, "budget", "a string like \"1x8x200\"", s.budget),
                  read(path, t, "family", "a string", s.family),
                  read(path, t, "kind", "a string", s.kind),
                  read(path, t, "count", "an integer", s.count),
                  read(path, t, "file", "a string", s.file)})
    if (!st) return st;
  if (const toml::node* p = t.get("params")) {
    if (!p->is_table()) return at(path, *p, "\"params\" must be a table");
    s.params = toml_to_json(*p);
  }
  if (s.file.empty() && s.family.empty())
    return at(path, t, "[[problems]] needs \"family\" (to generate) or \"file\" (to read)");
  if (!s.file.empty() && !s.family.empty())
    return at(path, t, "[[problems]] takes either \"family\" or \"file\", not both");
  if (!s.file.empty() && std::filesystem::path(s.file).is_relative())
    s.file = (std::filesystem::path(path).parent_path() / s.file).lexically_normal().string();
  return {};
}

core::Status read_suite(const std::string& path, const toml::table& root, RunConfig& c) {
  if (auto s = only_keys(path, root, "the suite",
                         {"name", "description", "seed", "policy", "search", "limits", "jobs",
                          "problems"});
      !s)
    return s;
  for (auto s : {read(path, root, "name", "a string", c.name),
                 read(path, root, "description", "a string", c.description),
                 read(path, root, "seed", "a non-negative integer", c.seed),
                 read(path, root, "jobs", "an integer", c.jobs)})
    if (!s) return s;
  if (const toml::table* p = root["policy"].as_table()) {
    if (auto s = only_keys(path, *p, "[policy]", {"name", "endpoints"}); !s) return s;
    if (auto s = read(path, *p, "name", "a string", c.policy); !s) return s;
    if (auto s = read(path, *p, "endpoints", "a string", c.endpoints); !s) return s;
    if (!c.endpoints.empty())  // relative to the suite, stored absolute so resume finds it
      c.endpoints = std::filesystem::absolute(std::filesystem::path(path).parent_path() /
                                              c.endpoints).lexically_normal().string();
  }
  if (const toml::table* s = root["search"].as_table()) {
    if (auto st = only_keys(path, *s, "[search]",
                            {"strategy", "samples", "budget", "alpha", "cpuct", "backend"});
        !st)
      return st;
    for (auto st : {read(path, *s, "strategy", "a string", c.strategy),
                    read(path, *s, "samples", "an integer", c.samples),
                    read(path, *s, "budget", "a string like \"1x8x200\"", c.budget),
                    read(path, *s, "alpha", "a number", c.alpha),
                    read(path, *s, "cpuct", "a number", c.cpuct),
                    read(path, *s, "backend", "a string", c.search_backend)})
      if (!st) return st;
  }
  if (const toml::table* l = root["limits"].as_table()) {
    if (auto st = only_keys(path, *l, "[limits]",
                            {"wall_seconds", "memory_mb", "rlimit", "max_answer_bytes"});
        !st)
      return st;
    for (auto st : {read(path, *l, "wall_seconds", "a number", c.limits.wall_seconds),
                    read(path, *l, "memory_mb", "an integer", c.limits.memory_mb),
                    read(path, *l, "rlimit", "an integer", c.limits.rlimit),
                    read(path, *l, "max_answer_bytes", "an integer", c.limits.max_answer_bytes)})
      if (!st) return st;
  }
  const toml::array* problems = root["problems"].as_array();
  if (!problems || problems->empty())
    return bad_input(path + ": a suite needs at least one [[problems]] table");
  for (const toml::node& node : *problems) {
    const toml::table* t = node.as_table();
    if (!t) return at(path, node, "each entry of \"problems\" must be a table");
    ProblemSource source;
    if (auto s = read_source(path, *t, source); !s) return s;
    c.sources.push_back(std::move(source));
  }
  return {};
}

}  // namespace

core::Expected<RunConfig> load_suite(const std::string& path) {
  if (!std::filesystem::is_regular_file(path))
    return core::Error{core::ErrorCode::bad_input, path + ": no such suite file"};
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return bad_input(path + ":" + std::to_string(e.source().begin.line) + ":" +
                     std::to_string(e.source().begin.column) + ": " +
                     std::string(e.description()));
  }
  RunConfig config;
  config.name = std::filesystem::path(path).stem().string();
  if (auto s = read_suite(path, root, config); !s) return s.error();
  if (auto s = config.validate(); !s) return s.error().with_context(path);
  return config;
}

}  // namespace tcs::runner
