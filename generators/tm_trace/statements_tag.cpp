// Statements of tag-system trace problems (see statements.hpp).
#include "generators/tm_trace/statements.hpp"

namespace tcs::tm_trace {

namespace {

enum class Prover { lean, coq };

bool ascii_alnum(const std::string& s) {
  return s.size() == 1 && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') ||
                           (s[0] >= '0' && s[0] <= '9'));
}

std::string constructor(const TagSystem& sys, size_t symbol, Prover prover) {
  const std::string& s = sys.alphabet[symbol];
  // Built by appending: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
  std::string name(1, ascii_alnum(s) ? 's' : 'x');
  if (!ascii_alnum(s)) return name += std::to_string(symbol);
  const bool letter = !(s[0] >= '0' && s[0] <= '9');
  return prover == Prover::lean && letter ? s : name += s;
}

// [A, B] in Lean, [sA; sB] in Coq.
std::string list(const TagSystem& sys, const Word& w, Prover prover) {
  std::string out = "[";
  for (size_t i = 0; i < w.size(); ++i) {
    if (i > 0) out += prover == Prover::lean ? ", " : "; ";
    out += constructor(sys, w[i], prover);
  }
  return out + "]";
}

std::string states_list(const TagSystem& sys, const TagTrace& trace, Prover prover) {
  std::string out = "[";
  for (size_t i = 0; i < trace.states.size(); ++i) {
    if (i > 0) out += prover == Prover::lean ? ",\n       " : ";\n     ";
    out += list(sys, trace.states[i], prover);
  }
  return out + "]";
}

std::string header_comment(const TagInstance& inst, const char* open, const char* close) {
  return std::string(open) + " " + problem_id(inst) + ": a " + std::to_string(inst.system.m) +
         "-tag system traced for " + std::to_string(inst.steps) +
         " steps (TMBench conventions).\n   One step: if the queue is shorter than m, halt; "
         "otherwise append the head symbol's\n   word to the tail and delete the first m "
         "symbols. The trace stops after a halting state. " +
         close + "\n\n";
}

}  // namespace

std::string tag_lean(const TagInstance& inst, const TagTrace& trace) {
  const TagSystem& sys = inst.system;
  std::string out = header_comment(inst, "/-", "-/");
  out += "inductive Sym where\n ";
  for (size_t s = 0; s < sys.alphabet.size(); ++s) out += " | " + constructor(sys, s, Prover::lean);
  out += "\n  deriving DecidableEq, Repr\n\nopen Sym\n\n";
  out += "def tagM : Nat := " + std::to_string(sys.m) + "\n\ndef tagRule : Sym → List Sym\n";
  for (size_t s = 0; s < sys.alphabet.size(); ++s)
    out += "  | " + constructor(sys, s, Prover::lean) + " => " +
           list(sys, sys.rules[s], Prover::lean) + "\n";
  out +=
      // Multi-letter variable names: a one-letter symbol such as `h` is an opened constructor.
      "\ndef tagStep (queue : List Sym) : Option (List Sym) :=\n"
      "  match queue with\n"
      "  | [] => none\n"
      "  | headSym :: _ =>\n"
      "    if queue.length < tagM then none else some ((queue ++ tagRule headSym).drop tagM)\n\n"
      "def tagTrace : Nat → List Sym → List (List Sym)\n"
      "  | 0, queue => [queue]\n"
      "  | fuel + 1, queue =>\n"
      "    match tagStep queue with\n"
      "    | none => [queue]\n"
      "    | some nextQueue => queue :: tagTrace fuel nextQueue\n\n";
  out += "def initQueue : List Sym := " + list(sys, inst.init, Prover::lean) + "\n\n";
  out += "theorem tag_trace_" + std::to_string(inst.steps) + " :\n    tagTrace " +
         std::to_string(inst.steps) + " initQueue =\n      " +
         states_list(sys, trace, Prover::lean) + " := by\n  sorry\n";
  return out;
}

std::string tag_coq(const TagInstance& inst, const TagTrace& trace) {
  const TagSystem& sys = inst.system;
  std::string out = header_comment(inst, "(*", "*)");
  out += "Require Import Coq.Lists.List.\nImport ListNotations.\n\nInductive sym : Set :=";
  for (size_t s = 0; s < sys.alphabet.size(); ++s)
    out += (s ? " | " : " ") + constructor(sys, s, Prover::coq);
  out += ".\n\nDefinition tag_m : nat := " + std::to_string(sys.m) +
         ".\n\nDefinition tag_rule (s : sym) : list sym :=\n  match s with\n";
  for (size_t s = 0; s < sys.alphabet.size(); ++s)
    out += "  | " + constructor(sys, s, Prover::coq) + " => " +
           list(sys, sys.rules[s], Prover::coq) + "\n";
  out +=
      "  end.\n\n"
      "Definition tag_step (q : list sym) : option (list sym) :=\n"
      "  match q with\n"
      "  | [] => None\n"
      "  | h :: _ => if Nat.ltb (length q) tag_m then None else Some (skipn tag_m (q ++ tag_rule h))\n"
      "  end.\n\n"
      "Fixpoint tag_trace (n : nat) (q : list sym) : list (list sym) :=\n"
      "  match n with\n"
      "  | O => [q]\n"
      "  | S n' => match tag_step q with\n"
      "            | None => [q]\n"
      "            | Some q' => q :: tag_trace n' q'\n"
      "            end\n"
      "  end.\n\n";
  out += "Definition init_queue : list sym := " + list(sys, inst.init, Prover::coq) + ".\n\n";
  out += "Theorem tag_trace_" + std::to_string(inst.steps) + " :\n  tag_trace " +
         std::to_string(inst.steps) + " init_queue =\n    " + states_list(sys, trace, Prover::coq) +
         ".\nProof.\nAdmitted.\n";
  return out;
}

std::string tag_informal(const TagInstance& inst, const TagTrace& trace) {
  const TagSystem& sys = inst.system;
  const std::string m = std::to_string(sys.m);
  std::string out = "# Tag-system trace `" + problem_id(inst) + "`\n\n";
  out += "A **" + m + "-tag system** over the alphabet {" + [&] {
    std::string a;
    for (size_t s = 0; s < sys.alphabet.size(); ++s) a += (s ? ", " : "") + sys.alphabet[s];
    return a;
  }() + "} with the rules\n\n| head symbol | appended word |\n|---|---|\n";
  for (size_t s = 0; s < sys.alphabet.size(); ++s)
    out += "| " + sys.alphabet[s] + " | " + spell(sys, sys.rules[s], " ") + " |\n";
  out += "\nstarts from the queue [" + spell(sys, inst.init, " ") + "]. One step: if the queue " +
         "has fewer than " + m + " symbols the system halts; otherwise read the head symbol, " +
         "append its word to the tail and delete the first " + m + " symbols.\n\n";
  out += "**Claim.** Within " + std::to_string(inst.steps) +
         " steps the queue goes through these states (step 0 is the initial queue):\n\n"
         "| step | queue |\n|---|---|\n";
  for (size_t i = 0; i < trace.states.size(); ++i)
    out += "| " + std::to_string(i) + " | " + spell(sys, trace.states[i], " ") + " |\n";
  if (trace.halts)
    out += "\nThe system halts after step " + std::to_string(trace.states.size() - 1) +
           ": its queue is shorter than " + m + ".\n";
  return out;
}

std::string tag_native(const TagInstance& inst) { return canonical_key(inst); }

std::string tag_prompt(const TagInstance& inst) {
  const TagSystem& sys = inst.system;
  // TMBench's prompt (including its worked m = 2 example), with this instance filled in.
  std::string out =
      "Simulate a m-tag system. Your task is to simulate each transition step-by-step and "
      "provide the queue's state at each step. Follow the rules and examples closely, and stop "
      "upon reaching the halt condition or " +
      std::to_string(inst.steps) +
      " steps. Do not generate additional examples or new problems. No code.\n\n"
      "## Rules for Simulation:\n"
      "1. In each transition, the machine performs the following steps:\n"
      "   - If the queue length is less than m, halt\n"
      "   - Read the head symbol of queue\n"
      "   - Append symbols to the tail based on the head symbol and the corresponding "
      "transition rule\n"
      "   - Delete m symbols from the head of the queue\n\n"
      "2. The machine halt if:\n"
      "   - The queue's length is less than m.\n\n"
      "## Example:\nm: 2\nAlphabet: {A, B, C}\nInit: [B C A]\nTransition rules:\n"
      "A : C A C\nB : A\nC : B\nSimulation steps:\n"
      "### step 0:\n   - Action: Init\n   - Queue State: [B C A]\n\n"
      "### step 1:\n   - Head Symbol: B\n   - Action: Append A to the end of the queue. "
      "Remove B C from the head.\n   - Queue State: [A A]\n\n"
      "### step 2:\n   - Head Symbol: A\n   - Action: Append C A C to the end of the queue. "
      "Remove A A from the head.\n   - Queue State: [C A C]\n\n"
      "### step 3:\n   - Head Symbol: C\n   - Action: Append B to the end of the queue. "
      "Remove C A from the head.\n   - Queue State: [C B]\n\n"
      "### step 4:\n   - Head Symbol: C\n   - Action: Append B to the end of the queue. "
      "Remove C B from the head.\n   - Queue State: [B] <halt>\n\n---\n\n"
      "## The Only Problem to Solve:\n";
  out += "m: " + std::to_string(sys.m) + "\nAlphabet: {";
  for (size_t s = 0; s < sys.alphabet.size(); ++s) out += (s ? ", " : "") + sys.alphabet[s];
  out += "}\nInit: [" + spell(sys, inst.init, " ") + "]\nTransition Rules:\n";
  for (size_t s = 0; s < sys.alphabet.size(); ++s)
    out += sys.alphabet[s] + " : " + spell(sys, sys.rules[s], " ") + "\n";
  return out + "Simulation steps:\n";
}

}  // namespace tcs::tm_trace
