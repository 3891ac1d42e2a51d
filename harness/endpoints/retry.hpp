// Which failures are worth another attempt, and how long to wait before it.
#pragma once

#include <optional>
#include <string>

#include "harness/endpoints/http_pool.hpp"

namespace tcs::endpoints {

struct Failure {
  std::string cause;         // "http_429", "http_503", "connect", "timeout", "reset",
                             // "oversized", "malformed", "spend_limit", "http_400", ...
  std::string message;       // for the record; never holds the key (callers redact)
  bool retryable = false;
  double retry_after_s = -1; // the server's wish (Retry-After / retry-after-ms), -1 if none
};

// A failure for anything but a 2xx response with a body; nullopt for success.
// Retried: 408, 409, 429 (unless it says a spend limit is reached), >= 500 (529 included) and
// transport errors except an oversized body. Other 4xx are the request's fault: not retried.
std::optional<Failure> classify(const HttpResult& result);

// Seconds to wait from `retry-after-ms` (preferred) or `Retry-After` (seconds or an HTTP date);
// -1 when neither is present or readable.
double retry_after_seconds(const std::string& retry_after, const std::string& retry_after_ms);

// Exponential backoff with full jitter: uniform in [d/2, d] with d = initial * 2^retry capped at
// max_s. `unit` is a uniform number in [0, 1).
double backoff_seconds(int64_t retry, double initial_s, double max_s, double unit);

}  // namespace tcs::endpoints
