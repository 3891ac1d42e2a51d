#include "generators/busy_beaver/loop_decider.hpp"

#include <algorithm>
#include <cstring>

#include "harness/core/contract.hpp"

namespace tcs::busy_beaver {

namespace {

int64_t count_ones(const std::vector<uint8_t>& tape, int64_t lo, int64_t hi) {
  int64_t n = 0;
  for (int64_t i = lo; i <= hi; ++i) n += tape[static_cast<size_t>(i)] != 0;
  return n;
}

}  // namespace

void LoopDecider::save_record(bool right, int64_t t, int64_t head, int state, int64_t lo,
                              int64_t hi) {
  records_[right].push_back({t, head, state, snaps_.size(), lo, hi - lo + 1});
  snaps_.insert(snaps_.end(), tape_.begin() + lo, tape_.begin() + hi + 1);
}

// A new record at time t: does an earlier record on the same side, in the same state, match?
// Walking back through earlier records, `back` is the furthest point (away from the side)
// visited since that record; the segment [back, record] then must reappear shifted.
bool LoopDecider::translated(bool right, int64_t t, int64_t head, int state, Certificate& out) {
  const std::vector<Record>& recs = records_[right];
  int64_t back = head, walked = t;
  for (size_t j = recs.size(); j-- > 0;) {
    const Record& r = recs[j];
    for (; walked >= r.time; --walked)
      back = right ? std::min(back, pos_[static_cast<size_t>(walked)])
                   : std::max(back, pos_[static_cast<size_t>(walked)]);
    if (r.state != state) continue;
    const int64_t shift = head - r.head;  // signed: > 0 on the right, < 0 on the left
    const int64_t lo = std::min(back, r.head), hi = std::max(back, r.head);
    bool same = true;
    for (int64_t c = lo; c <= hi && same; ++c) {
      const int64_t k = c - r.snap_lo;  // the tape at r.time: the snapshot, blank outside
      const uint8_t then = k >= 0 && k < r.snap_len ? snaps_[r.snap + static_cast<size_t>(k)] : 0;
      same = then == tape_[static_cast<size_t>(c + shift)];
    }
    if (!same) continue;
    out = {CertificateKind::translated_cycler, 0, r.time, t - r.time, right};
    return true;
  }
  return false;
}

// Cells outside the saved range were blank when it was saved; compare the whole visited range.
bool LoopDecider::same_as_saved(int64_t saved_lo, int64_t lo, int64_t hi) const {
  for (int64_t c = lo; c <= hi; ++c) {
    const int64_t k = c - saved_lo;
    const uint8_t then = k >= 0 && k < static_cast<int64_t>(saved_.size()) ? saved_[static_cast<size_t>(k)] : 0;
    if (then != tape_[static_cast<size_t>(c)]) return false;
  }
  return true;
}

Decision LoopDecider::run(const PackedMachine& m, int64_t max_steps) {
  TCS_REQUIRE(max_steps >= 1, "step budget");
  const int64_t width = 2 * max_steps + 3, origin = max_steps + 1;
  tape_.assign(static_cast<size_t>(width), 0);
  pos_.assign(static_cast<size_t>(max_steps + 1), 0);
  records_[0].clear();
  records_[1].clear();
  snaps_.clear();
  int64_t head = origin, lo = origin, hi = origin;
  uint32_t row = 0;
  // Brent: the configuration saved at time `saved_t` (power of two).
  int64_t saved_t = 0, saved_head = origin, saved_lo = origin;
  uint32_t saved_row = 0;
  saved_.assign(1, 0);
  Decision d;
  pos_[0] = head;
  for (int64_t t = 0; t < max_steps; ++t) {
    const uint8_t read = tape_[static_cast<size_t>(head)];
    const Packed e = m.table[row + read];
    if (e.next == kHalt) {
      tape_[static_cast<size_t>(head)] = e.write;
      d.outcome = Outcome::halting;
      d.certificate = {CertificateKind::halting, t + 1, 0, 0, true};
      d.halt_state = static_cast<int>(row) / m.symbols;
      d.halt_read = read;
      d.ones = count_ones(tape_, lo, hi);
      d.best_ones = d.ones + (e.move == 0 && read == 0 ? 1 : 0);
      return d;
    }
    tape_[static_cast<size_t>(head)] = e.write;
    head += e.move;
    row = e.next;
    pos_[static_cast<size_t>(t + 1)] = head;
    const int state = static_cast<int>(row) / m.symbols;
    if (head > hi || head < lo) {
      const bool right = head > hi;
      (right ? hi : lo) = head;
      if (translated(right, t + 1, head, state, d.certificate)) {
        d.outcome = Outcome::nonhalting;
        return d;
      }
      save_record(right, t + 1, head, state, lo, hi);
    }
    if (row == saved_row && head == saved_head && same_as_saved(saved_lo, lo, hi)) {
      d.outcome = Outcome::nonhalting;
      d.certificate = {CertificateKind::cycler, 0, saved_t, t + 1 - saved_t, true};
      return d;
    }
    if (t + 1 >= 2 * saved_t) {
      saved_t = t + 1;
      saved_row = row;
      saved_head = head;
      saved_lo = lo;
      saved_.assign(tape_.begin() + lo, tape_.begin() + hi + 1);
    }
  }
  return d;
}

}  // namespace tcs::busy_beaver
