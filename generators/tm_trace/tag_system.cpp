#include "generators/tm_trace/tag_system.hpp"

#include <cmath>

#include "harness/core/params.hpp"
#include "harness/core/hash.hpp"
#include "harness/core/text.hpp"

namespace tcs::tm_trace {

using core::bad_input;
using core::Expected;
using core::Json;

std::optional<Word> tag_step(const TagSystem& system, const Word& queue) {
  if (queue.size() < static_cast<size_t>(system.m)) return std::nullopt;
  const Word& rule = system.rules[queue[0]];
  Word next(queue.begin() + system.m, queue.end());
  next.insert(next.end(), rule.begin(), rule.end());
  return next;
}

TagTrace simulate(const TagInstance& instance) {
  TagTrace trace;
  trace.states.push_back(instance.init);
  for (int i = 0; i < instance.steps; ++i) {
    auto next = tag_step(instance.system, trace.states.back());
    if (!next) break;
    trace.states.push_back(std::move(*next));
  }
  trace.halts = trace.states.back().size() < static_cast<size_t>(instance.system.m);
  return trace;
}

std::string spell(const TagSystem& system, const Word& word, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    if (i > 0) out += separator;
    out += system.alphabet[word[i]];
  }
  return out;
}

Expected<std::vector<std::string>> split_code_points(std::string_view text) {
  if (size_t bad = core::find_invalid_utf8(text); bad != std::string_view::npos)
    return bad_input("not valid UTF-8 at byte offset " + std::to_string(bad));
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    while (i + len < text.size() && (static_cast<unsigned char>(text[i + len]) & 0xC0) == 0x80)
      ++len;
    out.emplace_back(text.substr(i, len));
    i += len;
  }
  return out;
}

Expected<Word> read_word(const std::vector<std::string>& alphabet, std::string_view text) {
  auto points = split_code_points(text);
  if (!points) return points.error();
  Word word;
  for (size_t i = 0; i < points->size(); ++i) {
    size_t s = 0;
    while (s < alphabet.size() && alphabet[s] != (*points)[i]) ++s;
    if (s == alphabet.size())
      return bad_input("symbol " + core::quote((*points)[i]) + " at position " +
                       std::to_string(i) + " is not in the alphabet");
    word.push_back(static_cast<uint8_t>(s));
  }
  return word;
}

core::Status check_alphabet(const std::vector<std::string>& alphabet) {
  if (alphabet.empty() || alphabet.size() > kMaxAlphabet)
    return bad_input("the alphabet must have 1 to 64 symbols, got " +
                     std::to_string(alphabet.size()));
  for (size_t i = 0; i < alphabet.size(); ++i) {
    const std::string& s = alphabet[i];
    auto points = split_code_points(s);
    if (!points || points->size() != 1)
      return bad_input("alphabet symbol " + core::quote(s) + " is not one UTF-8 code point");
    if (s.find_first_of(" \t\r\n,[]") != std::string::npos)
      return bad_input("alphabet symbol " + core::quote(s) +
                       " is reserved (blank, ',', '[' and ']' delimit queue states)");
    for (size_t j = 0; j < i; ++j)
      if (alphabet[j] == s) return bad_input("alphabet symbol " + core::quote(s) + " repeats");
  }
  return {};
}

std::string canonical_key(const TagInstance& instance) {
  const TagSystem& sys = instance.system;
  std::string key = "m=" + std::to_string(sys.m) + ";alphabet=" + spell(sys, [&] {
    Word all;
    for (size_t s = 0; s < sys.alphabet.size(); ++s) all.push_back(static_cast<uint8_t>(s));
    return all;
  }(), ",");
  key += ";rules=";
  for (size_t s = 0; s < sys.rules.size(); ++s)
    key += (s ? "," : "") + sys.alphabet[s] + ":" + spell(sys, sys.rules[s]);
  key += ";init=" + spell(sys, instance.init) + ";steps=" + std::to_string(instance.steps);
  return key;
}

std::string problem_id(const TagInstance& instance) {
  return "tm_trace/tag/m" + std::to_string(instance.system.m) + "-" +
         core::hex64(core::fnv1a64(canonical_key(instance)));
}

namespace {

Expected<std::vector<std::string>> alphabet_from_json(const Json& value) {
  std::vector<std::string> alphabet;
  if (value.is_string()) {
    auto points = split_code_points(value.get<std::string>());
    if (!points) return points.error();
    alphabet = std::move(*points);
  } else if (value.is_array()) {
    for (const auto& s : value) {
      if (!s.is_string()) return bad_input("alphabet entries must be strings, got " + s.dump());
      alphabet.push_back(s.get<std::string>());
    }
  } else {
    return bad_input("must be a string of symbols or an array of symbols");
  }
  if (auto st = check_alphabet(alphabet); !st) return st.error();
  return alphabet;
}

}  // namespace

Expected<TagKnobs> tag_knobs_from_json(const Json& params) {
  TagKnobs k;
  if (auto s = core::check_known_keys(params, {"m", "alphabet", "rule_min", "rule_max", "init_min",
                                         "init_max", "steps"});
      !s)
    return s.error();
  for (auto st : {core::read_int(params, "m", 1, 16, k.m),
                  core::read_int(params, "rule_min", 0, 64, k.rule_min),
                  core::read_int(params, "rule_max", 0, 64, k.rule_max),
                  core::read_int(params, "init_min", 0, 256, k.init_min),
                  core::read_int(params, "init_max", 0, 256, k.init_max),
                  core::read_int(params, "steps", 0, kMaxSteps, k.steps),
                  core::check_order("rule_min", k.rule_min, "rule_max", k.rule_max),
                  core::check_order("init_min", k.init_min, "init_max", k.init_max)})
    if (!st) return st.error();
  if (params.is_object() && params.contains("alphabet")) {
    auto alphabet = alphabet_from_json(params["alphabet"]);
    if (!alphabet) return alphabet.error().with_context("parameter \"alphabet\"");
    k.alphabet = std::move(*alphabet);
  }
  return k;
}

namespace {

Word random_word(core::Rng& rng, size_t alphabet, int min_len, int max_len) {
  Word w(static_cast<size_t>(rng.uniform(min_len, max_len)));
  for (auto& s : w) s = static_cast<uint8_t>(rng.uniform(0, static_cast<int64_t>(alphabet) - 1));
  return w;
}

bool has_repeated_state(const TagTrace& trace) {
  for (size_t i = 1; i < trace.states.size(); ++i)
    if (trace.states[i] == trace.states[i - 1]) return true;
  return false;
}

}  // namespace

Expected<TagInstance> random_tag_instance(const TagKnobs& knobs, core::Rng& rng) {
  constexpr int kTries = 1000;
  for (int attempt = 0; attempt < kTries; ++attempt) {
    TagInstance inst;
    inst.system.m = knobs.m;
    inst.system.alphabet = knobs.alphabet;
    for (size_t s = 0; s < knobs.alphabet.size(); ++s)
      inst.system.rules.push_back(
          random_word(rng, knobs.alphabet.size(), knobs.rule_min, knobs.rule_max));
    inst.init = random_word(rng, knobs.alphabet.size(), knobs.init_min, knobs.init_max);
    inst.steps = knobs.steps;
    // TMBench drops instances that stand still (two equal consecutive states): a model could
    // copy the previous state and look right without computing anything.
    if (!has_repeated_state(simulate(inst))) return inst;
  }
  return bad_input("no instance without two equal consecutive states in " +
                   std::to_string(kTries) + " tries; widen rule or initial lengths");
}

core::Difficulty tag_difficulty(const TagKnobs& k) {
  // The work a careful solver does is writing every queue state, so the score estimates the
  // symbols in the whole trace (mean queue length grows by mean rule length - m per step),
  // weighted by how many rules must be kept in mind.
  const double growth = (k.rule_min + k.rule_max) / 2.0 - k.m;
  double length = (k.init_min + k.init_max) / 2.0, symbols = 0;
  for (int i = 0; i <= k.steps && length >= k.m; ++i, length += growth) symbols += length;
  const double score = symbols / 100.0 * std::log2(1.0 + k.alphabet.size()) / std::log2(6.0);
  const char* level = score < 2 ? "easy" : score < 8 ? "medium" : score < 32 ? "hard" : "extreme";
  return {level, std::round(score * 100) / 100};
}

Json tag_params(const TagInstance& inst) {
  const TagSystem& sys = inst.system;
  Json rules = Json::object();
  for (size_t s = 0; s < sys.rules.size(); ++s) rules[sys.alphabet[s]] = spell(sys, sys.rules[s]);
  return Json{{"m", sys.m},
              {"alphabet", sys.alphabet},
              {"rules", rules},
              {"init", spell(sys, inst.init)},
              {"steps", inst.steps}};
}

Expected<TagInstance> tag_instance_from_params(const Json& params) {
  if (auto s = core::check_known_keys(params, {"m", "alphabet", "rules", "init", "steps", "source"}); !s)
    return s.error();
  for (const char* key : {"m", "alphabet", "rules", "init", "steps"})
    if (!params.contains(key)) return bad_input(std::string("missing parameter \"") + key + "\"");
  TagInstance inst;
  if (auto s = core::read_int(params, "m", 1, 1 << 20, inst.system.m); !s) return s.error();
  if (auto s = core::read_int(params, "steps", 0, kMaxSteps, inst.steps); !s) return s.error();
  auto alphabet = alphabet_from_json(params["alphabet"]);
  if (!alphabet) return alphabet.error().with_context("parameter \"alphabet\"");
  inst.system.alphabet = std::move(*alphabet);
  const Json& rules = params["rules"];
  if (!rules.is_object()) return bad_input("parameter \"rules\" must be an object");
  for (const auto& symbol : inst.system.alphabet) {
    auto it = rules.find(symbol);
    if (it == rules.end() || !it->is_string())
      return bad_input("parameter \"rules\" has no word for symbol " + core::quote(symbol));
    auto word = read_word(inst.system.alphabet, it->get<std::string>());
    if (!word) return word.error().with_context("rule for " + core::quote(symbol));
    inst.system.rules.push_back(std::move(*word));
  }
  if (rules.size() != inst.system.alphabet.size())
    return bad_input("parameter \"rules\" has a word for a symbol outside the alphabet");
  if (!params["init"].is_string()) return bad_input("parameter \"init\" must be a string");
  auto init = read_word(inst.system.alphabet, params["init"].get<std::string>());
  if (!init) return init.error().with_context("parameter \"init\"");
  inst.init = std::move(*init);
  return inst;
}

}  // namespace tcs::tm_trace
