// The endpoint end to end over real HTTP on loopback against the fake server: both wire
// formats, streaming, every injected fault, retries, limits and cancellation.
#include "harness/endpoints/endpoint.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

#include "fixture.hpp"

namespace tcs::endpoints {
namespace {

using testing::anthropic_config;
using testing::openai_config;
using testing::start_server;

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

CompletionRequest ask(const std::string& text, int64_t n = 1) {
  CompletionRequest r;
  r.messages = {{"user", text}};
  r.prompt = text;
  r.n = n;
  r.seed = 7;
  return r;
}

TEST(Endpoint, OpenAiChatWithNAndLogprobs) {
  auto server = start_server();
  HttpPool pool;
  Endpoint e(openai_config(*server), pool, nullptr, "");
  auto r = e.complete(ask("hello", 3)).get();
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->choices.size(), 3u);
  EXPECT_NE(r->choices[0].text, r->choices[1].text);
  ASSERT_TRUE(r->choices[2].logprob.has_value());
  EXPECT_LT(*r->choices[2].logprob, 0.0);
  EXPECT_EQ(r->choices[0].finish_reason, "stop");
  EXPECT_EQ(r->model, "fake-model");
  EXPECT_GT(r->usage.completion_tokens, 0);
  EXPECT_EQ(r->attempts, 1);
  auto again = e.complete(ask("hello", 3)).get();  // deterministic server, same request
  EXPECT_EQ(again->choices[1].text, r->choices[1].text);
  EXPECT_EQ(server->requests(), 2);
}

TEST(Endpoint, CompletionsAnthropicAndStreamingGiveTheSameAnswers) {
  FakeServerOptions o;
  o.reply = "the answer is 42";
  auto server = start_server(o);
  HttpPool pool;
  for (bool stream : {false, true}) {
    EndpointConfig oc = openai_config(*server);
    oc.stream = stream;
    EndpointConfig cc = oc;
    cc.api = "completions";
    EndpointConfig ac = anthropic_config(*server);
    ac.stream = stream;
    for (const EndpointConfig& c : {oc, cc, ac}) {
      Endpoint e(c, pool, nullptr, "");
      auto r = e.complete(ask("q", 2)).get();
      ASSERT_TRUE(r.ok()) << c.api << " stream=" << stream << ": " << r.error().message;
      EXPECT_EQ(r->choices[0].text, "the answer is 42");
      EXPECT_EQ(r->choices.size(), c.supports_n ? 2u : 1u);
      EXPECT_EQ(r->choices[0].logprob.has_value(), c.logprobs);
    }
  }
}

TEST(Endpoint, EveryTransientFaultIsRetriedUntilItSucceeds) {
  const std::pair<const char*, double FakeServerOptions::*> faults[] = {
      {"429", &FakeServerOptions::p_429},     {"500", &FakeServerOptions::p_500},
      {"529", &FakeServerOptions::p_529},     {"reset", &FakeServerOptions::p_reset},
      {"truncated", &FakeServerOptions::p_truncated},
      {"malformed", &FakeServerOptions::p_malformed}, {"html", &FakeServerOptions::p_html}};
  for (const auto& [name, field] : faults) {
    FakeServerOptions o;
    o.*field = 0.5;
    o.retry_after_s = 0.001;
    auto server = start_server(o);
    HttpPool pool;
    EndpointConfig c = openai_config(*server);
    c.max_attempts = 30;
    Endpoint e(c, pool, nullptr, "");
    std::vector<std::future<Endpoint::Result>> fs;
    for (int i = 0; i < 20; ++i) fs.push_back(e.complete(ask(std::string("q").append(std::to_string(i)))));
    for (auto& f : fs) EXPECT_TRUE(f.get().ok()) << name;
    EndpointStats s = e.stats();
    EXPECT_GT(server->faults()[name], 0) << name;
    int64_t retries = 0;
    for (const auto& [cause, count] : s.retries_by_cause) retries += count;
    EXPECT_EQ(retries, server->faults()[name]) << name;
    EXPECT_EQ(s.network_attempts, server->requests()) << name;
    EXPECT_EQ(s.succeeded, 20);
  }
}

TEST(Endpoint, RetryAfterIsHonoured) {
  for (bool ms : {false, true}) {
    FakeServerOptions o;
    o.p_429 = 1.0;
    o.retry_after_s = 0.2;
    o.retry_after_ms = ms;
    auto server = start_server(o);
    HttpPool pool;
    EndpointConfig c = openai_config(*server);
    c.max_attempts = 3;
    Endpoint e(c, pool, nullptr, "");
    auto t = std::chrono::steady_clock::now();
    auto r = e.complete(ask("q")).get();
    ASSERT_FALSE(r.ok());
    EXPECT_GE(since(t), 0.4);  // two waits of 0.2 s, though the backoff says 2 ms
    EXPECT_NE(r.error().message.find("http_429 after 3 attempt(s)"), std::string::npos)
        << r.error().message;
    EXPECT_EQ(server->requests(), 3);
    EXPECT_EQ(e.stats().retries_by_cause["http_429"], 2);
    EXPECT_EQ(e.stats().failures_by_cause["http_429"], 1);
  }
}

TEST(Endpoint, RequestErrorsAndSpendLimitsAreNotRetried) {
  FakeServerOptions o;
  o.require_key = "right-key";
  auto server = start_server(o);
  FakeServerOptions spend;
  spend.p_429 = 1.0;
  spend.spend_limit = true;
  auto broke = start_server(spend);
  HttpPool pool;
  Endpoint wrong(openai_config(*server), pool, nullptr, "wrong-key");
  auto r = wrong.complete(ask("q")).get();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("http_401 after 1 attempt(s)"), std::string::npos)
      << r.error().message;
  EXPECT_EQ(r.error().message.find("wrong-key"), std::string::npos);
  Endpoint right(openai_config(*server), pool, nullptr, "right-key");
  EXPECT_TRUE(right.complete(ask("q")).get().ok());
  Endpoint claude(anthropic_config(*server), pool, nullptr, "right-key");  // x-api-key
  EXPECT_TRUE(claude.complete(ask("q")).get().ok());

  Endpoint e(openai_config(*broke), pool, nullptr, "");
  auto s = e.complete(ask("q")).get();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("spend_limit after 1 attempt(s)"), std::string::npos);
}

TEST(Endpoint, OversizedBodiesAndDeadServersAreRecorded) {
  FakeServerOptions o;
  o.reply_bytes = 200000;
  auto server = start_server(o);
  HttpPool pool;
  EndpointConfig c = openai_config(*server);
  c.max_body_bytes = 100000;
  Endpoint big(c, pool, nullptr, "");
  auto r = big.complete(ask("q")).get();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("oversized after 1 attempt(s)"), std::string::npos)
      << r.error().message;
  c.max_body_bytes = 1 << 20;
  EXPECT_TRUE(Endpoint(c, pool, nullptr, "").complete(ask("q")).get().ok());

  auto gone = start_server();  // a port nobody listens on any more
  const int port = gone->port();
  gone->stop();
  c.base_url = "http://127.0.0.1:" + std::to_string(port) + "/v1";
  c.max_attempts = 2;
  Endpoint dead(c, pool, nullptr, "");
  auto d = dead.complete(ask("q")).get();
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message.find("connect after 2 attempt(s)"), std::string::npos)
      << d.error().message;
  EXPECT_EQ(dead.stats().recent_failures.size(), 1u);
}

TEST(Endpoint, ConcurrencyLimitAndTokenBucketPaceRequests) {
  FakeServerOptions o;
  o.latency_s = 0.05;
  auto server = start_server(o);
  HttpPool pool;
  EndpointConfig c = openai_config(*server);
  c.concurrency = 2;
  Endpoint limited(c, pool, nullptr, "");
  auto t = std::chrono::steady_clock::now();
  std::vector<std::future<Endpoint::Result>> fs;
  for (int i = 0; i < 8; ++i) fs.push_back(limited.complete(ask(std::to_string(i))));
  for (auto& f : fs) ASSERT_TRUE(f.get().ok());
  EXPECT_GE(since(t), 4 * 0.05);  // 8 requests, 2 at a time

  c.concurrency = 64;
  c.rate_per_second = 20;
  c.burst = 1;
  Endpoint paced(c, pool, nullptr, "");
  t = std::chrono::steady_clock::now();
  fs.clear();
  for (int i = 0; i < 6; ++i) fs.push_back(paced.complete(ask(std::to_string(i))));
  for (auto& f : fs) ASSERT_TRUE(f.get().ok());
  EXPECT_GE(since(t), 5 / 20.0);  // one token now, then one every 50 ms
}

TEST(Endpoint, HundredsInFlightAllComplete) {
  FakeServerOptions o;
  o.latency_s = 0.1;
  o.threads = 64;
  auto server = start_server(o);
  HttpPool pool;
  EndpointConfig c = openai_config(*server);
  c.concurrency = 64;
  Endpoint e(c, pool, nullptr, "");
  std::atomic<int> ok{0}, done{0};
  auto t = std::chrono::steady_clock::now();
  for (int i = 0; i < 256; ++i)
    e.complete(ask(std::to_string(i)), [&](Endpoint::Result r) {
      ok += r.ok();
      ++done;
    });
  while (done < 256) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(ok, 256);
  EXPECT_LT(since(t), 256 / 64 * 0.1 * 3);  // in flight together, not one after another
}

TEST(Endpoint, CancelAllEndsQueuedAndRunningRequests) {
  FakeServerOptions o;
  o.latency_s = 1;
  auto server = start_server(o);
  HttpPool pool;
  EndpointConfig c = openai_config(*server);
  c.concurrency = 2;
  Endpoint e(c, pool, nullptr, "");
  std::vector<std::future<Endpoint::Result>> fs;
  for (int i = 0; i < 5; ++i) fs.push_back(e.complete(ask(std::to_string(i))));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto t = std::chrono::steady_clock::now();
  e.cancel_all();
  for (auto& f : fs) {
    auto r = f.get();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::cancelled) << r.error().message;
  }
  EXPECT_LT(since(t), 0.5);
  EXPECT_EQ(e.stats().failures_by_cause["cancelled"], 5);
}

// Run twice: as configured by default, and with event coalescing on from the first transfer,
// so that resets (sockets closed and their numbers reused for new connections) and the
// coalescing window are exercised together.
TEST(Endpoint, FaultMixLosesNothing) {
  HttpPoolOptions coalescing;
  coalescing.coalesce_from = 1;
  coalescing.coalesce_s = 0.002;
  for (const HttpPoolOptions& options : {HttpPoolOptions{}, coalescing}) {
    FakeServerOptions o;
    o.p_429 = o.p_500 = o.p_529 = o.p_reset = 0.04;
    o.p_malformed = 0.04;
    o.retry_after_s = 0.001;
    auto server = start_server(o);
    HttpPool pool(options);
    EndpointConfig c = openai_config(*server);
    c.max_attempts = 3;  // some requests will run out of attempts: they must say so
    Endpoint e(c, pool, nullptr, "");
    const int total = 500;
    std::atomic<int> ok{0}, failed{0};
    for (int i = 0; i < total; ++i)
      e.complete(ask(std::to_string(i)), [&](Endpoint::Result r) { (r.ok() ? ok : failed)++; });
    while (ok + failed < total) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EndpointStats s = e.stats();
    EXPECT_EQ(s.succeeded, ok);
    EXPECT_EQ(s.failed, failed);
    int64_t fault_total = 0, retries = 0, gave_up = 0;
    for (const auto& [k, v] : server->faults()) fault_total += v;
    for (const auto& [k, v] : s.retries_by_cause) retries += v;
    for (const auto& [k, v] : s.failures_by_cause) gave_up += v;
    EXPECT_EQ(retries + gave_up, fault_total);  // every fault was retried or recorded
    EXPECT_EQ(s.network_attempts, server->requests());
    EXPECT_GT(ok, total * 9 / 10);
    EXPECT_GT(server->faults()["reset"], 0);  // connections were closed and replaced
  }
}

}  // namespace
}  // namespace tcs::endpoints
