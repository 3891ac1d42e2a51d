// The Z3 engine behind the step language: decides whether a goal is valid (hyps ∧ ¬target is
// unsat) through the C++ API, on terms built from our own AST.
//
// One Prover owns one z3::context and is used by one thread at a time; interrupt() may be called
// from any thread and stops the check in progress (Z3's soft interruption). Limits per check:
// a wall-clock timeout, an rlimit (Z3's deterministic resource counter) and a memory cap (Z3's
// process-wide memory_max_size, set to the largest cap any Prover asked for).
//
// Z3 4.8.12's SAT solver does not poll for interruption during bounded variable elimination
// (sat.elim_vars), which on 64-bit multiplications runs ~300 ms at a time; in-process checks
// therefore turn it off (ProverOptions::sat_elim_vars) so an interrupt lands within tens of
// milliseconds. It costs some speed on hard goals (8-bit (x&y)(x|y)+(x&~y)(~x&y) = xy: 0.6 s
// with it, 0.9 s without); a user who wants it back can keep it.
//
// Z3's limits are soft: with ProverOptions::child_process the check runs in a forked child that
// is killed (SIGKILL) at the deadline, so the caller gets an answer within the timeout plus a
// few milliseconds whatever Z3 does. The child builds its own context from the AST; nothing but
// the verdict crosses back (a pipe), and no shell is involved.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <functional>
#include <string>

#include "harness/core/expected.hpp"
#include "harness/core/verdict.hpp"
#include "provers/z3/goal.hpp"

namespace tcs::z3b {

struct ProverOptions {
  bool child_process = false;   // run each check in a child killed at the deadline
  int64_t memory_mb = 0;        // 0 = no cap
  bool sat_elim_vars = false;   // Z3's SAT variable elimination: stronger, but deaf to interrupts
};

// What one check may use; timeout_seconds <= 0 or rlimit <= 0: no such limit.
struct CheckLimits {
  double timeout_seconds = 0;
  int64_t rlimit = 0;
  bool sat_elim_vars = false;
};

struct SmtResult {
  core::VerdictKind kind = core::VerdictKind::error;  // verified = valid; rejected = sat
  std::string message;   // Z3's reason for unknown, the counterexample for sat
  double seconds = 0;
  int64_t rlimit_used = 0;
};

// Raises Z3's process-wide memory cap to at least `mb` (0 = leave it).
void raise_memory_cap(int64_t mb);

class Prover {
 public:
  explicit Prover(ProverOptions options = {});
  ~Prover();
  Prover(const Prover&) = delete;
  Prover& operator=(const Prover&) = delete;

  // timeout_seconds <= 0 or rlimit <= 0: no such limit. Never throws.
  SmtResult check_valid(const SmtGoal& goal, double timeout_seconds, int64_t rlimit);
  // A user's own SMT-LIB file, read by Z3's parser: verified when its assertions are unsat
  // (the file asserts the negation of what it claims), rejected with a model when sat.
  // Call parse_smtlib_status() first: a parse error here is a verdict of kind error.
  SmtResult check_smtlib(const std::string& text, double timeout_seconds, int64_t rlimit);
  // Stops the check in progress on this Prover (thread-safe; a no-op when none runs).
  void interrupt();

  // The check itself, given a context and the limits to set on its solver.
  using Job = std::function<SmtResult(void* z3_context, const CheckLimits& limits)>;

 private:
  SmtResult run(const Job& job, double timeout_seconds, int64_t rlimit);
  SmtResult check_here(const Job& job, const CheckLimits& limits);
  SmtResult check_in_child(const Job& job, const CheckLimits& limits);

  struct Impl;
  std::unique_ptr<Impl> impl_;
  ProverOptions options_;
  std::atomic<int> child_pid_{0};
};

// Ok when Z3's parser accepts the text; otherwise a bad_input Error with Z3's message (which
// names the line and column).
core::Status parse_smtlib_status(const std::string& text);

}  // namespace tcs::z3b
