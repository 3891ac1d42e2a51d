// tcsprove: generate problems, run suites, check answers, report, export datasets.
#include <csignal>
#include <iostream>

#include "generators/busy_beaver/family.hpp"
#include "generators/mba/family.hpp"
#include "generators/regex/family.hpp"
#include "generators/tm_trace/family.hpp"
#include "harness/cli/command.hpp"
#include "provers/coq/checker.hpp"
#include "provers/coq/coqtop_env.hpp"
#include "provers/lean/checker.hpp"
#include "provers/lean/proof_env.hpp"
#include "provers/z3/z3.hpp"

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
  ctx.families.add(tcs::mba::make_family());
  ctx.families.add(tcs::busy_beaver::make_family());
  ctx.families.add(tcs::regex::make_family());
  ctx.backends.add("z3", [] { return tcs::z3b::make_checker(); });
  ctx.backends.add_env("z3", [] { return tcs::z3b::make_proof_env(); });
  if (tcs::coq::coq_available()) {
    ctx.backends.add("coq", [] { return std::make_unique<tcs::coq::CoqChecker>(); });
    ctx.backends.add_env("coq", [] { return std::make_unique<tcs::coq::CoqtopEnv>(); });
  } else {
    ctx.backends.mark_unavailable("coq", "coqc not found on PATH (Debian: apt-get install coq)");
  }
  // Lean only when configured (TCSPROVE_LEAN_* / $TCSPROVE_LEAN_CONFIG, provers/lean/config.hpp).
  if (auto lean = tcs::lean::load_config_from_environment(); !lean.ok()) {
    ctx.backends.mark_unavailable("lean", "bad configuration: " + lean.error().message);
  } else if (auto why = tcs::lean::unavailable_reason(*lean); !why.empty()) {
    ctx.backends.mark_unavailable("lean", why + " (see provers/lean/README.md)");
  } else {
    auto pool = lean->mode == tcs::lean::Mode::repl ? tcs::lean::make_pool(*lean, 0) : nullptr;
    ctx.backends.add("lean", [config = *lean, pool] {
      return std::make_unique<tcs::lean::LeanChecker>(config, pool);
    });
    if (lean->mode == tcs::lean::Mode::repl)
      ctx.backends.add_env("lean", [config = *lean] {
        return std::make_unique<tcs::lean::LeanProofEnv>(tcs::lean::repl_spec(config));
      });
  }
  g_cancel = &ctx.env.cancel;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);

  CLI::App app{"tcsprove: machine theorem proving on problems theoretical computer science "
               "generates without end"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("tcsprove ") + git_describe());
  for (auto add : {add_generate, add_run, add_check, add_report, add_export, add_import,
                   add_score, add_version, add_z3, add_mba, add_bb, add_regex, add_search_bench, add_endpoints})
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
