// tcsprove run: run a suite or an ad-hoc problem file, or resume a run; then print its report.
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "harness/cli/command.hpp"
#include "harness/endpoints/hub.hpp"
#include "harness/runner/report.hpp"
#include "harness/runner/run.hpp"

namespace tcs::cli {

namespace {

struct RunOptions {
  std::string suite, problems, db = "tcsprove.db", policy, report = "md";
  std::string endpoint, endpoints_file;
  std::string strategy, budget, search_backend;
  std::optional<double> alpha, cpuct;
  int64_t samples = 0, jobs = 0, resume = 0;
  std::optional<uint64_t> seed;
  bool quiet = false;
};

// The config a new run uses: the suite (or the ad-hoc problem file) with flags on top.
core::Expected<runner::RunConfig> build_config(const RunOptions& o) {
  if (o.suite.empty() == o.problems.empty())
    return core::bad_input("give a SUITE file or --problems FILE.jsonl (or --resume RUN_ID)");
  runner::RunConfig config;
  if (!o.suite.empty()) {
    auto suite = runner::load_suite(o.suite);
    if (!suite) return suite.error();
    config = *suite;
  } else {
    config.sources.push_back({.file = o.problems});
  }
  if (!o.policy.empty() && !o.endpoint.empty())
    return core::bad_input("give --policy or --endpoint, not both");
  if (!o.policy.empty()) config.policy = o.policy;
  if (!o.endpoint.empty()) config.policy = "endpoint:" + o.endpoint;
  if (!o.endpoints_file.empty()) config.endpoints = o.endpoints_file;
  if (config.endpoint_policy() && config.endpoints.empty()) config.endpoints = "endpoints.toml";
  if (!config.endpoints.empty())  // stored absolute, so --resume finds it from anywhere
    config.endpoints = std::filesystem::absolute(config.endpoints).lexically_normal().string();
  if (o.samples > 0) config.samples = o.samples;
  if (o.jobs > 0) config.jobs = o.jobs;
  if (o.seed) config.seed = *o.seed;
  if (!o.strategy.empty()) config.strategy = o.strategy;
  if (!o.budget.empty()) config.budget = o.budget;
  if (!o.search_backend.empty()) config.search_backend = o.search_backend;
  if (o.alpha) config.alpha = *o.alpha;
  if (o.cpuct) config.cpuct = *o.cpuct;
  if (auto s = config.validate(); !s) return s.error();
  return config;
}

int print_report(store::Store& store, int64_t run_id, const Context& ctx, const std::string& fmt) {
  if (fmt == "none") return kOk;
  auto report = runner::build_report(store, run_id, ctx.families);
  if (!report) return fail(report.error());
  if (fmt == "json") std::cout << runner::report_json(*report).dump(2) << '\n';
  else std::cout << runner::report_markdown(*report);
  return kOk;
}

// Endpoint policies are served by one hub per process; it must outlive every policy it made.
// Opening it reads and checks the endpoints file but writes nothing (the response cache is
// opened with the first endpoint).
core::Status wire_endpoints(const runner::RunConfig& config,
                            std::unique_ptr<endpoints::EndpointHub>& hub, runner::RunParts& parts) {
  if (!config.endpoint_policy()) return {};
  auto loaded = endpoints::load_endpoints(config.endpoints);
  if (!loaded) return loaded.error();
  auto opened = endpoints::EndpointHub::open(std::move(*loaded));
  if (!opened) return opened.error();
  hub = std::move(*opened);
  parts.make_policy = [h = hub.get()](const std::string& p, const core::Family& f) {
    return endpoints::is_endpoint_policy(p) ? h->make_policy(p, f)
                                            : runner::make_builtin_policy(p, f);
  };
  return {};
}

// The stored configuration of RUN_ID, for resuming it.
core::Expected<runner::RunConfig> stored_config(store::Store& store, int64_t run_id) {
  auto info = store.run(run_id);
  if (!info) return info.error();
  return runner::RunConfig::from_json(core::Json::parse(info->config_json));
}

int run(const RunOptions& o, Context& ctx) {
  std::optional<std::vector<core::Problem>> problems;
  runner::RunConfig config;
  runner::RunParts parts = ctx.run_parts();
  std::unique_ptr<endpoints::EndpointHub> hub;
  if (o.resume == 0) {
    auto built = build_config(o);
    if (!built) return fail(built.error());
    config = *built;
    // Everything is validated and generated before the database is opened.
    if (auto s = wire_endpoints(config, hub, parts); !s) return fail(s.error());
    auto prepared = runner::prepare_run(config, parts);
    if (!prepared) return fail(prepared.error());
    problems = std::move(*prepared);
  } else if (!o.suite.empty() || !o.problems.empty() || !o.endpoint.empty() || !o.policy.empty()) {
    return fail(core::bad_input(
        "--resume takes no SUITE, --problems, --policy or --endpoint: the run has them"));
  }
  if (problems == std::nullopt && !std::filesystem::is_regular_file(o.db))
    return fail(core::bad_input(o.db + ": no such database (for --resume)"));
  auto store = store::Store::open(o.db);
  if (!store) return fail(store.error());
  int64_t run_id = o.resume;
  if (!problems) {
    auto stored = stored_config(**store, run_id);
    if (!stored) return fail(stored.error());
    config = *stored;
    if (!o.endpoints_file.empty())  // the endpoints file moved since the run started
      config.endpoints = std::filesystem::absolute(o.endpoints_file).lexically_normal().string();
    if (auto s = wire_endpoints(config, hub, parts); !s) return fail(s.error());
  }
  if (problems) {
    auto created = runner::create_run(**store, config, *problems, git_describe());
    if (!created) return fail(created.error());
    run_id = *created;
  }
  if (!o.quiet) std::cerr << "run " << run_id << " in " << o.db << '\n';
  runner::ExecuteOptions options{o.jobs, o.quiet ? nullptr : &std::cerr, isatty(2) == 1};
  auto summary = runner::execute_run(**store, run_id, parts, ctx.env, options);
  if (!summary) return fail(summary.error());
  if (summary->interrupted || summary->attempts_done < summary->attempts_total)
    std::cerr << "run " << run_id << " is incomplete (" << summary->attempts_done << "/"
              << summary->attempts_total << " attempts); continue it with: tcsprove run --resume "
              << run_id << " --db " << o.db << '\n';
  if (int code = print_report(**store, run_id, ctx, o.report); code != kOk) return code;
  if (summary->unchecked > 0 || summary->policy_failures > 0) {
    std::cerr << "tcsprove: " << summary->unchecked << " attempts could not be checked, "
              << summary->policy_failures << " could not be produced\n";
    return kUnchecked;
  }
  return summary->interrupted ? kUnchecked : kOk;
}

}  // namespace

void add_run(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<RunOptions>();
  auto* cmd = app.add_subcommand("run", "Run a benchmark suite or a problem file and report");
  cmd->add_option("suite", o->suite, "Suite file (TOML), e.g. benchmarks/suites/smoke.toml");
  cmd->add_option("--problems", o->problems, "Run the problems of a JSONL file instead");
  cmd->add_option("--db", o->db, "SQLite database for the run")->capture_default_str();
  cmd->add_option("--policy", o->policy,
                  "Policy: builtin, builtin:noise=P or endpoint:NAME (overrides suite)");
  cmd->add_option("--endpoint", o->endpoint, "Sample from the model endpoint NAME "
                                             "(= --policy endpoint:NAME)");
  cmd->add_option("--endpoints", o->endpoints_file,
                  "Endpoints file for endpoint policies (default: the suite's, else "
                  "endpoints.toml in the working directory)");
  cmd->add_option("--samples,-k", o->samples, "Candidates per problem (overrides suite)");
  cmd->add_option("--seed", o->seed, "Seed (overrides suite)");
  cmd->add_option("--jobs,-j", o->jobs, "Worker threads (overrides suite)");
  cmd->add_option("--search", o->strategy, "Strategy: sample, best_first or hypertree");
  cmd->add_option("--budget", o->budget, "Tree search budget PASSESxWIDTHxEXPANSIONS, e.g. 1x8x200");
  cmd->add_option("--alpha", o->alpha, "best_first: score = sum log p / length^alpha");
  cmd->add_option("--cpuct", o->cpuct, "hypertree: PUCT exploration constant");
  cmd->add_option("--search-backend", o->search_backend,
                  "Back-end whose step environment a tree search uses (default z3)");
  cmd->add_option("--resume", o->resume, "Continue the run RUN_ID (killed or interrupted)");
  cmd->add_option("--report", o->report, "Report printed at the end")
      ->check(CLI::IsMember({"md", "json", "none"}))
      ->capture_default_str();
  cmd->add_flag("--quiet,-q", o->quiet, "No progress lines");
  cmd->callback([o, &ctx] { ctx.action = [o, &ctx] { return run(*o, ctx); }; });
}

}  // namespace tcs::cli
