// Certificates: what a decider hands over so that someone who does not trust it can check its
// answer. The checker (certificate_check.cpp) shares no code with the deciders: it parses the
// machine text itself and runs its own simulator.
//
// JSON format (the `certificate` of `tcsprove bb decide --json`, and the answer format of
// `never_halts` problems):
//   {"decider": "halting", "steps": N}
//       the machine halts exactly at step N (the halting transition is step N).
//   {"decider": "cycler", "start": S, "period": P}
//       the configuration (state, head, whole tape) after S steps equals the one after S + P
//       steps, and no step in between halts: the machine repeats forever.
//   {"decider": "translated_cycler", "start": S, "period": P, "side": "right"|"left"}
//       after S and after S + P steps the machine is in the same state, at a head position
//       beyond which (on `side`) the tape is blank, the second position further out by D > 0;
//       with m the position furthest back (away from `side`) visited in between, the tape
//       segment from m to the first position equals the segment from m ± D to the second one:
//       the same P steps then repeat forever, shifted by D each time.
//   {"decider": "ngram_cps", "n": N, "block": K, "left": [...], "right": [...], "configs": [...]}
//       a closed set of local views of the machine read in blocks of K cells (n-gram Closed
//       Position Set). "left" holds words of N blocks (N x K digits, tape order) that may stand
//       left of the head's block, "right" those that may stand right of it; "configs" holds
//       views "<state letter><facing><left word>[<K digits>]<right word>", facing '>' when the
//       head is on the block's leftmost cell having come from the left, '<' on its rightmost
//       having come from the right, e.g. "A>00[0]00". The start view "A>0..0[0..0]0..0" and
//       the blank words are in; from every view the machine, run inside the block, leaves it
//       without halting, the word it leaves behind is in the set of that side, and the view
//       after it, for every next word the set ahead allows, is in the list: every reachable
//       configuration is covered, so the machine never halts.
//   {"decider": "far", "mirror": false, "dfa": [[0, 1], [1, 0]], "nfa": [[F, R, T], ...]}
//       finite automata reduction (far.hpp), for 2 symbols. With "mirror" the claim is about the
//       machine with L and R swapped (which halts exactly when the machine does). "dfa" row i
//       gives δ(i, 0), δ(i, 1) for the n DFA states (n in [1, 8], δ(0, 0) = 0); the NFA's states
//       are (i, q) numbered i * states + q (q = 0 for A) and ⊥ numbered n * states; each
//       triple is an edge F -R-> T. The checker verifies that ⊥ loops on 0 and 1, that for every
//       DFA state i and machine transition (q, r) the edges required by far.hpp are present
//       (halting: (i,q) -r-> ⊥; right move writing w into t: (i,q) -r-> (δ(i,w),t); left move
//       writing w into t: (δ(i,b),q) -r-> s for every b and every s reached from (i,t) reading
//       b then w) and that (0, A) reading blanks never reaches ⊥.
// Bounds: S and P are integers in [0, 10^9] (P >= 1); larger ones are rejected unchecked;
// N and K are in [1, 8] and the lists hold at most 10^6 entries; a far NFA has at most 10^5
// edges.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "harness/core/expected.hpp"
#include "harness/core/problem.hpp"

namespace tcs::busy_beaver {

enum class CertificateKind { halting, cycler, translated_cycler, ngram_cps, far };

struct Certificate {
  CertificateKind kind = CertificateKind::halting;
  int64_t steps = 0;   // halting
  int64_t start = 0;   // cyclers
  int64_t period = 0;  // cyclers
  bool right = true;   // translated_cycler: the side the machine runs off to
  int ngram = 0;       // ngram_cps: N, K and the three lists, as in the JSON
  int block = 1;
  std::vector<std::string> left, right_words, configs;
  bool mirror = false;  // far: the DFA, the NFA edges (from, read, to), as in the JSON
  std::vector<std::array<int, 2>> dfa;
  std::vector<std::array<int, 3>> nfa;
  bool operator==(const Certificate&) const = default;
};

inline constexpr int64_t kMaxCertificateSteps = 1'000'000'000;

core::OrderedJson to_json(const Certificate& certificate);
// Strict: unknown fields, wrong types and out-of-range numbers are errors naming the field.
core::Expected<Certificate> certificate_from_json(const core::Json& json);

// The independent checker. Ok when the certificate proves its claim about the machine
// (bbchallenge text); otherwise an error saying which condition failed and at which step.
core::Status check_certificate(std::string_view machine_text, const Certificate& certificate);

}  // namespace tcs::busy_beaver
