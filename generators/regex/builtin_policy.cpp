#include "generators/regex/builtin_policy.hpp"

#include "generators/regex/equivalence.hpp"
#include "generators/regex/problems.hpp"
#include "harness/core/answer_policy.hpp"
#include "harness/core/rng.hpp"

namespace tcs::regex {

namespace {

core::Expected<std::string> answer_field(const core::Problem& p, const char* key) {
  if (!p.answer.is_object() || !p.answer.contains(key) || !p.answer[key].is_string())
    return core::bad_input(p.id + ": answer." + key + " must be a string");
  return p.answer[key].get<std::string>();
}

core::Expected<std::string> min_answer(const core::Problem& p, double noise, core::Rng& rng) {
  const bool noisy = noise > 0 && rng.bernoulli(noise);
  const bool near_miss = rng.bernoulli(0.5);  // drawn always, so noise does not shift other draws
  if (!noisy) return answer_field(p, "minimal");
  if (near_miss) return answer_field(p, "not_equivalent_regex");
  if (!p.params.is_object() || !p.params.contains("query") || !p.params["query"].is_string())
    return core::bad_input(p.id + ": params.query must be a string");
  return p.params["query"].get<std::string>();
}

core::Expected<std::string> eq_answer(const core::Problem& p, double noise, core::Rng& rng) {
  auto alphabet = problem_alphabet(p);
  if (!alphabet) return alphabet.error();
  auto left = problem_regex(p, "left", *alphabet);
  if (!left) return left.error();
  auto right = problem_regex(p, "right", *alphabet);
  if (!right) return right.error();
  const Equivalence e = decide(*left, *right, alphabet->size());
  if (e == Equivalence::limit) return core::Error{core::ErrorCode::unsupported, p.id + ": state limit reached"};
  const bool noisy = noise > 0 && rng.bernoulli(noise);
  return std::string((e == Equivalence::equivalent) != noisy ? "True" : "False");
}

}  // namespace

core::Expected<std::string> builtin_answer(const core::Problem& problem, double noise, uint64_t sample_seed) {
  core::Rng rng(sample_seed);
  core::Expected<std::string> answer = problem.kind == "min"  ? min_answer(problem, noise, rng)
                                       : problem.kind == "eq" ? eq_answer(problem, noise, rng)
                                                              : core::Expected<std::string>(core::bad_input(
                                                                    problem.id + ": kind \"" + problem.kind +
                                                                    "\" is not a regex kind"));
  if (!answer) return answer.error();
  return "\\boxed{" + *answer + "}";
}

std::unique_ptr<core::Policy> make_builtin_policy(double noise) {
  return core::make_answer_policy(noise, builtin_answer);
}

}  // namespace tcs::regex
