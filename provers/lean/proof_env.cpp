#include "provers/lean/proof_env.hpp"

#include "harness/core/env.hpp"
#include "provers/lean/checker.hpp"
#include "provers/lean/judge.hpp"

namespace tcs::lean {

namespace {

std::string join(const std::vector<std::string>& goals) {
  std::string out;
  for (const auto& g : goals) out += (out.empty() ? "" : "\n\n") + g;
  return out;
}

core::StepResult failed(core::Verdict v) {
  core::StepResult r;
  r.verdict = std::move(v);
  return r;
}

}  // namespace

// Starts a REPL, loads the header, elaborates the statement; the root proof state.
core::Expected<int> LeanProofEnv::start_and_open() {
  if (repl_) repl_->stop();
  auto started = ReplClient::start(spec_);
  if (!started) return started.error();
  repl_ = std::move(*started);
  ++starts_;
  ++generation_;
  std::optional<int> env;
  if (!statement_.header.empty()) {
    auto h = repl_->command(statement_.header, std::nullopt, open_seconds_);
    if (h.status != ReplClient::Status::ok || h.response.has_error() || !h.response.env)
      return core::Error{core::ErrorCode::bad_input,
                         "lean header: " + h.problem + h.response.first_error()};
    env = h.response.env;
  }
  auto s = repl_->command(statement_.rest, env, open_seconds_);
  if (s.status != ReplClient::Status::ok)
    return core::Error{core::ErrorCode::io, "lean REPL: " + s.problem};
  if (s.response.has_error())
    return core::Error{core::ErrorCode::bad_input, "lean statement: " + s.response.first_error()};
  if (s.response.sorries.size() != 1)
    return core::Error{core::ErrorCode::bad_input,
                       "lean statement: expected exactly one `sorry`, found " +
                           std::to_string(s.response.sorries.size())};
  root_goal_ = s.response.sorries[0].goal;
  return s.response.sorries[0].proof_state;
}

core::Goal LeanProofEnv::remember(const std::vector<std::string>& goals, int proof_state,
                                  std::vector<std::string> path) {
  core::Goal goal{join(goals), join(goals)};
  auto [it, fresh] = nodes_.try_emplace(goal.key);
  if (fresh || it->second.path.size() > path.size()) it->second.path = std::move(path);
  it->second.proof_state = proof_state;
  it->second.generation = generation_;
  return goal;
}

core::Expected<core::Goal> LeanProofEnv::open(const core::Problem& problem) {
  const core::Statement* statement = problem.statement("lean");
  if (!statement)
    return core::Error{core::ErrorCode::unsupported,
                       problem.id + ": the problem has no lean statement"};
  auto split = split_statement(statement->text);
  if (!split) return split.error().with_context(problem.id);
  statement_ = std::move(*split);
  rules_ = rules_for(problem);
  nodes_.clear();
  auto root = start_and_open();
  if (!root) return root.error().with_context(problem.id);
  root_state_ = *root;
  return remember({root_goal_}, root_state_, {});
}

core::Expected<int> LeanProofEnv::reach(Node& node, double seconds) {
  if (node.generation == generation_) return node.proof_state;
  int state = root_state_;
  for (const auto& tactic : node.path) {
    auto r = repl_->tactic(tactic, state, seconds);
    if (r.status != ReplClient::Status::ok || r.response.has_error() || !r.response.proof_state)
      return core::Error{core::ErrorCode::io, "replaying `" + tactic + "` failed: " + r.problem};
    state = *r.response.proof_state;
  }
  node.proof_state = state;
  node.generation = generation_;
  return state;
}

core::StepResult LeanProofEnv::apply(const core::Goal& goal, const std::string& tactic,
                                     const core::Limits& limits) {
  core::Stopwatch watch;
  auto it = nodes_.find(goal.key);
  if (it == nodes_.end())
    return failed(core::Verdict::failed("lean: a goal this env did not return since open()"));
  if (auto cheat = screen_body(tactic, rules_))
    return failed(lean_rejection(cheat->reason, cheat->message));
  if (!repl_) {
    auto root = start_and_open();
    if (!root) return failed(core::Verdict::failed(root.error().message));
    root_state_ = *root;
  }
  auto state = reach(it->second, open_seconds_);
  if (!state) return failed(core::Verdict::failed(state.error().message));
  auto reply = repl_->tactic(tactic, *state, limits.wall_seconds);
  if (reply.status != ReplClient::Status::ok) {
    repl_->stop();
    repl_.reset();
    auto kind = reply.status == ReplClient::Status::timeout ? core::VerdictKind::timeout
                                                            : core::VerdictKind::error;
    return failed(core::Verdict::make(kind, "lean REPL: " + reply.problem));
  }
  const Response& r = reply.response;
  core::StepResult out;
  if (r.has_error()) {
    out.verdict = lean_rejection("lean-error", r.first_error());
  } else if (!r.sorries.empty()) {
    out.verdict = lean_rejection("sorry", "the tactic left a `sorry`");
  } else if (r.completed()) {
    out.verdict = core::Verdict::verified();
  } else if (r.goals.empty() || !r.proof_state) {
    out.verdict = lean_rejection(
        "incomplete", "no goals, but the REPL says: " + r.proof_status.value_or("nothing"));
  } else {
    out.verdict = core::Verdict::verified();
    auto path = it->second.path;
    path.push_back(tactic);
    out.subgoals.push_back(remember(r.goals, *r.proof_state, std::move(path)));
  }
  out.verdict.seconds = watch.seconds();
  return out;
}

}  // namespace tcs::lean
