// HttpPool: every HTTP request of the process on one I/O thread driving a libcurl multi handle
// (curl_multi_socket_action over epoll).
//
// Why one thread: hundreds of requests in flight cost one event loop instead of hundreds of
// blocked threads, and connections (keep-alive, TLS sessions, HTTP/2 streams) are shared through
// the multi handle's connection cache. Other threads hand work over through a locked inbox and
// ring an eventfd doorbell that is part of the loop's epoll set.
//
// Contract: submit(), cancel() and post() may be called from any thread, including from a
// callback. Every submitted request's callback runs exactly once, on the I/O thread: with the
// response, a transport error, or `cancelled` (cancel() or the pool's destruction). Callbacks
// must be short: they run on the loop that serves every other request.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tcs::endpoints {

// A header list built once and shared by every request that sends it: libcurl reads it in
// place, so requests hold it through a shared_ptr until their transfer ends.
class HttpHeaders {
 public:
  explicit HttpHeaders(const std::vector<std::string>& lines);  // "Name: value" each
  ~HttpHeaders();
  HttpHeaders(const HttpHeaders&) = delete;
  HttpHeaders& operator=(const HttpHeaders&) = delete;
  void* curl_list() const { return list_; }

 private:
  void* list_ = nullptr;  // curl_slist*
};

// URL, headers and body are shared, not copied: a request and its retries send the same bytes.
struct HttpRequest {
  std::shared_ptr<const std::string> url;
  std::shared_ptr<const HttpHeaders> headers;
  std::shared_ptr<const std::string> body;  // POSTed
  double connect_timeout_s = 10;
  double timeout_s = 600;            // whole transfer
  bool streaming = false;            // adds the low-speed (idle) limit below
  double stream_idle_s = 60;
  int64_t max_body_bytes = 16 << 20; // a longer body fails with `oversized`
};

enum class TransportError { none, connect, timeout, reset, oversized, cancelled, other };
std::string_view to_string(TransportError error);

struct HttpResult {
  uint64_t id = 0;          // what submit() returned
  TransportError error = TransportError::none;
  std::string error_text;   // libcurl's description when error != none
  long status = 0;          // HTTP status when a response arrived
  std::string body;
  std::string content_type;
  std::string retry_after;     // raw header values, "" when absent
  std::string retry_after_ms;
  double seconds = 0;          // submit to completion, queueing in curl included
};

struct HttpPoolOptions {
  long max_host_connections = 0;  // per-host cap (0 = none); HTTP/1.1 servers need one
  long max_connections = 1024;    // connection cache size; keep >= requests in flight
  // Event coalescing under load: with at least `coalesce_from` transfers running, the loop
  // waits `coalesce_s` before it polls again after a wake-up that found little (0 = never).
  double coalesce_s = 0.001;
  long coalesce_from = 64;
};

class HttpPool {
 public:
  using Callback = std::function<void(HttpResult)>;
  explicit HttpPool(HttpPoolOptions options = {});
  ~HttpPool();  // cancels what is in flight (callbacks see `cancelled`), then joins
  HttpPool(const HttpPool&) = delete;
  HttpPool& operator=(const HttpPool&) = delete;

  // Starts a request; returns an id for cancel().
  uint64_t submit(HttpRequest request, Callback callback);
  // Ends a request early; its callback sees `cancelled`. Unknown or finished ids are ignored.
  void cancel(uint64_t id);
  // Runs fn on the I/O thread after delay_s (timers for retries and rate limits). Returns false
  // (and drops fn) when the pool is shutting down.
  bool post(std::function<void()> fn, double delay_s = 0);

  struct Counters {
    int64_t submitted = 0, completed = 0, in_flight = 0;
  };
  Counters counters() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tcs::endpoints
