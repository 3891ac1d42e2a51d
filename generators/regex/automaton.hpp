// Automata for RegexPSPACE regexes.
//
// The NFA is the position (Glushkov) automaton: one state per letter occurrence plus the
// initial state, no ε-moves, at most 64 states, so a set of states is one uint64_t and the
// subset construction runs on machine words. The initial state is bit 63 (`kInitial`); its
// "follow" set is first(r), and it is final iff r accepts the empty word.
//
// Dfa: complete, start state 0, `next[q * k + x]`. canonical_key() is a byte string equal for
// two regexes iff their languages are equal (minimal DFA, states numbered in BFS order from
// the start, letters in alphabet order): a hash key for a language.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "generators/regex/regex.hpp"

namespace tcs::regex {

inline constexpr int kMaxPositions = 63;
inline constexpr uint64_t kInitial = uint64_t{1} << 63;

struct PositionAutomaton {
  int k = 0;                         // alphabet size
  uint64_t final_set = 0;            // last(r), plus kInitial when r accepts the empty word
  std::vector<uint64_t> follow;      // per position; follow[63] = first(r)
  std::vector<uint64_t> letter_set;  // per letter: the positions carrying it

  // The states reached from `states` on letter x (the empty set is the dead state).
  uint64_t successors(uint64_t states) const;  // before intersecting with a letter
  bool accepts(uint64_t states) const { return (states & final_set) != 0; }
};

// Requires letter_count(r) <= kMaxPositions (the parser enforces it).
PositionAutomaton position_automaton(const Regex& r, int alphabet_size);

// Membership by simulation of the position automaton. Letters are indices.
bool matches(const PositionAutomaton& a, const std::vector<uint8_t>& word);

struct Dfa {
  int k = 0;
  std::vector<int32_t> next;    // states * k
  std::vector<uint8_t> accept;  // per state
  int32_t states() const { return static_cast<int32_t>(accept.size()); }
};

// Subset construction; an Error (resource limit, naming it) past max_states states.
core::Expected<Dfa> determinize(const PositionAutomaton& a, int64_t max_states = 1 << 20);
// The minimal complete DFA, states renumbered in BFS order from the start (letters in order).
Dfa minimize(const Dfa& d);
// Requires a DFA returned by minimize().
std::string canonical_key(const Dfa& minimal);
// determinize + minimize + canonical_key.
core::Expected<std::string> language_key(const Regex& r, int alphabet_size, int64_t max_states = 1 << 20);

}  // namespace tcs::regex
