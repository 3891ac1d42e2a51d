#include "provers/z3/cvc5.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "harness/core/env.hpp"
#include "provers/process/process.hpp"

namespace tcs::z3b {

namespace {

// A private temporary file holding the goal; removed when this object goes.
class TempGoal {
 public:
  explicit TempGoal(const std::string& text) {
    char path[] = "/tmp/tcsprove-cvc5-XXXXXX.smt2";
    const int fd = ::mkstemps(path, 5);
    if (fd < 0) return;
    path_ = path;
    const ssize_t n = ::write(fd, text.data(), text.size());
    ::close(fd);
    if (n != static_cast<ssize_t>(text.size())) path_.clear();
  }
  ~TempGoal() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

SmtResult cvc5_check(const SmtGoal& goal, double timeout_s, const std::string& binary) {
  core::Stopwatch clock;
  SmtResult r;
  auto done = [&](core::VerdictKind kind, std::string message) {
    r.kind = kind;
    r.message = "cvc5: " + std::move(message);
    r.seconds = clock.seconds();
    return r;
  };
  TempGoal file(goal_text(goal));
  if (file.path().empty()) return done(core::VerdictKind::error, "cannot write a temporary goal file");
  const double limit = timeout_s > 0 ? timeout_s : 3600;
  std::vector<std::string> argv{binary, "--lang", "smt2",
                                "--tlimit=" + std::to_string(static_cast<int64_t>(limit * 1000)), file.path()};
  // cvc5's own --tlimit stops it first; our deadline is a little later and is the hard stop.
  process::Spec spec;
  spec.argv = std::move(argv);
  spec.wall_seconds = limit + 0.5;
  spec.grace_seconds = 0.1;
  spec.merge_stderr = true;
  const process::Result run = process::run(spec);
  if (run.outcome == process::Outcome::spawn_error)
    return done(core::VerdictKind::error, "cannot run " + binary + ": " + run.message);
  if (run.outcome == process::Outcome::timeout) return done(core::VerdictKind::timeout, "killed at the deadline");
  const std::string& out = run.out;
  const size_t nl = out.find('\n');
  const std::string first = out.substr(0, nl);
  if (first == "unsat") return done(core::VerdictKind::verified, "unsat");
  if (first == "sat") return done(core::VerdictKind::rejected, "sat (the goal does not hold)");
  if (first == "unknown" || out.find("time limit") != std::string::npos || out.find("interrupted") != std::string::npos)
    return done(core::VerdictKind::timeout, "unknown: " + first);
  return done(core::VerdictKind::error, out.substr(0, 300));
}

}  // namespace tcs::z3b
