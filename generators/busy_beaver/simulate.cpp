#include "generators/busy_beaver/simulate.hpp"

#include <algorithm>
#include <vector>

namespace tcs::busy_beaver {

std::string_view to_string(RunStatus status) {
  switch (status) {
    case RunStatus::halted: return "halted";
    case RunStatus::limit: return "limit";
    case RunStatus::cancelled: return "cancelled";
    case RunStatus::nonhalting: return "nonhalting";
  }
  return "?";
}

namespace {

// The hot loop runs in chunks during which the head cannot leave the tape (it moves at most
// one cell per step), so the loop body has no bounds check and only one branch, the halt test,
// which the predictor always gets right. Between chunks the tape is re-centred and doubled
// when the head comes near an end.
constexpr int64_t kChunk = 1 << 22;

struct Tape {
  std::vector<uint8_t> cells = std::vector<uint8_t>(4096, 0);
  int64_t head = 2048;

  void make_room(int64_t margin) {
    const int64_t size = static_cast<int64_t>(cells.size());
    if (head >= margin && size - head > margin) return;
    std::vector<uint8_t> grown(static_cast<size_t>(std::max<int64_t>(2 * size, 4 * margin)), 0);
    const int64_t shift = static_cast<int64_t>(grown.size() - cells.size()) / 2;
    std::copy(cells.begin(), cells.end(), grown.begin() + shift);
    cells.swap(grown);
    head += shift;
  }
};

}  // namespace

RunResult run_plain(const Machine& machine, int64_t max_steps, const core::CancelToken* cancel) {
  const PackedMachine pm = pack(machine);
  const Packed* table = pm.table.data();
  Tape tape;
  RunResult result;
  uint32_t row = 0;
  bool halted = false;
  while (!halted && result.steps < max_steps) {
    if (cancel && cancel->cancelled()) {
      result.status = RunStatus::cancelled;
      break;
    }
    const int64_t chunk = std::min(kChunk, max_steps - result.steps);
    tape.make_room(chunk + 1);
    uint8_t* cells = tape.cells.data();
    int64_t head = tape.head, i = 0;
    while (i < chunk) {
      const Packed e = table[row + cells[head]];
      cells[head] = e.write;
      head += e.move;
      ++i;
      if (e.next == kHalt) {
        halted = true;
        break;
      }
      row = e.next;
    }
    result.state = static_cast<int>(row) / pm.symbols;
    tape.head = head;
    result.steps += i;
  }
  if (halted) result.status = RunStatus::halted;
  else if (result.status != RunStatus::cancelled) result.status = RunStatus::limit;
  result.ones = static_cast<int64_t>(tape.cells.size()) -
                std::count(tape.cells.begin(), tape.cells.end(), uint8_t{0});
  return result;
}

}  // namespace tcs::busy_beaver
