// A client for a remote Lean checking server with kimina-lean-server's API, so checking can
// scale beyond one machine: POST /check {"snippets":[{"id","code"}],"timeout":SECONDS} answers
// {"results":[{"id","time","error","response"}]} where `response` is the Lean REPL's answer
// for that snippet. HTTP 429 means the server's REPL pool is busy: the client waits (doubling
// from `backoff_seconds`) and retries up to `max_retries` times before reporting `busy`.
// Thread-safe: each call opens its own connection.
#pragma once

#include <string>
#include <vector>

#include "harness/core/expected.hpp"
#include "provers/lean/repl.hpp"

namespace tcs::lean {

struct KiminaOptions {
  std::string url;      // "http://host:port"
  std::string api_key;  // sent as `Authorization: Bearer KEY` when set; never logged
  int max_retries = 5;
  double backoff_seconds = 0.5;
  double connect_seconds = 5;
};

struct Snippet {
  std::string id, code;
};

struct RemoteResult {
  enum class Status { ok, timeout, failed, busy } status = Status::failed;
  std::string id;
  Response response;    // when ok
  std::string problem;  // otherwise
  double seconds = 0;   // the server's `time`
};

class KiminaClient {
 public:
  explicit KiminaClient(KiminaOptions options) : options_(std::move(options)) {}
  // One result per snippet, in the snippets' order. A transport failure (no server, malformed
  // answer) is an Error; per-snippet failures are results.
  core::Expected<std::vector<RemoteResult>> check(const std::vector<Snippet>& snippets,
                                                  double timeout_seconds);
  int retries() const { return retries_; }

 private:
  KiminaOptions options_;
  int retries_ = 0;
};

}  // namespace tcs::lean
