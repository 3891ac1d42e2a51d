// The CLI's shared pieces: every sub-command registers itself on the CLI11 app and leaves an
// action to run after parsing. This is the only folder that wires concrete parts together.
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "harness/core/env.hpp"
#include "harness/core/expected.hpp"
#include "harness/core/family.hpp"
#include "harness/runner/run.hpp"

namespace tcs::cli {

// Exit codes (README, "Exit codes").
enum ExitCode : int {
  kOk = 0,          // done, whatever the solve rate
  kUnchecked = 1,   // the run finished but some attempts could not be checked
  kBadInput = 2,    // malformed file, flag, suite or unknown id: nothing was written
  kFailure = 3,     // the machine refused (disk, database locked, ...)
};

struct Context {
  core::FamilyRegistry families;
  core::BackendRegistry backends;  // back-ends besides the families' native checkers
  core::Env env;
  std::function<int()> action;  // set by the sub-command that was chosen

  runner::RunParts run_parts() const { return {families, &backends}; }
};

// Prints the error to stderr and returns its exit code.
int fail(const core::Error& error);
// Reads a whole file ("-" = stdin) or says why not.
core::Expected<std::string> read_text(const std::string& path);
// Writes atomically (PATH.tmp then rename); "-" = stdout.
core::Status write_text(const std::string& path, const std::string& text);

const char* git_describe();

void add_generate(CLI::App& app, Context& ctx);
void add_run(CLI::App& app, Context& ctx);
void add_check(CLI::App& app, Context& ctx);
void add_report(CLI::App& app, Context& ctx);
void add_export(CLI::App& app, Context& ctx);
void add_import(CLI::App& app, Context& ctx);
void add_score(CLI::App& app, Context& ctx);
void add_version(CLI::App& app, Context& ctx);
void add_z3(CLI::App& app, Context& ctx);
void add_mba(CLI::App& app, Context& ctx);
void add_bb(CLI::App& app, Context& ctx);
void add_regex(CLI::App& app, Context& ctx);
void add_search_bench(CLI::App& app, Context& ctx);
void add_endpoints(CLI::App& app, Context& ctx);  // endpoints list|probe, serve-fake

}  // namespace tcs::cli
