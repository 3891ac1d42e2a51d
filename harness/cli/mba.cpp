// tcsprove mba prove: run the MBA family's built-in step strategy on one problem (or on an
// SMT-LIB goal whose target is an MBA identity) and check the script with the z3 back-end.
#include <filesystem>
#include <iostream>
#include <memory>

#include "generators/mba/problems.hpp"
#include "generators/mba/strategy.hpp"
#include "harness/cli/command.hpp"
#include "provers/z3/z3.hpp"

namespace tcs::cli {

namespace {

struct MbaProveOptions {
  std::string input, id, strategy = "steps", second_opinion;
  int64_t timeout_ms = 10000, leaf_ms = 0;
  bool json = false, show_script = false, child_process = false, sat_elim_vars = false;
};

// An SMT-LIB goal (our restricted format) whose target is (= L R) over bit-vectors of one width.
core::Expected<core::Problem> problem_from_goal(const std::string& path, const std::string& text) {
  auto goal = z3b::parse_goal(text);
  if (!goal) return goal.error().with_context(path);
  if (!z3b::is_equation(*goal)) return core::bad_input(path + ": the target must be (= a b) between bit-vectors");
  mba::Identity id;
  id.width = goal->target->args[0]->width;
  for (const auto& d : goal->decls) {
    if (d.width != id.width) return core::bad_input(path + ": " + d.name + " is not a " + std::to_string(id.width) + "-bit vector");
    id.names.push_back(d.name);
  }
  auto lhs = mba::parse_smt(z3b::to_smt(goal->target->args[0]), id.names, id.width);
  auto rhs = mba::parse_smt(z3b::to_smt(goal->target->args[1]), id.names, id.width);
  if (!lhs) return lhs.error().with_context(path + ": left side");
  if (!rhs) return rhs.error().with_context(path + ": right side");
  id.lhs = *lhs;
  id.rhs = *rhs;
  id.cls = mba::classify(*id.lhs, *id.rhs, id.width);
  // Hypotheses are dropped: the proof is of the identity alone, a stronger statement.
  return mba::make_problem(id, mba::Knobs{id.width, static_cast<int>(id.names.size())});
}

core::Expected<core::Problem> load(const MbaProveOptions& o) {
  auto text = read_text(o.input);
  if (!text) return text.error();
  const bool jsonl = o.input.ends_with(".jsonl") || (!text->empty() && text->front() == '{');
  if (!jsonl) return problem_from_goal(o.input, *text);
  auto problems = core::read_problems_file(o.input);
  if (!problems) return problems.error().with_context(o.input);
  for (const auto& p : *problems)
    if ((o.id.empty() && problems->size() == 1) || p.id == o.id) return p;
  return core::bad_input(o.input + (o.id.empty() ? ": holds several problems; say which with --id"
                                                 : ": no problem with id \"" + o.id + "\""));
}

int prove(const MbaProveOptions& o) {
  if (o.strategy != "steps" && o.strategy != "smt")
    return fail(core::bad_input("--strategy must be steps or smt"));
  if (!o.second_opinion.empty() && o.second_opinion != "cvc5")
    return fail(core::bad_input("--second-opinion " + o.second_opinion + ": only cvc5 is known"));
  auto problem = load(o);
  if (!problem) return fail(problem.error());
  auto id = mba::identity_from_problem(*problem);
  if (!id) return fail(id.error());
  const mba::StepScript script = o.strategy == "smt" ? mba::StepScript{mba::plain_smt_script(), "smt"}
                                                     : mba::step_script(*id);
  z3b::CheckerOptions co;
  co.prover.child_process = o.child_process;
  co.prover.sat_elim_vars = o.sat_elim_vars;
  co.script.leaf_seconds = static_cast<double>(o.leaf_ms) / 1000.0;
  co.script.second_opinion_cvc5 = o.second_opinion == "cvc5";
  core::Limits limits;
  limits.wall_seconds = static_cast<double>(o.timeout_ms) / 1000.0;
  const core::Candidate candidate{script.text, "z3", core::CandidateMode::whole, {"builtin"}};
  const core::Verdict v = z3b::make_checker(co)->check(*problem, candidate, limits);
  const auto steps = v.detail.value("steps", int64_t{0}), leaves = v.detail.value("leaves", int64_t{0});
  if (o.json) {
    core::OrderedJson out = {{"problem", problem->id}, {"verdict", core::to_string(v.kind)},
                             {"steps", steps}, {"leaves", leaves}, {"ms", v.seconds * 1000},
                             {"strategy", script.strategy}, {"reason", v.message}};
    if (o.show_script) out["script"] = script.text;
    std::cout << out.dump() << '\n';
  } else {
    if (o.show_script) std::cout << script.text;
    std::cout << problem->id << ": " << core::to_string(v.kind) << " (" << script.strategy << ", "
              << steps << " steps, " << leaves << " leaves): " << v.message << '\n';
  }
  return core::is_unchecked(v.kind) ? kUnchecked : kOk;
}

}  // namespace

void add_mba(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<MbaProveOptions>();
  auto* mba = app.add_subcommand("mba", "The Mixed Boolean-Arithmetic family's tools");
  mba->require_subcommand(1);
  auto* cmd = mba->add_subcommand("prove", "Prove an MBA identity with the built-in step strategy, checked by Z3");
  cmd->add_option("input", o->input, "Problems JSONL file or SMT-LIB goal file ('-' = stdin)")->required();
  cmd->add_option("--id", o->id, "Problem id (when the file holds several)");
  cmd->add_option("--strategy", o->strategy, "steps (the step strategy) or smt (one plain (smt))")->capture_default_str();
  cmd->add_option("--timeout-ms", o->timeout_ms, "Total wall-clock budget for the script")->capture_default_str();
  cmd->add_option("--leaf-ms", o->leaf_ms, "Cap per (smt) leaf (0 = what is left of the total)")->capture_default_str();
  cmd->add_flag("--child-process", o->child_process, "Run each (smt) in a child killed at the deadline");
  cmd->add_flag("--sat-elim-vars", o->sat_elim_vars,
                "Keep Z3's SAT variable elimination (faster on some goals; in-process timeouts may overrun ~0.3 s)");
  cmd->add_option("--second-opinion", o->second_opinion, "cvc5: every (smt) leaf must also be closed by cvc5");
  cmd->add_flag("--show-script", o->show_script, "Print the step script too");
  cmd->add_flag("--json", o->json, "Print {\"problem\",\"verdict\",\"steps\",\"leaves\",\"ms\",\"strategy\",\"reason\"}");
  cmd->callback([o, &ctx] { ctx.action = [o] { return prove(*o); }; });
}

}  // namespace tcs::cli
