#include "generators/busy_beaver/machine.hpp"

namespace tcs::busy_beaver {

bool halts_on(const Machine& m, int state, int read) {
  const Transition& t = m.at(state, read);
  return !t.defined || m.halts_into(t.next);
}

int halting_transitions(const Machine& m) {
  int n = 0;
  for (int s = 0; s < m.states; ++s)
    for (int r = 0; r < m.symbols; ++r) n += halts_on(m, s, r);
  return n;
}

PackedMachine pack(const Machine& m) {
  PackedMachine p{m.states, m.symbols, {}};
  p.table.resize(m.table.size());
  for (int s = 0; s < m.states; ++s)
    for (int r = 0; r < m.symbols; ++r) {
      const Transition& t = m.at(s, r);
      Packed& e = p.table[s * m.symbols + r];
      if (!t.defined) {
        e = {static_cast<uint8_t>(r), 0, kHalt};
        continue;
      }
      e.write = t.write;
      e.move = t.right ? 1 : -1;
      e.next = m.halts_into(t.next) ? kHalt : static_cast<uint16_t>((t.next - 'A') * m.symbols);
    }
  return p;
}

}  // namespace tcs::busy_beaver
