#include "generators/tm_trace/tape_machine.hpp"

#include <cmath>

#include "harness/core/params.hpp"
#include "harness/core/text.hpp"

namespace tcs::tm_trace {

using core::bad_input;
using core::Expected;
using core::Json;

bool operator==(const Transition& a, const Transition& b) {
  if (a.defined != b.defined) return false;
  return !a.defined || (a.write == b.write && a.right == b.right && a.next == b.next);
}

bool operator==(const Machine& a, const Machine& b) {
  return a.states == b.states && a.symbols == b.symbols && a.table == b.table;
}

namespace {

std::string where(size_t row, size_t column) {
  return "row " + std::to_string(row + 1) + ", column " + std::to_string(column + 1) + ": ";
}

std::string shown(char c) { return core::quote(std::string_view(&c, 1)); }

// Parses one 3-character transition starting at `column` of `row`.
Expected<Transition> parse_transition(std::string_view cell, size_t row, size_t column,
                                      int symbols) {
  Transition t;
  if (cell == "---") {
    t.defined = false;
    return t;
  }
  if (cell[0] < '0' || cell[0] >= '0' + symbols)
    return bad_input(where(row, column) + "expected a symbol 0.." + std::to_string(symbols - 1) +
                     " to write (or ---), got " + shown(cell[0]));
  if (cell[1] != 'L' && cell[1] != 'R')
    return bad_input(where(row, column + 1) + "expected L or R, got " + shown(cell[1]));
  if (cell[2] < 'A' || cell[2] > 'Z')
    return bad_input(where(row, column + 2) + "expected a state letter A-Z, got " +
                     shown(cell[2]));
  t.write = static_cast<uint8_t>(cell[0] - '0');
  t.right = cell[1] == 'R';
  t.next = cell[2];
  return t;
}

}  // namespace

Expected<Machine> parse_machine(std::string_view text) {
  const auto rows = core::split(text, '_');
  if (rows.size() > 26) return bad_input("more than 26 rows (states A-Z)");
  const size_t width = rows[0].size();
  if (width == 0 || width % 3 != 0)
    return bad_input("row 1 has " + std::to_string(width) +
                     " characters; expected 3 per symbol (e.g. 1RB1LB_1LA1RZ)");
  Machine m;
  m.states = static_cast<int>(rows.size());
  m.symbols = static_cast<int>(width / 3);
  if (m.symbols < 2 || m.symbols > 10)
    return bad_input("row 1 has " + std::to_string(m.symbols) + " transitions; 2 to 10 symbols");
  for (size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].size() != width)
      return bad_input("row " + std::to_string(r + 1) + " has " + std::to_string(rows[r].size()) +
                       " characters, row 1 has " + std::to_string(width));
    for (size_t c = 0; c < width; c += 3) {
      auto t = parse_transition(rows[r].substr(c, 3), r, c, m.symbols);
      if (!t) return t.error();
      m.table.push_back(*t);
    }
  }
  return m;
}

std::string to_string(const Machine& m) {
  std::string out;
  for (int s = 0; s < m.states; ++s) {
    if (s > 0) out += '_';
    for (int r = 0; r < m.symbols; ++r) {
      const Transition& t = m.at(s, r);
      if (!t.defined) {
        out += "---";
        continue;
      }
      out += static_cast<char>('0' + t.write);
      out += t.right ? 'R' : 'L';
      out += t.next;
    }
  }
  return out;
}

TapeTrace simulate(const TapeInstance& inst) {
  // The head moves at most one cell per step, so a fixed array covering the window and every
  // reachable cell replaces a sparse map; `origin` is the index of cell 0.
  const int64_t reach = std::max<int64_t>(inst.steps, inst.window) + 1;
  std::vector<uint8_t> tape(static_cast<size_t>(2 * reach + 1), 0);
  const int64_t origin = reach;
  auto snapshot = [&](char state, int64_t head) {
    TapeConfig c{state, head, std::string(2 * inst.window + 1, '0')};
    for (int i = -inst.window; i <= inst.window; ++i)
      c.window[i + inst.window] = static_cast<char>('0' + tape[origin + i]);
    return c;
  };
  TapeTrace trace;
  int state = 0;
  int64_t head = 0;
  trace.configs.push_back(snapshot('A', 0));
  for (int step = 0; step < inst.steps && !trace.halts; ++step) {
    const Transition& t = inst.machine.at(state, tape[origin + head]);
    char shown = '-';
    if (t.defined) {
      tape[origin + head] = t.write;
      head += t.right ? 1 : -1;
      shown = t.next;
    }
    trace.halts = !t.defined || inst.machine.halts_into(t.next);
    if (!trace.halts) state = t.next - 'A';
    trace.configs.push_back(snapshot(shown, head));
  }
  return trace;
}

std::string problem_id(const TapeInstance& inst) {
  return "tm_trace/tape/" + to_string(inst.machine) + "-k" + std::to_string(inst.steps) + "-w" +
         std::to_string(inst.window);
}

Expected<TapeKnobs> tape_knobs_from_json(const Json& params) {
  TapeKnobs k;
  if (auto s = core::check_known_keys(params, {"states", "symbols", "steps", "window", "machine"}); !s)
    return s.error();
  for (auto st : {core::read_int(params, "states", 1, 25, k.states),
                  core::read_int(params, "symbols", 2, 10, k.symbols),
                  core::read_int(params, "steps", 0, kMaxTapeSteps, k.steps),
                  core::read_int(params, "window", 0, kMaxWindow, k.window)})
    if (!st) return st.error();
  if (params.is_object() && params.contains("machine")) {
    const Json& m = params["machine"];
    if (!m.is_string()) return bad_input("parameter \"machine\" must be a string");
    auto parsed = parse_machine(m.get<std::string>());
    if (!parsed) return parsed.error().with_context("parameter \"machine\"");
    k.machine = m.get<std::string>();
    k.states = parsed->states;
    k.symbols = parsed->symbols;
  }
  return k;
}

Machine random_machine(const TapeKnobs& k, core::Rng& rng) {
  Machine m;
  m.states = k.states;
  m.symbols = k.symbols;
  for (int i = 0; i < k.states * k.symbols; ++i) {
    Transition t;
    t.write = static_cast<uint8_t>(rng.uniform(0, k.symbols - 1));
    t.right = rng.bernoulli(0.5);
    t.next = static_cast<char>('A' + rng.uniform(0, k.states - 1));
    m.table.push_back(t);
  }
  // A0 halting would make every trace one step long.
  if (m.table.size() > 1) m.table[rng.uniform(1, static_cast<int64_t>(m.table.size()) - 1)].next = 'Z';
  return m;
}

core::Difficulty tape_difficulty(const TapeKnobs& k) {
  // Each step the solver rewrites the window and looks up one of states x symbols rules.
  const double per_step = (2.0 * k.window + 1) * std::log2(2.0 * k.states * k.symbols);
  const double score = k.steps * per_step / 100.0;
  const char* level = score < 2 ? "easy" : score < 8 ? "medium" : score < 32 ? "hard" : "extreme";
  return {level, std::round(score * 100) / 100};
}

Json tape_params(const TapeInstance& inst) {
  return Json{{"machine", to_string(inst.machine)}, {"steps", inst.steps}, {"window", inst.window}};
}

Expected<TapeInstance> tape_instance_from_params(const Json& params) {
  if (auto s = core::check_known_keys(params, {"machine", "steps", "window"}); !s) return s.error();
  for (const char* key : {"machine", "steps", "window"})
    if (!params.contains(key)) return bad_input(std::string("missing parameter \"") + key + "\"");
  TapeInstance inst;
  if (!params["machine"].is_string()) return bad_input("parameter \"machine\" must be a string");
  auto machine = parse_machine(params["machine"].get<std::string>());
  if (!machine) return machine.error().with_context("parameter \"machine\"");
  inst.machine = std::move(*machine);
  for (auto st : {core::read_int(params, "steps", 0, kMaxTapeSteps, inst.steps),
                  core::read_int(params, "window", 0, kMaxWindow, inst.window)})
    if (!st) return st.error();
  return inst;
}

}  // namespace tcs::tm_trace
