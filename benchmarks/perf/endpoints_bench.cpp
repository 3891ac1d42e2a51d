// Endpoint throughput and fault tolerance against the loopback fake server.
//
// The fake servers run in child processes (forked before any thread starts), so the CPU time
// this process spends — getrusage(RUSAGE_SELF) — is the client's alone: the I/O thread, request
// building and response parsing.
//
//   build/release/benchmarks/perf/perf_endpoints
//
// InFlight256: 256 requests in flight at 200 ms server latency; the Little's-law bound is
// 256 / 0.2 s = 1,280 requests/s. Faults20: 10,000 requests with 20 % injected faults (429,
// 500, 529, connection reset, malformed body; 4 % each): every request must end ok or recorded
// as failed after its retries (lost = 0), with the retries counted by cause.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include "harness/endpoints/endpoint.hpp"
#include "harness/endpoints/fake_server.hpp"

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

void BM_InFlight256(benchmark::State& state) {
  const int64_t total = state.range(0);
  HttpPool pool(HttpPoolOptions{256, 512});
  Endpoint warm_up(config_for(g_fast_port, 256), pool, nullptr, "");
  Outcome w;
  run_requests(warm_up, 256, w);  // opens the 256 connections before measuring
  double rps = 0, user_us = 0, system_us = 0;
  int64_t failed = 0;
  for (auto _ : state) {
    Endpoint endpoint(config_for(g_fast_port, 256), pool, nullptr, "");
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
  state.counters["of_bound_pct"] = 100.0 * rps / 1280.0;
  // System time includes the kernel's loopback TCP work, both ends of which run on this machine.
  state.counters["client_cpu_us_per_req"] = user_us + system_us;
  state.counters["client_user_us_per_req"] = user_us;
  state.counters["client_sys_us_per_req"] = system_us;
  state.counters["failed"] = static_cast<double>(failed);
}
BENCHMARK(BM_InFlight256)->Arg(5120)->Iterations(2)->UseRealTime()->Unit(benchmark::kSecond);

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
