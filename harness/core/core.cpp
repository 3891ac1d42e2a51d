// Small definitions of the core data model: names of enums, hex, budgets, stats, log.
#include <iostream>

#include "harness/core/candidate.hpp"
#include "harness/core/env.hpp"
#include "harness/core/hash.hpp"
#include "harness/core/limits.hpp"
#include "harness/core/verdict.hpp"

namespace tcs::core {

std::string hex64(uint64_t value) {
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[i] = digits[value & 15];
  return out;
}

std::string_view to_string(CandidateMode mode) {
  switch (mode) {
    case CandidateMode::whole: return "whole";
    case CandidateMode::step: return "step";
    case CandidateMode::answer: return "answer";
  }
  return "answer";
}

static constexpr std::pair<VerdictKind, std::string_view> kVerdictNames[] = {
    {VerdictKind::verified, "verified"},   {VerdictKind::rejected, "rejected"},
    {VerdictKind::timeout, "timeout"},     {VerdictKind::resource_out, "resource_out"},
    {VerdictKind::error, "error"},
};

std::string_view to_string(VerdictKind kind) {
  for (auto [k, name] : kVerdictNames)
    if (k == kind) return name;
  return "error";
}

std::optional<VerdictKind> verdict_kind_from_string(std::string_view text) {
  for (auto [k, name] : kVerdictNames)
    if (name == text) return k;
  return std::nullopt;
}

std::string Budget::to_string() const {
  if (passes == 1 && width == 1 && expansions == 1) return "k=" + std::to_string(samples);
  return std::to_string(passes) + "x" + std::to_string(width) + "x" + std::to_string(expansions);
}

void Stats::add(const std::string& name, int64_t amount) {
  std::lock_guard lock(mutex_);
  counters_[name] += amount;
}

int64_t Stats::get(const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto it = counters_.find(name);
  return it == counters_.end() ? 0 : it->second;
}

std::map<std::string, int64_t> Stats::snapshot() const {
  std::lock_guard lock(mutex_);
  return counters_;
}

void Log::write(LogLevel level, const std::string& message) const {
  if (!enabled(level)) return;
  static const char* names[] = {"debug", "info", "warning", "error", ""};
  std::lock_guard lock(mutex_);
  std::cerr << "tcsprove: " << names[static_cast<int>(level)] << ": " << message << '\n';
}

}  // namespace tcs::core
