// Statements of Busy Beaver claims: a self-contained Lean 4 file (no Mathlib; the theorem ends
// in `sorry`), a Coq file (`Admitted.`), Markdown with the transition table, and a one-line
// native statement. Both formal files define the machine, configurations (a two-sided list
// tape), one step, and running for n steps, and say the step convention in a comment: the
// halting transition (undefined or into a state outside the machine) counts as a step.
//
// The claims (n and k from the Claim):
//   halts_in        the machine halts after exactly n steps           halts_in n = true
//   ones_on_halt    it halts after n steps with k non-blank cells      ones_at_halt n = Some k
//   no_halt_within  none of its first n steps halts                    no_halt_within n = true
//   never_halts     no step ever halts                                 forall n, no_halt_within n = true
//   bb_lower_bound  S(states, symbols) >= n, witnessed by the machine  exists k, n <= k /\ halts_in k = true
// In Coq the closed claims (halts_in, ones_on_halt, no_halt_within) are proved by computation:
// replacing `Admitted.` with `vm_compute. reflexivity. Qed.` works (tests run coqc on it);
// running uses N.iter, so n may be large without unary numbers.
// SMT-LIB (bit-vectors and a constant array for the blank tape, logic ALL) only for the bounded claims halts_in, no_halt_within and ones_on_halt with
// n <= kMaxSmtSteps: the run is unrolled step by step (one definition per step and field), so
// longer runs would make files of megabytes; never_halts and bb_lower_bound are not bounded
// claims. The script asserts the claim's negation: unsat exactly when the claim holds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "generators/busy_beaver/machine.hpp"

namespace tcs::busy_beaver {

struct Claim {
  std::string kind;  // one of the kinds above
  Machine machine;
  int64_t n = 0;     // steps (halts_in, ones_on_halt), bound (no_halt_within, bb_lower_bound)
  int64_t ones = 0;  // ones_on_halt
};

std::string claim_lean(const Claim& claim);
std::string claim_coq(const Claim& claim);
std::string claim_informal(const Claim& claim);
std::string claim_native(const Claim& claim);
inline constexpr int64_t kMaxSmtSteps = 1000;
// Nullopt when the claim does not fit SMT-LIB (see above).
std::optional<std::string> claim_smt2(const Claim& claim);
// The whole-answer prompt: the informal statement plus the answer format for the kind.
std::string claim_prompt(const Claim& claim);

}  // namespace tcs::busy_beaver
