// Finite Automata Reduction (FAR, bbchallenge's "direct" variant): a regular language that
// contains every configuration from which the machine halts but not the start configuration
// proves the machine never halts.
//
// A configuration is read as: the tape left of the head (from the blank region on), then the
// state, then the tape from the head cell on. A DFA with n states (state 0 initial,
// δ(0, 0) = 0 so leading blanks change nothing) reads the left part and ends in i; an NFA whose
// states are the pairs (i, q) plus an accepting sink ⊥ starts in (i, q) and reads the right
// part; the configuration is in the language when the NFA can reach ⊥ on it followed by some
// blanks. The NFA's edges must satisfy, for every DFA state i and symbol b:
//   halting  (q, r) halts:           (i, q) -r-> ⊥, and ⊥ -x-> ⊥ for every x;
//   right    (q, r) -> (w, R, t):    (i, q) -r-> (δ(i, w), t);
//   left     (q, r) -> (w, L, t):    (δ(i, b), q) -r-> s for every s reached from (i, t) by b, w.
// Then the language is closed under "one step back", so it holds every halting configuration
// of the run; (0, A) not reaching ⊥ on blanks puts the start outside: the machine never halts.
// The decider searches DFAs depth-first in BFS-canonical order and keeps the least NFA for the
// transitions fixed so far; edges only grow as transitions are fixed, so a partial DFA whose
// start already reaches ⊥ is pruned. It also tries the mirrored machine (DFA on the right).
// The certificate ("far", certificate.hpp) holds the DFA and the NFA's edges.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "generators/busy_beaver/loop_decider.hpp"

namespace tcs::busy_beaver {

class FarDecider {
 public:
  // Tries DFAs of 1..max_dfa_states states (at most 8, and states x machine states < 64),
  // on the machine and on its mirror image, visiting at most max_nodes search nodes per
  // (size, side). Two symbols only (otherwise undecided).
  Decision run(const PackedMachine& machine, int max_dfa_states = 5, int64_t max_nodes = 20000);

 private:
  using Edges = std::array<std::array<uint64_t, 64>, 2>;  // per read symbol, per NFA state
  bool search(int slot, int used, const Edges& edges);
  bool close(Edges& edges) const;  // the least fixed point; false when the start reaches ⊥
  Certificate certificate(const Edges& edges, bool mirror) const;

  PackedMachine tm_;
  int n_ = 1, q_ = 1, sink_ = 0;
  std::vector<int> dfa_;  // dfa_[i * 2 + b], -1 unset
  int64_t nodes_ = 0, max_nodes_ = 0;
  Edges found_;
};

}  // namespace tcs::busy_beaver
