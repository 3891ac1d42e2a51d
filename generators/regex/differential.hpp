// The differential soundness run: random regex pairs decided by the automata engine, by the
// brute-force oracle (all words up to a length) and, on every `z3_every`-th pair, by Z3.
// A disagreement is any pair where two deciders contradict each other, or a witness that is
// not in exactly one language.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "generators/regex/regex.hpp"

namespace tcs::regex {

struct DifferentialOptions {
  int64_t pairs = 10000;
  uint64_t seed = 1;
  int min_size = 8, max_size = 15;
  int max_length = 5;    // brute force: every word up to this length
  int64_t z3_every = 10;  // 0 = never
  unsigned z3_timeout_ms = 5000;
  Alphabet alphabet;
};

struct DifferentialReport {
  int64_t pairs = 0, equivalent = 0, different = 0;
  int64_t z3_asked = 0, z3_unknown = 0;
  int64_t disagreements = 0;
  std::vector<std::string> examples;  // the first disagreements, described
  double automata_seconds = 0, brute_seconds = 0, z3_seconds = 0;
};

// Pairs: a random regex with, in turn, a near miss, an equivalent variant, or an unrelated
// random regex, so both answers are common.
DifferentialReport run_differential(const DifferentialOptions& options);

}  // namespace tcs::regex
