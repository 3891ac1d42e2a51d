// Deciding one machine: the loop decider at growing budgets, n-gram CPS, finite automata
// reduction, then the accelerated
// simulator for long halting runs. Every answer carries a certificate (certificate.hpp).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "generators/busy_beaver/loop_decider.hpp"
#include "harness/core/env.hpp"

namespace tcs::busy_beaver {

struct DecideOptions {
  std::vector<int64_t> loop_steps = {128, 2048, 16384};
  std::vector<std::pair<int, int>> ngram_sizes = {{2, 1}, {3, 1}, {4, 1}, {2, 2}, {3, 2}, {2, 3}};
  int far_dfa_states = 5;  // finite automata reduction (far.hpp), DFAs up to this size
  int64_t far_max_nodes = 50000;
  int64_t halting_steps = 100'000'000;  // the accelerated simulator's budget
  const core::CancelToken* cancel = nullptr;
};

// A halting decision from the accelerated simulator has `ones` set and halt_state / halt_read
// unknown (-1).
Decision decide(const Machine& machine, const DecideOptions& options = {});

}  // namespace tcs::busy_beaver
