// tcsprove: generate problems, run suites, check answers, report, export datasets.
#include <csignal>
#include <iostream>

#include "generators/tm_trace/family.hpp"
#include "harness/cli/command.hpp"

namespace {

tcs::core::CancelToken* g_cancel = nullptr;

// First Ctrl-C asks the run to stop cleanly (it flushes and can be resumed); a second one
// kills the process the usual way.
extern "C" void on_signal(int sig) {
  if (g_cancel && !g_cancel->cancelled()) {
    g_cancel->cancel();
    return;
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace tcs::cli;
  Context ctx;
  ctx.families.add(tcs::tm_trace::make_family());
  g_cancel = &ctx.env.cancel;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);

  CLI::App app{"tcsprove: machine theorem proving on problems theoretical computer science "
               "generates without end"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("tcsprove ") + git_describe());
  for (auto add : {add_generate, add_run, add_check, add_report, add_export, add_import,
                   add_score, add_version})
    add(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kBadInput;
  }
  try {
    return ctx.action();
  } catch (const std::exception& e) {
    // Anything thrown is a bug or a refused system call; say so plainly instead of aborting.
    std::cerr << "tcsprove: error: " << e.what() << '\n';
    return kFailure;
  }
}
