#include "generators/mba/problems.hpp"

namespace tcs::mba {

std::string smt2_statement(const Identity& id) {
  std::string out = "(set-logic QF_BV)\n(set-info :status unsat)\n";
  for (const auto& n : id.names)
    out += "(declare-const " + n + " (_ BitVec " + std::to_string(id.width) + "))\n";
  out += "(assert (not (= " + to_smt(*id.lhs, id.names, id.width) + "\n                " +
         to_smt(*id.rhs, id.names, id.width) + ")))\n(check-sat)\n";
  return out;
}

std::string lean_statement(const Identity& id, const std::string& name, bool bv_decide) {
  std::string vars;
  for (const auto& n : id.names) vars += (vars.empty() ? "" : " ") + n;
  std::string out = bv_decide ? "import Std.Tactic.BVDecide\n\n" : "";
  out += "-- Mixed Boolean-Arithmetic identity (" + std::string(to_string(id.cls)) + ", " +
         std::to_string(id.width) + " bits). bv_decide " +
         (bv_decide ? "may" : "may not") + " be used.\n";
  out += "theorem " + name + " (" + vars + " : BitVec " + std::to_string(id.width) + ") :\n    " +
         to_lean(*id.lhs, id.names, id.width) + " =\n    " +
         to_lean(*id.rhs, id.names, id.width) + " := by\n  sorry\n";
  return out;
}

// Over Z: + − × and land/lor/lxor/lnot reduce modulo 2^w exactly like w-bit vectors (the low
// w bits of each result depend only on the low w bits of the inputs).
std::string coq_statement(const Identity& id, const std::string& name) {
  std::string vars;
  for (const auto& n : id.names) vars += (vars.empty() ? "" : " ") + n;
  const std::string modulus = "2^" + std::to_string(id.width);
  return "Require Import ZArith.\nOpen Scope Z_scope.\n\n(* Mixed Boolean-Arithmetic identity (" +
         std::string(to_string(id.cls)) + ", " + std::to_string(id.width) + " bits) over Z mod " +
         modulus + ". *)\nTheorem " + name + " : forall " + vars + " : Z,\n  (" +
         to_coq(*id.lhs, id.names) + ") mod " + modulus + " =\n  (" + to_coq(*id.rhs, id.names) +
         ") mod " + modulus + ".\nProof.\nAdmitted.\n";
}

std::string informal_statement(const Identity& id) {
  std::string vars;
  for (const auto& n : id.names) vars += (vars.empty() ? "" : ", ") + n;
  return "Prove that for all " + std::to_string(id.width) + "-bit integers " + vars +
         " (arithmetic modulo 2^" + std::to_string(id.width) +
         "; `&`, `|`, `^`, `~` act bit by bit):\n\n    " + to_infix(*id.lhs, id.names, id.width) +
         "\n      = " + to_infix(*id.rhs, id.names, id.width) + "\n\nThis is a " +
         std::string(to_string(id.cls)) + " Mixed Boolean-Arithmetic identity.\n";
}

std::string prompt(const core::Problem& problem) {
  const core::Statement* smt = problem.statement("smt2");
  return problem.informal +
         "\nGive a proof as a script in the SMT step language. The goal, in SMT-LIB:\n\n" +
         (smt ? smt->text : std::string()) +
         "\nTactics (each applies to the first open goal; its subgoals take its place):\n"
         "  (smt)            close the goal with Z3\n"
         "  (have P)         prove P, then use it as a hypothesis\n"
         "  (cases P)        split on P and not P\n"
         "  (rewrite a b)    prove a = b, then replace a by b in the target\n"
         "  (linear-mba)     reduce a linear MBA identity to its 2^k ground instances\n"
         "  (ring)           close a polynomial identity over +, -, *\n"
         "Terms use the declared variables and bvadd bvsub bvmul bvneg bvand bvor bvxor bvnot,"
         " constants (_ bvN w). Answer with the script only.\n";
}

}  // namespace tcs::mba
