// Prover::check_in_child: one check in a forked child that is killed at the deadline.
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

#include <z3++.h>

#include "provers/z3/solver.hpp"

namespace tcs::z3b {

namespace {

// The child's whole reply: kind digit, rlimit used, newline, message. Read until EOF.
std::string encode(const SmtResult& r) {
  std::string out(1, static_cast<char>('0' + static_cast<int>(r.kind)));
  return out + std::to_string(r.rlimit_used) + "\n" + r.message;
}

SmtResult decode(const std::string& text) {
  SmtResult r;
  const size_t nl = text.find('\n');
  if (text.size() < 2 || nl == std::string::npos || text[0] < '0' || text[0] > '4') {
    r.message = "the child process ended without an answer (crash or memory cap)";
    return r;
  }
  r.kind = static_cast<core::VerdictKind>(text[0] - '0');
  r.rlimit_used = std::strtoll(text.c_str() + 1, nullptr, 10);
  r.message = text.substr(nl + 1);
  return r;
}

[[noreturn]] void child_main(int fd, const Prover::Job& job, const CheckLimits& limits,
                             int64_t memory_mb) {
#if !defined(__SANITIZE_ADDRESS__)  // ASan reserves terabytes of address space up front
  if (memory_mb > 0) {
    // A hard address-space cap backs up Z3's soft memory_max_size.
    struct rlimit lim;
    lim.rlim_cur = lim.rlim_max = static_cast<rlim_t>(memory_mb + 512) << 20;
    ::setrlimit(RLIMIT_AS, &lim);
  }
#endif
  // A fresh context: the child never touches the parent's.
  SmtResult result;
  try {
    z3::context ctx;
    result = job(&ctx, limits);
  } catch (const z3::exception& e) {
    result.kind = core::VerdictKind::error;
    result.message = std::string("z3: ") + e.msg();
  }
  const std::string reply = encode(result);
  size_t off = 0;
  while (off < reply.size()) {
    const ssize_t n = ::write(fd, reply.data() + off, reply.size() - off);
    if (n <= 0) break;
    off += static_cast<size_t>(n);
  }
  ::_exit(0);
}

// Reads the child's reply until EOF or the deadline; false when the deadline came first.
bool read_until(int fd, std::chrono::steady_clock::time_point deadline, bool has_deadline,
                std::string& out) {
  char buf[4096];
  for (;;) {
    int wait_ms = -1;
    if (has_deadline) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      wait_ms = static_cast<int>(left.count());
    }
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, wait_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return false;
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    out.append(buf, static_cast<size_t>(n));
  }
}

}  // namespace

SmtResult Prover::check_in_child(const Job& job, const CheckLimits& limits) {
  const double timeout_s = limits.timeout_seconds;
  int fds[2];
  if (::pipe(fds) != 0) return {core::VerdictKind::error, "pipe() failed", 0, 0};
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::microseconds(static_cast<int64_t>(timeout_s * 1e6));
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return {core::VerdictKind::error, "fork() failed", 0, 0};
  }
  if (pid == 0) {
    ::close(fds[0]);
    child_main(fds[1], job, limits, options_.memory_mb);
  }
  ::close(fds[1]);
  child_pid_.store(pid);
  std::string reply;
  const bool finished = read_until(fds[0], deadline, timeout_s > 0, reply);
  if (!finished) ::kill(pid, SIGKILL);
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  child_pid_.store(0);
  if (!finished)
    return {core::VerdictKind::timeout, "unknown: child process killed at the deadline", 0, 0};
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL && reply.empty())
    return {core::VerdictKind::timeout, "unknown: child process interrupted", 0, 0};
  return decode(reply);
}

}  // namespace tcs::z3b
