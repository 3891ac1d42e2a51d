// The soundness guard for Coq: the file coqc checks is assembled here from the problem's
// statement and the candidate's proof body, never taken from the candidate as a whole.
//
// A candidate is either a proof body (the tactics between `Proof.` and `Qed.`, with or without
// those two sentences) or a whole file; a whole file must restate everything before the
// theorem's `Proof.` exactly as the problem does (comments and runs of whitespace aside), and
// only its body is used. The body is rejected, before Coq sees it, when it contains what can
// end or fake a proof (`admit`, `Admitted`, `Abort`, `Qed` in the middle), a new assumption
// (`Axiom`, `Parameter`, `Hypothesis`, `Variable`, `Conjecture`, `Context`), a definition,
// notation, module, option (`Set`/`Unset`, e.g. `Unset Guard Checking`), attribute (`#[...]`,
// e.g. bypass_check), file/environment commands (`Require`, `Load`, `Reset`, `Redirect`, `Cd`,
// `Declare ML Module`), an unterminated comment or string, or `native_compute` when the problem
// does not allow it. After the proof the assembled file asks Coq `Print Assumptions`, behind a
// marker the candidate cannot know, and axioms_used() reads the answer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/expected.hpp"

namespace tcs::coq {

struct GuardRules {
  bool allow_native = false;                // native_compute, native_cast_no_check
  std::vector<std::string> allowed_axioms;  // fully qualified names Print Assumptions may list
};

struct Assembled {
  std::string file;     // what coqc checks
  std::string theorem;  // the statement's theorem name
  std::string marker;   // printed just before Print Assumptions' answer
  int body_line = 1;    // the file line where the candidate's body starts
};

// A rejection: a stable reason key (the corpus's `expect:`) and a message naming where.
struct Rejection {
  std::string reason;
  std::string message;
};

// The statement must end in `Proof.` `Admitted.`; a statement that does not is an Error (a bad
// problem), a cheating or malformed candidate is a Rejection.
struct GuardResult {
  bool ok = false;
  Assembled assembled;
  Rejection rejection;
};
core::Expected<GuardResult> assemble(std::string_view statement, std::string_view candidate,
                                     const GuardRules& rules, std::string_view nonce);

// Screens a proof body (or one tactic) on its own, as assemble() does after splitting.
// Empty when nothing is banned; an unterminated comment or string is a Rejection too.
std::optional<Rejection> screen_body(std::string_view body, const GuardRules& rules);

// Reads Print Assumptions' answer after the marker: the axioms listed, or an Error when the
// marker or the answer is missing (the output cannot be trusted then).
core::Expected<std::vector<std::string>> axioms_used(std::string_view coq_output,
                                                     std::string_view marker);

}  // namespace tcs::coq
