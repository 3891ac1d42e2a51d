#include "provers/z3/z3.hpp"

#include "harness/core/hash.hpp"

namespace tcs::z3b {

core::Expected<SmtGoal> goal_of(const core::Problem& problem) {
  const core::Statement* st = problem.statement("smt2");
  if (!st) return core::bad_input(problem.id + ": the problem has no smt2 statement");
  auto goal = parse_goal(st->text);
  if (!goal) return goal.error().with_context(problem.id + ": smt2 statement");
  return goal;
}

namespace {

class ScriptChecker final : public core::Checker {
 public:
  explicit ScriptChecker(CheckerOptions o) : options_(o), prover_(o.prover) {}
  std::string_view backend() const override { return "z3"; }

  core::Verdict check(const core::Problem& problem, const core::Candidate& candidate,
                      const core::Limits& limits) override {
    auto goal = goal_of(problem);
    if (!goal) return core::Verdict::failed(goal.error().message);
    raise_memory_cap(limits.memory_mb);
    return check_script(*goal, candidate.text, prover_, limits, options_.script).verdict;
  }

 private:
  CheckerOptions options_;
  Prover prover_;
};

core::Goal to_goal(const SmtGoal& g) {
  std::string text = goal_text(g);
  return {core::hex64(core::fnv1a64(text)), std::move(text)};
}

class StepEnv final : public core::ProofEnv {
 public:
  explicit StepEnv(CheckerOptions o) : options_(o), prover_(o.prover) {}

  core::Expected<core::Goal> open(const core::Problem& problem) override {
    auto goal = goal_of(problem);
    if (!goal) return goal.error();
    return to_goal(*goal);
  }

  std::string proof_backend() const override { return "z3"; }

  // assemble_proof (the default): the tactics in pre-order (steps.hpp), exactly what
  // ScriptChecker re-checks.

  core::StepResult apply(const core::Goal& goal, const std::string& tactic,
                         const core::Limits& limits) override {
    core::StepResult out;
    auto g = parse_goal(goal.text);
    if (!g) {
      out.verdict = core::Verdict::failed("goal: " + g.error().message);
      return out;
    }
    SexprLimits sl;
    if (limits.max_answer_bytes > 0) sl.max_bytes = static_cast<size_t>(limits.max_answer_bytes);
    auto parsed = parse_sexprs(tactic, sl);
    if (!parsed || parsed->size() != 1) {
      out.verdict = core::Verdict::rejected(
          parsed ? "a step is exactly one tactic, got " + std::to_string(parsed->size())
                 : "tactic: " + parsed.error().message);
      return out;
    }
    raise_memory_cap(limits.memory_mb);
    double timeout = limits.wall_seconds;
    if (options_.script.leaf_seconds > 0 && (timeout <= 0 || options_.script.leaf_seconds < timeout))
      timeout = options_.script.leaf_seconds;
    StepOutcome o = apply_step(*g, parsed->front(), prover_, timeout, limits.rlimit, options_.script);
    out.verdict = core::Verdict::make(o.kind, o.message);
    out.verdict.work = o.work;
    for (const auto& s : o.subgoals) out.subgoals.push_back(to_goal(s));
    return out;
  }

 private:
  CheckerOptions options_;
  Prover prover_;
};

}  // namespace

std::unique_ptr<core::Checker> make_checker(CheckerOptions options) {
  return std::make_unique<ScriptChecker>(options);
}
std::unique_ptr<core::ProofEnv> make_proof_env(CheckerOptions options) {
  return std::make_unique<StepEnv>(options);
}

}  // namespace tcs::z3b
