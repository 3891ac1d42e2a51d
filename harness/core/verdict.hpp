// Verdict: what a back-end said about a candidate. Always data, never an exception.
// "Unknown" outcomes (timeout, resource_out, error) are never folded into rejected or verified.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace tcs::core {

enum class VerdictKind {
  verified,      // the back-end accepted the candidate as a complete, correct answer or proof
  rejected,      // the back-end showed it wrong (with a message saying where)
  timeout,       // the check ran out of wall-clock or CPU time: nothing is known
  resource_out,  // memory or solver resource limit: nothing is known
  error,         // the check itself could not run (missing back-end, crash, bad problem)
};

std::string_view to_string(VerdictKind kind);
std::optional<VerdictKind> verdict_kind_from_string(std::string_view text);
// True for the kinds that say nothing about the candidate (the check did not finish).
inline bool is_unchecked(VerdictKind kind) {
  return kind == VerdictKind::timeout || kind == VerdictKind::resource_out ||
         kind == VerdictKind::error;
}

struct Verdict {
  VerdictKind kind = VerdictKind::error;
  std::string message;      // the back-end's words: where and why it failed
  double seconds = 0.0;     // wall time of the check
  int64_t work = 0;         // deterministic cost: steps checked, solver rlimit, ...
  nlohmann::json detail;    // family-specific facts for metrics (e.g. per-step correctness)

  static Verdict make(VerdictKind kind, std::string message) {
    Verdict v;
    v.kind = kind;
    v.message = std::move(message);
    return v;
  }
  static Verdict verified(std::string message = {}) { return make(VerdictKind::verified, std::move(message)); }
  static Verdict rejected(std::string message) { return make(VerdictKind::rejected, std::move(message)); }
  static Verdict failed(std::string message) { return make(VerdictKind::error, std::move(message)); }
  bool ok() const { return kind == VerdictKind::verified; }
};

}  // namespace tcs::core
