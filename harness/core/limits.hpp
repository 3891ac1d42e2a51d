// Budget (how much search to spend) and Limits (how much one check may use).
#pragma once

#include <cstdint>
#include <string>

namespace tcs::core {

// Limits for one check. Zero means "no limit" for the numeric fields.
struct Limits {
  double wall_seconds = 60.0;
  int64_t memory_mb = 4096;
  int64_t rlimit = 0;                         // solver resource units (Z3's rlimit)
  int64_t max_answer_bytes = 1 << 20;         // longer candidates are cut and rejected, saying so
};

// How much a search may spend on one problem. Written `passes x width x expansions` for
// tree searches; `samples` is k for sampling.
struct Budget {
  int64_t samples = 1;
  int64_t passes = 1;
  int64_t width = 1;
  int64_t expansions = 1;

  std::string to_string() const;  // "1x2x600" style, or "k=4" for sampling
};

}  // namespace tcs::core
