// Known Busy Beaver values and champions (the literature's step convention: the halting
// transition counts). Used by regression tests and `tcsprove bb known`.
#pragma once

#include <cstdint>
#include <vector>

namespace tcs::busy_beaver {

struct KnownValue {
  const char* name;     // "S(2)", "Σ(3)", "BB(2,4) champion", ...
  const char* machine;  // bbchallenge format
  int64_t steps;        // halting step
  int64_t ones;         // non-blank cells at halt
  bool is_value;        // true: the machine attains a proven value (S or Σ); false: a champion
};

// BB(2) = 6 / 4; S(3) = 21 and Σ(3) = 6 (different machines); BB(4) = 107 / 13;
// BB(2,3) = 38 / 9; BB(2,4) champion 3,932,964 / 2,050; BB(5) = 47,176,870 / 4,098.
const std::vector<KnownValue>& known_values();

}  // namespace tcs::busy_beaver
