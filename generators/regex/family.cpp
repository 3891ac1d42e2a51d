#include "generators/regex/family.hpp"

#include "generators/regex/answer.hpp"
#include "generators/regex/builtin_policy.hpp"
#include "generators/regex/equivalence.hpp"
#include "generators/regex/metrics.hpp"
#include "generators/regex/problems.hpp"
#include "harness/core/answer_policy.hpp"
#include "harness/core/env.hpp"

namespace tcs::regex {

namespace {

core::Verdict unchecked() {
  return core::Verdict::make(core::VerdictKind::resource_out, "the equivalence check reached its DFA state limit");
}

core::Verdict check_min(const core::Problem& p, std::string_view text) {
  auto alphabet = problem_alphabet(p);
  if (!alphabet) return core::Verdict::failed("bad problem: " + alphabet.error().message);
  auto query = problem_regex(p, "query", *alphabet);
  if (!query) return core::Verdict::failed("bad problem: " + query.error().message);
  if (!p.answer.is_object() || !p.answer.contains("minimal_size") || !p.answer["minimal_size"].is_number_integer())
    return core::Verdict::failed(p.id + ": bad problem: answer.minimal_size must be an integer");
  const int minimal = p.answer["minimal_size"].get<int>();
  core::Json detail{{"valid", false}, {"equivalent", false}, {"minimal", false}, {"query_size", query->size()}};
  const RegexAnswer a = read_regex_answer(text, p.params["query"].get<std::string>(), *alphabet);
  if (!a.valid) {
    core::Verdict v = core::Verdict::rejected("invalid answer: " + a.reason);
    v.detail = detail;
    return v;
  }
  detail["valid"] = true;
  detail["answer_size"] = a.regex.size();
  EquivalenceChecker checker;
  const EquivalenceResult e =
      checker.check(position_automaton(a.regex, alphabet->size()), position_automaton(*query, alphabet->size()));
  core::Verdict v;
  if (e.answer == Equivalence::limit) v = unchecked();
  else if (e.answer == Equivalence::different)
    v = core::Verdict::rejected("not equivalent: \"" + word_text(e.witness, *alphabet) +
                                "\" is in exactly one of the two languages");
  else {
    detail["equivalent"] = true;
    detail["minimal"] = a.regex.size() <= minimal;
    if (a.regex.size() > minimal)
      v = core::Verdict::rejected("equivalent but of size " + std::to_string(a.regex.size()) +
                                  "; the minimal size is " + std::to_string(minimal));
    else if (a.regex.size() < minimal)
      v = core::Verdict::verified("equivalent and of size " + std::to_string(a.regex.size()) +
                                  ", BELOW the recorded minimal size " + std::to_string(minimal) +
                                  ": the ground truth is wrong");
    else
      v = core::Verdict::verified("equivalent and of minimal size " + std::to_string(minimal));
  }
  v.work = e.states;
  v.detail = detail;
  return v;
}

core::Verdict check_eq(const core::Problem& p, std::string_view text) {
  auto alphabet = problem_alphabet(p);
  if (!alphabet) return core::Verdict::failed("bad problem: " + alphabet.error().message);
  auto left = problem_regex(p, "left", *alphabet);
  auto right = problem_regex(p, "right", *alphabet);
  if (!left) return core::Verdict::failed("bad problem: " + left.error().message);
  if (!right) return core::Verdict::failed("bad problem: " + right.error().message);
  const Equivalence truth = decide(*left, *right, alphabet->size());
  if (truth == Equivalence::limit) return unchecked();
  const bool same = truth == Equivalence::equivalent;
  if (p.answer.is_object() && p.answer.contains("equivalent") && p.answer["equivalent"] != same)
    return core::Verdict::failed(p.id + ": the recorded answer disagrees with the automata engine");
  const auto said = read_bool_answer(text);
  core::Verdict v = !said ? core::Verdict::rejected("invalid answer: expected \\boxed{True} or \\boxed{False}")
                    : *said == same ? core::Verdict::verified(same ? "right: equivalent" : "right: not equivalent")
                                    : core::Verdict::rejected(same ? "wrong: the regexes are equivalent"
                                                                   : "wrong: the regexes are not equivalent");
  v.detail = core::Json{{"valid", said.has_value()}, {"truth", same}};
  if (said) v.detail["said"] = *said;
  return v;
}

class NativeChecker final : public core::Checker {
 public:
  std::string_view backend() const override { return "native"; }
  core::Verdict check(const core::Problem& problem, const core::Candidate& candidate,
                      const core::Limits& limits) override {
    core::Stopwatch clock;
    core::Verdict v;
    if (limits.max_answer_bytes > 0 && static_cast<int64_t>(candidate.text.size()) > limits.max_answer_bytes)
      v = core::Verdict::rejected("answer longer than " + std::to_string(limits.max_answer_bytes) + " bytes");
    else if (problem.kind == "min") v = check_min(problem, candidate.text);
    else if (problem.kind == "eq") v = check_eq(problem, candidate.text);
    else v = core::Verdict::failed(problem.id + ": kind \"" + problem.kind + "\" is not a regex kind");
    v.seconds = clock.seconds();
    return v;
  }
};

class RegexFamily final : public core::Family {
 public:
  std::string_view name() const override { return kFamily; }
  std::vector<std::string> kinds() const override { return {"min", "eq"}; }
  core::Expected<std::vector<core::Problem>> generate(const core::GenerateRequest& r) const override {
    return regex::generate(r.kind, r.params, r.seed, r.count);
  }
  std::string prompt(const core::Problem& p) const override {
    auto alphabet = problem_alphabet(p);
    if (!alphabet) return p.informal;
    auto text = [&](const char* key) { return p.params.value(key, std::string()); };
    if (p.kind == "min") return min_prompt(text("query"), *alphabet);
    if (p.kind == "eq") return eq_prompt(text("left"), text("right"), *alphabet);
    return p.informal;
  }
  std::unique_ptr<core::Checker> native_checker() const override { return make_native_checker(); }
  core::Expected<std::unique_ptr<core::Policy>> builtin_policy(std::string_view options) const override {
    auto noise = core::parse_noise_option(options);
    if (!noise) return noise.error();
    return make_builtin_policy(*noise);
  }
  std::unique_ptr<core::MetricsAccumulator> metrics() const override { return make_regex_metrics(); }
};

}  // namespace

std::unique_ptr<core::Checker> make_native_checker() { return std::make_unique<NativeChecker>(); }
std::unique_ptr<core::Family> make_family() { return std::make_unique<RegexFamily>(); }

}  // namespace tcs::regex
