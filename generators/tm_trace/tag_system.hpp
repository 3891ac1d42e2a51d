// m-tag systems exactly as TMBench (Wu et al., "Turing Machine Evaluation for Large Language
// Model", arXiv:2504.20771) defines them. One transition:
//   1. if the queue is shorter than m, the system halts (no transition happens);
//   2. read the head symbol;
//   3. append that symbol's rule word to the tail;
//   4. delete the first m symbols.
// A trace records states for steps 0..k: state 0 is the initial queue, state i the queue after
// i transitions. A halting trace stops at the first state shorter than m, so it has fewer than
// k + 1 states and its last state is the one a model marks `<halt>` (TMBench's own example ends
// with `Queue State: [B] <halt>`; its data set's halting sample ends with that short state).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/expected.hpp"
#include "harness/core/problem.hpp"
#include "harness/core/rng.hpp"

namespace tcs::tm_trace {

// A word over the alphabet, as symbol indices (alphabets have at most 64 symbols).
using Word = std::vector<uint8_t>;

struct TagSystem {
  int m = 2;
  std::vector<std::string> alphabet;  // each symbol is one UTF-8 code point
  std::vector<Word> rules;            // rules[s]: the word appended when s is the head
};

// A system plus the question asked about it: the trace from `init` for `steps` transitions.
struct TagInstance {
  TagSystem system;
  Word init;
  int steps = 30;
};

struct TagTrace {
  std::vector<Word> states;  // states[0] = init; at most steps + 1 of them
  bool halts = false;        // the last state is shorter than m
};

inline constexpr size_t kMaxAlphabet = 64;
inline constexpr int kMaxSteps = 100000;

// One transition; nullopt when the queue is shorter than m (the system halts).
std::optional<Word> tag_step(const TagSystem& system, const Word& queue);
TagTrace simulate(const TagInstance& instance);

// The symbols' text joined by `separator` ("DBEEAA" or "D B E E A A").
std::string spell(const TagSystem& system, const Word& word, std::string_view separator = "");
// Reads concatenated symbols ("DBEEAA"); an error names the offending position.
core::Expected<Word> read_word(const std::vector<std::string>& alphabet, std::string_view text);
// Splits text into UTF-8 code points; an error when the text is not valid UTF-8.
core::Expected<std::vector<std::string>> split_code_points(std::string_view text);
// An alphabet must have 1..64 distinct code points, none of them blank, ',', '[' or ']'
// (the answer format uses those around and between symbols).
core::Status check_alphabet(const std::vector<std::string>& alphabet);

// Canonical text of an instance: two instances are the same problem iff their keys are equal.
std::string canonical_key(const TagInstance& instance);
// "tm_trace/tag/m2-<16 hex digits of fnv1a64(canonical_key)>".
std::string problem_id(const TagInstance& instance);

// The generator's knobs (TMBench's defaults). All feed the difficulty.
struct TagKnobs {
  int m = 2;
  std::vector<std::string> alphabet = {"A", "B", "C", "D", "E"};
  int rule_min = 1, rule_max = 5;  // rule word lengths
  int init_min = 2, init_max = 9;  // initial queue lengths
  int steps = 30;                  // transitions; states 0..steps are recorded
};

// Strict: unknown keys and out-of-range values are errors naming the key.
// Keys: m, alphabet (string of symbols or array of one-symbol strings), rule_min, rule_max,
// init_min, init_max, steps.
core::Expected<TagKnobs> tag_knobs_from_json(const core::Json& params);
// A random instance: rule lengths and initial length uniform in their ranges, symbols uniform.
// Instances with two equal consecutive states are resampled, as TMBench does; an error when
// no acceptable instance turns up in many tries (the knobs admit only such instances).
core::Expected<TagInstance> random_tag_instance(const TagKnobs& knobs, core::Rng& rng);
core::Difficulty tag_difficulty(const TagKnobs& knobs);

// Problem params <-> instance: {"m", "alphabet": [..], "rules": {sym: word}, "init", "steps"}.
core::Json tag_params(const TagInstance& instance);
core::Expected<TagInstance> tag_instance_from_params(const core::Json& params);

}  // namespace tcs::tm_trace
