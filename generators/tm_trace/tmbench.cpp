#include "generators/tm_trace/tmbench.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "generators/tm_trace/metrics.hpp"
#include "generators/tm_trace/problems.hpp"
#include "generators/tm_trace/tag_system.hpp"
#include "harness/core/text.hpp"

namespace tcs::tm_trace {

using core::bad_input;
using core::Expected;
using core::Json;

namespace {

struct Sample {
  std::string id;
  TagInstance instance;
  std::vector<std::string> step_results;
  const Json* ans = nullptr;  // into the parsed file
};

Expected<Json> read_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return bad_input(path + ": cannot open for reading");
  std::stringstream buffer;
  buffer << in.rdbuf();
  Json root = Json::parse(buffer.str(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return bad_input(path + ": not valid JSON");
  return root;
}

// An integer field in [lo, hi]; `fallback` when absent and allowed.
Expected<int> int_field(const Json& obj, const char* key, int lo, int hi, const int* fallback) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (fallback) return *fallback;
    return bad_input(std::string("missing field \"") + key + "\"");
  }
  if (!it->is_number_integer() || it->get<int64_t>() < lo || it->get<int64_t>() > hi)
    return bad_input(std::string("field \"") + key + "\" must be an integer in [" +
                     std::to_string(lo) + ", " + std::to_string(hi) + "], got " + it->dump(-1).substr(0, 40));
  return static_cast<int>(it->get<int64_t>());
}

Expected<std::string> string_field(const Json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return bad_input(std::string("missing field \"") + key + "\"");
  if (!it->is_string()) return bad_input(std::string("field \"") + key + "\" must be a string");
  return it->get<std::string>();
}

// Builds the instance of one sample: rules in symbol_set order, every symbol with a rule.
Expected<TagInstance> sample_instance(const Json& s, const std::vector<std::string>& alphabet,
                                      int m, int steps) {
  TagInstance inst;
  inst.system.alphabet = alphabet;
  auto sample_m = int_field(s, "delete_count", 1, 1000, &m);
  if (!sample_m) return sample_m.error();
  inst.system.m = *sample_m;
  inst.steps = steps;
  auto rule = s.find("rule");
  if (rule == s.end() || !rule->is_object())
    return bad_input("field \"rule\" must be an object {symbol: word}");
  for (const auto& [symbol, word] : rule->items())
    if (std::find(alphabet.begin(), alphabet.end(), symbol) == alphabet.end())
      return bad_input("field \"rule\": symbol " + core::quote(symbol) + " is not in symbol_set");
  for (const std::string& symbol : alphabet) {
    auto it = rule->find(symbol);
    if (it == rule->end() || !it->is_string())
      return bad_input("field \"rule\" has no word (string) for symbol " + core::quote(symbol));
    auto w = read_word(alphabet, it->get<std::string>());
    if (!w) return w.error().with_context("field \"rule\", symbol " + core::quote(symbol));
    inst.system.rules.push_back(std::move(*w));
  }
  auto init = string_field(s, "init_str");
  if (!init) return init.error();
  auto word = read_word(alphabet, *init);
  if (!word) return word.error().with_context("field \"init_str\"");
  inst.init = std::move(*word);
  return inst;
}

// The sample's step_results must be exactly what simulation gives.
core::Status check_step_results(const Sample& s) {
  const TagTrace trace = simulate(s.instance);
  const size_t common = std::min(trace.states.size(), s.step_results.size());
  for (size_t i = 0; i < common; ++i) {
    const std::string state = spell(s.instance.system, trace.states[i]);
    if (state != s.step_results[i])
      return bad_input("step_results[" + std::to_string(i) + "] (step " + std::to_string(i) +
                       ") is " + core::quote(s.step_results[i]) + " but simulating gives " +
                       core::quote(state));
  }
  if (trace.states.size() < s.step_results.size())
    return bad_input("the system halts at step " + std::to_string(trace.states.size() - 1) +
                     " but step_results has " + std::to_string(s.step_results.size()) +
                     " entries");
  if (trace.states.size() > s.step_results.size())
    return bad_input("step_results ends at step " + std::to_string(s.step_results.size() - 1) +
                     " but the system does not halt there (max_step is " +
                     std::to_string(s.instance.steps + 1) + ")");
  return {};
}

Expected<Sample> load_sample(const Json& s, const std::vector<std::string>& alphabet, int m,
                             int max_step) {
  Sample out;
  auto id = string_field(s, "id");
  if (!id) return id.error();
  out.id = *id;
  auto fail = [&](const core::Error& e) { return e.with_context("sample " + core::quote(out.id)); };
  auto inst = sample_instance(s, alphabet, m, max_step - 1);
  if (!inst) return fail(inst.error());
  out.instance = std::move(*inst);
  auto results = s.find("step_results");
  if (results == s.end() || !results->is_array() || results->empty())
    return fail(bad_input("field \"step_results\" must be a non-empty array of strings"));
  if (results->size() > static_cast<size_t>(max_step))
    return fail(bad_input("field \"step_results\" has " + std::to_string(results->size()) +
                          " entries, more than max_step (" + std::to_string(max_step) + ")"));
  for (const auto& r : *results) {
    if (!r.is_string()) return fail(bad_input("field \"step_results\" holds a non-string"));
    out.step_results.push_back(r.get<std::string>());
  }
  if (auto st = check_step_results(out); !st) return fail(st.error());
  if (auto ans = s.find("ans"); ans != s.end()) {
    if (!ans->is_string()) return fail(bad_input("field \"ans\" must be a string"));
    out.ans = &*ans;
  }
  return out;
}

Expected<std::vector<Sample>> load_samples(const Json& root) {
  if (!root.is_object()) return bad_input("the top level must be a JSON object");
  auto symbols = root.find("symbol_set");
  if (symbols == root.end() || !symbols->is_array())
    return bad_input("field \"symbol_set\" must be an array of symbols");
  std::vector<std::string> alphabet;
  for (const auto& s : *symbols) {
    if (!s.is_string()) return bad_input("field \"symbol_set\" holds a non-string");
    alphabet.push_back(s.get<std::string>());
  }
  if (auto st = check_alphabet(alphabet); !st) return st.error().with_context("field \"symbol_set\"");
  auto m = int_field(root, "delete_count", 1, 1000, nullptr);
  if (!m) return m.error();
  auto max_step = int_field(root, "max_step", 1, kMaxSteps + 1, nullptr);
  if (!max_step) return max_step.error();
  auto samples = root.find("samples");
  if (samples == root.end() || !samples->is_array())
    return bad_input("field \"samples\" must be an array");
  std::vector<Sample> out;
  for (size_t k = 0; k < samples->size(); ++k) {
    const Json& s = (*samples)[k];
    if (!s.is_object()) return bad_input("samples[" + std::to_string(k) + "] is not an object");
    auto sample = load_sample(s, alphabet, *m, *max_step);
    if (!sample) {
      // Errors without a sample id (the id itself missing) still say which sample.
      if (sample.error().message.rfind("sample ", 0) == 0) return sample.error();
      return sample.error().with_context("samples[" + std::to_string(k) + "]");
    }
    out.push_back(std::move(*sample));
  }
  return out;
}

size_t find_ci(std::string_view text, std::string_view lower_pattern, size_t from) {
  for (size_t i = from; i + lower_pattern.size() <= text.size(); ++i) {
    size_t k = 0;
    while (k < lower_pattern.size() &&
           static_cast<char>(std::tolower(static_cast<unsigned char>(text[i + k]))) ==
               lower_pattern[k])
      ++k;
    if (k == lower_pattern.size()) return i;
  }
  return std::string_view::npos;
}

// The end of a bracketed run of allowed code points starting at text[open] == '[', i.e. the
// index of its ']', or npos.
size_t bracket_end(std::string_view text, size_t open, const std::set<std::string>& allowed) {
  for (size_t i = open + 1; i < text.size();) {
    if (text[i] == ']') return i;
    size_t len = 1;
    while (i + len < text.size() && (static_cast<unsigned char>(text[i + len]) & 0xC0) == 0x80)
      ++len;
    if (!allowed.count(std::string(text.substr(i, len)))) return std::string_view::npos;
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace

std::map<int64_t, std::string> tmbench_extract(std::string_view text,
                                               const std::vector<std::string>& symbols) {
  // TMBench's regex character class, with IGNORECASE's extra letters, plus this file's symbols.
  std::set<std::string> allowed = {"A", "B", "C", "D", "E", "a", "b", "c", "d", "e", "1", "2",
                                   "3", "4", "5", "α", "β", "γ", "δ", "ε", "Α", "Β", "Γ", "Δ",
                                   "Ε", "@", "#", "$", "%", "&", "*", " ", ","};
  allowed.insert(symbols.begin(), symbols.end());
  std::map<int64_t, std::string> out;
  for (size_t pos = 0;;) {
    const size_t s = find_ci(text, "step ", pos);
    if (s == std::string_view::npos) break;
    size_t j = s + 5;
    int64_t step = 0;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9' && step < (int64_t{1} << 40))
      step = step * 10 + (text[j++] - '0');
    if (j == s + 5 || j >= text.size() || text[j] != ':') {
      pos = s + 1;
      continue;
    }
    // The regex's lazy gaps: the first "Queue State:" after the header, then the first '['
    // whose run of allowed symbols ends in ']'. When none exists, no later header can match
    // either (it would search a suffix of the same text), so scanning stops.
    const size_t q = find_ci(text, "queue state:", j + 1);
    if (q == std::string_view::npos) break;
    size_t open = text.find('[', q), close = std::string_view::npos;
    for (; open != std::string_view::npos; open = text.find('[', open + 1))
      if ((close = bracket_end(text, open, allowed)) != std::string_view::npos) break;
    if (open == std::string_view::npos) break;
    std::string content;
    for (char c : text.substr(open + 1, close - open - 1))
      if (c != ' ' && c != ',') content += c;
    out.emplace(step, std::move(content));  // the first match of a step wins
    pos = close + 1;
  }
  return out;
}

Expected<std::vector<core::Problem>> import_tmbench(const std::string& path) {
  auto root = read_json_file(path);
  if (!root) return root.error();
  auto samples = load_samples(*root);
  if (!samples) return samples.error().with_context(path);
  std::vector<core::Problem> out;
  std::map<std::string, std::string> ids;  // problem id -> sample id
  for (const Sample& s : *samples) {
    core::Problem p = make_tag_problem(s.instance, tag_instance_difficulty(s.instance));
    if (auto [it, fresh] = ids.emplace(p.id, s.id); !fresh)
      return bad_input(path + ": samples " + core::quote(it->second) + " and " + core::quote(s.id) +
                       " are the same instance");
    p.params["source"] = Json{{"tmbench_id", s.id}};
    out.push_back(std::move(p));
  }
  return out;
}

Expected<TmbenchScore> score_tmbench(const std::string& results_path) {
  auto root = read_json_file(results_path);
  if (!root) return root.error();
  auto samples = load_samples(*root);
  if (!samples) return samples.error().with_context(results_path);
  StepTally tally;
  for (const Sample& s : *samples) {
    if (!s.ans) continue;
    const auto found = tmbench_extract(s.ans->get_ref<const std::string&>(), s.instance.system.alphabet);
    std::string correct(s.step_results.size(), '0');
    for (size_t i = 0; i < s.step_results.size(); ++i) {
      auto it = found.find(static_cast<int64_t>(i));
      if (it != found.end() && it->second == s.step_results[i]) correct[i] = '1';
    }
    tally.add(correct, correct.find('0') == std::string::npos);
  }
  if (tally.answers() == 0)
    return bad_input(results_path + ": no sample has an \"ans\" field (not a results file?)");
  return TmbenchScore{tally.uni(), tally.lin(), tally.pass(), tally.answers()};
}

}  // namespace tcs::tm_trace
