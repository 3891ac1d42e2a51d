#include "generators/busy_beaver/certificate.hpp"

namespace tcs::busy_beaver {

using core::bad_input;

core::OrderedJson to_json(const Certificate& c) {
  core::OrderedJson j;
  switch (c.kind) {
    case CertificateKind::halting:
      j["decider"] = "halting";
      j["steps"] = c.steps;
      break;
    case CertificateKind::cycler:
      j["decider"] = "cycler";
      j["start"] = c.start;
      j["period"] = c.period;
      break;
    case CertificateKind::translated_cycler:
      j["decider"] = "translated_cycler";
      j["start"] = c.start;
      j["period"] = c.period;
      j["side"] = c.right ? "right" : "left";
      break;
    case CertificateKind::ngram_cps:
      j["decider"] = "ngram_cps";
      j["n"] = c.ngram;
      j["block"] = c.block;
      j["left"] = c.left;
      j["right"] = c.right_words;
      j["configs"] = c.configs;
      break;
    case CertificateKind::far:
      j["decider"] = "far";
      j["mirror"] = c.mirror;
      j["dfa"] = c.dfa;
      j["nfa"] = c.nfa;
      break;
  }
  return j;
}

namespace {

core::Status read_count(const core::Json& j, const char* key, int64_t lo, int64_t& out) {
  if (!j.contains(key)) return bad_input(std::string("certificate: missing field \"") + key + "\"");
  const core::Json& v = j[key];
  if (!v.is_number_integer())
    return bad_input(std::string("certificate: field \"") + key + "\" must be an integer");
  const int64_t x = v.get<int64_t>();
  if (x < lo || x > kMaxCertificateSteps)
    return bad_input(std::string("certificate: field \"") + key + "\" must be in [" +
                     std::to_string(lo) + ", " + std::to_string(kMaxCertificateSteps) + "], got " +
                     std::to_string(x));
  out = x;
  return {};
}

core::Status only_fields(const core::Json& j, std::initializer_list<const char*> known) {
  for (const auto& [key, value] : j.items()) {
    bool found = false;
    for (const char* k : known) found = found || key == k;
    if (!found) return bad_input("certificate: unknown field \"" + key + "\"");
  }
  return {};
}

core::Status read_words(const core::Json& j, const char* key, std::vector<std::string>& out) {
  if (!j.contains(key) || !j[key].is_array())
    return bad_input(std::string("certificate: field \"") + key + "\" must be an array of strings");
  if (j[key].size() > 1000000) return bad_input(std::string("certificate: field \"") + key + "\" is too long");
  for (const auto& w : j[key]) {
    if (!w.is_string()) return bad_input(std::string("certificate: field \"") + key + "\" must hold strings");
    out.push_back(w.get<std::string>());
  }
  return {};
}

core::Expected<Certificate> ngram_from_json(const core::Json& j) {
  Certificate c;
  c.kind = CertificateKind::ngram_cps;
  if (auto s = only_fields(j, {"decider", "n", "block", "left", "right", "configs"}); !s) return s.error();
  for (const char* key : {"n", "block"})
    if (!j.contains(key) || !j[key].is_number_integer() || j[key].get<int64_t>() < 1 || j[key].get<int64_t>() > 8)
      return bad_input(std::string("certificate: field \"") + key + "\" must be an integer in [1, 8]");
  c.ngram = j["n"].get<int>();
  c.block = j["block"].get<int>();
  for (auto [key, list] : {std::pair{"left", &c.left}, {"right", &c.right_words}, {"configs", &c.configs}})
    if (auto s = read_words(j, key, *list); !s) return s.error();
  return c;
}

// An array of at most `max_rows` rows of exactly N integers in [0, limit).
template <size_t N>
core::Status read_rows(const core::Json& j, const char* key, size_t max_rows, int limit,
                       std::vector<std::array<int, N>>& out) {
  const std::string field = std::string("certificate: field \"") + key + "\"";
  if (!j.contains(key) || !j[key].is_array()) return bad_input(field + " must be an array");
  if (j[key].size() > max_rows) return bad_input(field + " has more than " + std::to_string(max_rows) + " rows");
  for (size_t row = 0; row < j[key].size(); ++row) {
    const core::Json& r = j[key][row];
    const std::string where = field + " row " + std::to_string(row);
    if (!r.is_array() || r.size() != N) return bad_input(where + " must hold " + std::to_string(N) + " integers");
    std::array<int, N> a{};
    for (size_t k = 0; k < N; ++k) {
      if (!r[k].is_number_integer() || r[k].get<int64_t>() < 0 || r[k].get<int64_t>() >= limit)
        return bad_input(where + " must hold integers in [0, " + std::to_string(limit) + ")");
      a[k] = r[k].get<int>();
    }
    out.push_back(a);
  }
  return {};
}

core::Expected<Certificate> far_from_json(const core::Json& j) {
  Certificate c;
  c.kind = CertificateKind::far;
  if (auto s = only_fields(j, {"decider", "mirror", "dfa", "nfa"}); !s) return s.error();
  if (!j.contains("mirror") || !j["mirror"].is_boolean())
    return bad_input("certificate: field \"mirror\" must be true or false");
  c.mirror = j["mirror"].get<bool>();
  if (auto s = read_rows(j, "dfa", 8, 8, c.dfa); !s) return s.error();
  if (c.dfa.empty()) return bad_input("certificate: field \"dfa\" must have at least one row");
  for (size_t row = 0; row < c.dfa.size(); ++row)
    for (int target : c.dfa[row])
      if (target >= static_cast<int>(c.dfa.size()))
        return bad_input("certificate: field \"dfa\" row " + std::to_string(row) + " names state " +
                         std::to_string(target) + " of a " + std::to_string(c.dfa.size()) + "-state DFA");
  // NFA states are bounded by what the checker accepts (DFA states x machine states + 1).
  if (auto s = read_rows(j, "nfa", 100000, 1 << 16, c.nfa); !s) return s.error();
  for (size_t row = 0; row < c.nfa.size(); ++row)
    if (c.nfa[row][1] > 9) return bad_input("certificate: field \"nfa\" row " + std::to_string(row) + " reads a symbol above 9");
  return c;
}

}  // namespace

core::Expected<Certificate> certificate_from_json(const core::Json& j) {
  if (!j.is_object() || !j.contains("decider") || !j["decider"].is_string())
    return bad_input("certificate: expected an object with a string field \"decider\"");
  const std::string kind = j["decider"].get<std::string>();
  Certificate c;
  if (kind == "halting") {
    c.kind = CertificateKind::halting;
    if (auto s = only_fields(j, {"decider", "steps"}); !s) return s.error();
    if (auto s = read_count(j, "steps", 1, c.steps); !s) return s.error();
    return c;
  }
  if (kind == "ngram_cps") return ngram_from_json(j);
  if (kind == "far") return far_from_json(j);
  if (kind != "cycler" && kind != "translated_cycler")
    return bad_input("certificate: unknown decider \"" + kind +
                     "\" (known: halting, cycler, translated_cycler, ngram_cps, far)");
  const bool translated = kind == "translated_cycler";
  c.kind = translated ? CertificateKind::translated_cycler : CertificateKind::cycler;
  if (auto s = translated ? only_fields(j, {"decider", "start", "period", "side"})
                          : only_fields(j, {"decider", "start", "period"});
      !s)
    return s.error();
  if (auto s = read_count(j, "start", 0, c.start); !s) return s.error();
  if (auto s = read_count(j, "period", 1, c.period); !s) return s.error();
  if (translated) {
    const core::Json* side = j.contains("side") ? &j["side"] : nullptr;
    if (!side || !side->is_string() || (*side != "right" && *side != "left"))
      return bad_input("certificate: field \"side\" must be \"right\" or \"left\"");
    c.right = *side == "right";
  }
  return c;
}

}  // namespace tcs::busy_beaver
