// The SMT-LIB form of bounded Busy Beaver claims (see statements.hpp): the run from the blank
// tape unrolled step by step (state, head, tape array per step), then the claim's negation
// asserted, so the script is unsat exactly when the claim holds. Each step's fields are
// declared constants fixed by an equation rather than nested define-funs: Z3 unfolds nested
// definitions without sharing (exponential in the step count; 20 steps took 49 s), while
// equations on constants are settled by propagation (BB(4)'s 107 steps in 0.1 s).
#include "generators/busy_beaver/statements.hpp"

#include <cstdio>

namespace tcs::busy_beaver {

namespace {

std::string hex8(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#x%02x", v & 0xff);
  return buf;
}
std::string hex32(int64_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "#x%08x", static_cast<unsigned>(static_cast<uint32_t>(v)));
  return buf;
}

// (ite (and (= q A) (= r S)) value (ite ... otherwise)) over the machine's transitions.
template <class Value>
std::string table_fun(const Machine& m, const char* name, const char* sort, Value value,
                      const std::string& otherwise) {
  std::string body = otherwise;
  for (int s = m.states - 1; s >= 0; --s)
    for (int r = m.symbols - 1; r >= 0; --r)
      body = "(ite (and (= q " + hex8(s) + ") (= r " + hex8(r) + ")) " + value(m.at(s, r), r) + "\n    " + body + ")";
  return std::string("(define-fun ") + name + " ((q (_ BitVec 8)) (r (_ BitVec 8))) " + sort + "\n    " + body + ")\n";
}

std::string step_name(char what, int64_t k) { return std::string(1, what) + std::to_string(k); }

std::string define(const std::string& name, const char* sort, const std::string& value) {
  return "(declare-const " + name + " " + sort + ")\n(assert (= " + name + " " + value + "))\n";
}

constexpr const char* kState = "(_ BitVec 8)";
constexpr const char* kCell = "(_ BitVec 8)";
constexpr const char* kHead = "(_ BitVec 32)";
constexpr const char* kTape = "(Array (_ BitVec 32) (_ BitVec 8))";

}  // namespace

std::optional<std::string> claim_smt2(const Claim& c) {
  const Machine& m = c.machine;
  if (c.kind != "halts_in" && c.kind != "no_halt_within" && c.kind != "ones_on_halt") return std::nullopt;
  if (c.n < 0 || c.n > kMaxSmtSteps || (c.kind != "no_halt_within" && c.n < 1)) return std::nullopt;
  const std::string text = to_string(m);
  std::string out = "; Busy Beaver claim (" + c.kind + ") about the machine " + text + ":\n; ";
  if (c.kind == "halts_in") out += "it halts after exactly " + std::to_string(c.n) + " steps.\n";
  if (c.kind == "no_halt_within") out += "none of its first " + std::to_string(c.n) + " steps halts.\n";
  if (c.kind == "ones_on_halt")
    out += "it halts after exactly " + std::to_string(c.n) + " steps with " + std::to_string(c.ones) +
           " non-blank cells.\n";
  out +=
      "; The script defines the run from the blank tape and asserts the claim's negation: it is\n"
      "; unsat exactly when the claim holds.\n"
      "; Step convention: the halting transition counts as a step. A transition halts when it is\n"
      "; undefined (---: writes nothing, does not move) or moves into a state outside the machine.\n"
      "; Encoding: state A = #x00, B = #x01, ..., #xff once halted; head (_ BitVec 32) from 0,\n"
      "; negative positions in two's complement; tape (Array (_ BitVec 32) (_ BitVec 8)), blank 0.\n"
      "(set-logic ALL)\n";
  // Halting pairs: next state #xff, written symbol the transition's (or the read one), no move.
  out += table_fun(m, "next_state", "(_ BitVec 8)", [&](const Transition& t, int) {
    return !t.defined || m.halts_into(t.next) ? std::string("#xff") : hex8(t.next - 'A');
  }, "#xff");
  out += table_fun(m, "written", "(_ BitVec 8)", [&](const Transition& t, int r) {
    return hex8(t.defined ? t.write : r);
  }, "r");
  out += table_fun(m, "move", "(_ BitVec 32)", [&](const Transition& t, int) {
    return !t.defined || m.halts_into(t.next) ? hex32(0) : hex32(t.right ? 1 : -1);
  }, hex32(0));
  out += define("q0", kState, "#x00") + define("h0", kHead, hex32(0)) +
         define("t0", kTape, std::string("((as const ") + kTape + ") #x00)");
  for (int64_t k = 0; k < c.n; ++k) {
    const std::string q = step_name('q', k), h = step_name('h', k), t = step_name('t', k), r = step_name('r', k);
    const std::string halted = "(= " + q + " #xff)";
    out += define(r, kCell, "(select " + t + " " + h + ")");
    out += define(step_name('q', k + 1), kState, "(ite " + halted + " #xff (next_state " + q + " " + r + "))");
    out += define(step_name('h', k + 1), kHead, "(ite " + halted + " " + h + " (bvadd " + h + " (move " + q + " " + r + ")))");
    out += define(step_name('t', k + 1), kTape,
                  "(ite " + halted + " " + t + " (store " + t + " " + h + " (written " + q + " " + r + ")))");
  }
  const std::string last = step_name('q', c.n);
  std::string claim;
  if (c.kind == "no_halt_within") {
    claim = "(not (= " + last + " #xff))";
  } else {
    claim = "(and (not (= " + step_name('q', c.n - 1) + " #xff)) (= " + last + " #xff))";
    if (c.kind == "ones_on_halt") {
      // The head never leaves [-n, n] within n steps.
      std::string sum;
      for (int64_t p = -c.n; p <= c.n; ++p)
        sum += "\n    (ite (= (select " + step_name('t', c.n) + " " + hex32(p) + ") #x00) #x00000000 #x00000001)";
      claim = "(and " + claim + "\n  (= (bvadd #x00000000" + sum + ") " + hex32(c.ones) + "))";
    }
  }
  out += "(assert (not " + claim + "))\n(check-sat)\n";
  return out;
}

}  // namespace tcs::busy_beaver
