#include "generators/tm_trace/problems.hpp"

#include <algorithm>
#include <set>

#include "generators/tm_trace/statements.hpp"
#include "harness/core/hash.hpp"

namespace tcs::tm_trace {

using core::bad_input;
using core::Expected;
using core::Json;
using core::Problem;

Json tag_answer_json(const TagSystem& system, const TagTrace& trace) {
  Json states = Json::array();
  for (const Word& w : trace.states) states.push_back(spell(system, w));
  return Json{{"states", states}, {"halts", trace.halts}};
}

Json tape_answer_json(const TapeTrace& trace) {
  Json configs = Json::array();
  for (const TapeConfig& c : trace.configs)
    configs.push_back({{"state", std::string(1, c.state)}, {"head", c.head}, {"tape", c.window}});
  return Json{{"configs", configs}, {"halts", trace.halts}};
}

Problem make_tag_problem(const TagInstance& inst, const core::Difficulty& difficulty) {
  const TagTrace trace = simulate(inst);
  Problem p;
  p.id = problem_id(inst);
  p.family = kFamily;
  p.kind = "tag";
  p.params = tag_params(inst);
  p.difficulty = difficulty;
  p.statements = {{"coq", tag_coq(inst, trace)},
                  {"lean", tag_lean(inst, trace)},
                  {"native", tag_native(inst)}};
  p.informal = tag_informal(inst, trace);
  p.answer = tag_answer_json(inst.system, trace);
  return p;
}

Problem make_tape_problem(const TapeInstance& inst, const core::Difficulty& difficulty) {
  const TapeTrace trace = simulate(inst);
  Problem p;
  p.id = problem_id(inst);
  p.family = kFamily;
  p.kind = "tape";
  p.params = tape_params(inst);
  p.difficulty = difficulty;
  p.statements = {{"coq", tape_coq(inst, trace)},
                  {"lean", tape_lean(inst, trace)},
                  {"native", tape_native(inst)}};
  p.informal = tape_informal(inst, trace);
  p.answer = tape_answer_json(trace);
  return p;
}

core::Difficulty tag_instance_difficulty(const TagInstance& inst) {
  TagKnobs k;
  k.m = inst.system.m;
  k.alphabet = inst.system.alphabet;
  k.rule_min = k.rule_max = 0;
  if (!inst.system.rules.empty()) {
    auto [lo, hi] = std::minmax_element(
        inst.system.rules.begin(), inst.system.rules.end(),
        [](const Word& a, const Word& b) { return a.size() < b.size(); });
    k.rule_min = static_cast<int>(lo->size());
    k.rule_max = static_cast<int>(hi->size());
  }
  k.init_min = k.init_max = static_cast<int>(inst.init.size());
  k.steps = inst.steps;
  return tag_difficulty(k);
}

namespace {

core::Status check_count(int64_t count) {
  if (count < 0 || count > 1000000)
    return bad_input("count must be in [0, 1000000], got " + std::to_string(count));
  return {};
}

// Draws until `count` distinct ids; gives up (an error) when the knobs have too few distinct
// problems, instead of looping forever.
template <class Draw>
Expected<std::vector<Problem>> draw_distinct(int64_t count, const Draw& draw) {
  std::vector<Problem> out;
  std::set<std::string> ids;
  const int64_t max_draws = count * 20 + 100;
  for (int64_t j = 0; static_cast<int64_t>(out.size()) < count; ++j) {
    if (j >= max_draws)
      return bad_input("only " + std::to_string(out.size()) + " distinct problems found in " +
                       std::to_string(max_draws) + " draws; these knobs allow too few");
    auto problem = draw(static_cast<uint64_t>(j));
    if (!problem) return problem.error();
    if (ids.insert(problem->id).second) out.push_back(std::move(*problem));
  }
  return out;
}

}  // namespace

Expected<std::vector<Problem>> generate_tag(const Json& params, uint64_t seed, int64_t count) {
  if (auto s = check_count(count); !s) return s.error();
  auto knobs = tag_knobs_from_json(params);
  if (!knobs) return knobs.error();
  const core::Difficulty difficulty = tag_difficulty(*knobs);
  return draw_distinct(count, [&](uint64_t j) -> Expected<Problem> {
    core::Rng rng(core::derive_seed(seed, "tm_trace/tag", j));
    auto inst = random_tag_instance(*knobs, rng);
    if (!inst) return inst.error();
    return make_tag_problem(*inst, difficulty);
  });
}

Expected<std::vector<Problem>> generate_tape(const Json& params, uint64_t seed, int64_t count) {
  if (auto s = check_count(count); !s) return s.error();
  auto knobs = tape_knobs_from_json(params);
  if (!knobs) return knobs.error();
  if (!knobs->machine.empty() && count > 1)
    return bad_input("parameter \"machine\" fixes one problem; count must be 1, got " +
                     std::to_string(count));
  const core::Difficulty difficulty = tape_difficulty(*knobs);
  return draw_distinct(count, [&](uint64_t j) -> Expected<Problem> {
    core::Rng rng(core::derive_seed(seed, "tm_trace/tape", j));
    TapeInstance inst;
    inst.machine = knobs->machine.empty() ? random_machine(*knobs, rng)
                                          : *parse_machine(knobs->machine);
    inst.steps = knobs->steps;
    inst.window = knobs->window;
    return make_tape_problem(inst, difficulty);
  });
}

}  // namespace tcs::tm_trace
