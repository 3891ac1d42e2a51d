// Internal: one started child with its pipes, read asynchronously on a private io_context.
// Shared by run() and Session; not part of the library's interface.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "harness/core/expected.hpp"
#include "provers/process/process.hpp"

namespace tcs::process {

using Clock = std::chrono::steady_clock;

class Child {
 public:
  // Starts argv in a new process group with the spec's rlimits; stdin stays open.
  static core::Expected<std::unique_ptr<Child>> spawn(const Spec& spec);
  ~Child();

  // Runs the I/O loop until done() holds, the deadline passes, or nothing is left to wait for.
  // True when done() holds.
  bool pump_until(const std::function<bool()>& done, Clock::time_point deadline);
  // Starts writing `text`; written() tells when all of it is in the pipe.
  void write(std::string text);
  bool written() const;
  void close_stdin();

  bool exited() const;
  std::string& out();
  const std::string& err() const;
  int pid() const;

  // Ends the child: SIGTERM to the group, SIGKILL after the grace period, reaps it, drains
  // the pipes, and classifies. `timed_out` says the caller's limit ran out.
  Result finish(bool timed_out, double seconds);

 private:
  struct Impl;
  explicit Child(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Classifies a finished child from its wait status and output (exposed for unit tests).
Outcome classify(const Result& r, const Spec& spec, bool we_killed, bool timed_out);

}  // namespace tcs::process
