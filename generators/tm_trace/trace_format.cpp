// Printing exact answers in the format trace_answer.hpp describes.
#include "generators/tm_trace/trace_answer.hpp"

namespace tcs::tm_trace {

namespace {

void append_step_header(std::string& out, size_t step) {
  if (step > 0) out += '\n';
  out += "### step ";
  out += std::to_string(step);
  out += ":\n";
}

// The Action line of tag step i, from the state before it.
void append_tag_action(std::string& out, const TagSystem& sys, const Word& before) {
  if (before.empty()) return;
  const size_t m = std::min(before.size(), static_cast<size_t>(sys.m));
  out += "   - Head Symbol: " + sys.alphabet[before[0]] + "\n";
  out += "   - Action: Append " + spell(sys, sys.rules[before[0]], " ") +
         " to the end of the queue. Remove " +
         spell(sys, Word(before.begin(), before.begin() + m), " ") + " from the head.\n";
}

}  // namespace

std::string format_tag_answer(const TagSystem& sys, const std::vector<Word>& states, bool halts) {
  std::string out;
  for (size_t i = 0; i < states.size(); ++i) {
    append_step_header(out, i);
    if (i == 0) out += "   - Action: Init\n";
    else append_tag_action(out, sys, states[i - 1]);
    out += "   - Queue State: [" + spell(sys, states[i], " ") + "]";
    if (halts && i + 1 == states.size()) out += " <halt>";
    out += '\n';
  }
  return out;
}

std::string format_tape_answer(const Machine& machine, const TapeTrace& trace) {
  std::string out;
  for (size_t i = 0; i < trace.configs.size(); ++i) {
    const TapeConfig& c = trace.configs[i];
    append_step_header(out, i);
    if (i == 0) {
      out += "   - Action: Init\n";
    } else {
      const TapeConfig& before = trace.configs[i - 1];
      const int64_t w = static_cast<int64_t>(before.window.size() / 2);
      // The read symbol is only known to the window's reader when the head is inside it.
      if (before.head >= -w && before.head <= w) {
        const char read = before.window[before.head + w];
        out += "   - Read Symbol: ";
        out += read;
        out += '\n';
        const int state = before.state - 'A';
        if (state >= 0 && state < machine.states && read - '0' < machine.symbols) {
          const Transition& t = machine.at(state, read - '0');
          out += t.defined ? "   - Action: Write " + std::to_string(t.write) + ", move " +
                                 (t.right ? "R" : "L") + ", go to " + std::string(1, t.next) +
                                 ".\n"
                           : std::string("   - Action: Undefined transition (---): halt.\n");
        }
      }
    }
    out += "   - State: ";
    out += c.state;
    out += "\n   - Head: " + std::to_string(c.head) + "\n   - Tape: [";
    for (size_t k = 0; k < c.window.size(); ++k) {
      if (k > 0) out += ' ';
      out += c.window[k];
    }
    out += ']';
    if (trace.halts && i + 1 == trace.configs.size()) out += " <halt>";
    out += '\n';
  }
  return out;
}

}  // namespace tcs::tm_trace
