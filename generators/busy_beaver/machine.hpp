// Busy Beaver machines: the bbchallenge text format, shared with tm_trace.
//
// The strict parser and printer live in generators/tm_trace/tape_machine.hpp (one parser for
// the whole tree): rows joined by '_', one `<write digit><L|R><next state letter>` per read
// symbol, `---` undefined, a letter outside the machine (`1RZ`) halts. This header adds what
// Busy Beaver work needs on top: the step convention, a few queries, and the compact table the
// simulators run on.
//
// Step convention (the literature's, used everywhere in this family): the halting transition
// counts as a step. `1RB1LB_1LA1RZ` halts after 6 steps; BB(5) = 47,176,870. An undefined
// transition `---` also halts and counts as a step, but writes nothing and does not move. The
// other convention (not counting the halting transition) gives one less; statements say which
// one they use.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "generators/tm_trace/tape_machine.hpp"
#include "harness/core/expected.hpp"

namespace tcs::busy_beaver {

using Machine = tm_trace::Machine;
using Transition = tm_trace::Transition;

// Strict parser (errors name row and column) and round-tripping printer.
using tm_trace::parse_machine;
using tm_trace::to_string;

// True when reading `read` in `state` halts (undefined, or a move into a letter outside).
bool halts_on(const Machine& machine, int state, int read);
// Number of transitions that halt (undefined or into an outside letter).
int halting_transitions(const Machine& machine);

// The table the simulators run on: one entry per (state, read), indexed by
// `state * symbols + read`. A halting entry has `next == kHalt`; an undefined one also keeps
// the read symbol and does not move, so the loops need no special case.
struct Packed {
  uint8_t write = 0;
  int8_t move = 0;        // +1 right, -1 left, 0 for undefined
  uint16_t next = 0;      // next state's row offset (state * symbols) or kHalt
};
inline constexpr uint16_t kHalt = 0xFFFF;

struct PackedMachine {
  int states = 0, symbols = 0;
  std::vector<Packed> table;
};
PackedMachine pack(const Machine& machine);

}  // namespace tcs::busy_beaver
