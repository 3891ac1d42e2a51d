#include "provers/z3/steps.hpp"

#include "harness/core/env.hpp"
#include "provers/z3/cvc5.hpp"
#include "provers/z3/mba_tactics.hpp"

namespace tcs::z3b {

namespace {

StepOutcome failed(std::string message) {
  StepOutcome o;
  o.kind = core::VerdictKind::rejected;
  o.message = std::move(message);
  return o;
}

StepOutcome applied(std::vector<SmtGoal> subgoals) {
  StepOutcome o;
  o.kind = core::VerdictKind::verified;
  o.subgoals = std::move(subgoals);
  o.leaf = o.subgoals.empty();
  return o;
}

SmtGoal with_hyp(const SmtGoal& g, TermPtr hyp) {
  SmtGoal out = g;
  out.hyps.push_back(std::move(hyp));
  return out;
}

SmtGoal with_target(const SmtGoal& g, TermPtr target) {
  SmtGoal out = g;
  out.target = std::move(target);
  return out;
}

// Parses the tactic's term arguments: exactly `n` of them, each Bool when `boolean`.
core::Expected<std::vector<TermPtr>> term_args(const Sexpr& tactic, const SmtGoal& g, size_t n,
                                               bool boolean) {
  const std::string& name = tactic.items[0].atom;
  if (tactic.items.size() != n + 1)
    return core::bad_input("(" + name + ") takes " + std::to_string(n) + " term" +
                           (n == 1 ? "" : "s") + ", got " + std::to_string(tactic.items.size() - 1));
  std::vector<TermPtr> out;
  for (size_t i = 1; i <= n; ++i) {
    auto t = parse_term(tactic.items[i], g.decls);
    if (!t) return t.error();
    if (boolean && (*t)->width != kBool)
      return core::bad_input(tactic.items[i].where() + ": (" + name + ") needs a Bool formula");
    out.push_back(std::move(*t));
  }
  return out;
}

StepOutcome smt(const SmtGoal& g, Prover& prover, double timeout, int64_t rlimit, bool cvc5) {
  SmtResult r = prover.check_valid(g, timeout, rlimit);
  const int64_t work = r.rlimit_used;
  if (cvc5 && r.kind == core::VerdictKind::verified) {
    r = cvc5_check(g, timeout);
    if (r.kind == core::VerdictKind::rejected) {
      r.kind = core::VerdictKind::error;
      r.message = "soundness alarm: Z3 says the goal holds, " + r.message;
    }
  }
  StepOutcome o = r.kind == core::VerdictKind::verified ? applied({}) : failed(r.message);
  if (r.kind != core::VerdictKind::verified) o.kind = r.kind;  // timeout stays timeout
  o.work = work;
  return o;
}

StepOutcome rewrite(const SmtGoal& g, const std::vector<TermPtr>& ab) {
  if (ab[0]->width != ab[1]->width)
    return failed("(rewrite a b): a and b have different sorts");
  const std::string from = to_smt(ab[0]);
  TermPtr rewritten = replace(g.target, from, ab[1]);
  if (rewritten == g.target) return failed("(rewrite a b): a = " + from.substr(0, 80) + " does not occur in the target");
  return applied({with_target(g, make_op(Op::eq, {ab[0], ab[1]})), with_target(g, rewritten)});
}

}  // namespace

StepOutcome apply_step(const SmtGoal& g, const Sexpr& tactic, Prover& prover, double timeout,
                       int64_t rlimit, const ScriptOptions& options) {
  if (!tactic.is_list || tactic.items.empty() || tactic.items[0].is_list)
    return failed(tactic.where() + ": a tactic is a list such as (smt) or (have φ)");
  const std::string& name = tactic.items[0].atom;
  const bool bare = tactic.items.size() == 1;
  if (name == "smt" || name == "ring" || name == "linear-mba") {
    if (!bare) return failed(tactic.where() + ": (" + name + ") takes no arguments");
    if (name == "smt") return smt(g, prover, timeout, rlimit, options.second_opinion_cvc5);
    if (name == "ring") {
      auto s = ring_equal(g);
      return s.ok() ? applied({}) : failed(s.error().message);
    }
    auto instances = linear_mba_instances(g);
    return instances ? applied(std::move(*instances)) : failed(instances.error().message);
  }
  const bool two = name == "rewrite";
  if (name != "have" && name != "cases" && !two)
    return failed(tactic.where() + ": unknown tactic " + name +
                  " (known: smt, have, cases, rewrite, linear-mba, ring)");
  auto args = term_args(tactic, g, two ? 2 : 1, !two);
  if (!args) return failed(args.error().message);
  const TermPtr& phi = (*args)[0];
  if (name == "have") return applied({with_target(g, phi), with_hyp(g, phi)});
  if (name == "cases") return applied({with_hyp(g, phi), with_hyp(g, make_op(Op::not_, {phi}))});
  return rewrite(g, *args);
}

ScriptResult check_script(const SmtGoal& goal, std::string_view script, Prover& prover,
                          const core::Limits& limits, const ScriptOptions& options) {
  core::Stopwatch clock;
  ScriptResult r;
  auto finish = [&](core::Verdict v) {
    v.seconds = clock.seconds();
    r.verdict = std::move(v);
    r.verdict.detail = {{"steps", r.steps}, {"leaves", r.leaves}};
    return r;
  };
  SexprLimits sl;
  if (limits.max_answer_bytes > 0) sl.max_bytes = static_cast<size_t>(limits.max_answer_bytes);
  auto steps = parse_sexprs(script, sl);
  if (!steps) return finish(core::Verdict::rejected("script: " + steps.error().message));
  if (steps->size() > options.max_steps)
    return finish(core::Verdict::rejected("script has more than " + std::to_string(options.max_steps) + " steps"));
  std::vector<SmtGoal> open{goal};  // back() is the first open goal
  for (const Sexpr& step : *steps) {
    const std::string label = "step " + std::to_string(r.steps + 1) + " " + to_string(step).substr(0, 60);
    if (open.empty()) return finish(core::Verdict::rejected(label + ": no goal left to apply it to"));
    double left = limits.wall_seconds > 0 ? limits.wall_seconds - clock.seconds() : 0;
    if (limits.wall_seconds > 0 && left <= 0) return finish(core::Verdict::make(core::VerdictKind::timeout, label + ": the script's time is up"));
    if (options.leaf_seconds > 0 && (left <= 0 || options.leaf_seconds < left)) left = options.leaf_seconds;
    StepOutcome o = apply_step(open.back(), step, prover, left, limits.rlimit, options);
    r.verdict.work += o.work;
    if (o.kind != core::VerdictKind::verified) {
      core::Verdict v = core::Verdict::make(o.kind, label + ": " + o.message);
      v.work = r.verdict.work;
      return finish(std::move(v));
    }
    ++r.steps;
    r.leaves += o.leaf;
    open.pop_back();
    for (auto it = o.subgoals.rbegin(); it != o.subgoals.rend(); ++it) open.push_back(std::move(*it));
  }
  const int64_t work = r.verdict.work;
  core::Verdict v = open.empty() ? core::Verdict::verified("all goals closed")
                                 : core::Verdict::rejected(std::to_string(open.size()) + " goal(s) left open; the first:\n" + goal_text(open.back()));
  v.work = work;
  return finish(std::move(v));
}

}  // namespace tcs::z3b
