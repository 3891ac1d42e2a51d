#include "generators/busy_beaver/macro_simulate.hpp"

#include <algorithm>
#include <vector>

#include "harness/core/contract.hpp"

namespace tcs::busy_beaver {

namespace {

enum class Exit : uint8_t { unknown, left, right, halts, loops };

struct MacroStep {
  Exit exit = Exit::unknown;
  uint16_t state = 0;   // the state after leaving the block
  uint32_t block = 0;   // the block's contents afterwards
  int64_t steps = 0;    // base transitions taken, the halting one included
};

struct Run {
  uint32_t block;
  int64_t count;
};

// Macro transitions of one machine for one block size, computed lazily.
class MacroTable {
 public:
  MacroTable(const Machine& machine, int k) : pm_(pack(machine)), k_(k) {
    size_ = 1;
    for (int i = 0; i < k; ++i) size_ *= static_cast<uint32_t>(pm_.symbols);
    cache_.resize(static_cast<size_t>(pm_.states) * 2 * size_);
    ones_.resize(size_);
    for (uint32_t b = 0; b < size_; ++b) ones_[b] = count_ones(b);
  }

  const MacroStep& get(int state, bool right, uint32_t block) {
    MacroStep& slot = cache_[(static_cast<size_t>(state) * 2 + right) * size_ + block];
    if (slot.exit == Exit::unknown) slot = compute(state, right, block);
    return slot;
  }
  int64_t ones(uint32_t block) const { return ones_[block]; }

 private:
  int count_ones(uint32_t b) const {
    int n = 0;
    for (int i = 0; i < k_; ++i, b /= pm_.symbols) n += b % pm_.symbols != 0;
    return n;
  }

  // Cell i of a block is digit i (base `symbols`), cell 0 the leftmost.
  MacroStep compute(int state, bool right, uint32_t block) const {
    uint8_t cells[32];
    for (int i = 0, b = static_cast<int>(block); i < k_; ++i, b /= pm_.symbols)
      cells[i] = static_cast<uint8_t>(b % pm_.symbols);
    int pos = right ? 0 : k_ - 1;
    uint32_t row = static_cast<uint32_t>(state * pm_.symbols);
    // Beyond this many steps a configuration inside the block repeated: a loop.
    const int64_t bound = static_cast<int64_t>(pm_.states) * k_ * size_ + 1;
    MacroStep out;
    while (true) {
      if (out.steps > bound) {
        out.exit = Exit::loops;
        break;
      }
      const Packed e = pm_.table[row + cells[pos]];
      cells[pos] = e.write;
      pos += e.move;
      ++out.steps;
      if (e.next == kHalt) {
        out.exit = Exit::halts;
        out.state = static_cast<uint16_t>(row / pm_.symbols);
        break;
      }
      row = e.next;
      if (pos < 0 || pos >= k_) {
        out.exit = pos < 0 ? Exit::left : Exit::right;
        out.state = static_cast<uint16_t>(row / pm_.symbols);
        break;
      }
    }
    for (int i = k_ - 1; i >= 0; --i) out.block = out.block * pm_.symbols + cells[i];
    return out;
  }

  PackedMachine pm_;
  int k_;
  uint32_t size_ = 1;
  std::vector<MacroStep> cache_;
  std::vector<int64_t> ones_;
};

void push(std::vector<Run>& stack, uint32_t block, int64_t count) {
  if (!stack.empty() && stack.back().block == block) stack.back().count += count;
  else if (!(stack.empty() && block == 0)) stack.push_back({block, count});  // blank beyond
}

// Takes one block off the run ahead (blank when the stack is empty).
void take_one(std::vector<Run>& stack) {
  if (stack.empty()) return;
  if (--stack.back().count == 0) stack.pop_back();
}

struct MacroRun {
  RunResult result;
  int64_t macro_steps = 0;
};

MacroRun run_macro(const Machine& machine, int64_t max_steps, const core::CancelToken* cancel,
                   int k, int64_t max_macro_steps) {
  MacroTable table(machine, k);
  std::vector<Run> left, right;
  int state = 0;
  bool facing_right = true;
  MacroRun run;
  RunResult& r = run.result;
  r.status = RunStatus::limit;
  uint32_t last_block = 0, last_read = 0;
  for (;; ++run.macro_steps) {
    if (run.macro_steps >= max_macro_steps) break;
    if ((run.macro_steps & 0xFFFF) == 0 && cancel && cancel->cancelled()) {
      r.status = RunStatus::cancelled;
      break;
    }
    std::vector<Run>& ahead = facing_right ? right : left;
    std::vector<Run>& behind = facing_right ? left : right;
    const uint32_t read = ahead.empty() ? 0 : ahead.back().block;
    const MacroStep& m = table.get(state, facing_right, read);
    if (m.exit == Exit::loops) {
      r.status = RunStatus::nonhalting;
      break;
    }
    const bool sweep = m.exit != Exit::halts && m.state == state &&
                       (m.exit == Exit::right) == facing_right;
    if (sweep && ahead.empty()) {
      r.status = RunStatus::nonhalting;  // the same transition forever, into blank tape
      break;
    }
    const int64_t copies = sweep ? ahead.back().count : 1;
    if (copies > (max_steps - r.steps) / m.steps) {
      r.steps = max_steps;  // every block of the run is a non-halting transition
      break;
    }
    r.steps += copies * m.steps;
    if (m.exit == Exit::halts) {
      r.status = RunStatus::halted;
      last_read = read;
      last_block = m.block;
      state = m.state;
      break;
    }
    if (sweep) {
      ahead.pop_back();
      push(behind, m.block, copies);
      continue;
    }
    take_one(ahead);
    const bool exit_right = m.exit == Exit::right;
    push(exit_right ? left : right, m.block, 1);
    state = m.state;
    facing_right = exit_right;
  }
  r.state = r.status == RunStatus::halted ? state : -1;  // mid-block states are not tracked
  for (const auto* stack : {&left, &right})
    for (const Run& run_ : *stack) r.ones += run_.count * table.ones(run_.block);
  if (r.status == RunStatus::halted) r.ones += table.ones(last_block) - table.ones(last_read);
  return run;
}

int max_block(int symbols) {
  int k = 1;
  int64_t size = symbols;
  while (k < 16 && size * symbols <= 256) ++k, size *= symbols;
  return k;
}

}  // namespace

int choose_block_size(const Machine& machine) {
  // A probe of a fixed number of macro transitions per size: the size whose transitions cover
  // the most base steps wins; ties go to the smaller block (a smaller cache).
  constexpr int64_t kProbe = 4000;
  int best = 1;
  int64_t best_steps = -1;
  for (int k = 1; k <= max_block(machine.symbols); ++k) {
    const MacroRun run = run_macro(machine, kMaxStepBudget, nullptr, k, kProbe);
    if (run.result.status == RunStatus::halted || run.result.status == RunStatus::nonhalting)
      return k;  // settled within the probe: any size is fine, take the first that did
    if (run.result.steps > best_steps) best = k, best_steps = run.result.steps;
  }
  return best;
}

RunResult run_accelerated(const Machine& machine, int64_t max_steps,
                          const core::CancelToken* cancel, int block) {
  TCS_REQUIRE(max_steps >= 0, "negative step budget");
  if (block == 0) block = choose_block_size(machine);
  TCS_REQUIRE(block >= 1 && block <= 16, "block size out of range");
  return run_macro(machine, max_steps, cancel, block, INT64_MAX).result;
}

}  // namespace tcs::busy_beaver
