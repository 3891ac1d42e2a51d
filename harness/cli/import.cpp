// tcsprove import: other benchmarks' files as tcsprove problems.
#include <iostream>
#include <memory>

#include "generators/tm_trace/tmbench.hpp"
#include "harness/cli/command.hpp"

namespace tcs::cli {

namespace {

struct ImportOptions {
  std::string format, file, out = "-";
};

int import_file(const ImportOptions& o, Context&) {
  auto problems = tm_trace::import_tmbench(o.file);  // the only format so far (CLI checks it)
  if (!problems) return fail(problems.error());
  if (o.out == "-") {
    for (const auto& p : *problems) core::write_problem_jsonl(std::cout, p);
    return kOk;
  }
  if (auto s = core::write_problems_file(o.out, *problems); !s) return fail(s.error());
  std::cerr << "imported " << problems->size() << " problems into " << o.out << '\n';
  return kOk;
}

}  // namespace

void add_import(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ImportOptions>();
  auto* cmd = app.add_subcommand("import", "Convert another benchmark's file into problems JSONL");
  cmd->add_option("format", o->format, "Source format: tmbench")
      ->required()
      ->check(CLI::IsMember({"tmbench"}));
  cmd->add_option("file", o->file, "The file to import")->required();
  cmd->add_option("--out,-o", o->out, "Problems JSONL to write ('-' = stdout)")
      ->capture_default_str();
  cmd->callback([o, &ctx] { ctx.action = [o, &ctx] { return import_file(*o, ctx); }; });
}

}  // namespace tcs::cli
