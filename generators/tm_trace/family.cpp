#include "generators/tm_trace/family.hpp"

#include "generators/tm_trace/builtin_policy.hpp"
#include "generators/tm_trace/metrics.hpp"
#include "generators/tm_trace/problems.hpp"
#include "generators/tm_trace/statements.hpp"
#include "generators/tm_trace/step_env.hpp"
#include "generators/tm_trace/trace_answer.hpp"
#include "harness/core/env.hpp"

namespace tcs::tm_trace {

namespace {

// Runs the kind's checker; an Error when the problem itself is malformed (that is a
// verdict of kind `error`, never `rejected`: the candidate was not judged).
core::Expected<TraceCheck> check_problem(const core::Problem& p, std::string_view text,
                                         int64_t max_bytes) {
  if (p.kind == "tag") {
    auto inst = tag_instance_from_params(p.params);
    if (!inst) return inst.error();
    return check_tag_answer(expected_tag(inst->system, simulate(*inst)), text, max_bytes);
  }
  if (p.kind == "tape") {
    auto inst = tape_instance_from_params(p.params);
    if (!inst) return inst.error();
    return check_tape_answer(simulate(*inst), text, max_bytes);
  }
  return core::bad_input("kind \"" + p.kind + "\" is not a tm_trace kind");
}

class NativeChecker final : public core::Checker {
 public:
  std::string_view backend() const override { return "native"; }

  core::Verdict check(const core::Problem& problem, const core::Candidate& candidate,
                      const core::Limits& limits) override {
    core::Stopwatch clock;
    auto result = check_problem(problem, candidate.text, limits.max_answer_bytes);
    if (!result) {
      core::Verdict v = core::Verdict::failed(problem.id + ": bad problem: " + result.error().message);
      v.seconds = clock.seconds();
      return v;
    }
    core::Verdict v = result->ok ? core::Verdict::verified("all " + std::to_string(result->steps) +
                                                           " steps right")
                                 : core::Verdict::rejected(result->message);
    v.work = result->work;
    v.detail = core::Json{{"steps", result->steps}, {"correct", result->correct}};
    v.seconds = clock.seconds();
    return v;
  }
};

class TmTraceFamily final : public core::Family {
 public:
  std::string_view name() const override { return kFamily; }
  std::vector<std::string> kinds() const override { return {"tag", "tape"}; }

  core::Expected<std::vector<core::Problem>> generate(
      const core::GenerateRequest& request) const override {
    if (request.kind == "tag") return generate_tag(request.params, request.seed, request.count);
    if (request.kind == "tape") return generate_tape(request.params, request.seed, request.count);
    return core::bad_input("tm_trace has no kind \"" + request.kind + "\" (kinds: tag, tape)");
  }

  std::string prompt(const core::Problem& problem) const override {
    if (problem.kind == "tag")
      if (auto inst = tag_instance_from_params(problem.params)) return tag_prompt(*inst);
    if (problem.kind == "tape")
      if (auto inst = tape_instance_from_params(problem.params)) return tape_prompt(*inst);
    // Problems come from generate() or import, so this is a corrupted problem file; the
    // informal statement is still a sensible question.
    return problem.informal;
  }

  std::unique_ptr<core::Checker> native_checker() const override { return make_native_checker(); }
  std::unique_ptr<core::ProofEnv> native_step_env() const override {
    return std::make_unique<TraceStepEnv>();
  }

  core::Expected<std::unique_ptr<core::Policy>> builtin_policy(
      std::string_view options) const override {
    auto parsed = parse_builtin_options(options);
    if (!parsed) return parsed.error();
    return make_builtin_policy(*parsed);
  }

  std::unique_ptr<core::MetricsAccumulator> metrics() const override {
    return make_trace_metrics();
  }
};

}  // namespace

std::unique_ptr<core::Checker> make_native_checker() { return std::make_unique<NativeChecker>(); }
std::unique_ptr<core::Family> make_family() { return std::make_unique<TmTraceFamily>(); }

}  // namespace tcs::tm_trace
