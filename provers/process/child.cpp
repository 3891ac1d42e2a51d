// Child: Boost.Process v2 starts the process; its launcher's on_exec_setup hook runs in the
// forked child before exec, which is where the process group and rlimits are set (1.81 has no
// ready-made initializer for either). Pipes and the exit are awaited on a private io_context,
// so a Child never shares threads or state with another one.
#include "provers/process/child.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>

// With BOOST_PROCESS_USE_STD_FS, 1.81's headers miss what Boost.Filesystem used to include:
// these three must come first.
#include <boost/io/quoted.hpp>
#include <boost/optional.hpp>
#include <boost/type_traits.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/readable_pipe.hpp>
#include <boost/asio/writable_pipe.hpp>
#include <boost/asio/write.hpp>
#include <boost/process/v2.hpp>

namespace tcs::process {

namespace asio = boost::asio;
namespace bp = boost::process::v2;

namespace {

// Runs in the forked child, before exec: only async-signal-safe calls here.
struct GroupAndLimits {
  int64_t memory_mb = 0;
  int64_t cpu_seconds = 0;
  const char* const* env = nullptr;

  // Runs in the parent before fork. (1.81's process_environment has no definition of its
  // on_setup in header-only mode, so the environment is handed to the launcher here.)
  template <class Launcher>
  bp::error_code on_setup(Launcher& launcher, const bp::filesystem::path&, const char* const*) {
    if (env) launcher.env = env;
    return {};
  }

  template <class Launcher>
  bp::error_code on_exec_setup(Launcher&, const bp::filesystem::path&, const char* const*&) {
    if (::setpgid(0, 0) != 0) return bp::error_code(errno, bp::system_category());
    if (memory_mb > 0) {
      rlim_t bytes = static_cast<rlim_t>(memory_mb) << 20;
      struct rlimit lim {
        bytes, bytes
      };
      if (::setrlimit(RLIMIT_AS, &lim) != 0) return bp::error_code(errno, bp::system_category());
    }
    if (cpu_seconds > 0) {
      struct rlimit lim {
        static_cast<rlim_t>(cpu_seconds), static_cast<rlim_t>(cpu_seconds + 1)
      };
      if (::setrlimit(RLIMIT_CPU, &lim) != 0) return bp::error_code(errno, bp::system_category());
    }
    // The parent may ignore SIGPIPE or block signals; the child starts with the defaults.
    ::signal(SIGPIPE, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    return {};
  }
};

bool contains_ci(const std::string& hay, std::string_view needle) {
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return std::tolower(a) == std::tolower(b); });
  return it != hay.end();
}

// How each runtime we start reports a failed allocation under RLIMIT_AS.
bool reports_out_of_memory(const Result& r) {
  for (std::string_view s :
       {"out of memory", "bad_alloc", "Cannot allocate memory", "MemoryError", "Stack overflow"}) {
    if (contains_ci(r.err, s) || contains_ci(r.out, s)) return true;
  }
  return false;
}

}  // namespace

Outcome classify(const Result& r, const Spec& spec, bool we_killed, bool timed_out) {
  if (timed_out) return Outcome::timeout;
  if (r.signal == SIGXCPU) return Outcome::timeout;
  if (spec.memory_mb > 0 && reports_out_of_memory(r) && !(r.signal == 0 && r.exit_code == 0))
    return Outcome::out_of_memory;
  if (r.signal == SIGKILL && !we_killed) {
    // Not ours: the hard CPU limit, or the kernel's OOM killer.
    bool cpu = spec.cpu_seconds > 0 && r.seconds >= static_cast<double>(spec.cpu_seconds);
    return cpu ? Outcome::timeout : Outcome::out_of_memory;
  }
  if (r.signal != 0) return Outcome::crashed;
  return r.exit_code == 0 ? Outcome::ok : Outcome::failed;
}

struct Child::Impl {
  Spec spec;
  asio::io_context ioc;
  asio::readable_pipe out_pipe{ioc}, err_pipe{ioc};
  asio::writable_pipe in_pipe{ioc};
  std::optional<bp::process> proc;
  std::array<char, 65536> out_chunk{}, err_chunk{};
  std::string out, err, pending;
  bool out_open = true, err_open = true, exited = false, truncated = false, writing = false;
  int status = 0;
  int pid = -1;

  void append(std::string& to, const char* data, size_t n) {
    size_t room = spec.max_output_bytes > to.size() ? spec.max_output_bytes - to.size() : 0;
    if (n > room) truncated = true;
    to.append(data, std::min(n, room));
  }
  void read_out() {
    out_pipe.async_read_some(asio::buffer(out_chunk), [this](bp::error_code ec, size_t n) {
      append(out, out_chunk.data(), n);
      if (ec)
        out_open = false;
      else
        read_out();
    });
  }
  void read_err() {
    err_pipe.async_read_some(asio::buffer(err_chunk), [this](bp::error_code ec, size_t n) {
      append(err, err_chunk.data(), n);
      if (ec)
        err_open = false;
      else
        read_err();
    });
  }
  void wait_exit() {
    // The portable code folds signals into numbers; the native wait status keeps them apart.
    proc->async_wait([this](bp::error_code, int) {
      exited = true;
      status = proc->native_exit_code();
    });
  }
};

core::Expected<std::unique_ptr<Child>> Child::spawn(const Spec& spec) {
  if (spec.argv.empty()) return core::bad_input("process: empty argv");
  // Writing to a child that has exited must be an error value, not a SIGPIPE that kills us.
  // Children get the default disposition back before exec (GroupAndLimits).
  static std::once_flag ignore_sigpipe;
  std::call_once(ignore_sigpipe, [] { ::signal(SIGPIPE, SIG_IGN); });
  std::string exe = find_executable(spec.argv[0]);
  if (exe.empty())
    return core::Error{core::ErrorCode::unsupported, spec.argv[0] + ": executable not found"};
  auto impl = std::make_unique<Impl>();
  impl->spec = spec;
  std::vector<std::string> args(spec.argv.begin() + 1, spec.argv.end());
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) env.emplace_back(*e);
  for (const auto& kv : spec.env) {
    std::string_view name = std::string_view(kv).substr(0, kv.find('='));
    std::erase_if(env, [&](const std::string& e) {
      return e.size() > name.size() && e.compare(0, name.size(), name) == 0 &&
             e[name.size()] == '=';
    });
    env.push_back(kv);
  }
  bp::error_code ec;
  std::vector<const char*> envp;
  for (const auto& e : env) envp.push_back(e.c_str());
  envp.push_back(nullptr);
  GroupAndLimits group{spec.memory_mb, spec.cpu_seconds, envp.data()};
  bp::process_start_dir dir{spec.cwd.empty() ? std::string(".") : spec.cwd};
  auto launch = [&](auto&& out, auto&& err) {
    return bp::default_process_launcher()(impl->ioc, ec, exe, args,
                                          bp::process_stdio{impl->in_pipe, out, err}, dir, group);
  };
  std::optional<bp::process> proc;
  if (spec.merge_stderr) {
    // One pipe for both streams, so what the child wrote keeps its order.
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
      return core::Error{core::ErrorCode::io, spec.argv[0] + ": cannot create a pipe"};
    impl->out_pipe.assign(fds[0]);
    proc.emplace(launch(fds[1], fds[1]));
    ::close(fds[1]);
  } else {
    proc.emplace(launch(impl->out_pipe, impl->err_pipe));
  }
  if (ec) return core::Error{core::ErrorCode::io, spec.argv[0] + ": cannot start: " + ec.message()};
  impl->proc.emplace(std::move(*proc));
  impl->pid = impl->proc->id();
  impl->read_out();
  if (spec.merge_stderr)
    impl->err_open = false;
  else
    impl->read_err();
  impl->wait_exit();
  return std::unique_ptr<Child>(new Child(std::move(impl)));
}

Child::Child(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Child::~Child() {
  if (impl_ && !impl_->exited) finish(false, 0);
}

bool Child::pump_until(const std::function<bool()>& done, Clock::time_point deadline) {
  auto& d = *impl_;
  while (!done()) {
    if (d.exited && !d.out_open && !d.err_open && !d.writing) return done();
    if (Clock::now() >= deadline) return false;
    d.ioc.restart();
    d.ioc.run_one_until(deadline);
  }
  return true;
}

void Child::write(std::string text) {
  auto& d = *impl_;
  d.pending = std::move(text);
  d.writing = true;
  asio::async_write(d.in_pipe, asio::buffer(d.pending),
                    [&d](bp::error_code, size_t) { d.writing = false; });
}

bool Child::written() const { return !impl_->writing; }

void Child::close_stdin() {
  bp::error_code ec;
  impl_->in_pipe.close(ec);
}

bool Child::exited() const { return impl_->exited; }
std::string& Child::out() { return impl_->out; }
const std::string& Child::err() const { return impl_->err; }
int Child::pid() const { return impl_->pid; }

Result Child::finish(bool timed_out, double seconds) {
  auto& d = *impl_;
  bool we_killed = false;
  auto leader_gone = [&d] { return d.exited; };
  if (!d.exited) {
    we_killed = true;
    ::kill(-d.pid, SIGTERM);
    auto grace = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                    std::chrono::duration<double>(d.spec.grace_seconds));
    if (!pump_until(leader_gone, grace)) {
      ::kill(-d.pid, SIGKILL);
      pump_until(leader_gone, Clock::time_point::max());
    }
  }
  // Grandchildren that kept the group alive (and the pipes open) go with the leader.
  ::kill(-d.pid, SIGKILL);
  close_stdin();
  pump_until([&d] { return !d.out_open && !d.err_open; }, Clock::now() + std::chrono::seconds(2));
  Result r;
  if (WIFEXITED(d.status)) r.exit_code = WEXITSTATUS(d.status);
  if (WIFSIGNALED(d.status)) r.signal = WTERMSIG(d.status);
  r.out = std::move(d.out);
  r.err = std::move(d.err);
  r.truncated = d.truncated;
  r.seconds = seconds;
  r.outcome = classify(r, d.spec, we_killed, timed_out);
  return r;
}

std::string find_executable(std::string_view name) {
  if (name.find('/') != std::string_view::npos)
    return ::access(std::string(name).c_str(), X_OK) == 0 ? std::string(name) : std::string();
  auto path = bp::environment::find_executable(std::string(name));
  return path.string();
}

}  // namespace tcs::process
