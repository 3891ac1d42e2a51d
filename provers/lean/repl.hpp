// A client for the Lean REPL's JSON protocol (leanprover-community/repl).
//
// Requests are JSON objects terminated by a blank line: {"cmd": TEXT, "env": N} elaborates
// commands (in environment N, or a fresh one), {"tactic": T, "proofState": N} runs a tactic
// on a proof state. Each answer is one JSON object followed by a blank line: `env`,
// `messages` (severity, pos, data), `sorries` (each with a new proofState), and for tactics
// `proofState`, `goals` and `proofStatus`. "Completed" is the only sign that a tactic proof is
// done: a failed tactic can answer "goals": []. Failures of the request itself come back as
// {"message": ...}.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/expected.hpp"
#include "provers/process/session.hpp"

namespace tcs::lean {

struct Message {
  std::string severity;  // "error", "warning", "info"
  int line = 0;          // 1-based, in the command's text
  int column = 0;
  std::string data;
};

struct SorryAt {
  int proof_state = -1;
  std::string goal;
};

struct Response {
  std::optional<int> env;
  std::optional<int> proof_state;
  std::vector<Message> messages;
  std::vector<SorryAt> sorries;
  std::vector<std::string> goals;
  std::optional<std::string> proof_status;
  std::optional<std::string> failure;  // {"message": ...}

  bool has_error() const;
  bool completed() const { return proof_status && *proof_status == "Completed"; }
  // The first error, "line L: ..." (lines shifted by `line_offset`), or empty.
  std::string first_error(int line_offset = 0) const;
};

// Strict about types, tolerant of fields it does not know (the REPL adds some over time).
core::Expected<Response> parse_response(std::string_view json);
std::string command_request(std::string_view cmd, std::optional<int> env);
std::string tactic_request(std::string_view tactic, int proof_state);
// The length of one complete answer (up to and including its blank line), if buffered.
std::optional<size_t> answer_frame(std::string_view buffer);

// One REPL process. Not thread-safe; the pool hands each to one user at a time.
class ReplClient {
 public:
  enum class Status { ok, timeout, died, bad_answer };
  struct Reply {
    Status status = Status::ok;
    Response response;
    std::string problem;  // what went wrong when status != ok
  };

  static core::Expected<std::unique_ptr<ReplClient>> start(const process::Spec& spec);
  Reply command(std::string_view cmd, std::optional<int> env, double seconds);
  Reply tactic(std::string_view tactic, int proof_state, double seconds);
  int uses() const { return uses_; }
  int pid() const { return session_->pid(); }
  bool running() { return session_->running(); }
  process::Result stop() { return session_->stop(); }

 private:
  explicit ReplClient(std::unique_ptr<process::Session> session) : session_(std::move(session)) {}
  Reply exchange(const std::string& request, double seconds);
  std::unique_ptr<process::Session> session_;
  int uses_ = 0;
};

}  // namespace tcs::lean
