// Endpoint throughput and fault tolerance against the loopback fake server.
//
// The fake servers run in child processes (forked before any thread starts), so the CPU time
// this process spends — getrusage(RUSAGE_SELF) — is the client's alone: the I/O thread, request
// building and response parsing.
//
//   build/release/benchmarks/perf/perf_endpoints
//
// InFlight256: 256 requests in flight at 200 ms server latency; the Little's-law bound is
// 256 / 0.2 s = 1,280 requests/s. InFlight256_NoCoalesce: the same with the pool's event
// coalescing off. InFlight256_BareCurl: the same requests through a bare libcurl loop, the
// floor under the client's CPU. Faults20: 10,000 requests with 20 % injected faults (429,
// 500, 529, connection reset, malformed body; 4 % each): every request must end ok or recorded
// as failed after its retries (lost = 0), with the retries counted by cause.
// ParseBody_Events / ParseBody_Dom: CPU per response body, the I/O thread's event reader
// against the DOM parse it replaced.
// SearchInFlight128 (issue 7): a tree search (best-first, hypertree) with 128 goals in flight
// whose policy calls are real requests through LlmPolicy to the 200 ms server; a sampler reads
// the pool's in-flight count every millisecond. Figure: mean in flight / 128 over the search.
#include <benchmark/benchmark.h>
#include <curl/curl.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <numeric>
#include <optional>
#include <condition_variable>
#include <mutex>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include "harness/endpoints/endpoint.hpp"
#include "harness/endpoints/fake_server.hpp"
#include "harness/endpoints/llm_policy.hpp"
#include "harness/endpoints/wire.hpp"
#include "harness/search/prove.hpp"
#include "harness/search/synthetic.hpp"

namespace tcs::endpoints {
namespace {

int g_fast_port = 0, g_faulty_port = 0;

// Starts a fake server in a child process; returns its port. The child lives until the parent
// closes its end of the pipe (or dies).
int fork_server(const FakeServerOptions& options) {
  int up[2], down[2];
  if (pipe(up) != 0 || pipe(down) != 0) return -1;
  const pid_t pid = fork();
  if (pid == 0) {
    close(up[0]);
    close(down[1]);
    FakeServer server(options);
    int port = server.start().ok() ? server.port() : -1;
    (void)!write(up[1], &port, sizeof port);
    char c;
    while (read(down[0], &c, 1) > 0) {}
    _exit(0);
  }
  close(up[1]);
  close(down[0]);  // down[1] stays open (leaked on purpose) for the child's lifetime
  int port = -1;
  (void)!read(up[0], &port, sizeof port);
  return port;
}

struct Cpu {
  double user = 0, system = 0;
};

Cpu cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return {u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6, u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6};
}

EndpointConfig config_for(int port, int64_t concurrency) {
  EndpointConfig c;
  c.name = "bench";
  c.base_url = "http://127.0.0.1:" + std::to_string(port) + "/v1";
  c.model = "m";
  c.concurrency = concurrency;
  c.max_tokens = 64;
  c.timeout_s = 30;
  return c;
}

CompletionRequest request(int64_t i) {
  CompletionRequest r;
  r.messages = {{"user", "Prove theorem number " + std::to_string(i) + " of the benchmark."}};
  r.seed = static_cast<uint64_t>(i);
  return r;
}

struct Outcome {
  int64_t ok = 0, failed = 0;
  std::mutex mutex;
  std::condition_variable done;
};

// Sends `total` requests through the endpoint, all queued at once (the endpoint's concurrency
// limit keeps `concurrency` in flight), and waits for every callback.
void run_requests(Endpoint& endpoint, int64_t total, Outcome& out) {
  for (int64_t i = 0; i < total; ++i)
    endpoint.complete(request(i), [&out, total](Endpoint::Result r) {
      std::lock_guard lock(out.mutex);
      (r.ok() ? out.ok : out.failed)++;
      if (out.ok + out.failed == total) out.done.notify_one();
    });
  std::unique_lock lock(out.mutex);
  out.done.wait(lock, [&] { return out.ok + out.failed == total; });
}

void in_flight(benchmark::State& state, int64_t n, bool coalesce) {
  const int64_t total = state.range(0);
  HttpPoolOptions options{n, 2 * n};
  if (!coalesce) options.coalesce_s = 0;
  HttpPool pool(options);
  Endpoint warm_up(config_for(g_fast_port, n), pool, nullptr, "");
  Outcome w;
  run_requests(warm_up, n, w);  // opens the n connections before measuring
  double rps = 0, user_us = 0, system_us = 0;
  int64_t failed = 0;
  for (auto _ : state) {
    Endpoint endpoint(config_for(g_fast_port, n), pool, nullptr, "");
    Outcome out;
    const Cpu cpu0 = cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    run_requests(endpoint, total, out);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    rps = static_cast<double>(total) / wall;
    const Cpu cpu1 = cpu_seconds();
    user_us = (cpu1.user - cpu0.user) * 1e6 / static_cast<double>(total);
    system_us = (cpu1.system - cpu0.system) * 1e6 / static_cast<double>(total);
    failed += out.failed;
  }
  state.counters["req_per_s"] = rps;
  state.counters["of_bound_pct"] = 100.0 * rps / (static_cast<double>(n) / 0.2);
  // System time includes the kernel's loopback TCP work, both ends of which run on this machine.
  state.counters["client_cpu_us_per_req"] = user_us + system_us;
  state.counters["client_user_us_per_req"] = user_us;
  state.counters["client_sys_us_per_req"] = system_us;
  state.counters["failed"] = static_cast<double>(failed);
}
void BM_InFlight256(benchmark::State& state) { in_flight(state, 256, true); }
// The same without event coalescing (HttpPoolOptions::coalesce_s = 0), for the ratio.
void BM_InFlight256_NoCoalesce(benchmark::State& state) { in_flight(state, 256, false); }
BENCHMARK(BM_InFlight256)->Arg(5120)->Iterations(2)->UseRealTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_InFlight256_NoCoalesce)->Arg(5120)->Iterations(2)->UseRealTime()->Unit(benchmark::kSecond);

// The floor under InFlight256: the same requests (same URL, headers and body bytes) through a
// bare libcurl multi-socket loop over epoll, with nothing else — no pool, no Endpoint, no
// response parsing, the body thrown away. What the client costs above this is ours.
struct BareCurl {
  CURLM* multi = curl_multi_init();
  int epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  std::optional<std::chrono::steady_clock::time_point> due;  // libcurl's timer
  WireRequest wire;
  curl_slist* headers = nullptr;
  std::vector<CURL*> idle;
  int64_t started = 0, finished = 0, failed = 0;

  static int on_socket(CURL*, curl_socket_t fd, int what, void* self, void*) {
    auto* b = static_cast<BareCurl*>(self);
    epoll_event ev{};
    ev.data.fd = fd;
    ev.events = ((what & CURL_POLL_IN) ? EPOLLIN : 0u) | ((what & CURL_POLL_OUT) ? EPOLLOUT : 0u);
    if (what == CURL_POLL_REMOVE) epoll_ctl(b->epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
    else if (epoll_ctl(b->epoll_fd, EPOLL_CTL_MOD, fd, &ev) != 0) epoll_ctl(b->epoll_fd, EPOLL_CTL_ADD, fd, &ev);
    return 0;
  }
  static int on_timer(CURLM*, long ms, void* self) {
    auto& due = static_cast<BareCurl*>(self)->due;
    if (ms < 0) due.reset();
    else due = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    return 0;
  }
  static size_t discard(char*, size_t size, size_t n, void*) { return size * n; }

  explicit BareCurl(const EndpointConfig& config) : wire(build_request(config, request(0))) {
    for (const auto& h : wire.headers) headers = curl_slist_append(headers, h.c_str());
    headers = curl_slist_append(headers, "Expect:");
    curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, &BareCurl::on_socket);
    curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, &BareCurl::on_timer);
    curl_multi_setopt(multi, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, 256L);
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, 512L);
  }
  ~BareCurl() {
    for (CURL* e : idle) curl_easy_cleanup(e);
    curl_multi_cleanup(multi);
    curl_slist_free_all(headers);
    close(epoll_fd);
  }
  void add() {
    CURL* e = idle.empty() ? curl_easy_init() : idle.back();
    if (!idle.empty()) idle.pop_back();
    curl_easy_setopt(e, CURLOPT_URL, wire.url.c_str());
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(e, CURLOPT_POSTFIELDS, wire.body.data());
    curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(wire.body.size()));
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &BareCurl::discard);
    curl_multi_add_handle(multi, e);
    ++started;
  }
  void reap() {
    int left = 0;
    while (CURLMsg* m = curl_multi_info_read(multi, &left)) {
      if (m->msg != CURLMSG_DONE) continue;
      long status = 0;
      curl_easy_getinfo(m->easy_handle, CURLINFO_RESPONSE_CODE, &status);
      failed += m->data.result != CURLE_OK || status != 200;
      curl_multi_remove_handle(multi, m->easy_handle);
      idle.push_back(m->easy_handle);
      ++finished;
    }
  }
  // Keeps `width` transfers in flight until `total` have finished.
  void run(int64_t total, int64_t width) {
    const int64_t goal = finished + total, last_start = started + total;
    for (int64_t i = 0; i < width && started < last_start; ++i) add();
    int active = 0;
    while (finished < goal) {
      if (due && *due <= std::chrono::steady_clock::now()) {
        due.reset();
        curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &active);
      }
      int wait_ms = 100;
      if (due) wait_ms = static_cast<int>(std::clamp<int64_t>(
          std::chrono::duration_cast<std::chrono::milliseconds>(*due - std::chrono::steady_clock::now()).count() + 1, 0, 100));
      epoll_event events[256];
      const int n = epoll_wait(epoll_fd, events, 256, wait_ms);
      for (int i = 0; i < n; ++i) {
        const uint32_t e = events[i].events;
        curl_multi_socket_action(multi, events[i].data.fd,
                                 ((e & EPOLLIN) ? CURL_CSELECT_IN : 0) | ((e & EPOLLOUT) ? CURL_CSELECT_OUT : 0) |
                                     ((e & (EPOLLERR | EPOLLHUP)) ? CURL_CSELECT_ERR : 0), &active);
      }
      const int64_t before = finished;
      reap();
      for (int64_t i = before; i < finished && started < last_start; ++i) add();
    }
  }
};

void BM_InFlight256_BareCurl(benchmark::State& state) {
  const int64_t total = state.range(0);
  BareCurl bare(config_for(g_fast_port, 256));
  bare.run(256, 256);  // opens the 256 connections before measuring
  double rps = 0, cpu_us = 0;
  for (auto _ : state) {
    const Cpu cpu0 = cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    bare.run(total, 256);
    rps = static_cast<double>(total) / std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const Cpu cpu1 = cpu_seconds();
    cpu_us = (cpu1.user - cpu0.user + cpu1.system - cpu0.system) * 1e6 / static_cast<double>(total);
  }
  state.counters["req_per_s"] = rps;
  state.counters["client_cpu_us_per_req"] = cpu_us;
  state.counters["failed"] = static_cast<double>(bare.failed);
}
BENCHMARK(BM_InFlight256_BareCurl)->Arg(5120)->Iterations(2)->UseRealTime()->Unit(benchmark::kSecond);

void BM_Faults20(benchmark::State& state) {
  const int64_t total = state.range(0);
  HttpPool pool(HttpPoolOptions{256, 512});
  for (auto _ : state) {
    EndpointConfig c = config_for(g_faulty_port, 256);
    c.backoff_initial_s = 0.01;
    c.backoff_max_s = 0.2;
    Endpoint endpoint(c, pool, nullptr, "");
    Outcome out;
    run_requests(endpoint, total, out);
    const EndpointStats s = endpoint.stats();
    state.counters["ok"] = static_cast<double>(out.ok);
    state.counters["failed_recorded"] = static_cast<double>(out.failed);
    state.counters["lost"] = static_cast<double>(total - out.ok - out.failed);
    state.counters["attempts"] = static_cast<double>(s.network_attempts);
    for (const auto& [cause, n] : s.retries_by_cause)
      state.counters["retry_" + cause] = static_cast<double>(n);
    for (const auto& [cause, n] : s.failures_by_cause)
      state.counters["gave_up_" + cause] = static_cast<double>(n);
  }
}
BENCHMARK(BM_Faults20)->Arg(10000)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);

// A chat completion as the fake server (and vLLM) sends it: n choices of `tokens` tokens, each
// with its logprob object.
std::string chat_body(int64_t n, int64_t tokens) {
  nlohmann::json choices = nlohmann::json::array();
  for (int64_t i = 0; i < n; ++i) {
    nlohmann::json lp = nlohmann::json::array();
    std::string text;
    for (int64_t t = 0; t < tokens; ++t) {
      const std::string token = "tok" + std::to_string(t) + " ";
      text += token;
      lp.push_back({{"token", token}, {"logprob", -0.01 * static_cast<double>(t + i)}});
    }
    choices.push_back({{"index", i}, {"finish_reason", "stop"},
                       {"message", {{"role", "assistant"}, {"content", text}}},
                       {"logprobs", {{"content", lp}}}});
  }
  return nlohmann::json{{"id", "fake-0123456789abcdef"}, {"object", "chat.completion"},
                        {"model", "m"}, {"choices", choices},
                        {"usage", {{"prompt_tokens", 10}, {"completion_tokens", n * tokens}}}}
      .dump();
}

// Response parsing on the I/O thread: the event reader (now) against the DOM (before).
// Args: choices, tokens per choice.
void BM_ParseBody_Events(benchmark::State& state) {
  const std::string body = chat_body(state.range(0), state.range(1));
  const EndpointConfig c = config_for(1, 1);
  for (auto _ : state) benchmark::DoNotOptimize(read_body(c, body));
  state.counters["bytes"] = static_cast<double>(body.size());
}
void BM_ParseBody_Dom(benchmark::State& state) {
  const std::string body = chat_body(state.range(0), state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(parse_openai(nlohmann::json::parse(body)));
  state.counters["bytes"] = static_cast<double>(body.size());
}
// Request building on the caller's thread: the body as sent (URL and headers are built once).
void BM_BuildRequest(benchmark::State& state) {
  const EndpointConfig c = config_for(1, 1);
  int64_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(request_body(c, request(i++)));
}
BENCHMARK(BM_BuildRequest)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ParseBody_Events)->Args({1, 8})->Args({8, 16})->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ParseBody_Dom)->Args({1, 8})->Args({8, 16})->Unit(benchmark::kMicrosecond);

// Every query costs a real round trip through LlmPolicy (the production batching path); the
// tactics themselves come from the synthetic policy so the search has something to expand.
class RemoteSyntheticPolicy final : public core::Policy {
 public:
  RemoteSyntheticPolicy(LlmPolicy& remote, search::synthetic::Policy& tactics)
      : remote_(remote), tactics_(tactics) {}
  std::string name() const override { return "remote-synthetic"; }
  core::Expected<std::vector<core::Candidate>> propose(const core::PolicyQuery& query) override {
    return std::move(propose_batch({&query, 1}).front());
  }
  std::vector<core::Expected<std::vector<core::Candidate>>> propose_batch(
      std::span<const core::PolicyQuery> queries) override {
    auto answers = remote_.propose_batch(queries);
    for (size_t i = 0; i < queries.size(); ++i)
      if (answers[i]) answers[i] = tactics_.propose(queries[i]);
    return answers;
  }

 private:
  LlmPolicy& remote_;
  search::synthetic::Policy& tactics_;
};

void search_in_flight(benchmark::State& state, search::Strategy strategy) {
  constexpr int64_t kAllowed = 128;
  search::synthetic::Shape shape;
  shape.goals = 50000;
  shape.close_fraction = 0.02;
  shape.trap_fraction = 0.05;
  shape.provable = false;  // the search spends its whole budget
  const search::synthetic::Graph graph = search::synthetic::generate(1, shape);
  const core::Problem problem = search::synthetic::make_problem(graph, "bench");
  HttpPool pool(HttpPoolOptions{256, 512});
  Endpoint endpoint(config_for(g_fast_port, kAllowed), pool, nullptr, "");
  Outcome warm;
  run_requests(endpoint, kAllowed, warm);  // connections open before measuring
  LlmPolicy llm(endpoint, PromptTemplate{}, PromptTemplate{});
  search::SearchConfig config;
  config.strategy = strategy;
  config.budget = {1, 1, 8, state.range(0)};
  config.in_flight = kAllowed;
  double mean = 0, steady = 0, seconds = 0;
  int64_t expansions = 0, policy_calls = 0;
  bool policy_failed = false;
  for (auto _ : state) {
    search::synthetic::Env env(graph);
    search::synthetic::Policy tactics(graph, 1.0);
    RemoteSyntheticPolicy policy(llm, tactics);
    core::CancelToken cancel;
    std::atomic<bool> done{false};
    std::vector<int64_t> samples;
    samples.reserve(100000);
    std::thread sampler([&] {  // time-weighted: one sample per millisecond
      while (!done) {
        samples.push_back(pool.counters().in_flight);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    });
    const auto t0 = std::chrono::steady_clock::now();
    search::SearchResult r = search::prove(problem, env, policy, config, nullptr, nullptr, cancel);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    done = true;
    sampler.join();
    // Whole search, and the steady state: from the first moment the search had enough open
    // goals to fill every slot (a search starts from one goal, so the first rounds cannot).
    auto average = [](auto begin, auto end) {
      return begin == end ? 0.0 : std::accumulate(begin, end, 0.0) / static_cast<double>(end - begin);
    };
    mean = average(samples.begin(), samples.end());
    steady = average(std::find_if(samples.begin(), samples.end(),
                                  [](int64_t n) { return n >= kAllowed; }),
                     samples.end());
    expansions = r.stats.expansions;
    policy_calls = r.stats.policy_calls;
    policy_failed = r.policy_failed;
  }
  state.counters["in_flight_mean"] = mean;
  state.counters["of_allowed_pct"] = 100.0 * mean / kAllowed;
  state.counters["steady_of_allowed_pct"] = 100.0 * steady / kAllowed;
  state.counters["expansions"] = static_cast<double>(expansions);
  state.counters["expansions_per_s"] = static_cast<double>(expansions) / seconds;
  state.counters["policy_calls"] = static_cast<double>(policy_calls);
  state.counters["policy_failed"] = policy_failed ? 1 : 0;
}

void BM_SearchInFlight128_BestFirst(benchmark::State& state) {
  search_in_flight(state, search::Strategy::best_first);
}
void BM_SearchInFlight128_Hypertree(benchmark::State& state) {
  search_in_flight(state, search::Strategy::hypertree);
}
// Arg: goal expansions per search (20 rounds of 128 at 200 ms each = 4 s).
BENCHMARK(BM_SearchInFlight128_BestFirst)->Arg(2560)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_SearchInFlight128_Hypertree)->Arg(2560)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);

}  // namespace
}  // namespace tcs::endpoints

int main(int argc, char** argv) {
  using namespace tcs::endpoints;
  std::signal(SIGPIPE, SIG_IGN);
  FakeServerOptions fast;
  fast.latency_s = 0.2;
  fast.threads = 300;
  g_fast_port = fork_server(fast);
  FakeServerOptions faulty;
  faulty.latency_s = 0.002;
  faulty.p_429 = faulty.p_500 = faulty.p_529 = faulty.p_reset = faulty.p_malformed = 0.04;
  faulty.retry_after_s = 0.01;
  faulty.threads = 300;
  g_faulty_port = fork_server(faulty);
  if (g_fast_port <= 0 || g_faulty_port <= 0) {
    std::fprintf(stderr, "perf_endpoints: cannot start the fake servers\n");
    return 1;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
