// A pool of Lean REPLs. The header of a file (its imports: loading Mathlib takes a while) is
// elaborated once per REPL and every body is then checked in that environment. A REPL is
// restarted after `max_uses` commands, when its resident memory passes `max_rss_mb`, and
// after any command that timed out (it is killed: the only way to stop Lean mid-command) or
// got no well-formed answer. RLIMIT_AS and RLIMIT_CPU come from `repl.memory_mb`/`cpu_seconds`.
//
// Thread-safe: run() and lease() may be called from several threads; at most `size` REPLs run.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "provers/lean/repl.hpp"

namespace tcs::lean {

struct PoolOptions {
  process::Spec repl;  // how to start one REPL (argv, cwd = the Lean project, limits)
  int size = 1;
  int max_uses = 200;
  int64_t max_rss_mb = 0;       // 0 = no soft cap
  double header_seconds = 600;  // time allowed to load a header
};

class ReplPool {
 public:
  explicit ReplPool(PoolOptions options);
  ~ReplPool();

  // Elaborates `body` in the environment of `header` (empty header: a fresh environment).
  // A header that fails to elaborate comes back as the header's own reply.
  ReplClient::Reply run(const std::string& header, const std::string& body, double seconds);

  // Runs `use` with a REPL that has `header` loaded (its env id given); `use` returns false
  // when the REPL must be restarted afterwards (a timeout, a broken answer).
  using Use = std::function<bool(ReplClient& repl, std::optional<int> header_env)>;
  core::Status lease(const std::string& header, const Use& use);

  int starts() const;
  int header_loads() const;

 private:
  struct Slot {
    std::unique_ptr<ReplClient> client;
    std::string header;
    std::optional<int> header_env;
    bool loaded = false;
    bool busy = false;
  };
  size_t acquire(const std::string& header);
  void release(size_t slot, bool healthy);
  core::Status prepare(Slot& slot, const std::string& header);
  bool worn_out(Slot& slot) const;

  PoolOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable free_;
  std::vector<Slot> slots_;
  int starts_ = 0;
  int header_loads_ = 0;
};

// Resident memory of a process in MB, from /proc (0 when unknown).
int64_t resident_mb(int pid);

}  // namespace tcs::lean
