// Running a machine from the blank tape: a plain simulator (one transition at a time, tight
// loop) and an accelerated one (macro_simulate.hpp) that must agree with it exactly.
#pragma once

#include <cstdint>
#include <string_view>

#include "generators/busy_beaver/machine.hpp"
#include "harness/core/env.hpp"

namespace tcs::busy_beaver {

enum class RunStatus {
  halted,     // a halting transition was taken (it is counted in `steps`)
  limit,      // max_steps transitions were taken without halting
  cancelled,  // the cancel token was set; steps so far are reported
  nonhalting, // (accelerated only) proved never to halt, e.g. sweeps forever into blank tape
};
std::string_view to_string(RunStatus status);

struct RunResult {
  RunStatus status = RunStatus::limit;
  int64_t steps = 0;  // transitions taken, the halting one included
  int64_t ones = 0;   // non-blank cells on the tape at the end (the "ones" of Σ(n))
  // The state at the end, 0 = A (halted: the state that read the halting transition). The
  // accelerated simulator knows it only when the machine halted (-1 otherwise).
  int state = 0;
  bool operator==(const RunResult&) const = default;
};

// Largest step budget a caller may ask for (about 10^15: hours of simulation). Larger budgets
// are bad input, not a silent cap.
inline constexpr int64_t kMaxStepBudget = 1'000'000'000'000'000;

// Runs at most max_steps (>= 0) transitions. The tape grows as needed (memory ~ cells
// visited). `cancel` (may be null) is polled every few million steps.
RunResult run_plain(const Machine& machine, int64_t max_steps,
                    const core::CancelToken* cancel = nullptr);

}  // namespace tcs::busy_beaver
