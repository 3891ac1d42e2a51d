// The canonical-key computation on reusable buffers, for the enumeration's inner loop: a
// position automaton written in place (Scratch), its subset construction, Moore minimisation
// and BFS renumbering, with no allocation once the buffers have grown. Produces the same key
// as canonical_key(minimize(determinize(...))) in automaton.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tcs::regex {

struct Scratch {
  int m = 0;  // positions
  bool nullable = false;
  uint64_t first = 0, last = 0;
  uint8_t letters[64] = {};
  uint64_t follow[64] = {};
};

class KeyBuilder {
 public:
  explicit KeyBuilder(int alphabet_size) : k_(alphabet_size) {}
  Scratch& scratch() { return scratch_; }
  // The key of the scratch automaton's language; valid until the next call.
  std::string_view key();

 private:
  int32_t state_id(uint64_t set);
  void determinize();
  void minimize();
  void emit();

  int k_;
  Scratch scratch_;
  std::vector<uint64_t> sets_, slot_keys_;
  std::vector<int32_t> slot_ids_, next_, cls_, rows_, order_, fresh_, number_, rep_, queue_;
  std::vector<uint8_t> accept_;
  std::string key_;
};

}  // namespace tcs::regex
