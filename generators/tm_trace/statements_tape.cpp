// Statements of tape-machine trace problems (see statements.hpp). The formal files model the
// tape as a function from cells (integers) to symbols and state the trace as a list of
// views (state or none once halted, head cell, window cells -w..w).
#include "generators/tm_trace/statements.hpp"
#include "generators/tm_trace/trace_answer.hpp"

namespace tcs::tm_trace {

namespace {

enum class Prover { lean, coq };

std::string state_name(char letter, Prover p) {
  std::string name = p == Prover::lean ? "" : "q";
  return name += letter;
}

std::string integer(int64_t v, Prover p) {
  if (p == Prover::lean) return std::to_string(v);
  return v < 0 ? "(" + std::to_string(v) + ")%Z" : std::to_string(v) + "%Z";
}

std::string digits_list(const std::string& window, Prover p) {
  std::string out = "[";
  for (size_t k = 0; k < window.size(); ++k) {
    if (k > 0) out += p == Prover::lean ? ", " : "; ";
    out += window[k];
  }
  return out + "]";
}

// The transition's right-hand side: `some (1, Dir.R, some B)` / `Some (1, DR, Some qB)`.
std::string action(const Machine& m, const Transition& t, Prover p) {
  const bool lean = p == Prover::lean;
  if (!t.defined) return lean ? "none" : "None";
  std::string next = m.halts_into(t.next)
                         ? (lean ? "none" : "None")
                         : (lean ? "some " : "Some ") + state_name(t.next, p);
  std::string dir = lean ? (t.right ? "Dir.R" : "Dir.L") : (t.right ? "DR" : "DL");
  return (lean ? "some (" : "Some (") + std::to_string(t.write) + ", " + dir + ", " + next + ")";
}

std::string delta_cases(const Machine& m, Prover p) {
  std::string out;
  for (int s = 0; s < m.states; ++s)
    for (int r = 0; r < m.symbols; ++r) {
      // The last symbol is a wildcard so the match is exhaustive over Nat.
      const std::string read = r + 1 == m.symbols ? "_" : std::to_string(r);
      out += "  | " + state_name(static_cast<char>('A' + s), p) + ", " + read + " => " +
             action(m, m.at(s, r), p) + "\n";
    }
  return out;
}

std::string window_list(int w, Prover p) {
  std::string out = "[";
  for (int i = -w; i <= w; ++i) out += (i > -w ? (p == Prover::lean ? ", " : "; ") : "") + integer(i, p);
  return out + "]";
}

std::string views(const TapeInstance& inst, const TapeTrace& trace, Prover p) {
  const bool lean = p == Prover::lean;
  std::string out = "[";
  for (size_t i = 0; i < trace.configs.size(); ++i) {
    const TapeConfig& c = trace.configs[i];
    const bool halted = trace.halts && i + 1 == trace.configs.size();
    if (i > 0) out += lean ? ",\n       " : ";\n     ";
    out += '(';
    if (halted) out += lean ? "none" : "None";
    else out += (lean ? "some " : "Some ") + state_name(c.state, p);
    out += ", " + integer(c.head, p) + ", " + digits_list(c.window, p) + ")";
  }
  return out + "]";
}

std::string header(const TapeInstance& inst, const char* open, const char* close) {
  return std::string(open) + " " + problem_id(inst) + ": the Turing machine " +
         to_string(inst.machine) + " (bbchallenge format)\n   traced for " +
         std::to_string(inst.steps) + " steps from state A on a blank tape. A halting transition " +
         "counts as a step;\n   `---` halts without writing or moving. " + close + "\n\n";
}

}  // namespace

std::string tape_lean(const TapeInstance& inst, const TapeTrace& trace) {
  const Machine& m = inst.machine;
  std::string out = header(inst, "/-", "-/") + "inductive St where\n ";
  for (int s = 0; s < m.states; ++s) out += " | " + std::string(1, static_cast<char>('A' + s));
  out +=
      "\n  deriving DecidableEq, Repr\n\nopen St\n\n"
      "inductive Dir where\n  | L | R\n  deriving DecidableEq, Repr\n\n"
      "/-- `none`: undefined (`---`), halt in place; `some (w, d, none)`: write, move, halt. -/\n"
      "def tmDelta : St → Nat → Option (Nat × Dir × Option St)\n";
  out += delta_cases(m, Prover::lean);
  out +=
      "\nstructure Conf where\n  st : Option St\n  pos : Int\n  tape : Int → Nat\n\n"
      "def tmStep (conf : Conf) : Conf :=\n"
      "  match conf.st with\n"
      "  | none => conf\n"
      "  | some cur =>\n"
      "    match tmDelta cur (conf.tape conf.pos) with\n"
      "    | none => { conf with st := none }\n"
      "    | some (sym, dir, nxt) =>\n"
      "      { st := nxt,\n"
      "        pos := (match dir with | Dir.L => conf.pos - 1 | Dir.R => conf.pos + 1),\n"
      "        tape := fun cell => if cell = conf.pos then sym else conf.tape cell }\n\n";
  out += "def tmWindow : List Int := " + window_list(inst.window, Prover::lean) + "\n\n";
  out +=
      "def tmView (conf : Conf) : Option St × Int × List Nat :=\n"
      "  (conf.st, conf.pos, tmWindow.map conf.tape)\n\n"
      "def tmTrace : Nat → Conf → List (Option St × Int × List Nat)\n"
      "  | 0, conf => [tmView conf]\n"
      "  | fuel + 1, conf =>\n"
      "    match conf.st with\n"
      "    | none => [tmView conf]\n"
      "    | some _ => tmView conf :: tmTrace fuel (tmStep conf)\n\n"
      "def tmStart : Conf := { st := some A, pos := 0, tape := fun _ => 0 }\n\n";
  out += "theorem tm_trace_" + std::to_string(inst.steps) + " :\n    tmTrace " +
         std::to_string(inst.steps) + " tmStart =\n      " + views(inst, trace, Prover::lean) +
         " := by\n  sorry\n";
  return out;
}

std::string tape_coq(const TapeInstance& inst, const TapeTrace& trace) {
  const Machine& m = inst.machine;
  std::string out = header(inst, "(*", "*)") +
                    "Require Import Coq.Lists.List Coq.ZArith.ZArith.\nImport ListNotations.\n\n"
                    "Inductive state : Set :=";
  for (int s = 0; s < m.states; ++s)
    out += (s ? " | " : " ") + state_name(static_cast<char>('A' + s), Prover::coq);
  out +=
      ".\nInductive dir : Set := DL | DR.\n\n"
      "(* None: undefined (---), halt in place; Some (w, d, None): write, move, halt. *)\n"
      "Definition delta (s : state) (r : nat) : option (nat * dir * option state) :=\n"
      "  match s, r with\n";
  out += delta_cases(m, Prover::coq) + "  end.\n\n";
  out +=
      "Record conf : Type := mk_conf { cst : option state; cpos : Z; ctape : Z -> nat }.\n\n"
      "Definition tm_step (c : conf) : conf :=\n"
      "  match cst c with\n"
      "  | None => c\n"
      "  | Some s =>\n"
      "    match delta s (ctape c (cpos c)) with\n"
      "    | None => mk_conf None (cpos c) (ctape c)\n"
      "    | Some (w, d, s') =>\n"
      "      mk_conf s' (match d with DL => (cpos c - 1)%Z | DR => (cpos c + 1)%Z end)\n"
      "              (fun x => if Z.eqb x (cpos c) then w else ctape c x)\n"
      "    end\n"
      "  end.\n\n";
  out += "Definition window : list Z := " + window_list(inst.window, Prover::coq) + ".\n\n";
  out +=
      "Definition view (c : conf) : option state * Z * list nat :=\n"
      "  (cst c, cpos c, map (ctape c) window).\n\n"
      "Fixpoint tm_trace (n : nat) (c : conf) : list (option state * Z * list nat) :=\n"
      "  match n with\n"
      "  | O => [view c]\n"
      "  | S n' => match cst c with\n"
      "            | None => [view c]\n"
      "            | Some _ => view c :: tm_trace n' (tm_step c)\n"
      "            end\n"
      "  end.\n\n"
      "Definition start : conf := mk_conf (Some qA) 0%Z (fun _ => 0).\n\n";
  out += "Theorem tm_trace_" + std::to_string(inst.steps) + " :\n  tm_trace " +
         std::to_string(inst.steps) + " start =\n    " + views(inst, trace, Prover::coq) +
         ".\nProof.\nAdmitted.\n";
  return out;
}

std::string tape_informal(const TapeInstance& inst, const TapeTrace& trace) {
  const Machine& m = inst.machine;
  std::string out = "# Turing-machine trace `" + problem_id(inst) + "`\n\n";
  out += "The Turing machine `" + to_string(m) + "` (bbchallenge format) has " +
         std::to_string(m.states) + " states and " + std::to_string(m.symbols) +
         " symbols:\n\n| state |";
  for (int r = 0; r < m.symbols; ++r) out += " read " + std::to_string(r) + " |";
  out += "\n|---|" + [&] {
    std::string s;
    for (int r = 0; r < m.symbols; ++r) s += "---|";
    return s;
  }() + "\n";
  const std::string text = to_string(m);
  for (int s = 0; s < m.states; ++s) {
    out += "| " + std::string(1, static_cast<char>('A' + s)) + " |";
    for (int r = 0; r < m.symbols; ++r)
      out += " `" + text.substr(static_cast<size_t>(s * (3 * m.symbols + 1) + 3 * r), 3) + "` |";
    out += "\n";
  }
  out += "\nIt starts in state A on an all-0 tape with the head on cell 0. A transition `1RB` "
         "writes 1, moves right and enters B; entering a state the machine does not have halts "
         "it (the halting transition counts as a step); `---` halts without writing or moving.\n\n";
  out += "**Claim.** Within " + std::to_string(inst.steps) +
         " steps the machine goes through these configurations (tape cells " +
         std::to_string(-inst.window) + " to " + std::to_string(inst.window) +
         "; state `-` means halted on `---`):\n\n| step | state | head | tape |\n|---|---|---|---|\n";
  for (size_t i = 0; i < trace.configs.size(); ++i) {
    const TapeConfig& c = trace.configs[i];
    out += "| " + std::to_string(i) + " | " + c.state + " | " + std::to_string(c.head) + " | " +
           c.window + " |\n";
  }
  if (trace.halts)
    out += "\nThe machine halts at step " + std::to_string(trace.configs.size() - 1) + ".\n";
  return out;
}

std::string tape_native(const TapeInstance& inst) {
  return "machine=" + to_string(inst.machine) + ";steps=" + std::to_string(inst.steps) +
         ";window=" + std::to_string(inst.window);
}

std::string tape_prompt(const TapeInstance& inst) {
  const int w = inst.window;
  std::string out =
      "Simulate a Turing machine. Your task is to simulate each transition step-by-step and "
      "provide the machine's configuration at each step. Follow the rules and example closely, "
      "and stop upon reaching the halt condition or " +
      std::to_string(inst.steps) +
      " steps. Do not generate additional examples or new problems. No code.\n\n"
      "## Rules for Simulation:\n"
      "1. The machine is written in bbchallenge format: one group per state (A, B, ...) "
      "separated by '_', and in each group one 3-character transition per read symbol (0, 1, "
      "...): the symbol to write, the move (L or R), the next state. '---' is undefined.\n"
      "2. It starts in state A with the head on cell 0 of a tape full of 0s.\n"
      "3. In each transition: read the symbol under the head, write the new symbol, move the "
      "head one cell, enter the next state.\n"
      "4. The machine halts when the next state is not one of its states (that transition "
      "still writes, moves and counts as a step; show that state letter), or on an undefined "
      "transition '---' (it counts as a step, nothing is written or moved; show the state as "
      "-). Mark the halting step with <halt>.\n\n"
      "## Output format:\nFor every step give State, Head (the head's cell; cells left of 0 "
      "are negative) and Tape: the symbols of cells " +
      std::to_string(-w) + " to " + std::to_string(w) + " in brackets.\n\n## Example:\n";
  TapeInstance example{*parse_machine("1RB1LB_1LA1RZ"), 6, 2};
  out += "Machine: 1RB1LB_1LA1RZ\nTape cells shown: -2 to 2\nSimulation steps:\n" +
         format_tape_answer(example.machine, simulate(example));
  out += "\n---\n\n## The Only Problem to Solve:\nMachine: " + to_string(inst.machine) +
         "\nTape cells shown: " + std::to_string(-w) + " to " + std::to_string(w) +
         "\nSimulation steps:\n";
  return out;
}

}  // namespace tcs::tm_trace
