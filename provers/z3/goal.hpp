// Goals of the SMT step language: declarations + hypotheses + one Boolean target.
//
// Goal text (what problems carry as their "smt2" statement and what a policy is shown) is a
// restricted SMT-LIB script read by our own parser, never by Z3's:
//
//   (set-logic QF_BV)                     optional, QF_BV only
//   (set-info :status unsat)              optional, ignored
//   (declare-const x (_ BitVec 64))       or (declare-fun x () (_ BitVec 64)); Bool allowed
//   (assert H)                            zero or more hypotheses
//   (assert (not T))                      the last assert: the negated target
//   (check-sat)                           optional, last
//
// The goal is valid iff H1 ∧ .. ∧ Hn ⊢ T. When the last assert is not a negation the target is
// `false` (the asserts must be contradictory).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "harness/core/expected.hpp"
#include "provers/z3/term.hpp"

namespace tcs::z3b {

struct SmtGoal {
  Decls decls;
  std::vector<TermPtr> hyps;
  TermPtr target;
};

core::Expected<SmtGoal> parse_goal(std::string_view text);
// The canonical goal text (parse_goal(goal_text(g)) gives g back).
std::string goal_text(const SmtGoal& goal);
// The target only, as "(= a b)": what ring/linear tactics inspect.
bool is_equation(const SmtGoal& goal);

}  // namespace tcs::z3b
