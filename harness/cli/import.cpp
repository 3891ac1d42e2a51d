// tcsprove import: other benchmarks' files as tcsprove problems.
#include <iostream>
#include <memory>

#include "generators/regex/regexpspace.hpp"
#include "generators/tm_trace/tmbench.hpp"
#include "harness/cli/command.hpp"

namespace tcs::cli {

namespace {

struct ImportOptions {
  std::string format, file, out = "-", alphabet = "abcd";
  int table_size = 11;
};

// RegexPSPACE records, re-labelled by the regex engine; disagreements go to stderr.
core::Expected<std::vector<core::Problem>> import_regexpspace(const ImportOptions& o) {
  auto alphabet = regex::make_alphabet(o.alphabet);
  if (!alphabet) return alphabet.error().with_context("--alphabet");
  if (o.table_size < 1 || o.table_size > 12)
    return core::bad_input("--table-size must be in [1, 12], got " + std::to_string(o.table_size));
  regex::BuildOptions build;
  build.progress = o.table_size >= 10;
  auto table = regex::open_table(*alphabet, o.table_size, regex::default_cache_dir(), build);
  if (!table) return table.error();
  auto result = regex::import_regexpspace_file(o.file, *regex::cap_table(**table, o.table_size));
  if (!result) return result.error();
  for (const auto& m : result->mismatches) std::cerr << "regexpspace label mismatch: " << m << '\n';
  std::cerr << "regexpspace: " << result->records << " records, " << result->mismatches.size()
            << " label mismatches, minimal size decided for " << result->minimal_exact << '\n';
  return std::move(result->problems);
}

int import_file(const ImportOptions& o, Context&) {
  auto problems = o.format == "regexpspace" ? import_regexpspace(o) : tm_trace::import_tmbench(o.file);
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
  cmd->add_option("format", o->format, "Source format: tmbench or regexpspace")
      ->required()
      ->check(CLI::IsMember({"tmbench", "regexpspace"}));
  cmd->add_option("--alphabet", o->alphabet, "regexpspace: the alphabet")->capture_default_str();
  cmd->add_option("--table-size", o->table_size, "regexpspace: enumeration size for minimal labels")
      ->capture_default_str();
  cmd->add_option("file", o->file, "The file to import")->required();
  cmd->add_option("--out,-o", o->out, "Problems JSONL to write ('-' = stdout)")
      ->capture_default_str();
  cmd->callback([o, &ctx] { ctx.action = [o, &ctx] { return import_file(*o, ctx); }; });
}

}  // namespace tcs::cli
