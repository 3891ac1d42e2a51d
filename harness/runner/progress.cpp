#include "harness/runner/progress.hpp"

#include <cstdio>
#include <ostream>

namespace tcs::runner {

Progress::Progress(std::ostream& out, bool live, int64_t total, double interval_seconds)
    : out_(out), live_(live), total_(total), interval_(interval_seconds) {}

void Progress::add(int64_t attempts, int64_t verified) {
  done_ += attempts;
  verified_ += verified;
  // A live line redraws at most 10 times a second; plain lines every interval.
  double now = clock_.seconds();
  if (now - last_print_ < (live_ ? 0.1 : interval_)) return;
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock.owns_lock()) return;
  last_print_ = now;
  print(false);
}

void Progress::finish() {
  std::lock_guard lock(mutex_);
  print(true);
}

void Progress::print(bool final) {
  int64_t done = done_.load(), verified = verified_.load();
  double seconds = clock_.seconds();
  char line[160];
  std::snprintf(line, sizeof line, "%s %lld/%lld attempts (%.0f%%), %lld verified, %.1f s%s",
                final ? "done:" : "progress:", static_cast<long long>(done),
                static_cast<long long>(total_), total_ ? 100.0 * done / total_ : 100.0,
                static_cast<long long>(verified), seconds,
                seconds > 0 && done ? (", " + std::to_string(static_cast<int64_t>(done / seconds)) +
                                       "/s").c_str()
                                    : "");
  if (live_) out_ << "\r\033[K" << line << (final ? "\n" : "") << std::flush;
  else out_ << line << '\n' << std::flush;
}

}  // namespace tcs::runner
