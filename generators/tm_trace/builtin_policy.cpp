#include "generators/tm_trace/builtin_policy.hpp"

#include "generators/tm_trace/trace_answer.hpp"
#include "harness/core/answer_policy.hpp"
#include "harness/core/rng.hpp"
#include "harness/core/text.hpp"

namespace tcs::tm_trace {

using core::bad_input;
using core::Expected;

Expected<BuiltinOptions> parse_builtin_options(std::string_view options) {
  auto noise = core::parse_noise_option(options);
  if (!noise) return noise.error();
  return BuiltinOptions{*noise};
}

namespace {

// Replaces one symbol by a different one (or adds one when no replacement exists).
void corrupt(Word& state, size_t alphabet, core::Rng& rng) {
  if (state.empty() || alphabet < 2) {
    state.push_back(0);
    return;
  }
  const size_t at = static_cast<size_t>(rng.uniform(0, static_cast<int64_t>(state.size()) - 1));
  const int64_t shift = rng.uniform(1, static_cast<int64_t>(alphabet) - 1);
  state[at] = static_cast<uint8_t>((state[at] + shift) % alphabet);
}

void corrupt(TapeConfig& c, int symbols, core::Rng& rng) {
  const size_t at = static_cast<size_t>(rng.uniform(0, static_cast<int64_t>(c.window.size()) - 1));
  const int64_t shift = rng.uniform(1, symbols - 1);
  c.window[at] = static_cast<char>('0' + (c.window[at] - '0' + shift) % symbols);
}

Expected<std::string> tag_answer(const core::Problem& problem, double noise, core::Rng& rng) {
  auto inst = tag_instance_from_params(problem.params);
  if (!inst) return inst.error().with_context(problem.id);
  TagTrace trace = simulate(*inst);
  for (Word& state : trace.states)
    if (noise > 0 && rng.bernoulli(noise)) corrupt(state, inst->system.alphabet.size(), rng);
  return format_tag_answer(inst->system, trace.states, trace.halts);
}

Expected<std::string> tape_answer(const core::Problem& problem, double noise, core::Rng& rng) {
  auto inst = tape_instance_from_params(problem.params);
  if (!inst) return inst.error().with_context(problem.id);
  TapeTrace trace = simulate(*inst);
  for (TapeConfig& c : trace.configs)
    if (noise > 0 && rng.bernoulli(noise)) corrupt(c, inst->machine.symbols, rng);
  return format_tape_answer(inst->machine, trace);
}

}  // namespace

Expected<std::string> builtin_answer(const core::Problem& problem, double noise,
                                     uint64_t sample_seed) {
  core::Rng rng(sample_seed);
  if (problem.kind == "tag") return tag_answer(problem, noise, rng);
  if (problem.kind == "tape") return tape_answer(problem, noise, rng);
  return bad_input(problem.id + ": kind \"" + problem.kind + "\" is not a tm_trace kind");
}

std::unique_ptr<core::Policy> make_builtin_policy(const BuiltinOptions& options) {
  return core::make_answer_policy(options.noise, builtin_answer);
}

}  // namespace tcs::tm_trace
