#include "generators/tm_trace/builtin_policy.hpp"

#include "generators/tm_trace/step_env.hpp"
#include "generators/tm_trace/trace_answer.hpp"
#include "harness/core/answer_policy.hpp"
#include "harness/core/hash.hpp"
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

namespace {

// The block `### step k:` of an answer in our own format, without its trailing blank line.
std::string block_of(const std::string& answer, int64_t k) {
  const std::string header = "### step " + std::to_string(k) + ":";
  const size_t from = answer.find(header);
  if (from == std::string::npos) return header;  // a bare header: the env refuses it
  size_t to = answer.find("### step ", from + header.size());
  if (to == std::string::npos) to = answer.size();
  while (to > from && (answer[to - 1] == '\n' || answer[to - 1] == ' ')) --to;
  return answer.substr(from, to - from);
}

// Whole answers as make_answer_policy gives them; in step mode (tree search over TraceStepEnv)
// the block the goal asks for, cut from the same noisy sample.
class TracePolicy final : public core::Policy {
 public:
  explicit TracePolicy(double noise)
      : noise_(noise), whole_(core::make_answer_policy(noise, builtin_answer)) {}
  std::string name() const override { return whole_->name(); }
  Expected<std::vector<core::Candidate>> propose(const core::PolicyQuery& query) override {
    if (query.mode != core::CandidateMode::step) return whole_->propose(query);
    if (query.problem == nullptr) return bad_input("builtin policy: query without a problem");
    const int64_t k = step_of_goal(query.prompt);
    if (k < 0) return bad_input("builtin policy: a step query names no step: " + core::quote(query.prompt));
    std::vector<core::Candidate> out;
    for (int64_t j = 0; j < query.count; ++j) {
      const uint64_t seed = core::derive_seed(query.seed, query.problem->id,
                                              static_cast<uint64_t>(query.first_index + j));
      auto answer = builtin_answer(*query.problem, noise_, seed);
      if (!answer) return answer.error();
      core::Candidate c{block_of(*answer, k), "native", core::CandidateMode::step, {}};
      c.provenance.endpoint = name();
      c.provenance.request_id = "builtin-" + core::hex64(seed);
      out.push_back(std::move(c));
    }
    return out;
  }

 private:
  double noise_;
  std::unique_ptr<core::Policy> whole_;
};

}  // namespace

std::unique_ptr<core::Policy> make_builtin_policy(const BuiltinOptions& options) {
  return std::make_unique<TracePolicy>(options.noise);
}

}  // namespace tcs::tm_trace
