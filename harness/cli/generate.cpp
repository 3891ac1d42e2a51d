// tcsprove generate: problems of one family (or every problem a suite names) as JSONL.
#include <memory>
#include <sstream>

#include "harness/cli/command.hpp"
#include "harness/runner/run.hpp"

namespace tcs::cli {

namespace {

struct GenerateOptions {
  std::string family, kind, suite, out = "-";
  int64_t count = 10;
  uint64_t seed = 1;
  std::vector<std::string> params;  // key=value, value read as JSON when it parses
};

core::Expected<core::Json> parse_params(const std::vector<std::string>& params) {
  core::Json out = core::Json::object();
  for (const auto& kv : params) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0)
      return core::bad_input("--param " + kv + ": expected KEY=VALUE");
    std::string value = kv.substr(eq + 1);
    core::Json parsed = core::Json::parse(value, nullptr, false);
    out[kv.substr(0, eq)] = parsed.is_discarded() ? core::Json(value) : parsed;
  }
  return out;
}

int generate(const GenerateOptions& o, Context& ctx) {
  runner::RunConfig config;
  if (!o.suite.empty()) {
    auto suite = runner::load_suite(o.suite);
    if (!suite) return fail(suite.error());
    config = *suite;
  } else {
    if (o.family.empty()) return fail(core::bad_input("name a FAMILY or --suite FILE"));
    auto params = parse_params(o.params);
    if (!params) return fail(params.error());
    config.seed = o.seed;
    config.sources.push_back({o.family, o.kind, o.count, *params, ""});
  }
  auto problems = runner::prepare_run(config, ctx.run_parts());
  if (!problems) return fail(problems.error());
  std::ostringstream text;
  for (const auto& p : *problems) core::write_problem_jsonl(text, p);
  if (auto s = write_text(o.out, text.str()); !s) return fail(s.error());
  if (o.out != "-") std::cerr << "wrote " << problems->size() << " problems to " << o.out << '\n';
  return kOk;
}

}  // namespace

void add_generate(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<GenerateOptions>();
  auto* cmd = app.add_subcommand("generate", "Generate problems as JSONL (one problem per line)");
  cmd->add_option("family", o->family, "Problem family, e.g. tm_trace");
  cmd->add_option("--kind", o->kind, "Kind within the family, e.g. tag or tape");
  cmd->add_option("--count,-n", o->count, "How many problems")->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed: the same seed gives the same problems")
      ->capture_default_str();
  cmd->add_option("--param,-p", o->params, "Family parameter KEY=VALUE (repeatable)");
  cmd->add_option("--suite", o->suite, "Generate every problem a suite file names instead");
  cmd->add_option("--out,-o", o->out, "Output file ('-' = stdout)")->capture_default_str();
  cmd->callback([o, &ctx] { ctx.action = [o, &ctx] { return generate(*o, ctx); }; });
}

}  // namespace tcs::cli
