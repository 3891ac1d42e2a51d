// Turns what Lean said about an assembled file into a verdict, the same way for every route
// (REPL, `lake env lean`, a remote server): errors reject, `sorry` rejects, and the
// `#print axioms` answer — the info message at that command's line — must list only allowed
// axioms. Verdict.detail["reason"]: "lean-error", "sorry", "axioms-used".
#pragma once

#include "harness/core/verdict.hpp"
#include "provers/lean/guard.hpp"
#include "provers/lean/repl.hpp"

namespace tcs::lean {

// `line_offset`: lines of the assembled file before the text Lean numbered from 1 (the header,
// when the REPL checked the body in the header's environment).
core::Verdict judge(const Response& response, const Assembled& assembled, int line_offset,
                    const GuardRules& rules);

core::Verdict lean_rejection(std::string reason, const std::string& message);

}  // namespace tcs::lean
