// tcsprove score: score another benchmark's result file with its own metrics.
#include <cstdio>
#include <iostream>
#include <memory>

#include "generators/tm_trace/tmbench.hpp"
#include "harness/cli/command.hpp"

namespace tcs::cli {

namespace {

struct ScoreOptions {
  std::string format, file;
  bool json = false;
};

int score(const ScoreOptions& o, Context&) {
  auto s = tm_trace::score_tmbench(o.file);
  if (!s) return fail(s.error());
  if (o.json) {
    std::cout << core::OrderedJson{{"uni", s->uni}, {"lin", s->lin}, {"pass", s->pass}, {"n", s->n}}
                     .dump()
              << '\n';
    return kOk;
  }
  std::printf("TMBench %s: n=%lld  Uni=%.4f  Lin=%.4f  Pass=%.4f\n", o.file.c_str(),
              static_cast<long long>(s->n), s->uni, s->lin, s->pass);
  return kOk;
}

}  // namespace

void add_score(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ScoreOptions>();
  auto* cmd = app.add_subcommand("score", "Score another benchmark's results file");
  cmd->add_option("format", o->format, "Results format: tmbench")
      ->required()
      ->check(CLI::IsMember({"tmbench"}));
  cmd->add_option("file", o->file, "Results file (samples with the model's answer in \"ans\")")
      ->required();
  cmd->add_flag("--json", o->json, "Print {\"uni\",\"lin\",\"pass\",\"n\"} as JSON");
  cmd->callback([o, &ctx] { ctx.action = [o, &ctx] { return score(*o, ctx); }; });
}

}  // namespace tcs::cli
