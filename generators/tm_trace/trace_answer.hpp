// Trace answers: the text a model writes, how we print exact ones, and the step checker.
//
// Tag answers use TMBench's format, one block per step from step 0:
//
//   ### step 0:
//      - Action: Init
//      - Queue State: [B C A]
//
//   ### step 1:
//      - Head Symbol: B
//      - Action: Append A to the end of the queue. Remove B C from the head.
//      - Queue State: [A A] <halt>
//
// Tape answers use the same block structure with three checked lines:
//
//   ### step 1:
//      - Read Symbol: 0
//      - Action: Write 1, move R, go to B.
//      - State: B
//      - Head: 1
//      - Tape: [0 0 0 0 0 1 1 0 0 0 0] <halt>
//
// where Tape lists cells -w..w (absolute positions; cell 0 is where the head started), Head is
// the absolute head cell and State the state letter ("-" after halting on `---`).
//
// Only `Queue State` (tag) and `State`/`Head`/`Tape` (tape) are checked; other lines are for
// the model's benefit. Inside brackets, blanks and commas between symbols are ignored (as
// TMBench does). `<halt>` must follow the last state of a halting trace and nowhere else;
// `<stop>` is allowed and ignored. Step headers may be written `### step i:`, `Step i:`,
// `**Step i:**` (case-insensitive).
//
// Strictness (what TMBench's regex forgives, we reject, naming the line): a missing step, a
// step given twice, steps out of order, steps past the end of the trace, a block without its
// state line, non-UTF-8 text (naming the byte offset), text over Limits::max_answer_bytes
// (the first max bytes are still scored so per-step metrics stay meaningful), and text with
// no step block at all.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "generators/tm_trace/tag_system.hpp"
#include "generators/tm_trace/tape_machine.hpp"

namespace tcs::tm_trace {

// ---- printing ----

// The exact answer for `states` (normally simulate()'s, possibly corrupted by a noisy policy);
// `halts` puts `<halt>` after the last state.
std::string format_tag_answer(const TagSystem& system, const std::vector<Word>& states,
                              bool halts);
std::string format_tape_answer(const Machine& machine, const TapeTrace& trace);

// ---- parsing ----

inline constexpr size_t kMaxFields = 3;

// One `### step i:` block as written; values are views into the answer text.
struct StepBlock {
  int64_t step = 0;
  int64_t line = 0;                                // 1-based line of the header
  std::array<std::string_view, kMaxFields> value;  // text after "Key:", trimmed
  std::array<int64_t, kMaxFields> value_line{};    // 0 when the field is absent
  int repeated_field = -1;                         // a field written twice, else -1
};

// Splits text into step blocks; `keys` are the lower-case field names to capture
// ({"queue state"} or {"state", "head", "tape"}). Reuses `out`'s storage.
void parse_step_blocks(std::string_view text, const std::vector<std::string_view>& keys,
                       std::vector<StepBlock>& out);

// ---- checking ----

struct TraceCheck {
  int64_t steps = 0;     // steps in the true trace (states 0..steps-1)
  std::string correct;   // one '1' or '0' per step
  int64_t work = 0;      // step blocks compared
  bool ok = false;       // every step right and nothing structurally wrong
  std::string message;   // empty when ok; otherwise the first problem, naming step and line
};

// The true tag trace in the form the checker compares against.
struct TagExpected {
  std::vector<std::string> states;  // concatenated symbol text per step
  bool halts = false;
};
TagExpected expected_tag(const TagSystem& system, const TagTrace& trace);

// max_bytes: Limits::max_answer_bytes (0 = no cap). Never fails: problems are in the result.
TraceCheck check_tag_answer(const TagExpected& expected, std::string_view text,
                            int64_t max_bytes);
TraceCheck check_tape_answer(const TapeTrace& expected, std::string_view text, int64_t max_bytes);

// Removes blanks and commas: how a bracketed state compares (exposed for tests).
bool same_symbols(std::string_view shown, std::string_view expected);

}  // namespace tcs::tm_trace
