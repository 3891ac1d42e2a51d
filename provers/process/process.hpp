// The one subprocess runner for lean, lake, coqc and coqtop.
//
// A child is started from an argv (never through a shell), in its own process group, with
// RLIMIT_AS and RLIMIT_CPU set before exec; stdout and stderr are read asynchronously so a
// chatty child never blocks on a full pipe. A wall-clock limit sends SIGTERM to the whole group,
// then SIGKILL after a grace period; when the leader exits the group is killed too, so no
// grandchild outlives a check. Every child is reaped: no zombies. The first spawn sets SIGPIPE
// to ignored in this process, so a child that exits without reading its input cannot kill us.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tcs::process {

struct Spec {
  std::vector<std::string> argv;        // argv[0]: a path, or a name looked up on PATH
  std::string cwd;                      // empty = the caller's
  std::vector<std::string> env;         // "NAME=value" set on top of the caller's environment
  std::string stdin_text;               // run(): written to the child's stdin, which is then closed
  double wall_seconds = 0;              // 0 = no wall-clock limit
  double grace_seconds = 0.5;           // SIGTERM .. SIGKILL
  int64_t memory_mb = 0;                // RLIMIT_AS; 0 = inherit
  int64_t cpu_seconds = 0;              // RLIMIT_CPU (soft; hard = soft + 1); 0 = inherit
  size_t max_output_bytes = 64u << 20;  // per stream; the rest is read and dropped
  bool merge_stderr = false;            // stderr goes into the stdout pipe (for prompts on stderr)
};

enum class Outcome {
  ok,             // exited with status 0
  failed,         // exited with another status
  timeout,        // wall-clock limit (we killed it) or CPU limit (SIGXCPU)
  out_of_memory,  // the memory limit was hit (allocation failure reported, or killed by the OS)
  crashed,        // killed by a signal we did not send (SIGSEGV, SIGABRT, ...)
  spawn_error,    // could not start: executable not found, not executable, fork failed
};

std::string_view to_string(Outcome outcome);

struct Result {
  Outcome outcome = Outcome::spawn_error;
  int exit_code = -1;  // when the child exited
  int signal = 0;      // when a signal ended it
  std::string out, err;
  bool truncated = false;  // some output beyond max_output_bytes was dropped
  double seconds = 0;
  std::string message;  // a one-line explanation for logs and verdicts
};

// Runs a child to completion (or to its limits). Never throws for child failures.
Result run(const Spec& spec);

// Resolves argv[0] as run() does: a name without '/' is searched on PATH. Empty when absent.
std::string find_executable(std::string_view name);

}  // namespace tcs::process
