// An oracle that shares nothing with the automata: languages computed as explicit sets of
// words, bottom-up over the tree, for differential tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "generators/regex/regex.hpp"

namespace tcs::regex {

// Every word of length <= max_length, ordered by length then alphabetically; bit i of the
// result says whether word i is in L(r). Words: (k^(n+1)-1)/(k-1) of them.
std::vector<bool> words_upto(const Regex& r, int alphabet_size, int max_length);
// The word at index i of that order.
std::vector<uint8_t> word_at(int64_t index, int alphabet_size);
// Membership of one word by dynamic programming over its substrings (any length).
bool brute_member(const Regex& r, const std::vector<uint8_t>& word);

}  // namespace tcs::regex
