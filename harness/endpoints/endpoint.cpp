#include "harness/endpoints/endpoint.hpp"

#include <algorithm>
#include <chrono>

#include "harness/endpoints/retry.hpp"

namespace tcs::endpoints {

namespace {

double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

struct Endpoint::Job {
  std::shared_ptr<const std::string> body;  // JSON as sent, shared with every attempt's transfer
  std::string identity;  // what the cache is keyed on: the body (+ the seed when not in it)
  std::string cache_key;
  Callback callback;
  int64_t attempts = 0;
  std::vector<std::string> causes;
  double start = now_s();
};

Endpoint::Endpoint(EndpointConfig config, HttpPool& pool, ResponseCache* cache, std::string key)
    : config_(std::move(config)), pool_(pool), cache_(cache), key_(std::move(key)) {
  url_ = std::make_shared<const std::string>(request_url(config_));
  std::vector<std::string> headers = request_headers(config_);
  if (!key_.empty()) headers.push_back(key_header(config_, key_));
  headers_ = std::make_shared<const HttpHeaders>(headers);
  tokens_ = config_.burst > 0 ? config_.burst : std::max(1.0, config_.rate_per_second);
}

// Waits until the I/O thread has marked the endpoint dead, so that no timer or response that
// arrives later touches it (requests still in flight then fail as cancelled).
Endpoint::~Endpoint() {
  std::promise<void> done;
  if (pool_.post([this, &done] {
        *alive_ = false;
        for (const auto& [id, job] : running_) pool_.cancel(id);
        done.set_value();
      }))
    done.get_future().wait();
}

void Endpoint::complete(const CompletionRequest& request, Callback callback) {
  auto job = std::make_shared<Job>();
  job->body = std::make_shared<const std::string>(request_body(config_, request));
  job->callback = std::move(callback);
  {
    std::lock_guard lock(stats_mutex_);
    ++stats_.requests;
  }
  // Without a seed in the body (Anthropic, send_seed = false) the samples of one prompt would
  // share one cache entry and a replay would answer every sample with the first one's reply;
  // the sample's seed joins the identity so each sample is recorded on its own.
  if (cache_) {
    job->identity = *job->body;
    if (request.seed && job->body->find("\"seed\":") == std::string::npos)
      job->identity += "\n#sample-seed " + std::to_string(*request.seed);
    job->cache_key = ResponseCache::key(to_string(config_.protocol), config_.base_url,
                                        config_.model, job->identity);
    if (auto body = cache_->get(job->cache_key, job->identity)) {
      auto parsed = parse_response(config_, *body, config_.stream);
      if (parsed) {
        parsed->from_cache = true;
        parsed->attempts = 0;
        std::lock_guard lock(stats_mutex_);
        ++stats_.cache_hits;
      }
      job->callback(std::move(parsed));
      return;
    }
  }
  if (config_.replay) {
    job->callback(core::Error{core::ErrorCode::not_found,
                              "endpoint " + config_.name + ": replay: no recorded response for "
                              "this request (cache " + job->cache_key + ")"});
    return;
  }
  pool_.post([this, job, alive = alive_] {
    if (*alive) enqueue(job);
    else job->callback(core::Error{core::ErrorCode::cancelled, "endpoint closed"});
  });
}

std::future<Endpoint::Result> Endpoint::complete(const CompletionRequest& request) {
  auto promise = std::make_shared<std::promise<Result>>();
  auto future = promise->get_future();
  complete(request, [promise](Result r) { promise->set_value(std::move(r)); });
  return future;
}

void Endpoint::enqueue(std::shared_ptr<Job> job) {
  queue_.push_back(std::move(job));
  pump();
}

bool Endpoint::take_token() {
  if (config_.rate_per_second <= 0) return true;
  const double burst = config_.burst > 0 ? config_.burst : std::max(1.0, config_.rate_per_second);
  const double t = now_s();
  if (last_refill_ >= 0) tokens_ = std::min(burst, tokens_ + (t - last_refill_) * config_.rate_per_second);
  last_refill_ = t;
  if (tokens_ < 1) return false;
  tokens_ -= 1;
  return true;
}

// Starts queued jobs while a concurrency slot and a rate token are free; when only the token is
// missing, comes back when the next one will have been refilled.
void Endpoint::pump() {
  while (!queue_.empty() && in_flight_ < config_.concurrency) {
    if (!take_token()) {
      if (!pump_scheduled_) {
        pump_scheduled_ = true;
        pool_.post([this, alive = alive_] {
                     if (!*alive) return;
                     pump_scheduled_ = false;
                     pump();
                   },
                   (1 - tokens_) / config_.rate_per_second);
      }
      return;
    }
    auto job = std::move(queue_.front());
    queue_.pop_front();
    launch(std::move(job));
  }
}

void Endpoint::launch(std::shared_ptr<Job> job) {
  ++in_flight_;
  ++job->attempts;
  {
    std::lock_guard lock(stats_mutex_);
    ++stats_.network_attempts;
  }
  HttpRequest http;
  http.url = url_;
  http.headers = headers_;
  http.body = job->body;
  http.connect_timeout_s = config_.connect_timeout_s;
  http.timeout_s = config_.timeout_s;
  http.streaming = config_.stream;
  http.stream_idle_s = config_.stream_idle_s;
  http.max_body_bytes = config_.max_body_bytes;
  const uint64_t id = pool_.submit(std::move(http), [this, job, alive = alive_](HttpResult r) {
    if (!*alive) return job->callback(core::Error{core::ErrorCode::cancelled, "endpoint closed"});
    running_.erase(r.id);
    on_result(job, std::move(r));
  });
  running_.emplace(id, job);
}

void Endpoint::on_result(std::shared_ptr<Job> job, HttpResult result) {
  --in_flight_;
  std::optional<Failure> failure = classify(result);
  if (!failure) {
    auto parsed = parse_response(config_, result.body, config_.stream);
    if (parsed) {
      if (cache_) cache_->put(job->cache_key, to_string(config_.protocol), config_.base_url,
                              config_.model, job->identity, result.body);
      parsed->latency_s = now_s() - job->start;
      parsed->attempts = job->attempts;
      parsed->retry_causes = job->causes;
      {
        std::lock_guard lock(stats_mutex_);
        ++stats_.succeeded;
      }
      job->callback(std::move(parsed));
      pump();
      return;
    }
    // A 200 whose body we cannot read: proxies and overloaded servers do send these.
    failure = Failure{"malformed", parsed.error().message, true};
  }
  const bool again = failure->retryable && job->attempts < config_.max_attempts;
  if (!again) {
    give_up(job, failure->cause, failure->message);
  } else {
    job->causes.push_back(failure->cause);
    {
      std::lock_guard lock(stats_mutex_);
      ++stats_.retries_by_cause[failure->cause];
    }
    double delay = backoff_seconds(static_cast<int64_t>(job->causes.size()) - 1,
                                   config_.backoff_initial_s, config_.backoff_max_s,
                                   jitter_.unit());
    if (failure->retry_after_s >= 0) delay = std::min(failure->retry_after_s, config_.retry_after_max_s);
    pool_.post([this, job, alive = alive_] {
      if (!*alive) return job->callback(core::Error{core::ErrorCode::cancelled, "endpoint closed"});
      queue_.push_front(job);
      pump();
    }, delay);
  }
  pump();
}

void Endpoint::give_up(std::shared_ptr<Job> job, const std::string& cause,
                       const std::string& message) {
  std::string text = redact("endpoint " + config_.name + ": " + cause + " after " +
                            std::to_string(job->attempts) + " attempt(s): " + message);
  {
    std::lock_guard lock(stats_mutex_);
    ++stats_.failed;
    ++stats_.failures_by_cause[cause];
    stats_.recent_failures.push_back(text);
    if (stats_.recent_failures.size() > 100)
      stats_.recent_failures.erase(stats_.recent_failures.begin());
  }
  const auto code = cause == "cancelled" ? core::ErrorCode::cancelled : core::ErrorCode::io;
  job->callback(core::Error{code, std::move(text)});
}

// A hostile or buggy server may echo request headers into its error body.
std::string Endpoint::redact(std::string text) const {
  if (key_.empty()) return text;
  for (size_t at = text.find(key_); at != std::string::npos; at = text.find(key_, at))
    text.replace(at, key_.size(), "[redacted]");
  return text;
}

void Endpoint::cancel_all() {
  pool_.post([this, alive = alive_] {
    if (!*alive) return;
    auto queued = std::move(queue_);
    queue_.clear();
    for (auto& job : queued) give_up(job, "cancelled", "cancelled before it was sent");
    for (const auto& [id, job] : running_) pool_.cancel(id);
  });
}

EndpointStats Endpoint::stats() const {
  std::lock_guard lock(stats_mutex_);
  return stats_;
}

}  // namespace tcs::endpoints
