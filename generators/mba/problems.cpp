#include "generators/mba/problems.hpp"

#include <cmath>
#include <set>

#include "harness/core/hash.hpp"
#include "harness/core/params.hpp"

namespace tcs::mba {

core::Expected<MbaClass> class_from_kind(std::string_view kind) {
  for (auto c : {MbaClass::linear, MbaClass::polynomial, MbaClass::nonpoly})
    if (to_string(c) == kind) return c;
  return core::bad_input("mba has no kind \"" + std::string(kind) +
                         "\" (kinds: linear, polynomial, nonpoly)");
}

namespace {

core::Status read_bool(const core::Json& j, const char* key, bool& out) {
  if (!j.contains(key)) return {};
  if (!j[key].is_boolean()) return core::bad_input(std::string("mba parameter ") + key + " must be true or false");
  out = j[key].get<bool>();
  return {};
}

core::Difficulty difficulty(const Identity& id) {
  const double weight = id.cls == MbaClass::linear ? 1 : id.cls == MbaClass::polynomial ? 2 : 3;
  const double size = static_cast<double>(expr_size(*id.lhs) + expr_size(*id.rhs));
  const double score = weight + size / 25.0 + std::log2(static_cast<double>(id.width)) / 3.0;
  return {score < 4 ? "easy" : score < 6 ? "medium" : "hard", std::round(score * 100) / 100};
}

}  // namespace

core::Expected<Knobs> knobs_from_json(const core::Json& params) {
  Knobs k;
  if (params.is_null()) return k;
  if (auto s = core::check_known_keys(params, {"width", "vars", "terms", "obfuscate_both", "bv_decide"}); !s)
    return s.error();
  for (auto s : {core::read_int(params, "width", 8, 64, k.width), core::read_int(params, "vars", 2, 3, k.vars),
                 core::read_int(params, "terms", 1, 12, k.terms), read_bool(params, "obfuscate_both", k.obfuscate_both),
                 read_bool(params, "bv_decide", k.bv_decide)})
    if (!s.ok()) return s.error();
  if (k.width != 8 && k.width != 16 && k.width != 32 && k.width != 64)
    return core::bad_input("mba parameter width must be 8, 16, 32 or 64");
  return k;
}

core::Problem make_problem(const Identity& id, const Knobs& knobs) {
  core::Problem p;
  const std::string lhs = to_smt(*id.lhs, id.names, id.width), rhs = to_smt(*id.rhs, id.names, id.width);
  const std::string key = core::hex64(core::fnv1a64(lhs + "=" + rhs));
  p.family = kFamily;
  p.kind = std::string(to_string(id.cls));
  p.id = "mba/" + p.kind + "/w" + std::to_string(id.width) + "-" + key;
  p.params = core::Json{{"width", id.width}, {"vars", id.names}, {"lhs", lhs}, {"rhs", rhs},
                        {"terms", knobs.terms}, {"obfuscate_both", knobs.obfuscate_both},
                        {"bv_decide", knobs.bv_decide}};
  p.difficulty = difficulty(id);
  const std::string name = "mba_" + key.substr(0, 12);
  p.statements = {{"coq", coq_statement(id, name)},
                  {"lean", lean_statement(id, name, knobs.bv_decide)},
                  {"smt2", smt2_statement(id)}};
  p.informal = informal_statement(id);
  p.answer = core::Json{{"holds", true}};
  return p;
}

core::Expected<Identity> identity_from_problem(const core::Problem& p) {
  auto cls = class_from_kind(p.kind);
  if (!cls) return cls.error();
  const auto& j = p.params;
  if (!j.is_object() || !j.contains("width") || !j["width"].is_number_integer() ||
      !j.contains("vars") || !j["vars"].is_array() || !j.contains("lhs") || !j["lhs"].is_string() ||
      !j.contains("rhs") || !j["rhs"].is_string())
    return core::bad_input(p.id + ": params need width, vars, lhs and rhs");
  Identity id;
  id.cls = *cls;
  id.width = j["width"].get<int>();
  if (id.width < 1 || id.width > 64) return core::bad_input(p.id + ": width must be 1..64");
  for (const auto& v : j["vars"]) {
    if (!v.is_string()) return core::bad_input(p.id + ": vars must be strings");
    id.names.push_back(v.get<std::string>());
  }
  if (id.names.empty() || id.names.size() > 8) return core::bad_input(p.id + ": 1..8 vars");
  auto lhs = parse_smt(j["lhs"].get<std::string>(), id.names, id.width);
  if (!lhs) return lhs.error().with_context(p.id + ": lhs");
  auto rhs = parse_smt(j["rhs"].get<std::string>(), id.names, id.width);
  if (!rhs) return rhs.error().with_context(p.id + ": rhs");
  id.lhs = *lhs;
  id.rhs = *rhs;
  return id;
}

core::Expected<std::vector<core::Problem>> generate(MbaClass cls, const core::Json& params,
                                                    uint64_t seed, int64_t count) {
  auto knobs = knobs_from_json(params);
  if (!knobs) return knobs.error();
  if (count < 0) return core::bad_input("count must not be negative");
  std::vector<core::Problem> out;
  std::set<std::string> ids;
  const std::string label = "mba/" + std::string(to_string(cls));
  for (uint64_t j = 0; static_cast<int64_t>(out.size()) < count; ++j) {
    if (j > static_cast<uint64_t>(count) * 20 + 100)
      return core::bad_input("could not find " + std::to_string(count) + " distinct identities with these parameters");
    core::Rng rng(core::derive_seed(seed, label, j));
    core::Problem p = make_problem(make_identity(cls, *knobs, rng), *knobs);
    if (ids.insert(p.id).second) out.push_back(std::move(p));
  }
  return out;
}

}  // namespace tcs::mba
