// The "lean" back-end: the problem's Lean statement + the candidate's body, assembled by the
// guard, checked by one of three routes (config.hpp): `lake env lean --json FILE` in the Lean
// project, a REPL pool (imports loaded once per REPL), or a kimina-lean-server. All three are
// judged the same way (judge.hpp). Verdict.detail["reason"] names every rejection.
//
// Problems may set params.allowed_axioms (replacing propext, Classical.choice, Quot.sound) and
// params.allow_native. Thread-safe: the pool and the server client are; file checks use a
// private directory each.
#pragma once

#include <memory>

#include "harness/core/checker.hpp"
#include "provers/lean/config.hpp"
#include "provers/lean/guard.hpp"
#include "provers/lean/kimina.hpp"
#include "provers/lean/pool.hpp"

namespace tcs::lean {

GuardRules rules_for(const core::Problem& problem);

class LeanChecker : public core::Checker {
 public:
  // `pool` may be shared between checkers (the CLI makes one per process); null unless
  // config.mode is repl.
  LeanChecker(LeanConfig config, std::shared_ptr<ReplPool> pool);
  std::string_view backend() const override { return "lean"; }
  core::Verdict check(const core::Problem& problem, const core::Candidate& candidate,
                      const core::Limits& limits) override;

 private:
  core::Verdict check_file(const Assembled& a, const GuardRules& rules, const core::Limits& limits);
  core::Verdict check_repl(const Assembled& a, const GuardRules& rules, const core::Limits& limits);
  core::Verdict check_server(const Assembled& a, const GuardRules& rules,
                             const core::Limits& limits);

  LeanConfig config_;
  std::shared_ptr<ReplPool> pool_;
};

// A pool for config.mode == repl, with the REPL run in the project directory.
std::shared_ptr<ReplPool> make_pool(const LeanConfig& config, int64_t memory_mb);
// How to start one REPL of this configuration (argv, the project as cwd, the memory cap).
process::Spec repl_spec(const LeanConfig& config, int64_t memory_mb = 0);

// Lean's `--json` output: one message object per line; other lines are ignored.
Response messages_from_json_lines(const std::string& output);

}  // namespace tcs::lean
