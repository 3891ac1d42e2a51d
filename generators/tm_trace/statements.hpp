// Statements of trace problems: a self-contained Lean 4 file (`:= by sorry`), a Coq file
// (`Proof. Admitted.`), informal Markdown, a one-line native statement, and the prompt.
//
// Both formal files define the system, a `trace` function returning the list of states for at
// most k steps (stopping after a halting state), and one theorem: `trace k start = [...]`.
// The theorem is closed computation, so in Coq replacing `Admitted.` with
// `vm_compute. reflexivity. Qed.` proves it (tests do exactly that with coqc), and in Lean
// `by decide` or `by rfl` would. A wrong right-hand side makes that proof fail.
//
// Coq constructors are prefixed (`sA` for tag symbol A, `qA` for machine state A) because
// Coq constructors are global and single letters collide with library names (`Z`). Lean's are
// namespaced, so they keep the plain letter when the symbol is an ASCII letter. Symbols that
// are not ASCII letters or digits become `x0`, `x1`, ... by alphabet index in both.
#pragma once

#include <string>

#include "generators/tm_trace/tag_system.hpp"
#include "generators/tm_trace/tape_machine.hpp"

namespace tcs::tm_trace {

std::string tag_lean(const TagInstance& instance, const TagTrace& trace);
std::string tag_coq(const TagInstance& instance, const TagTrace& trace);
std::string tag_informal(const TagInstance& instance, const TagTrace& trace);
std::string tag_native(const TagInstance& instance);

std::string tape_lean(const TapeInstance& instance, const TapeTrace& trace);
std::string tape_coq(const TapeInstance& instance, const TapeTrace& trace);
std::string tape_informal(const TapeInstance& instance, const TapeTrace& trace);
std::string tape_native(const TapeInstance& instance);

// The whole-answer prompt. Tag prompts follow TMBench's prompt (same rules, same worked
// example, same output format) so that scores are comparable with the paper's; tape prompts
// follow the same structure for tape machines.
std::string tag_prompt(const TagInstance& instance);
std::string tape_prompt(const TapeInstance& instance);

}  // namespace tcs::tm_trace
