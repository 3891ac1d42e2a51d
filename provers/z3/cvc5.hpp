// cvc5 as a second opinion on validity goals. The goal file is written by us from our own AST
// (goal_text), so candidate text never reaches cvc5 as commands; cvc5 runs as a child process
// with argv only (no shell), a time limit of its own (--tlimit) and SIGKILL at the deadline.
// Verdicts: unsat = verified, sat = rejected, anything else = timeout / error with cvc5's words.
#pragma once

#include <string>

#include "provers/z3/goal.hpp"
#include "provers/z3/solver.hpp"

namespace tcs::z3b {

// `binary` is looked up on PATH when it has no slash.
SmtResult cvc5_check(const SmtGoal& goal, double timeout_seconds, const std::string& binary = "cvc5");

}  // namespace tcs::z3b
