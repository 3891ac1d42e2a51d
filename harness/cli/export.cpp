// tcsprove export: the dataset (statements, answers, verified proofs) as JSONL.
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "harness/cli/command.hpp"
#include "harness/runner/export.hpp"

namespace tcs::cli {

namespace {

struct ExportOptions {
  std::string db = "tcsprove.db", format = "jsonl", out = "-";
  int64_t run = 0;
};

int export_dataset(const ExportOptions& o, Context&) {
  if (!std::filesystem::exists(o.db))
    return fail({core::ErrorCode::not_found, o.db + ": no such database"});
  auto store = store::Store::open(o.db);
  if (!store) return fail(store.error());
  std::ostringstream text;
  auto records = runner::export_jsonl(**store, o.run, text);
  if (!records) return fail(records.error());
  if (auto s = write_text(o.out, text.str()); !s) return fail(s.error());
  if (o.out != "-") std::cerr << "wrote " << *records << " records to " << o.out << '\n';
  return kOk;
}

}  // namespace

void add_export(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand(
      "export", "Export problems with statements, answers and verified proofs as a dataset");
  cmd->add_option("--db", o->db, "SQLite database")->capture_default_str();
  cmd->add_option("--run", o->run, "Only this run (default: every run)");
  cmd->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"jsonl"}))
      ->capture_default_str();
  cmd->add_option("--out,-o", o->out, "Output file ('-' = stdout)")->capture_default_str();
  cmd->callback([o, &ctx] { ctx.action = [o, &ctx] { return export_dataset(*o, ctx); }; });
}

}  // namespace tcs::cli
