// coqc runs in a private directory per check: coqc writes .vo/.glob files next to the source,
// and a shared directory would let two checks (or a candidate's `Load`, were it allowed) see
// each other's files.
#include "provers/coq/checker.hpp"

#include <unistd.h>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

#include "harness/core/env.hpp"
#include "harness/core/hash.hpp"
#include "provers/process/process.hpp"

namespace tcs::coq {

namespace fs = std::filesystem;

namespace {

std::string fresh_nonce() {
  static std::atomic<uint64_t> counter{0};
  std::random_device device;
  uint64_t bits = (static_cast<uint64_t>(device()) << 32) ^ device() ^ (counter++ << 48);
  return core::hex64(bits);
}

core::Verdict rejected(std::string reason, const std::string& message) {
  core::Verdict v = core::Verdict::rejected(reason + ": " + message);
  v.detail = {{"reason", reason}};
  return v;
}

// coqc's `File "./TcsCheck.v", line N, characters a-b:` becomes `proof body line K:` so the
// message points into what the candidate wrote.
std::string explain_error(const std::string& output, int body_line) {
  std::string text = output.substr(0, 4000);
  const std::string key = "File \"./TcsCheck.v\", line ";
  size_t at = text.find(key);
  if (at == std::string::npos) return text;
  size_t num_end = text.find(',', at + key.size());
  int line = std::atoi(text.c_str() + at + key.size());
  std::string where = line >= body_line ? "proof body line " + std::to_string(line - body_line + 1)
                                        : "statement line " + std::to_string(line);
  return text.substr(0, at) + where + text.substr(num_end);
}

core::Verdict from_run(const process::Result& r, const Assembled& a, const GuardRules& rules) {
  using process::Outcome;
  switch (r.outcome) {
    case Outcome::timeout:
      return core::Verdict::make(core::VerdictKind::timeout, r.message);
    case Outcome::out_of_memory:
      return core::Verdict::make(core::VerdictKind::resource_out, r.message);
    case Outcome::crashed:
    case Outcome::spawn_error:
      return core::Verdict::failed(r.message);
    case Outcome::failed:
      return rejected("coq-error", explain_error(r.err + r.out, a.body_line));
    case Outcome::ok:
      break;
  }
  auto axioms = axioms_used(r.out, a.marker);
  if (!axioms) return core::Verdict::failed(axioms.error().message);
  for (const auto& name : *axioms)
    if (std::find(rules.allowed_axioms.begin(), rules.allowed_axioms.end(), name) ==
        rules.allowed_axioms.end())
      return rejected("axioms-used", "the proof depends on the axiom " + name +
                                         ", which this problem does not allow");
  core::Verdict v =
      core::Verdict::verified("coqc accepted the proof; axioms: " + std::to_string(axioms->size()));
  v.detail = {{"axioms", *axioms}};
  return v;
}

}  // namespace

GuardRules rules_for(const core::Problem& problem) {
  GuardRules rules;
  const auto& p = problem.params;
  if (!p.is_object()) return rules;
  if (auto it = p.find("allowed_axioms"); it != p.end() && it->is_array())
    for (const auto& a : *it)
      if (a.is_string()) rules.allowed_axioms.push_back(a.get<std::string>());
  if (auto it = p.find("allow_native"); it != p.end() && it->is_boolean())
    rules.allow_native = it->get<bool>();
  return rules;
}

core::Verdict CoqChecker::check(const core::Problem& problem, const core::Candidate& candidate,
                                const core::Limits& limits) {
  core::Stopwatch watch;
  const core::Statement* statement = problem.statement("coq");
  if (!statement) return core::Verdict::failed(problem.id + ": the problem has no coq statement");
  if (limits.max_answer_bytes > 0 &&
      static_cast<int64_t>(candidate.text.size()) > limits.max_answer_bytes)
    return rejected("too-long", "the candidate has " + std::to_string(candidate.text.size()) +
                                    " bytes, more than the limit of " +
                                    std::to_string(limits.max_answer_bytes));
  const GuardRules rules = rules_for(problem);
  const std::string nonce = fresh_nonce();
  auto guarded = assemble(statement->text, candidate.text, rules, nonce);
  if (!guarded) return core::Verdict::failed(problem.id + ": " + guarded.error().message);
  if (!guarded->ok) return rejected(guarded->rejection.reason, guarded->rejection.message);

  fs::path base = config_.work_dir.empty() ? fs::temp_directory_path() : fs::path(config_.work_dir);
  fs::path dir = base / ("tcs_coq_" + std::to_string(::getpid()) + "_" + nonce);
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::ofstream(dir / "TcsCheck.v") << guarded->assembled.file;
  process::Spec spec;
  spec.argv = {config_.coqc, "-q", "-no-glob", "TcsCheck.v"};
  spec.cwd = dir.string();
  spec.wall_seconds = limits.wall_seconds;
  spec.cpu_seconds =
      limits.wall_seconds > 0 ? static_cast<int64_t>(std::ceil(limits.wall_seconds)) : 0;
  spec.memory_mb = limits.memory_mb;
  core::Verdict v = from_run(process::run(spec), guarded->assembled, rules);
  fs::remove_all(dir, ec);
  v.seconds = watch.seconds();
  v.work = 1;
  return v;
}

bool coq_available(const CoqConfig& config) {
  return !process::find_executable(config.coqc).empty();
}

}  // namespace tcs::coq
