// Env: what every long-running component is handed — a cancel flag, a clock, counters, a log
// and the run's seed. It is shared by threads, so everything here is thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace tcs::core {

// Set from any thread (a signal handler, a deadline, the user); polled by workers.
class CancelToken {
 public:
  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

 private:
  std::atomic<bool> cancelled_{false};
};

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

// Deterministic counters (expansions, prover calls, steps checked) beside wall time, so runs
// can be compared on noisy machines.
class Stats {
 public:
  void add(const std::string& name, int64_t amount = 1);
  int64_t get(const std::string& name) const;
  std::map<std::string, int64_t> snapshot() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, int64_t> counters_;
};

enum class LogLevel { debug = 0, info = 1, warn = 2, error = 3, quiet = 4 };

// Lines to stderr, prefixed with the level; never carries secrets (callers pass none).
class Log {
 public:
  explicit Log(LogLevel level = LogLevel::info) : level_(level) {}
  void set_level(LogLevel level) { level_ = level; }
  bool enabled(LogLevel level) const { return level >= level_; }
  void write(LogLevel level, const std::string& message) const;
  void info(const std::string& message) const { write(LogLevel::info, message); }
  void warn(const std::string& message) const { write(LogLevel::warn, message); }
  void error(const std::string& message) const { write(LogLevel::error, message); }

 private:
  LogLevel level_;
  mutable std::mutex mutex_;
};

struct Env {
  uint64_t seed = 0;
  CancelToken cancel;
  Stats stats;
  Log log;
};

}  // namespace tcs::core
