// A long-lived child spoken to through its stdin/stdout (coqtop, the Lean REPL), with the
// same process group, rlimits and reaping as run(). Not thread-safe: one owner at a time.
//
// Legal calls: start() -> any number of send()/read_frame() -> stop() (or the destructor).
// After a read_frame() timeout the child's state is unknown: the owner should stop() it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "harness/core/expected.hpp"
#include "provers/process/process.hpp"

namespace tcs::process {

class Child;

class Session {
 public:
  // Starts the child (spec.stdin_text and spec.wall_seconds are ignored: limits are per read).
  static core::Expected<std::unique_ptr<Session>> start(const Spec& spec);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Writes all of `text` to the child's stdin within `seconds` (0 = no limit).
  core::Status send(std::string_view text, double seconds = 10);

  // Returns the length of a complete frame at the start of the buffer, or nullopt.
  using Framer = std::function<std::optional<size_t>(std::string_view buffer)>;
  enum class ReadStatus { ok, timeout, exited };
  struct Frame {
    ReadStatus status = ReadStatus::ok;
    std::string text;  // the frame (ok) or everything read so far (otherwise)
  };
  // Reads stdout until `framer` finds a complete frame, the child exits or `seconds` pass.
  Frame read_frame(const Framer& framer, double seconds);

  bool running();
  int pid() const;
  // Everything the child wrote to stderr so far (bounded by max_output_bytes).
  std::string stderr_text() const;
  // Closes stdin and waits the grace period for a clean exit; then SIGTERM, grace, SIGKILL
  // to the group; reaps; classifies. Idempotent.
  Result stop();

 private:
  explicit Session(std::unique_ptr<Child> child);
  std::unique_ptr<Child> child_;
  std::optional<Result> stopped_;
  double spec_grace_ = 0.5;
};

}  // namespace tcs::process
