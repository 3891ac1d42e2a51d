// tcsprove report: per family / kind / difficulty results of a run.
#include <filesystem>
#include <iostream>
#include <memory>

#include "harness/cli/command.hpp"
#include "harness/runner/report.hpp"

namespace tcs::cli {

namespace {

struct ReportOptions {
  std::string db = "tcsprove.db", format = "md";
  int64_t run = 0;
};

int report(const ReportOptions& o, Context& ctx) {
  if (!std::filesystem::exists(o.db))
    return fail({core::ErrorCode::not_found, o.db + ": no such database"});
  auto store = store::Store::open(o.db);
  if (!store) return fail(store.error());
  int64_t run_id = o.run;
  if (run_id == 0) {
    auto runs = (*store)->runs();
    if (runs.empty()) return fail({core::ErrorCode::not_found, o.db + ": holds no runs"});
    run_id = runs.back().id;
  }
  auto r = runner::build_report(**store, run_id, ctx.families);
  if (!r) return fail(r.error());
  if (o.format == "json") std::cout << runner::report_json(*r).dump(2) << '\n';
  else std::cout << runner::report_markdown(*r);
  return kOk;
}

}  // namespace

void add_report(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ReportOptions>();
  auto* cmd = app.add_subcommand("report", "Report a run: problems, attempts, solved, metrics");
  cmd->add_option("--db", o->db, "SQLite database")->capture_default_str();
  cmd->add_option("--run", o->run, "Run id (default: the latest run)");
  cmd->add_option("--format", o->format, "md or json")
      ->check(CLI::IsMember({"md", "json"}))
      ->capture_default_str();
  cmd->callback([o, &ctx] { ctx.action = [o, &ctx] { return report(*o, ctx); }; });
}

}  // namespace tcs::cli
