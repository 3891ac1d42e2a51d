#include "provers/lean/judge.hpp"

#include <algorithm>

namespace tcs::lean {

core::Verdict lean_rejection(std::string reason, const std::string& message) {
  core::Verdict v = core::Verdict::rejected(reason + ": " + message);
  v.detail = {{"reason", reason}};
  return v;
}

namespace {

std::string where(int file_line, const Assembled& a) {
  return file_line >= a.body_line ? "proof body line " + std::to_string(file_line - a.body_line + 1)
                                  : "statement line " + std::to_string(file_line);
}

}  // namespace

core::Verdict judge(const Response& r, const Assembled& a, int line_offset,
                    const GuardRules& rules) {
  if (r.failure) return core::Verdict::failed("Lean: " + *r.failure);
  for (const auto& m : r.messages)
    if (m.severity == "error")
      return lean_rejection("lean-error", where(m.line + line_offset, a) + ": " + m.data);
  if (!r.sorries.empty())
    return lean_rejection(
        "sorry", "the proof still contains `sorry` (goal: " + r.sorries.front().goal + ")");
  const Message* answer = nullptr;
  for (const auto& m : r.messages)
    if (m.severity == "info" && m.line + line_offset == a.axioms_line) answer = &m;
  if (!answer)
    return core::Verdict::failed("Lean gave no answer to `#print axioms " + a.theorem + "`");
  auto axioms = parse_axioms(answer->data);
  if (!axioms) return core::Verdict::failed(axioms.error().message);
  for (const auto& name : *axioms) {
    if (name == "sorryAx") return lean_rejection("sorry", "the proof depends on sorryAx");
    if (std::find(rules.allowed_axioms.begin(), rules.allowed_axioms.end(), name) ==
        rules.allowed_axioms.end())
      return lean_rejection("axioms-used", "the proof depends on the axiom " + name +
                                               ", which this problem does not allow");
  }
  core::Verdict v = core::Verdict::verified("Lean accepted the proof");
  v.detail = {{"axioms", *axioms}};
  return v;
}

}  // namespace tcs::lean
