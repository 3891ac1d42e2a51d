#include "provers/lean/pool.hpp"

#include <fstream>

namespace tcs::lean {

int64_t resident_mb(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::atoll(line.c_str() + 6) / 1024;
  return 0;
}

ReplPool::ReplPool(PoolOptions options) : options_(std::move(options)) {
  slots_.resize(static_cast<size_t>(std::max(1, options_.size)));
}

ReplPool::~ReplPool() = default;

// Prefers an idle REPL that already has this header loaded, then any idle one.
size_t ReplPool::acquire(const std::string& header) {
  std::unique_lock lock(mutex_);
  for (;;) {
    size_t best = slots_.size();
    for (size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i].busy) continue;
      if (slots_[i].client && slots_[i].loaded && slots_[i].header == header) {
        best = i;
        break;
      }
      if (best == slots_.size()) best = i;
    }
    if (best < slots_.size()) {
      slots_[best].busy = true;
      return best;
    }
    free_.wait(lock);
  }
}

void ReplPool::release(size_t slot, bool healthy) {
  std::unique_ptr<ReplClient> dead;
  {
    std::lock_guard lock(mutex_);
    Slot& s = slots_[slot];
    if (!healthy) {
      dead = std::move(s.client);
      s.loaded = false;
    }
    s.busy = false;
  }
  free_.notify_one();
  // Stopping a REPL (SIGTERM, grace, SIGKILL) happens outside the lock.
  if (dead) dead->stop();
}

bool ReplPool::worn_out(Slot& slot) const {
  if (!slot.client || !slot.client->running()) return true;
  if (slot.client->uses() >= options_.max_uses) return true;
  return options_.max_rss_mb > 0 && resident_mb(slot.client->pid()) > options_.max_rss_mb;
}

core::Status ReplPool::prepare(Slot& slot, const std::string& header) {
  if (worn_out(slot)) {
    if (slot.client) slot.client->stop();
    slot.client.reset();
    slot.loaded = false;
    auto started = ReplClient::start(options_.repl);
    if (!started) return started.error();
    slot.client = std::move(*started);
    std::lock_guard lock(mutex_);
    ++starts_;
  }
  if (slot.loaded && slot.header == header) return {};
  slot.header = header;
  slot.header_env.reset();
  if (!header.empty()) {
    auto reply = slot.client->command(header, std::nullopt, options_.header_seconds);
    {
      std::lock_guard lock(mutex_);
      ++header_loads_;
    }
    if (reply.status != ReplClient::Status::ok)
      return core::Error{core::ErrorCode::io, "loading the header: " + reply.problem};
    if (reply.response.has_error() || !reply.response.env)
      return core::Error{core::ErrorCode::bad_input,
                         "the header does not elaborate: " + reply.response.first_error()};
    slot.header_env = reply.response.env;
  }
  slot.loaded = true;
  return {};
}

core::Status ReplPool::lease(const std::string& header, const Use& use) {
  size_t index = acquire(header);
  Slot& slot = slots_[index];
  core::Status st = prepare(slot, header);
  if (!st.ok()) {
    release(index, false);
    return st;
  }
  bool healthy = use(*slot.client, slot.header_env);
  release(index, healthy);
  return {};
}

ReplClient::Reply ReplPool::run(const std::string& header, const std::string& body,
                                double seconds) {
  ReplClient::Reply out;
  core::Status st = lease(header, [&](ReplClient& repl, std::optional<int> env) {
    out = repl.command(body, env, seconds);
    return out.status == ReplClient::Status::ok;
  });
  if (!st.ok()) {
    out.status = ReplClient::Status::died;
    out.problem = st.error().message;
  }
  return out;
}

int ReplPool::starts() const {
  std::lock_guard lock(mutex_);
  return starts_;
}

int ReplPool::header_loads() const {
  std::lock_guard lock(mutex_);
  return header_loads_;
}

}  // namespace tcs::lean
