#include "generators/tm_trace/step_env.hpp"

#include <cstdlib>

#include "generators/tm_trace/builtin_policy.hpp"
#include "generators/tm_trace/family.hpp"
#include "generators/tm_trace/trace_answer.hpp"

namespace tcs::tm_trace {

namespace {

core::Goal goal_at(int64_t k, int64_t steps) {
  return {"step " + std::to_string(k),
          "step " + std::to_string(k) + " of " + std::to_string(steps) +
              ": write the `### step " + std::to_string(k) + ":` block"};
}

}  // namespace

int64_t step_of_goal(const std::string& goal_text) {
  if (goal_text.rfind("step ", 0) != 0) return -1;
  char* end = nullptr;
  const long long k = std::strtoll(goal_text.c_str() + 5, &end, 10);
  return end == goal_text.c_str() + 5 || k < 0 ? -1 : k;
}

core::Expected<core::Goal> TraceStepEnv::open(const core::Problem& problem) {
  if (problem.kind != "tag" && problem.kind != "tape")
    return core::bad_input(problem.id + ": the trace step environment takes tag and tape problems");
  // The exact answer tells how many blocks a proof has; its text is never shown to a policy.
  auto exact = builtin_answer(problem, 0, 0);
  if (!exact) return exact.error();
  auto verdict = make_native_checker()->check(problem, {*exact, "native", core::CandidateMode::answer, {}}, {});
  if (!verdict.detail.contains("steps")) return core::bad_input(problem.id + ": " + verdict.message);
  problem_ = problem;
  steps_ = verdict.detail["steps"].get<int64_t>();
  prefix_.clear();
  core::Goal root = goal_at(0, steps_);
  prefix_[root.key] = "";
  return root;
}

core::StepResult TraceStepEnv::apply(const core::Goal& goal, const std::string& tactic,
                                     const core::Limits& limits) {
  auto it = prefix_.find(goal.key);
  const int64_t k = step_of_goal(goal.key);
  if (it == prefix_.end() || k < 0)
    return {core::Verdict::failed("unknown goal " + goal.key), {}};
  std::vector<StepBlock> blocks;
  parse_step_blocks(tactic, {"queue state", "state", "head", "tape"}, blocks);
  if (blocks.size() != 1 || blocks[0].step != k)
    return {core::Verdict::rejected("a step is exactly one `### step " + std::to_string(k) +
                                    ":` block"),
            {}};
  const std::string answer = it->second + tactic + "\n";
  auto verdict = make_native_checker()->check(
      problem_, {answer, "native", core::CandidateMode::answer, {}}, limits);
  const std::string correct =
      verdict.detail.contains("correct") ? verdict.detail["correct"].get<std::string>() : "";
  if (static_cast<int64_t>(correct.size()) <= k ||
      correct.find('0') < static_cast<size_t>(k + 1))
    return {core::Verdict::rejected("step " + std::to_string(k) + " is wrong"), {}};
  if (k + 1 == steps_) {
    if (!verdict.ok()) return {core::Verdict::rejected(verdict.message), {}};
    return {core::Verdict::verified("the trace is complete"), {}};
  }
  core::Goal next = goal_at(k + 1, steps_);
  prefix_.emplace(next.key, answer);
  return {core::Verdict::verified("step " + std::to_string(k) + " is right"), {next}};
}

}  // namespace tcs::tm_trace
