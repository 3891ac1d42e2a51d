// Deterministic random numbers: the same seed gives the same sequence on every machine
// (std::uniform_int_distribution is implementation-defined, so we do not use it).
#pragma once

#include <cstdint>

#include "harness/core/contract.hpp"
#include "harness/core/hash.hpp"

namespace tcs::core {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return mix64(state_);
  }
  // Uniform in [lo, hi], both included. Requires lo <= hi.
  int64_t uniform(int64_t lo, int64_t hi) {
    TCS_REQUIRE(lo <= hi, "empty range");
    uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
    if (span == 0) return static_cast<int64_t>(next());  // the full 64-bit range
    // Rejection sampling removes the modulo bias.
    uint64_t limit = UINT64_MAX - UINT64_MAX % span;
    uint64_t x;
    do x = next();
    while (x >= limit);
    return lo + static_cast<int64_t>(x % span);
  }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool bernoulli(double p) { return unit() < p; }

 private:
  uint64_t state_;
};

}  // namespace tcs::core
