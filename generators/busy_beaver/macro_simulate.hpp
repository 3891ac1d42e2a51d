// The accelerated simulator: a macro machine over blocks of k cells on a run-length encoded
// tape (Marxen and Buntrock's technique).
//
// The tape is two stacks of runs (block value, count), one on each side of the head; the head
// sits at the edge of the block it is about to read, facing into it. A macro transition runs
// the base machine inside one block until the head leaves it (left or right), halts, or loops
// inside the block forever; its results are computed once per (state, facing, block) and
// cached. When a macro transition leaves the state and facing unchanged, the machine sweeps
// through the whole run ahead in one go, adding count x steps. Step counts are exact, so the
// result equals run_plain's whenever the machine halts within the budget; when it does not,
// the status is `limit` (steps = max_steps) or `nonhalting` when the simulator saw a proof
// (an endless sweep into blank tape, or a loop inside one block).
#pragma once

#include "generators/busy_beaver/simulate.hpp"

namespace tcs::busy_beaver {

// block: cells per macro block; 0 chooses one by a short probe of each size (the size that
// covers the most steps per macro transition). Requires symbols^block <= 2^16 when given.
RunResult run_accelerated(const Machine& machine, int64_t max_steps,
                          const core::CancelToken* cancel = nullptr, int block = 0);

// The block size run_accelerated(…, 0) would use.
int choose_block_size(const Machine& machine);

}  // namespace tcs::busy_beaver
