// Enumeration of n-state, m-symbol machines in Tree Normal Form (TNF), as Coq-BB5 counts them.
//
// Start from the machine with every transition undefined and run it from the blank tape. When
// it reads an undefined transition, it is a halting machine of the space, and its children
// fill that transition in every way: any write symbol, either move (the very first transition
// moves right: mirror images behave alike), and a next state that is already used or the first
// unused one. When only one transition is undefined, it is not filled (the filled machine could
// never halt). A machine that never reads an undefined transition is a non-halting leaf (when
// a decider proves it) or an undecided one. Counts (2 symbols): 61 machines for 2 states
// (19 halting / 42 non-halting), 5,417 for 3 (1,772 / 3,645), 858,909 for 4 (249,693 /
// 609,216); 6,019 for 2 states with 3 symbols.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "generators/busy_beaver/loop_decider.hpp"
#include "harness/core/env.hpp"

namespace tcs::busy_beaver {

struct EnumerateOptions {
  int states = 2, symbols = 2;                // states * symbols <= 16, symbols <= 4
  std::vector<int64_t> loop_steps = {128, 2048};  // the loop decider's budgets, tried in order
  // Then n-gram CPS with these (n, block size), in order; pairs too large for the space
  // (NgramCps::fits) are skipped.
  std::vector<std::pair<int, int>> ngram_sizes = {{2, 1}, {3, 1}, {4, 1}, {2, 2}, {3, 2}, {2, 3}};
  // Then finite automata reduction with DFAs of up to this many states (0: off), visiting at
  // most far_max_nodes search nodes per DFA size and side (far.hpp).
  int far_dfa_states = 5;
  int64_t far_max_nodes = 20000;
  int64_t max_machines = 0;  // stop after this many machines of the walk (0: the whole space)
  bool check_certificates = true;             // every certificate through check_certificate
  const core::CancelToken* cancel = nullptr;
  // Called for every machine of the space with its decision (optional).
  std::function<void(const Machine&, const Decision&)> visit;
};

struct EnumerationResult {
  int64_t total = 0, halting = 0, nonhalting = 0, undecided = 0;
  int64_t max_steps = 0, max_ones = 0;   // over halting machines (ones: Σ's count)
  std::string max_steps_machine, max_ones_machine;
  std::map<std::string, int64_t> by_decider;  // "halting", "cycler", "translated_cycler", "ngram_cps", "far"
  int64_t certificates_checked = 0;
  std::vector<std::string> certificate_failures;  // "machine: message" (should stay empty)
  std::vector<std::string> undecided_machines;    // the first 1000
  bool cancelled = false;
  bool truncated = false;  // stopped at max_machines: the counts cover a prefix of the walk
};

// Errors: states or symbols out of range (naming which).
core::Expected<EnumerationResult> enumerate_tnf(const EnumerateOptions& options);

std::string_view decider_name(CertificateKind kind);

}  // namespace tcs::busy_beaver
