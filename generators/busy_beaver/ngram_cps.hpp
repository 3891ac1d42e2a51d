// The n-gram Closed Position Set decider (bbchallenge's "n-gram CPS", as in Coq-BB5), run on
// the macro machine with blocks of k cells: an over-approximation of the reachable
// configurations by local views — the state, the facing (the head entered its block from the
// left '>' or from the right '<'), the n blocks left of the head, the block under it, the n
// blocks right of it — together with the sets of n-block words that may appear on either side.
// Starting from the blank view, it adds every successor view that the word sets allow and every
// word a step creates, until nothing changes. If no view ever reads a halting transition (or
// stays in its block forever), the set is closed and the machine never halts; the set is the
// certificate (certificate.hpp, "ngram_cps"). Blocks turn period-k patterns (the tapes of
// bouncers) into repeated symbols, which plain n-grams cannot summarise. Reading a halting
// transition, or more than `max_configs` views, gives up: it never claims non-halting for a
// machine that halts.
#pragma once

#include <cstdint>
#include <vector>

#include "generators/busy_beaver/loop_decider.hpp"

namespace tcs::busy_beaver {

class NgramCps {
 public:
  // Requires n >= 1, block >= 1 and states x 2 x (symbols^block)^(2n+1) <= 2^24 (fits()).
  // Buffers are reused between calls.
  Decision run(const PackedMachine& machine, int n, int block, int64_t max_configs = 50000);
  static bool fits(const PackedMachine& machine, int n, int block);

 private:
  void build_macro(const PackedMachine& machine, int block);
  Certificate certificate(int n, int block, uint32_t words) const;

  PackedMachine macro_;  // states (q, facing) = 2q + facing_right; symbols = blocks
  int base_symbols_ = 2;
  std::vector<uint8_t> in_left_, in_right_, in_set_;
  std::vector<uint32_t> list_;
};

}  // namespace tcs::busy_beaver
