// tcsprove z3 check: decide a user's SMT-LIB goal file with Z3 (the file asserts the negation
// of its claim: unsat = verified, sat = rejected with a model, unknown = timeout).
#include <iostream>
#include <memory>

#include "harness/cli/command.hpp"
#include "provers/z3/cvc5.hpp"
#include "provers/z3/goal.hpp"
#include "provers/z3/solver.hpp"

namespace tcs::cli {

namespace {

struct Z3CheckOptions {
  std::string goal, second_opinion;
  int64_t timeout_ms = 10000, rlimit = 0, memory_mb = 4096;
  bool json = false, child_process = false, sat_elim_vars = false;
};

// cvc5 reads only goals our own parser accepts (re-printed from our AST), never the raw file.
core::OrderedJson second_opinion(const std::string& text, double timeout_s) {
  auto goal = z3b::parse_goal(text);
  if (!goal) return {{"verdict", "error"}, {"reason", "not a step-language goal: " + goal.error().message}};
  const z3b::SmtResult r = z3b::cvc5_check(*goal, timeout_s);
  return {{"verdict", core::to_string(r.kind)}, {"reason", r.message}, {"ms", r.seconds * 1000}};
}

int z3_check(const Z3CheckOptions& o) {
  if (!o.second_opinion.empty() && o.second_opinion != "cvc5")
    return fail(core::bad_input("--second-opinion " + o.second_opinion + ": only cvc5 is known"));
  auto text = read_text(o.goal);
  if (!text) return fail(text.error());
  if (auto s = z3b::parse_smtlib_status(*text); !s.ok()) return fail(s.error().with_context(o.goal));
  z3b::Prover prover({o.child_process, o.memory_mb, o.sat_elim_vars});
  const z3b::SmtResult r = prover.check_smtlib(*text, static_cast<double>(o.timeout_ms) / 1000.0, o.rlimit);
  core::OrderedJson out = {{"verdict", core::to_string(r.kind)}, {"ms", r.seconds * 1000},
                           {"reason", r.message}, {"rlimit", r.rlimit_used}};
  if (!o.second_opinion.empty())
    out["second_opinion"] = second_opinion(*text, static_cast<double>(o.timeout_ms) / 1000.0);
  if (o.json) std::cout << out.dump() << '\n';
  else std::cout << o.goal << ": " << core::to_string(r.kind) << ": " << r.message << '\n';
  const bool disagree = out.contains("second_opinion") &&
      (out["second_opinion"]["verdict"] == "verified") != (r.kind == core::VerdictKind::verified) &&
      (out["second_opinion"]["verdict"] == "rejected" || out["second_opinion"]["verdict"] == "verified");
  if (disagree) std::cerr << "tcsprove: soundness alarm: z3 and cvc5 disagree on " << o.goal << '\n';
  return core::is_unchecked(r.kind) || disagree ? kUnchecked : kOk;
}

}  // namespace

void add_z3(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<Z3CheckOptions>();
  auto* z3 = app.add_subcommand("z3", "The Z3 back-end");
  z3->require_subcommand(1);
  auto* cmd = z3->add_subcommand("check", "Decide an SMT-LIB goal file (unsat = verified)");
  cmd->add_option("goal", o->goal, "SMT-LIB file asserting the negation of the goal ('-' = stdin)")->required();
  cmd->add_option("--timeout-ms", o->timeout_ms, "Wall-clock limit")->capture_default_str();
  cmd->add_option("--rlimit", o->rlimit, "Z3 resource limit (0 = none)")->capture_default_str();
  cmd->add_option("--memory-mb", o->memory_mb, "Memory cap")->capture_default_str();
  cmd->add_flag("--child-process", o->child_process, "Check in a child process killed at the deadline");
  cmd->add_flag("--sat-elim-vars", o->sat_elim_vars,
                "Keep Z3's SAT variable elimination (faster on some goals; in-process timeouts may overrun ~0.3 s)");
  cmd->add_option("--second-opinion", o->second_opinion, "Also ask cvc5 (goals in the step-language subset)");
  cmd->add_flag("--json", o->json, "Print {\"verdict\",\"ms\",\"reason\",\"rlimit\"}");
  cmd->callback([o, &ctx] { ctx.action = [o] { return z3_check(*o); }; });
}

}  // namespace tcs::cli
