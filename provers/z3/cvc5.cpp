#include "provers/z3/cvc5.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <vector>

#include "harness/core/env.hpp"

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

// Runs argv with stdout+stderr captured; false when the deadline passed (the child is killed).
bool run_captured(const std::vector<std::string>& argv, double timeout_s, std::string& out, int& status) {
  int fds[2];
  if (::pipe(fds) != 0) return false;
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], 1);
    ::dup2(fds[1], 2);
    ::close(fds[0]);
    ::close(fds[1]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<int64_t>(timeout_s * 1000));
  bool finished = pid > 0;
  char buf[4096];
  while (finished) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) { finished = false; break; }
    pollfd p{fds[0], POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) { finished = false; break; }
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fds[0]);
  if (pid > 0) {
    if (!finished) ::kill(pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  return finished;
}

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
  std::string out;
  int status = 0;
  // cvc5's own --tlimit stops it first; our deadline is a little later and is the hard stop.
  if (!run_captured(argv, limit + 0.5, out, status))
    return done(core::VerdictKind::timeout, "killed at the deadline");
  const size_t nl = out.find('\n');
  const std::string first = out.substr(0, nl);
  if (first == "unsat") return done(core::VerdictKind::verified, "unsat");
  if (first == "sat") return done(core::VerdictKind::rejected, "sat (the goal does not hold)");
  if (first == "unknown" || out.find("time limit") != std::string::npos || out.find("interrupted") != std::string::npos)
    return done(core::VerdictKind::timeout, "unknown: " + first);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return done(core::VerdictKind::error, "cannot run " + binary);
  return done(core::VerdictKind::error, out.substr(0, 300));
}

}  // namespace tcs::z3b
