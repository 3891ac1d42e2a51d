// tcsprove check: check one candidate against one problem with one back-end.
#include <filesystem>
#include <iostream>
#include <memory>

#include "harness/cli/command.hpp"
#include "harness/core/env.hpp"

namespace tcs::cli {

namespace {

struct CheckOptions {
  std::string problem, problems, id, candidate, backend = "native";
  bool json = false;
  int64_t max_answer_bytes = 1 << 20;
};

// --problem is a JSONL file (with one problem, or --id to pick one) or a problem id looked up
// in --problems FILE.
core::Expected<core::Problem> find_problem(const CheckOptions& o) {
  std::string file = o.problems, id = o.id;
  if (!o.problem.empty()) {
    if (std::filesystem::is_regular_file(o.problem)) file = o.problem;
    else id = o.problem;
  }
  if (file.empty())
    return core::bad_input("--problem " + o.problem +
                           ": no such file; to name a problem by id also give --problems FILE");
  auto problems = core::read_problems_file(file);
  if (!problems) return problems.error();
  if (id.empty() && problems->size() == 1) return problems->front();
  for (const auto& p : *problems)
    if (p.id == id) return p;
  if (id.empty())
    return core::bad_input(file + " holds " + std::to_string(problems->size()) +
                           " problems: say which with --id");
  return core::Error{core::ErrorCode::not_found, file + ": no problem with id \"" + id + "\""};
}

int check(const CheckOptions& o, Context& ctx) {
  auto problem = find_problem(o);
  if (!problem) return fail(problem.error());
  const core::Family* family = ctx.families.find(problem->family);
  if (!family) return fail(core::bad_input("unknown family \"" + problem->family + "\""));
  std::unique_ptr<core::Checker> checker;
  if (o.backend == "native") checker = family->native_checker();
  else if (const auto* make = ctx.backends.find(o.backend)) checker = (*make)();
  else return fail(core::bad_input("--backend " + o.backend + ": " + ctx.backends.why_missing(o.backend)));
  auto text = read_text(o.candidate);
  if (!text) return fail(text.error());
  core::Limits limits;
  limits.max_answer_bytes = o.max_answer_bytes;
  core::Stopwatch watch;
  core::Candidate candidate{*text, o.backend,
                            o.backend == "native" ? core::CandidateMode::answer : core::CandidateMode::whole,
                            {"user"}};
  core::Verdict verdict = checker->check(*problem, candidate, limits);
  double ms = watch.seconds() * 1000.0;
  if (o.json) {
    core::OrderedJson out = {{"problem", problem->id},
                             {"backend", o.backend},
                             {"verdict", core::to_string(verdict.kind)},
                             {"reason", verdict.message},
                             {"ms", ms},
                             {"work", verdict.work},
                             {"detail", core::OrderedJson::parse(verdict.detail.dump())}};
    std::cout << out.dump() << '\n';
  } else {
    std::cout << problem->id << ": " << core::to_string(verdict.kind)
              << (verdict.message.empty() ? "" : ": " + verdict.message) << '\n';
  }
  return core::is_unchecked(verdict.kind) ? kUnchecked : kOk;
}

}  // namespace

void add_check(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand(
      "check", "Check one candidate against one problem (exit 0 whether verified or rejected)");
  cmd->add_option("--problem", o->problem, "A problems JSONL file, or a problem id (with --problems)");
  cmd->add_option("--problems", o->problems, "Problems JSONL file to look the id up in");
  cmd->add_option("--id", o->id, "Problem id (when the file holds several)");
  cmd->add_option("--candidate,--answer", o->candidate, "Candidate file ('-' = stdin)")->required();
  cmd->add_option("--backend", o->backend,
                  "Back-end that checks: native, coq, lean, z3 (those this machine has)")
      ->capture_default_str();
  cmd->add_option("--max-answer-bytes", o->max_answer_bytes, "Longer candidates are rejected")
      ->capture_default_str();
  cmd->add_flag("--json", o->json,
                "Print {\"problem\",\"backend\",\"verdict\",\"reason\",\"ms\",\"work\",\"detail\"}");
  cmd->callback([o, &ctx] { ctx.action = [o, &ctx] { return check(*o, ctx); }; });
}

}  // namespace tcs::cli
