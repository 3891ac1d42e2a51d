// Language equivalence of two regexes on their position automata.
//
// Decision: Hopcroft–Karp on the fly — the subset constructions of both automata advance in
// lockstep from the pair of initial states and a union-find merges the DFA states that must
// be equivalent; a pair that disagrees on acceptance refutes equivalence. Each side's DFA
// states are met at most once as a merge, so the work is linear in the two DFAs' sizes.
// Witness: when the languages differ, a breadth-first search of the product (no merging)
// returns a shortest word in exactly one language, the shortlex-least among the shortest.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "generators/regex/automaton.hpp"

namespace tcs::regex {

enum class Equivalence { equivalent, different, limit };

struct EquivalenceResult {
  Equivalence answer = Equivalence::limit;
  std::vector<uint8_t> witness;  // letter indices; set when different
  int64_t states = 0;            // DFA states met (both sides)
};

// Reusable scratch space: one per thread. Not thread-safe.
class EquivalenceChecker {
 public:
  // max_states bounds the DFA states met on both sides together; past it, answer = limit.
  explicit EquivalenceChecker(int64_t max_states = 1 << 20) : max_states_(max_states) {}
  // Requires a.k == b.k.
  EquivalenceResult check(const PositionAutomaton& a, const PositionAutomaton& b);
  // Only the yes/no answer (no witness search).
  Equivalence decide(const PositionAutomaton& a, const PositionAutomaton& b);

 private:
  struct Table {  // open addressing, uint64 -> int32
    std::vector<uint64_t> keys;
    std::vector<int32_t> values;
    std::vector<uint32_t> used;  // slots in use, for a cheap clear
    void reset(size_t capacity);
    int32_t* find_or_insert(uint64_t key, bool& fresh);
  };
  int32_t id(Table& t, uint64_t set, bool& fresh);
  int32_t find(int32_t x);
  bool shortest_witness(const PositionAutomaton& a, const PositionAutomaton& b, EquivalenceResult& out);

  int64_t max_states_;
  Table left_, right_;
  std::vector<int32_t> parent_;
  std::vector<std::pair<uint64_t, uint64_t>> queue_;
};

// One decision on two regexes over the first k letters (a fresh checker each call).
Equivalence decide(const Regex& a, const Regex& b, int k);
inline bool same_language(const Regex& a, const Regex& b, int k) {
  return decide(a, b, k) == Equivalence::equivalent;
}

// The word as text in `alphabet`, and back (nullopt when a character is not a letter of it).
std::string word_text(const std::vector<uint8_t>& word, const Alphabet& alphabet);
std::optional<std::vector<uint8_t>> word_letters(std::string_view text, const Alphabet& alphabet);

}  // namespace tcs::regex
