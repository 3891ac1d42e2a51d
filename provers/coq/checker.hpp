// The "coq" back-end: whole-file checks with coqc, through the soundness guard.
#pragma once

#include <memory>
#include <string>

#include "harness/core/checker.hpp"
#include "provers/coq/guard.hpp"

namespace tcs::coq {

struct CoqConfig {
  std::string coqc = "coqc";  // a path, or a name looked up on PATH
  std::string coqtop = "coqtop";
  std::string work_dir;  // where check files are written; empty = the system temp dir
};

// Guard rules a problem asks for in its params: "allowed_axioms" (array of fully qualified
// names, default none) and "allow_native" (bool, default false).
GuardRules rules_for(const core::Problem& problem);

// Stateless between calls and safe to call from several threads (each check has its own
// directory and coqc process).
//
// check(): the problem's "coq" statement + the candidate's body (guard.hpp) is written to a
// fresh directory and compiled with `coqc -q`; verified only when coqc accepts it and Print
// Assumptions lists no axiom outside the problem's allowed ones. Verdict.detail["reason"] is a
// stable key for every rejection: a guard key (guard.hpp), "coq-error" (coqc refused the proof),
// "axioms-used" or "too-long". Limits: wall_seconds (wall and CPU), memory_mb (RLIMIT_AS).
class CoqChecker : public core::Checker {
 public:
  explicit CoqChecker(CoqConfig config = {}) : config_(std::move(config)) {}
  std::string_view backend() const override { return "coq"; }
  core::Verdict check(const core::Problem& problem, const core::Candidate& candidate,
                      const core::Limits& limits) override;

 private:
  CoqConfig config_;
};

// True when coqc can be started with this configuration.
bool coq_available(const CoqConfig& config = {});

}  // namespace tcs::coq
