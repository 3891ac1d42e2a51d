#include "generators/busy_beaver/far.hpp"

#include <algorithm>

namespace tcs::busy_beaver {

namespace {

uint64_t bit(int i) { return uint64_t{1} << i; }

uint64_t successors(const std::array<uint64_t, 64>& edges, uint64_t set) {
  uint64_t out = 0;
  for (; set; set &= set - 1) out |= edges[static_cast<size_t>(__builtin_ctzll(set))];
  return out;
}

}  // namespace

bool FarDecider::close(Edges& e) const {
  const int m = tm_.symbols;
  for (bool changed = true; changed;) {
    changed = false;
    for (int q = 0; q < q_; ++q)
      for (int r = 0; r < m; ++r) {
        const Packed p = tm_.table[static_cast<size_t>(q * m + r)];
        for (int i = 0; i < n_; ++i) {
          uint64_t add = 0;
          if (p.next == kHalt) {
            add = bit(sink_);
          } else if (p.move > 0) {
            const int j = dfa_[static_cast<size_t>(i * 2 + p.write)];
            if (j < 0) continue;
            add = bit(j * q_ + p.next / m);
          } else {
            // Every b the cell left of the head may hold: DFA state i before it, δ(i, b) after.
            for (int b = 0; b < 2; ++b) {
              const int j = dfa_[static_cast<size_t>(i * 2 + b)];
              if (j < 0) continue;
              const uint64_t s =
                  successors(e[p.write], successors(e[static_cast<size_t>(b)], bit(i * q_ + p.next / m)));
              uint64_t& target = e[static_cast<size_t>(r)][static_cast<size_t>(j * q_ + q)];
              if ((target | s) != target) target |= s, changed = true;
            }
            continue;
          }
          uint64_t& target = e[static_cast<size_t>(r)][static_cast<size_t>(i * q_ + q)];
          if ((target | add) != target) target |= add, changed = true;
        }
      }
  }
  // The start (DFA state 0, machine state A) followed by blanks must not reach ⊥.
  uint64_t reach = bit(0);
  for (uint64_t prev = 0; prev != reach;) prev = reach, reach |= successors(e[0], reach);
  return (reach & bit(sink_)) == 0;
}

// Slot k fixes δ(i, b) for (i, b) = ((k + 1) / 2, (k + 1) % 2): δ(0, 0) = 0 is given.
bool FarDecider::search(int slot, int used, const Edges& edges) {
  if (slot == 2 * n_ - 1) {
    found_ = edges;
    return true;
  }
  const int i = (slot + 1) / 2, b = (slot + 1) % 2;
  if (i >= used) return false;  // state i unreachable: a smaller DFA covers this one
  for (int target = 0; target <= used && target < n_; ++target) {
    if (++nodes_ > max_nodes_) return false;
    dfa_[static_cast<size_t>(i * 2 + b)] = target;
    Edges next = edges;
    if (close(next) && search(slot + 1, std::max(used, target + 1), next)) return true;
    dfa_[static_cast<size_t>(i * 2 + b)] = -1;
  }
  return false;
}

Decision FarDecider::run(const PackedMachine& machine, int max_dfa_states, int64_t max_nodes) {
  Decision d;
  if (machine.symbols != 2) return d;
  for (int n = 1; n <= max_dfa_states && n <= 8 && n * machine.states < 64; ++n)
    for (int mirror = 0; mirror < 2; ++mirror) {
      tm_ = machine;
      if (mirror)
        for (Packed& p : tm_.table) p.move = static_cast<int8_t>(-p.move);
      n_ = n;
      q_ = machine.states;
      sink_ = n * q_;
      dfa_.assign(static_cast<size_t>(2 * n), -1);
      dfa_[0] = 0;
      nodes_ = 0;
      max_nodes_ = max_nodes;
      Edges edges{};
      for (auto& e : edges) e[static_cast<size_t>(sink_)] = bit(sink_);
      if (close(edges) && search(0, 1, edges)) {
        d.outcome = Outcome::nonhalting;
        d.certificate = certificate(found_, mirror == 1);
        return d;
      }
    }
  return d;
}

Certificate FarDecider::certificate(const Edges& edges, bool mirror) const {
  Certificate c;
  c.kind = CertificateKind::far;
  c.mirror = mirror;
  for (int i = 0; i < n_; ++i)
    c.dfa.push_back({dfa_[static_cast<size_t>(i * 2)], dfa_[static_cast<size_t>(i * 2 + 1)]});
  for (int from = 0; from <= sink_; ++from)
    for (int r = 0; r < 2; ++r)
      for (uint64_t s = edges[static_cast<size_t>(r)][static_cast<size_t>(from)]; s; s &= s - 1)
        c.nfa.push_back({from, r, __builtin_ctzll(s)});
  return c;
}

}  // namespace tcs::busy_beaver
