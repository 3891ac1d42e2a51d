// The loop decider: one simulation from the blank tape that recognises three outcomes —
// halting (a halting transition is read), cyclers (a whole configuration repeats; Brent's
// cycle finding, comparing with a configuration saved at times 1, 2, 4, 8, ...) and
// translated cyclers (two records on the same side, in the same state, whose tape segments
// back to the furthest point visited in between agree; see certificate.hpp). Each answer comes
// with its certificate. It never claims non-halting for a machine that halts: both loop
// conditions are proofs (checked independently by check_certificate), and it looks for them
// only while no halting transition has been read.
#pragma once

#include <cstdint>
#include <vector>

#include "generators/busy_beaver/certificate.hpp"
#include "generators/busy_beaver/machine.hpp"

namespace tcs::busy_beaver {

enum class Outcome { halting, nonhalting, undecided };

struct Decision {
  Outcome outcome = Outcome::undecided;
  Certificate certificate;  // meaningful unless undecided
  // Halting only: the transition read at the halting step, and the non-blank cells after it.
  int halt_state = -1, halt_read = -1;
  int64_t ones = 0;
  // Halting on an undefined transition: the ones if it were filled to write a non-blank
  // symbol (what the Busy Beaver's Σ counts for the machine that halts there).
  int64_t best_ones = 0;
};

class LoopDecider {
 public:
  // Runs at most max_steps (>= 1) transitions. Buffers are reused between calls, so one
  // decider per thread enumerates without allocating.
  Decision run(const PackedMachine& machine, int64_t max_steps);

 private:
  struct Record {
    int64_t time;
    int64_t head;      // tape index
    int state;
    size_t snap;       // where its snapshot starts in snaps_
    int64_t snap_lo;   // tape index of the snapshot's first cell
    int64_t snap_len;  // cells in the snapshot (the visited range at `time`)
  };
  bool translated(bool right, int64_t t, int64_t head, int state, Certificate& out);
  void save_record(bool right, int64_t t, int64_t head, int state, int64_t lo, int64_t hi);
  bool same_as_saved(int64_t saved_lo, int64_t lo, int64_t hi) const;

  std::vector<uint8_t> tape_, saved_;
  std::vector<int64_t> pos_;
  std::vector<Record> records_[2];
  std::vector<uint8_t> snaps_;
};

}  // namespace tcs::busy_beaver
