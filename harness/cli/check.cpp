// tcsprove check: check one answer against one problem with the family's exact engine.
#include <iostream>
#include <memory>

#include "harness/cli/command.hpp"
#include "harness/core/env.hpp"

namespace tcs::cli {

namespace {

struct CheckOptions {
  std::string problems, id, answer;
  bool json = false;
  int64_t max_answer_bytes = 1 << 20;
};

int check(const CheckOptions& o, Context& ctx) {
  auto problems = core::read_problems_file(o.problems);
  if (!problems) return fail(problems.error());
  const core::Problem* problem = nullptr;
  for (const auto& p : *problems)
    if (p.id == o.id || (o.id.empty() && problems->size() == 1)) problem = &p;
  if (!problem)
    return fail({core::ErrorCode::not_found,
                 o.problems + ": no problem with id \"" + o.id + "\" (use --id)"});
  const core::Family* family = ctx.families.find(problem->family);
  if (!family) return fail(core::bad_input("unknown family \"" + problem->family + "\""));
  auto text = read_text(o.answer);
  if (!text) return fail(text.error());
  core::Limits limits;
  limits.max_answer_bytes = o.max_answer_bytes;
  core::Stopwatch watch;
  core::Verdict verdict = family->native_checker()->check(
      *problem, {*text, "native", core::CandidateMode::answer, {"user", "", {}, 0, 0}}, limits);
  verdict.seconds = watch.seconds();
  if (o.json) {
    core::OrderedJson out = {{"problem", problem->id},
                             {"verdict", core::to_string(verdict.kind)},
                             {"message", verdict.message},
                             {"seconds", verdict.seconds},
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
      "check", "Check one answer against one problem (exit 0 whether verified or rejected)");
  cmd->add_option("--problems", o->problems, "Problems JSONL file")->required();
  cmd->add_option("--id", o->id, "Problem id (optional when the file has one problem)");
  cmd->add_option("--answer", o->answer, "Answer file ('-' = stdin)")->required();
  cmd->add_option("--max-answer-bytes", o->max_answer_bytes, "Longer answers are rejected")
      ->capture_default_str();
  cmd->add_flag("--json", o->json, "Print the verdict as JSON");
  cmd->callback([o, &ctx] { ctx.action = [o, &ctx] { return check(*o, ctx); }; });
}

}  // namespace tcs::cli
