// run(): start, feed stdin, wait for exit or the wall-clock limit, then finish() the child.
#include "provers/process/process.hpp"

#include <csignal>

#include "harness/core/env.hpp"
#include "provers/process/child.hpp"

namespace tcs::process {

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::ok:
      return "ok";
    case Outcome::failed:
      return "failed";
    case Outcome::timeout:
      return "timeout";
    case Outcome::out_of_memory:
      return "out_of_memory";
    case Outcome::crashed:
      return "crashed";
    case Outcome::spawn_error:
      return "spawn_error";
  }
  return "spawn_error";
}

namespace {

Clock::time_point deadline_after(double seconds) {
  if (seconds <= 0) return Clock::time_point::max();
  return Clock::now() +
         std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

std::string describe(const Result& r, const Spec& spec) {
  std::string name = spec.argv.empty() ? "process" : spec.argv[0];
  switch (r.outcome) {
    case Outcome::ok:
      return name + " exited with status 0";
    case Outcome::failed:
      return name + " exited with status " + std::to_string(r.exit_code);
    case Outcome::timeout:
      return r.signal == SIGXCPU ? name + " exceeded its CPU limit"
                                 : name + " exceeded its time limit";
    case Outcome::out_of_memory:
      return name + " ran out of memory";
    case Outcome::crashed:
      return name + " was killed by signal " + std::to_string(r.signal);
    case Outcome::spawn_error:
      return name + " could not be started";
  }
  return name;
}

}  // namespace

Result run(const Spec& spec) {
  core::Stopwatch watch;
  auto child = Child::spawn(spec);
  if (!child) {
    Result r;
    r.outcome = Outcome::spawn_error;
    r.message = child.error().message;
    return r;
  }
  Child& c = **child;
  if (!spec.stdin_text.empty()) c.write(spec.stdin_text);
  const auto deadline = deadline_after(spec.wall_seconds);
  // stdin is closed once written so children that read to EOF finish.
  bool stdin_done = c.pump_until([&c] { return c.written() || c.exited(); }, deadline);
  c.close_stdin();
  bool exited = stdin_done && c.pump_until([&c] { return c.exited(); }, deadline);
  Result r = c.finish(!exited, watch.seconds());
  r.message = describe(r, spec);
  return r;
}

}  // namespace tcs::process
