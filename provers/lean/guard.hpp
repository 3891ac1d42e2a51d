// The soundness guard for Lean 4: the file Lean checks is assembled here from the problem's
// statement (a file whose last theorem ends in `:= by sorry`) and the candidate's tactic body.
//
// A candidate is either a tactic body (what follows `by`) or a whole file; a whole file must
// restate everything up to the theorem's `:= by` token for token (comments and white space
// aside), and only what follows is used. The body is indented under the statement's `by`, so
// it cannot leave the tactic block without a command keyword, and every command keyword is
// refused. Rejected before Lean sees it: `sorry`/`sorryAx`/`admit`/`stop`; `axiom`; new
// declarations (`def`, `theorem`, `instance`, ..., "redefinition" when the name is one the
// statement defines); `native_decide`, `bv_decide`, `Lean.ofReduceBool` unless the problem
// allows native evaluation; `set_option debug.*`; attributes such as `@[implemented_by]`,
// `@[extern]`, `@[csimp]`, `attribute [...]`; `unsafe`/`partial`; notation, macro, syntax and
// elaborator definitions; `#`-commands (`#eval` runs code that can change the environment),
// `run_tac`/`run_cmd`/`run_elab` and `Lean.*` metaprogramming; unterminated comments/strings.
// After the proof the file asks `#print axioms NAME`; the answer is read from the message at
// that command's line, which no candidate text can occupy.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/expected.hpp"

namespace tcs::lean {

struct GuardRules {
  bool allow_native = false;  // native_decide, bv_decide, Lean.ofReduceBool
  std::vector<std::string> allowed_axioms = {"propext", "Classical.choice", "Quot.sound"};
};

struct Assembled {
  std::string header;  // the leading `import` lines (the REPL loads them once per process)
  std::string body;    // everything after the header: definitions, theorem, proof, #print
  std::string theorem;
  int axioms_line = 0;  // 1-based line of `#print axioms` in header + body
  int body_line = 0;    // 1-based line where the candidate's tactics start
  std::string file() const { return header + body; }
};

struct Rejection {
  std::string reason;   // a stable key, as in the corpus's `expect:`
  std::string message;  // names the candidate line
};

struct GuardResult {
  bool ok = false;
  Assembled assembled;
  Rejection rejection;
};

// An Error when the statement is not a Lean file ending in `theorem NAME ... := by sorry`.
core::Expected<GuardResult> assemble(std::string_view statement, std::string_view candidate,
                                     const GuardRules& rules);

// Splits a statement ending in `by sorry` into its import header and the rest (with the
// final `sorry`), for opening it in a REPL. An Error when it does not end that way.
struct StatementSplit {
  std::string header, rest;
};
core::Expected<StatementSplit> split_statement(std::string_view statement);

// Screens one tactic (the ProofEnv) or a body on its own.
std::optional<Rejection> screen_body(std::string_view body, const GuardRules& rules);

// Parses `'NAME' depends on axioms: [a, b]` / `'NAME' does not depend on any axioms`.
core::Expected<std::vector<std::string>> parse_axioms(std::string_view message);

}  // namespace tcs::lean
