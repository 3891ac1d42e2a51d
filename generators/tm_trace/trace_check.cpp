// Parsing and checking trace answers. Hot path: one pass over the text with memchr for line
// ends, string_views into the text, no regex and no allocation per step (the perf target is
// more than a million checked steps per second on one core). Messages are built only for the
// first problem found.
#include <algorithm>
#include <cstring>

#include "generators/tm_trace/trace_answer.hpp"
#include "harness/core/text.hpp"

namespace tcs::tm_trace {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

size_t skip(std::string_view s, size_t i, const char* chars) {
  while (i < s.size() && std::strchr(chars, s[i]) != nullptr && s[i] != '\0') ++i;
  return i;
}

// True when s[i..] starts with the lower-case word, ignoring case.
bool match_word(std::string_view s, size_t i, std::string_view word) {
  if (s.size() - i < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (lower(s[i + k]) != word[k]) return false;
  return true;
}

// "### step 12:", "Step 12:", "**Step 12:**" -> 12; -1 when the line is no header.
int64_t header_step(std::string_view line) {
  size_t i = skip(line, 0, "#* \t");
  if (!match_word(line, i, "step")) return -1;
  size_t j = skip(line, i + 4, " \t");
  if (j == i + 4 || j >= line.size() || line[j] < '0' || line[j] > '9') return -1;
  int64_t step = 0;
  for (; j < line.size() && line[j] >= '0' && line[j] <= '9'; ++j)
    step = step < (int64_t{1} << 40) ? step * 10 + (line[j] - '0') : step;
  j = skip(line, j, " \t*");
  return j < line.size() && line[j] == ':' ? step : -1;
}

// The field index whose "key:" starts the (indented, bulleted) line; -1 for none.
int field_index(std::string_view line, const std::vector<std::string_view>& keys,
                size_t& value_start) {
  size_t i = skip(line, 0, " \t-*");
  for (size_t k = 0; k < keys.size(); ++k) {
    if (!match_word(line, i, keys[k])) continue;
    size_t j = skip(line, i + keys[k].size(), " \t*");
    if (j < line.size() && line[j] == ':') {
      value_start = skip(line, j + 1, " \t*");
      return static_cast<int>(k);
    }
  }
  return -1;
}

// At most max bytes of s, never cutting a UTF-8 sequence in half (messages stay valid UTF-8).
std::string cut(std::string_view s, size_t max = 80) {
  if (s.size() <= max) return std::string(s);
  while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80) --max;
  return std::string(s.substr(0, max)) + "...";
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

void parse_step_blocks(std::string_view text, const std::vector<std::string_view>& keys,
                       std::vector<StepBlock>& out) {
  out.clear();
  int64_t line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    const char* nl = static_cast<const char*>(std::memchr(text.data() + pos, '\n', text.size() - pos));
    const size_t end = nl ? static_cast<size_t>(nl - text.data()) : text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (int64_t step = header_step(line); step >= 0) {
      out.emplace_back();
      out.back().step = step;
      out.back().line = line_no;
      continue;
    }
    if (out.empty()) continue;
    size_t value_start = 0;
    const int k = field_index(line, keys, value_start);
    if (k < 0) continue;
    StepBlock& b = out.back();
    if (b.value_line[k] != 0) {
      if (b.repeated_field < 0) b.repeated_field = k;
      continue;
    }
    b.value[k] = trim_right(line.substr(value_start));
    b.value_line[k] = line_no;
  }
}

bool same_symbols(std::string_view shown, std::string_view expected) {
  size_t j = 0;
  for (char c : shown) {
    if (c == ' ' || c == ',' || c == '\t') continue;
    if (j >= expected.size() || expected[j] != c) return false;
    ++j;
  }
  return j == expected.size();
}

namespace {

std::string at(int64_t step, int64_t line) {
  return "step " + std::to_string(step) + " (line " + std::to_string(line) + "): ";
}

// A bracketed state "[...] <halt>": the inside, and whether <halt> follows. False when there
// are no brackets.
bool bracketed(std::string_view value, std::string_view& inside, bool& halt) {
  if (value.empty() || value[0] != '[') return false;
  const size_t close = value.find(']');
  if (close == std::string_view::npos) return false;
  inside = value.substr(1, close - 1);
  halt = value.find("<halt>", close) != std::string_view::npos;
  return true;
}

// Checks the state in `value` and the halt marker; `why` is null once a message exists.
bool check_state(std::string_view field, std::string_view value, int64_t value_line,
                 std::string_view expected, bool halt_expected, const StepBlock& b,
                 std::string* why) {
  std::string_view inside;
  bool halt = false;
  if (value_line == 0) {
    if (why) *why = at(b.step, b.line) + "no '" + std::string(field) + ":' line";
    return false;
  }
  if (!bracketed(value, inside, halt)) {
    if (why) *why = at(b.step, value_line) + std::string(field) + " is not written [...]";
    return false;
  }
  if (!same_symbols(inside, expected)) {
    if (why) *why = at(b.step, value_line) + std::string(field) + " is [" +
                    cut(core::trim(inside)) + "], expected [" + cut(expected) + "]";
    return false;
  }
  if (halt != halt_expected) {
    if (why)
      *why = at(b.step, value_line) +
             (halt ? "marked <halt>, but the machine does not halt here"
                   : "the machine halts here; expected <halt> after the state");
    return false;
  }
  return true;
}

// Applies Limits::max_answer_bytes: cuts `text` at the last line end within the cap and
// returns the note saying so (empty when under the cap).
std::string apply_cap(std::string_view& text, int64_t max_bytes) {
  if (max_bytes <= 0 || static_cast<int64_t>(text.size()) <= max_bytes) return {};
  std::string note = "answer is " + std::to_string(text.size()) + " bytes, over the limit of " +
                     std::to_string(max_bytes) + " bytes (Limits::max_answer_bytes); only the " +
                     "first " + std::to_string(max_bytes) + " bytes were scored";
  text = text.substr(0, static_cast<size_t>(max_bytes));
  const size_t last = text.rfind('\n');
  text = text.substr(0, last == std::string_view::npos ? 0 : last + 1);
  return note;
}

// Where a block stands in the step order; `seen_line` is the header line of an earlier block
// of the same step (0 if none), `prev` the last step accepted in order.
enum class Order { in_order, past_end, repeated, out_of_order };

Order order_of(const StepBlock& b, int64_t n, int64_t seen_line, int64_t prev) {
  if (b.step >= n) return Order::past_end;
  if (seen_line != 0) return Order::repeated;
  return b.step <= prev ? Order::out_of_order : Order::in_order;
}

std::string order_message(Order o, const StepBlock& b, int64_t n, int64_t seen_line,
                          int64_t prev) {
  const std::string head = "line " + std::to_string(b.line) + ": step " + std::to_string(b.step);
  switch (o) {
    case Order::past_end:
      return head + " is past the end of the trace (steps 0 to " + std::to_string(n - 1) + ")";
    case Order::repeated:
      return head + " appears again (first at line " + std::to_string(seen_line) + ")";
    case Order::out_of_order: return head + " comes after step " + std::to_string(prev);
    case Order::in_order: break;
  }
  if (b.step == prev + 1) return {};
  return "step " + std::to_string(prev + 1) + " is missing (line " + std::to_string(b.line) +
         " jumps from step " + std::to_string(prev) + " to step " + std::to_string(b.step) + ")";
}

// The structure rules shared by tag and tape answers; `eval(block, why)` judges one step and
// writes the reason into *why when why is not null (only the first problem gets a message).
template <class Eval>
TraceCheck check_blocks(std::string_view text, const std::vector<std::string_view>& keys,
                        int64_t n, int64_t max_bytes, const Eval& eval) {
  TraceCheck r;
  r.steps = n;
  r.correct.assign(static_cast<size_t>(n), '0');
  std::string first = apply_cap(text, max_bytes);  // the first problem found
  if (size_t bad = core::find_invalid_utf8(text); bad != std::string_view::npos) {
    r.message = "answer is not valid UTF-8 at byte offset " + std::to_string(bad);
    return r;
  }
  thread_local std::vector<StepBlock> blocks;
  parse_step_blocks(text, keys, blocks);
  if (blocks.empty()) {
    r.message = first.empty() ? "no step blocks found: expected '### step 0:' then one block per step"
                              : first;
    return r;
  }
  std::vector<int64_t> seen(static_cast<size_t>(n), 0);  // header line of each step's block
  int64_t prev = -1, prev_line = 0;
  for (const StepBlock& b : blocks) {
    const int64_t seen_line = b.step < n ? seen[static_cast<size_t>(b.step)] : 0;
    const Order o = order_of(b, n, seen_line, prev);
    if (first.empty() && (o != Order::in_order || b.step != prev + 1))
      first = order_message(o, b, n, seen_line, prev);
    if (o == Order::past_end) continue;
    if (o == Order::repeated) {  // an ambiguous step is a wrong step
      r.correct[static_cast<size_t>(b.step)] = '0';
      continue;
    }
    seen[static_cast<size_t>(b.step)] = b.line;
    if (o == Order::out_of_order) continue;
    prev = b.step;
    prev_line = b.line;
    ++r.work;
    if (b.repeated_field >= 0 && first.empty())
      first = at(b.step, b.line) + "the '" + std::string(keys[b.repeated_field]) +
              ":' line appears twice";
    if (b.repeated_field < 0 && eval(b, first.empty() ? &first : nullptr))
      r.correct[static_cast<size_t>(b.step)] = '1';
  }
  if (prev + 1 < n && first.empty())
    first = "step " + std::to_string(prev + 1) + " is missing (the answer ends after step " +
            std::to_string(prev) + (prev_line ? " at line " + std::to_string(prev_line) : "") + ")";
  const auto right = std::count(r.correct.begin(), r.correct.end(), '1');
  r.ok = first.empty() && right == n;
  if (!r.ok)
    r.message = first + " [" + std::to_string(n - right) + " of " + std::to_string(n) +
                " steps wrong]";
  return r;
}

bool parse_head(std::string_view value, int64_t& head) {
  size_t i = 0;
  bool negative = false;
  if (i < value.size() && (value[i] == '-' || value[i] == '+')) negative = value[i++] == '-';
  if (i >= value.size()) return false;
  head = 0;
  for (; i < value.size(); ++i) {
    if (value[i] < '0' || value[i] > '9' || head > (int64_t{1} << 40)) return false;
    head = head * 10 + (value[i] - '0');
  }
  if (negative) head = -head;
  return true;
}

}  // namespace

TagExpected expected_tag(const TagSystem& system, const TagTrace& trace) {
  TagExpected e;
  e.halts = trace.halts;
  for (const Word& w : trace.states) e.states.push_back(spell(system, w));
  return e;
}

TraceCheck check_tag_answer(const TagExpected& expected, std::string_view text,
                            int64_t max_bytes) {
  static const std::vector<std::string_view> keys = {"queue state"};
  const int64_t n = static_cast<int64_t>(expected.states.size());
  return check_blocks(text, keys, n, max_bytes, [&](const StepBlock& b, std::string* why) {
    const bool halt = expected.halts && b.step == n - 1;
    return check_state("Queue State", b.value[0], b.value_line[0],
                       expected.states[static_cast<size_t>(b.step)], halt, b, why);
  });
}

TraceCheck check_tape_answer(const TapeTrace& expected, std::string_view text,
                             int64_t max_bytes) {
  static const std::vector<std::string_view> keys = {"state", "head", "tape"};
  const int64_t n = static_cast<int64_t>(expected.configs.size());
  return check_blocks(text, keys, n, max_bytes, [&](const StepBlock& b, std::string* why) {
    const TapeConfig& c = expected.configs[static_cast<size_t>(b.step)];
    if (b.value_line[0] == 0 || b.value_line[1] == 0) {
      if (why) *why = at(b.step, b.line) + "needs a 'State:' and a 'Head:' line";
      return false;
    }
    if (b.value[0] != std::string_view(&c.state, 1)) {
      if (why) *why = at(b.step, b.value_line[0]) + "State is " + core::quote(b.value[0], 20) +
                      ", expected " + core::quote(std::string_view(&c.state, 1));
      return false;
    }
    int64_t head = 0;
    if (!parse_head(b.value[1], head) || head != c.head) {
      if (why) *why = at(b.step, b.value_line[1]) + "Head is " + core::quote(b.value[1], 20) +
                      ", expected " + std::to_string(c.head);
      return false;
    }
    const bool halt = expected.halts && b.step == n - 1;
    return check_state("Tape", b.value[2], b.value_line[2], c.window, halt, b, why);
  });
}

}  // namespace tcs::tm_trace
