// Markdown, native statement and prompt of Busy Beaver claims (see statements.hpp).
#include "generators/busy_beaver/statements.hpp"

namespace tcs::busy_beaver {

namespace {

std::string table_markdown(const Machine& m) {
  std::string out = "| state |";
  for (int r = 0; r < m.symbols; ++r) out += " read " + std::to_string(r) + " |";
  out += "\n|---|";
  for (int r = 0; r < m.symbols; ++r) out += "---|";
  out += "\n";
  const std::string text = to_string(m);
  for (int s = 0; s < m.states; ++s) {
    out += "| " + std::string(1, static_cast<char>('A' + s)) + " |";
    for (int r = 0; r < m.symbols; ++r)
      out += " `" + text.substr(static_cast<size_t>(s * (3 * m.symbols + 1) + 3 * r), 3) + "` |";
    out += "\n";
  }
  return out;
}

std::string claim_sentence(const Claim& c) {
  const std::string n = std::to_string(c.n);
  if (c.kind == "halts_in") return "The machine halts after exactly " + n + " steps.";
  if (c.kind == "ones_on_halt")
    return "The machine halts after exactly " + n + " steps, leaving " + std::to_string(c.ones) +
           " non-blank cells on the tape.";
  if (c.kind == "no_halt_within") return "None of the machine's first " + n + " steps halts.";
  if (c.kind == "never_halts") return "The machine never halts.";
  return "S(" + std::to_string(c.machine.states) + ", " + std::to_string(c.machine.symbols) +
         ") ≥ " + n + ": some machine with " + std::to_string(c.machine.states) + " states and " +
         std::to_string(c.machine.symbols) + " symbols halts after at least " + n +
         " steps; this machine is a witness.";
}

std::string answer_format(const Claim& c) {
  const std::string n = std::to_string(c.n);
  if (c.kind == "halts_in")
    return "After how many steps does the machine halt? Answer with one JSON object: "
           "{\"steps\": N}.";
  if (c.kind == "ones_on_halt")
    return "How many non-blank cells are on the tape when the machine halts? Answer with one "
           "JSON object: {\"ones\": K}.";
  if (c.kind == "no_halt_within")
    return "In which state is the machine after " + n + " steps? Answer with one JSON object: "
           "{\"state\": \"A\"} (a state letter).";
  if (c.kind == "never_halts")
    return "Prove that the machine never halts with a certificate, one JSON object: "
           "{\"decider\": \"cycler\", \"start\": S, \"period\": P} (the configuration after S "
           "steps equals the one after S + P steps) or {\"decider\": \"translated_cycler\", "
           "\"start\": S, \"period\": P, \"side\": \"right\"|\"left\"} (after S and S + P steps "
           "the machine is in the same state at the edge of the visited tape on that side, and "
           "the tape from there back to the furthest cell visited in between repeats, shifted).";
  return "Give a machine with at most " + std::to_string(c.machine.states) + " states and " +
         std::to_string(c.machine.symbols) + " symbols that halts after at least " + n +
         " steps, as one JSON object: {\"machine\": \"1RB1LB_1LA1RZ\", \"steps\": N} (N its exact "
         "step count).";
}

}  // namespace

std::string claim_informal(const Claim& c) {
  const Machine& m = c.machine;
  std::string out = "# Busy Beaver: " + c.kind + "\n\nThe Turing machine `" + to_string(m) +
                    "` (bbchallenge format) has " + std::to_string(m.states) + " states and " +
                    std::to_string(m.symbols) + " symbols:\n\n" + table_markdown(m);
  out += "\nIt starts in state A on an all-0 tape. A transition `1RB` writes 1, moves right and "
         "enters B; entering a state the machine does not have (`Z`) halts it, and so does an "
         "undefined transition `---` (which writes nothing and does not move). **The halting "
         "transition counts as a step** (so `1RB1LB_1LA1RZ` halts after 6 steps; under the other "
         "convention, counting only non-halting steps, every count is one less).\n\n";
  return out + "**Claim.** " + claim_sentence(c) + "\n";
}

std::string claim_native(const Claim& c) {
  std::string out = "kind=" + c.kind + ";machine=" + to_string(c.machine) + ";n=" + std::to_string(c.n);
  if (c.kind == "ones_on_halt") out += ";ones=" + std::to_string(c.ones);
  return out;
}

std::string claim_prompt(const Claim& c) {
  std::string out = claim_informal(c);
  // The informal statement ends with the claim; the question must not give the answer away.
  if (c.kind == "halts_in" || c.kind == "ones_on_halt") {
    out = out.substr(0, out.rfind("**Claim.**"));
    out += "The machine halts.\n";
  }
  return out + "\n" + answer_format(c) + "\n";
}

}  // namespace tcs::busy_beaver
