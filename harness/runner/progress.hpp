// Progress of a long run: a live line on a terminal, periodic plain lines otherwise (logs of
// batch jobs stay readable). Thread-safe; cheap to call on every attempt.
#pragma once

#include <atomic>
#include <cstdint>
#include <iosfwd>
#include <mutex>

#include "harness/core/env.hpp"

namespace tcs::runner {

class Progress {
 public:
  // interval_seconds: how often a plain line is printed when out is not a terminal.
  Progress(std::ostream& out, bool live, int64_t total, double interval_seconds = 10.0);
  void add(int64_t attempts, int64_t verified);
  void finish();  // prints the final line (and ends the live line)

 private:
  void print(bool final);

  std::ostream& out_;
  const bool live_;
  const int64_t total_;
  const double interval_;
  std::atomic<int64_t> done_{0};
  std::atomic<int64_t> verified_{0};
  std::mutex mutex_;
  core::Stopwatch clock_;
  double last_print_ = 0.0;
};

}  // namespace tcs::runner
