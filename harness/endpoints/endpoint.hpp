// Endpoint: one configured model server. complete() is asynchronous; the endpoint looks the
// request up in the response cache, waits for a concurrency slot and a rate-limit token, sends
// it through the shared HttpPool, retries what is worth retrying, records every failure with
// its cause, and caches what succeeded.
//
// All scheduling state lives on the pool's I/O thread, so it needs no locks; only the counters
// read by stats() are shared.
#pragma once

#include <deque>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "harness/core/expected.hpp"
#include "harness/core/rng.hpp"
#include "harness/endpoints/cache.hpp"
#include "harness/endpoints/config.hpp"
#include "harness/endpoints/http_pool.hpp"
#include "harness/endpoints/types.hpp"
#include "harness/endpoints/wire.hpp"

namespace tcs::endpoints {

struct EndpointStats {
  int64_t requests = 0;          // complete() calls
  int64_t cache_hits = 0;
  int64_t network_attempts = 0;  // HTTP requests sent, retries included
  int64_t succeeded = 0;
  int64_t failed = 0;            // gave up: not retryable or out of attempts
  std::map<std::string, int64_t> retries_by_cause;
  std::map<std::string, int64_t> failures_by_cause;
  std::vector<std::string> recent_failures;  // the last 100, "cause: message"
};

class Endpoint {
 public:
  using Result = core::Expected<CompletionResponse>;
  using Callback = std::function<void(Result)>;

  // `cache` may be null (no caching); it and `pool` must outlive the endpoint. Destroying the
  // endpoint fails its queued and running requests with `cancelled`.
  // `key` is the API key ("" for none); it goes into one request header and nowhere else.
  Endpoint(EndpointConfig config, HttpPool& pool, ResponseCache* cache, std::string key);
  ~Endpoint();

  // The callback runs exactly once: on the caller's thread for a cache hit, else on the I/O
  // thread. An Error says the endpoint's name, the cause and the attempts; never the key.
  void complete(const CompletionRequest& request, Callback callback);
  std::future<Result> complete(const CompletionRequest& request);

  // Fails every queued and running request with `cancelled`; later requests work normally.
  void cancel_all();
  const EndpointConfig& config() const { return config_; }
  EndpointStats stats() const;

 private:
  struct Job;
  void enqueue(std::shared_ptr<Job> job);
  void pump();
  void launch(std::shared_ptr<Job> job);
  void on_result(std::shared_ptr<Job> job, HttpResult result);
  void give_up(std::shared_ptr<Job> job, const std::string& cause, const std::string& message);
  bool take_token();
  std::string redact(std::string text) const;

  EndpointConfig config_;
  HttpPool& pool_;
  ResponseCache* cache_;
  std::string key_;
  // What every request of this endpoint sends, built once (the header list holds the key).
  std::shared_ptr<const std::string> url_;
  std::shared_ptr<const HttpHeaders> headers_;

  // I/O thread only.
  std::deque<std::shared_ptr<Job>> queue_;
  std::map<uint64_t, std::shared_ptr<Job>> running_;  // by HTTP id
  int64_t in_flight_ = 0;
  double tokens_ = 0;
  double last_refill_ = -1;
  bool pump_scheduled_ = false;
  core::Rng jitter_{0x6a177e5ULL};

  // Cleared on the I/O thread by the destructor; closures and callbacks still queued there
  // check it before touching the endpoint.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
  mutable std::mutex stats_mutex_;
  EndpointStats stats_;
};

}  // namespace tcs::endpoints
