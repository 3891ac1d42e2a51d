// Tape Turing machines in the bbchallenge standard text format, and their traces.
//
// Format: one row per state (A, B, C, ... in order), rows joined by '_'; a row holds one
// 3-character transition per read symbol 0, 1, ...: `<write digit><L|R><next state letter>`,
// e.g. `1RB1LB_1LA1RZ`. `---` is an undefined transition. The machine starts in state A on an
// all-0 tape, head at cell 0.
//
// Halting (decisions, following bbchallenge's step counting):
//  - a transition to a letter outside the machine (`1RZ` in a 2-state machine) writes, moves,
//    and halts; the state shown afterwards is that letter;
//  - `---` halts without writing or moving; the state shown afterwards is "-";
//  - either way the halting transition counts as a step, so `1RB1LB_1LA1RZ` (the 2-state busy
//    beaver) halts at step 6 with four 1s on the tape.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/expected.hpp"
#include "harness/core/problem.hpp"
#include "harness/core/rng.hpp"

namespace tcs::tm_trace {

struct Transition {
  bool defined = true;  // false for `---`
  uint8_t write = 0;
  bool right = true;
  char next = 'A';  // a letter; one outside the machine's states means "halt"
};

struct Machine {
  int states = 0;   // 1..26, named A, B, ...
  int symbols = 0;  // 2..10, digits 0, 1, ...
  std::vector<Transition> table;  // table[state * symbols + read]

  const Transition& at(int state, int read) const { return table[state * symbols + read]; }
  bool halts_into(char letter) const { return letter - 'A' >= states; }
};

// Strict parser. Errors name the row (1-based, i.e. state A = row 1) and the column within the
// row (1-based), e.g. "row 2, column 5: expected L or R, got 'X'".
core::Expected<Machine> parse_machine(std::string_view text);
// The canonical text; parse_machine(to_string(m)) == m.
std::string to_string(const Machine& machine);
bool operator==(const Transition& a, const Transition& b);
bool operator==(const Machine& a, const Machine& b);

// One recorded configuration: after `step` transitions.
struct TapeConfig {
  char state = 'A';       // the current state letter; the halting letter or '-' once halted
  int64_t head = 0;       // absolute cell, 0 = the starting cell, negative to the left
  std::string window;     // digits of cells -w..w (absolute), 2w + 1 characters
};

struct TapeInstance {
  Machine machine;
  int steps = 20;  // transitions to trace
  int window = 5;  // half-width w of the recorded tape window
};

struct TapeTrace {
  std::vector<TapeConfig> configs;  // configs[0] is the start; at most steps + 1
  bool halts = false;               // the last config is halted
};

inline constexpr int kMaxTapeSteps = 100000;
inline constexpr int kMaxWindow = 1000;

TapeTrace simulate(const TapeInstance& instance);

// "tm_trace/tape/<machine>-k<steps>-w<window>".
std::string problem_id(const TapeInstance& instance);

struct TapeKnobs {
  int states = 3, symbols = 2;
  int steps = 20;
  int window = 5;
  std::string machine;  // when set, the one machine to trace (then count must be 1)
};

// Strict: unknown keys and out-of-range values are errors naming the key.
// Keys: states (1..25), symbols (2..10), steps, window, machine.
core::Expected<TapeKnobs> tape_knobs_from_json(const core::Json& params);
// A random machine with the knobs' shape: every transition uniform over (write, move, state),
// then one transition other than A0 made the halting `xDZ`-style exit (so the machine can
// halt, as most bbchallenge machines can). States are capped at 25 so that 'Z' is outside.
Machine random_machine(const TapeKnobs& knobs, core::Rng& rng);
core::Difficulty tape_difficulty(const TapeKnobs& knobs);

// Problem params <-> instance: {"machine", "steps", "window"}.
core::Json tape_params(const TapeInstance& instance);
core::Expected<TapeInstance> tape_instance_from_params(const core::Json& params);

}  // namespace tcs::tm_trace
