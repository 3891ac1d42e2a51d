#include "harness/endpoints/retry.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <ctime>

#include <curl/curl.h>

#include "harness/endpoints/wire.hpp"

namespace tcs::endpoints {

namespace {

std::string lower(std::string_view text) {
  std::string out(text.substr(0, 4096));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A 429 that will not go away by waiting: the account's quota or spend limit is used up.
bool says_spend_limit(std::string_view body) {
  const std::string text = lower(body);
  for (const char* marker : {"insufficient_quota", "spend limit", "spending limit", "billing",
                             "credit balance"})
    if (text.find(marker) != std::string::npos) return true;
  return false;
}

bool retryable_status(long status) {
  return status == 408 || status == 409 || status == 429 || status >= 500;
}

}  // namespace

std::optional<Failure> classify(const HttpResult& r) {
  if (r.error != TransportError::none) {
    return Failure{std::string(to_string(r.error)), r.error_text,
                   r.error != TransportError::oversized && r.error != TransportError::cancelled};
  }
  if (r.status >= 200 && r.status < 300) return std::nullopt;
  Failure f;
  f.cause = "http_" + std::to_string(r.status);
  f.message = "HTTP " + std::to_string(r.status) + ": " + error_message(r.body);
  f.retryable = retryable_status(r.status);
  if (r.status == 429 && says_spend_limit(r.body)) {
    f.cause = "spend_limit";
    f.retryable = false;
  }
  if (f.retryable) f.retry_after_s = retry_after_seconds(r.retry_after, r.retry_after_ms);
  return f;
}

double retry_after_seconds(const std::string& retry_after, const std::string& retry_after_ms) {
  auto number = [](const std::string& s, double& out) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && out >= 0 && std::isfinite(out);
  };
  double value = 0;
  if (!retry_after_ms.empty() && number(retry_after_ms, value)) return value / 1000.0;
  if (retry_after.empty()) return -1;
  if (number(retry_after, value)) return value;
  const time_t when = curl_getdate(retry_after.c_str(), nullptr);  // an HTTP date
  if (when < 0) return -1;
  return std::max(0.0, std::difftime(when, std::time(nullptr)));
}

double backoff_seconds(int64_t retry, double initial_s, double max_s, double unit) {
  const double d = std::min(max_s, initial_s * std::pow(2.0, static_cast<double>(std::min<int64_t>(retry, 60))));
  return d * (0.5 + 0.5 * unit);
}

}  // namespace tcs::endpoints
