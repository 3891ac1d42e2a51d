// FakeServer: a loopback model server speaking the OpenAI (chat and completions) and Anthropic
// Messages wire formats, with injectable faults, for tests, benchmarks and dry runs of a suite
// (`tcsprove serve-fake`). It is a real HTTP server (cpp-httplib, one thread per connection), so
// the client under test runs its real code path.
//
// Replies are deterministic: the text of choice i is `reply` when set, else derived from a hash
// of the request body and i; token logprobs likewise. Faults are drawn per request.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "harness/core/expected.hpp"

namespace tcs::endpoints {

struct FakeServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;                 // 0: any free port
  double latency_s = 0;         // before every answer
  // Fault probabilities per request (their sum must be <= 1).
  double p_429 = 0;             // 429 with Retry-After (or retry-after-ms)
  double p_500 = 0;
  double p_529 = 0;             // Anthropic's "overloaded"
  double p_reset = 0;           // the connection closes without an answer
  double p_truncated = 0;       // half a body, then the connection closes
  double p_malformed = 0;       // 200 with a body that is not JSON
  double p_html = 0;            // 200 with text/html (a proxy's error page)
  double retry_after_s = 0.05;
  bool retry_after_ms = false;  // send retry-after-ms instead of Retry-After
  bool spend_limit = false;     // 429s say the spend limit is reached
  double stream_chunk_delay_s = 0;  // slow streams: the pause between events
  std::string reply;            // fixed reply text; empty = derived from the request
  std::string require_key;      // non-empty: requests without this key get 401
  int64_t reply_bytes = 0;      // pad replies to this many bytes (oversized-body tests)
  size_t threads = 320;         // connection threads (>= connections in flight)
  uint64_t seed = 1;
};

class FakeServer {
 public:
  explicit FakeServer(FakeServerOptions options);
  ~FakeServer();  // stops
  FakeServer(const FakeServer&) = delete;
  FakeServer& operator=(const FakeServer&) = delete;

  // Binds and starts serving on a background thread.
  core::Status start();
  void stop();
  int port() const { return port_; }
  std::string base_url() const;  // "http://127.0.0.1:PORT/v1"

  int64_t requests() const { return requests_; }
  std::map<std::string, int64_t> faults() const;  // injected faults by kind
  int64_t unauthorized() const;                   // requests refused for a wrong key

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  FakeServerOptions options_;
  int port_ = 0;
  std::atomic<int64_t> requests_{0};
  std::thread thread_;
};

}  // namespace tcs::endpoints
