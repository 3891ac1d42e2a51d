// File checks run `lake env lean` on a file outside the project (in a private temp directory):
// Lake sets LEAN_PATH to the project's built dependencies, and nothing is written into the
// user's project.
#include "provers/lean/checker.hpp"

#include <unistd.h>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "harness/core/env.hpp"
#include "harness/core/hash.hpp"
#include "provers/lean/judge.hpp"

namespace tcs::lean {

namespace fs = std::filesystem;

namespace {

core::Verdict unchecked(const process::Result& r) {
  if (r.outcome == process::Outcome::timeout)
    return core::Verdict::make(core::VerdictKind::timeout, r.message);
  if (r.outcome == process::Outcome::out_of_memory)
    return core::Verdict::make(core::VerdictKind::resource_out, r.message);
  return core::Verdict::failed(r.message + ": " + r.err.substr(0, 2000));
}

int count_lines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

GuardRules rules_for(const core::Problem& problem) {
  GuardRules rules;
  const auto& p = problem.params;
  if (!p.is_object()) return rules;
  if (auto it = p.find("allowed_axioms"); it != p.end() && it->is_array()) {
    rules.allowed_axioms.clear();
    for (const auto& a : *it)
      if (a.is_string()) rules.allowed_axioms.push_back(a.get<std::string>());
  }
  if (auto it = p.find("allow_native"); it != p.end() && it->is_boolean())
    rules.allow_native = it->get<bool>();
  return rules;
}

Response messages_from_json_lines(const std::string& output) {
  Response r;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) {
    auto parsed = parse_response("{\"messages\": [" + line + "]}");
    if (parsed && !parsed->messages.empty()) r.messages.push_back(parsed->messages[0]);
  }
  return r;
}

process::Spec repl_spec(const LeanConfig& config, int64_t memory_mb) {
  process::Spec spec;
  spec.argv = config.repl;
  spec.cwd = config.project;
  spec.memory_mb = memory_mb;
  return spec;
}

std::shared_ptr<ReplPool> make_pool(const LeanConfig& config, int64_t memory_mb) {
  PoolOptions o;
  o.repl = repl_spec(config, memory_mb);
  o.size = config.pool_size;
  o.max_uses = config.max_uses;
  o.max_rss_mb = config.max_rss_mb;
  return std::make_shared<ReplPool>(o);
}

LeanChecker::LeanChecker(LeanConfig config, std::shared_ptr<ReplPool> pool)
    : config_(std::move(config)), pool_(std::move(pool)) {}

core::Verdict LeanChecker::check(const core::Problem& problem, const core::Candidate& candidate,
                                 const core::Limits& limits) {
  core::Stopwatch watch;
  const core::Statement* statement = problem.statement("lean");
  if (!statement) return core::Verdict::failed(problem.id + ": the problem has no lean statement");
  if (limits.max_answer_bytes > 0 &&
      static_cast<int64_t>(candidate.text.size()) > limits.max_answer_bytes)
    return lean_rejection("too-long", "the candidate has " + std::to_string(candidate.text.size()) +
                                          " bytes, more than the limit of " +
                                          std::to_string(limits.max_answer_bytes));
  const GuardRules rules = rules_for(problem);
  auto guarded = assemble(statement->text, candidate.text, rules);
  if (!guarded) return core::Verdict::failed(problem.id + ": " + guarded.error().message);
  if (!guarded->ok) return lean_rejection(guarded->rejection.reason, guarded->rejection.message);
  core::Verdict v;
  switch (config_.mode) {
    case Mode::file:
      v = check_file(guarded->assembled, rules, limits);
      break;
    case Mode::repl:
      v = check_repl(guarded->assembled, rules, limits);
      break;
    case Mode::server:
      v = check_server(guarded->assembled, rules, limits);
      break;
  }
  v.seconds = watch.seconds();
  v.work = 1;
  return v;
}

core::Verdict LeanChecker::check_file(const Assembled& a, const GuardRules& rules,
                                      const core::Limits& limits) {
  static std::atomic<uint64_t> counter{0};
  fs::path dir = fs::temp_directory_path() /
                 ("tcs_lean_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::ofstream(dir / "Check.lean") << a.file();
  process::Spec spec;
  spec.argv = {config_.lake, "env", "lean", "--json", (dir / "Check.lean").string()};
  spec.cwd = config_.project;
  spec.wall_seconds = limits.wall_seconds;
  spec.memory_mb = limits.memory_mb;
  process::Result r = process::run(spec);
  fs::remove_all(dir, ec);
  // Lean exits 1 when the file has errors: that is still an answer.
  if (r.outcome != process::Outcome::ok && r.outcome != process::Outcome::failed)
    return unchecked(r);
  Response response = messages_from_json_lines(r.out);
  if (r.outcome == process::Outcome::failed && !response.has_error())
    return core::Verdict::failed("lean failed without a message: " + r.err.substr(0, 2000));
  return judge(response, a, 0, rules);
}

core::Verdict LeanChecker::check_repl(const Assembled& a, const GuardRules& rules,
                                      const core::Limits& limits) {
  if (!pool_) return core::Verdict::failed("lean: no REPL pool configured");
  auto reply = pool_->run(a.header, a.body, limits.wall_seconds);
  switch (reply.status) {
    case ReplClient::Status::ok:
      break;
    case ReplClient::Status::timeout:
      return core::Verdict::make(core::VerdictKind::timeout, "lean REPL: " + reply.problem);
    default:
      return core::Verdict::failed("lean REPL: " + reply.problem);
  }
  return judge(reply.response, a, count_lines(a.header), rules);
}

core::Verdict LeanChecker::check_server(const Assembled& a, const GuardRules& rules,
                                        const core::Limits& limits) {
  KiminaClient client({config_.server, config_.server_key});
  auto results = client.check({{"tcs", a.file()}}, limits.wall_seconds);
  if (!results) return core::Verdict::failed(results.error().message);
  const RemoteResult& r = results->front();
  switch (r.status) {
    case RemoteResult::Status::ok:
      return judge(r.response, a, 0, rules);
    case RemoteResult::Status::timeout:
      return core::Verdict::make(core::VerdictKind::timeout, r.problem);
    case RemoteResult::Status::busy:
    case RemoteResult::Status::failed:
      return core::Verdict::failed("lean server: " + r.problem);
  }
  return core::Verdict::failed("lean server: no result");
}

}  // namespace tcs::lean
