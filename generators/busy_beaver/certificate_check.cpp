// The independent certificate checker. On purpose it uses nothing from the deciders, the
// simulators or the shared parser: its own reading of the machine text, its own tape (a
// vector that grows at both ends) and a direct check of each certificate's conditions, so a
// bug in the fast code cannot vouch for itself.
#include <algorithm>
#include <set>
#include <vector>

#include "generators/busy_beaver/certificate.hpp"

namespace tcs::busy_beaver {

using core::bad_input;

namespace {

struct Rule {
  bool halts = true;
  int write = 0, move = 0, next = 0;
};

struct Table {
  int states = 0, symbols = 0;
  std::vector<Rule> rules;
};

core::Expected<Table> read_table(std::string_view text) {
  Table t;
  size_t row_start = 0;
  while (row_start <= text.size()) {
    size_t end = text.find('_', row_start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view row = text.substr(row_start, end - row_start);
    if (row.empty() || row.size() % 3 != 0) return bad_input("checker: malformed row " + std::string(row));
    if (t.states == 0) t.symbols = static_cast<int>(row.size() / 3);
    if (static_cast<int>(row.size() / 3) != t.symbols) return bad_input("checker: ragged rows");
    for (size_t i = 0; i < row.size(); i += 3) {
      Rule r;
      if (row.substr(i, 3) != "---") {
        if (row[i] < '0' || row[i] > '9' || (row[i + 1] != 'L' && row[i + 1] != 'R') ||
            row[i + 2] < 'A' || row[i + 2] > 'Z')
          return bad_input("checker: malformed transition " + std::string(row.substr(i, 3)));
        r = {false, row[i] - '0', row[i + 1] == 'R' ? 1 : -1, row[i + 2] - 'A'};
      }
      t.rules.push_back(r);
    }
    ++t.states;
    row_start = end + 1;
  }
  for (Rule& r : t.rules) {
    if (!r.halts && r.write >= t.symbols) return bad_input("checker: symbol out of range");
    if (r.next >= t.states) r.halts = true;
  }
  return t;
}

// A machine run that can be inspected at any step. Positions are absolute (0 = start cell).
class Run {
 public:
  explicit Run(const Table& table) : t_(table) {}

  // One transition; false (and nothing changes) when it is a halting one.
  bool step() {
    const Rule& r = t_.rules[static_cast<size_t>(state_ * t_.symbols + read(head_))];
    if (r.halts) return false;
    write(head_, r.write);
    head_ += r.move;
    state_ = r.next;
    ++time_;
    return true;
  }
  bool next_halts() const {
    return t_.rules[static_cast<size_t>(state_ * t_.symbols + read(head_))].halts;
  }
  int read(int64_t pos) const {
    const int64_t i = pos + offset_;
    return i < 0 || i >= static_cast<int64_t>(cells_.size()) ? 0 : cells_[static_cast<size_t>(i)];
  }
  // Every cell strictly beyond `pos` on one side is blank.
  bool blank_beyond(int64_t pos, bool right) const {
    for (size_t i = 0; i < cells_.size(); ++i) {
      const int64_t p = static_cast<int64_t>(i) - offset_;
      if ((right ? p > pos : p < pos) && cells_[i] != 0) return false;
    }
    return true;
  }
  std::vector<int> snapshot(int64_t from, int64_t to) const {
    std::vector<int> out;
    for (int64_t p = from; p <= to; ++p) out.push_back(read(p));
    return out;
  }
  // The tape without blank margins, and where it starts.
  std::pair<int64_t, std::vector<int>> trimmed() const {
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (size_t i = 0; i < cells_.size(); ++i)
      if (cells_[i] != 0) {
        lo = std::min(lo, static_cast<int64_t>(i) - offset_);
        hi = std::max(hi, static_cast<int64_t>(i) - offset_);
      }
    if (lo > hi) return {0, {}};
    return {lo, snapshot(lo, hi)};
  }
  int64_t head() const { return head_; }
  int state() const { return state_; }
  int64_t time() const { return time_; }

 private:
  void write(int64_t pos, int symbol) {
    const int64_t i = pos + offset_;
    if (i < 0) {
      const int64_t grow = std::max<int64_t>(-i, static_cast<int64_t>(cells_.size())) + 16;
      cells_.insert(cells_.begin(), static_cast<size_t>(grow), 0);
      offset_ += grow;
    } else if (i >= static_cast<int64_t>(cells_.size())) {
      cells_.resize(static_cast<size_t>(i) * 2 + 16, 0);
    }
    cells_[static_cast<size_t>(pos + offset_)] = static_cast<uint8_t>(symbol);
  }

  const Table& t_;
  std::vector<uint8_t> cells_;
  int64_t offset_ = 0;
  int64_t head_ = 0, time_ = 0;
  int state_ = 0;
};

std::string at_step(int64_t t) { return " (step " + std::to_string(t) + ")"; }

// Runs until time `until`; an error if a halting transition comes first.
core::Status advance(Run& run, int64_t until, std::vector<int64_t>* positions = nullptr) {
  while (run.time() < until) {
    if (positions) positions->push_back(run.head());
    if (!run.step()) return bad_input("the machine halts" + at_step(run.time() + 1));
  }
  if (positions) positions->push_back(run.head());
  return {};
}

core::Status check_halting(const Table& t, int64_t steps) {
  if (steps < 1) return bad_input("halting: steps must be at least 1");
  Run run(t);
  if (auto s = advance(run, steps - 1); !s) return bad_input("halting: halts before step " + std::to_string(steps));
  if (!run.next_halts()) return bad_input("halting: step " + std::to_string(steps) + " does not halt");
  return {};
}

core::Status check_cycler(const Table& t, int64_t start, int64_t period) {
  Run run(t);
  if (auto s = advance(run, start); !s) return s.error().with_context("cycler");
  const auto tape = run.trimmed();
  const int64_t head = run.head();
  const int state = run.state();
  if (auto s = advance(run, start + period); !s) return s.error().with_context("cycler");
  if (run.state() != state || run.head() != head || run.trimmed() != tape)
    return bad_input("cycler: the configurations at steps " + std::to_string(start) + " and " +
                     std::to_string(start + period) + " differ");
  return {};
}

core::Status check_translated(const Table& t, int64_t start, int64_t period, bool right) {
  const int dir = right ? 1 : -1;
  Run run(t);
  if (auto s = advance(run, start); !s) return s.error().with_context("translated_cycler");
  const int64_t x1 = run.head();
  const int state = run.state();
  if (!run.blank_beyond(x1, right))
    return bad_input("translated_cycler: tape not blank beyond the head" + at_step(start));
  Run first = run;  // the configuration at `start`
  std::vector<int64_t> positions;
  if (auto s = advance(run, start + period, &positions); !s)
    return s.error().with_context("translated_cycler");
  const int64_t x2 = run.head(), shift = (x2 - x1) * dir;
  if (run.state() != state || shift <= 0 || !run.blank_beyond(x2, right))
    return bad_input("translated_cycler: the second configuration is not a shifted record" +
                     at_step(start + period));
  // m: the furthest point back visited in between; compare [m, x1] with [m, x1] + shift.
  const int64_t back = right ? *std::min_element(positions.begin(), positions.end())
                             : *std::max_element(positions.begin(), positions.end());
  const int64_t lo1 = std::min(back, x1), hi1 = std::max(back, x1);
  if (first.snapshot(lo1, hi1) != run.snapshot(lo1 + dir * shift, hi1 + dir * shift))
    return bad_input("translated_cycler: the tape segments at steps " + std::to_string(start) +
                     " and " + std::to_string(start + period) + " differ");
  return {};
}

// The closure conditions of an n-gram CPS certificate (certificate.hpp), on plain strings.
struct LocalView {
  int state = 0;
  bool from_left = true;
  std::string left, block, right;
  std::string text() const {
    return std::string(1, static_cast<char>('A' + state)) + (from_left ? ">" : "<") + left + "[" +
           block + "]" + right;
  }
};

bool is_word(const std::string& w, size_t n, int symbols) {
  if (w.size() != n) return false;
  for (char ch : w)
    if (ch < '0' || ch >= '0' + symbols) return false;
  return true;
}

core::Expected<LocalView> read_view(const std::string& s, size_t w, size_t k, const Table& t) {
  LocalView v;
  const auto bad = [&] { return bad_input("ngram_cps: malformed configuration \"" + s + "\""); };
  if (s.size() != 2 * w + k + 4 || s[0] < 'A' || s[0] >= 'A' + t.states ||
      (s[1] != '>' && s[1] != '<') || s[w + 2] != '[' || s[w + k + 3] != ']')
    return bad();
  v.state = s[0] - 'A';
  v.from_left = s[1] == '>';
  v.left = s.substr(2, w);
  v.block = s.substr(w + 3, k);
  v.right = s.substr(w + k + 4);
  if (!is_word(v.left, w, t.symbols) || !is_word(v.right, w, t.symbols) ||
      !is_word(v.block, k, t.symbols))
    return bad();
  return v;
}

// Runs the machine inside the view's block; false when it halts or never leaves the block.
bool leave_block(const Table& t, LocalView& v, bool& to_right) {
  const int k = static_cast<int>(v.block.size());
  int pos = v.from_left ? 0 : k - 1;
  int64_t bound = t.states * k;
  for (int i = 0; i < k; ++i) bound *= t.symbols;
  for (int64_t steps = 0; steps <= bound; ++steps) {
    const Rule& r = t.rules[static_cast<size_t>(v.state * t.symbols + (v.block[static_cast<size_t>(pos)] - '0'))];
    if (r.halts) return false;
    v.block[static_cast<size_t>(pos)] = static_cast<char>('0' + r.write);
    pos += r.move;
    v.state = r.next;
    if (pos < 0 || pos >= k) {
      to_right = pos >= k;
      return true;
    }
  }
  return false;
}

core::Status check_ngram(const Table& t, const Certificate& c) {
  if (c.ngram < 1 || c.ngram > 8 || c.block < 1 || c.block > 8)
    return bad_input("ngram_cps: n and block must be in [1, 8]");
  const size_t k = static_cast<size_t>(c.block), w = static_cast<size_t>(c.ngram) * k;
  std::set<std::string> left, right, views(c.configs.begin(), c.configs.end());
  for (const auto* list : {&c.left, &c.right_words})
    for (const std::string& word : *list) {
      if (!is_word(word, w, t.symbols)) return bad_input("ngram_cps: malformed word \"" + word + "\"");
      (list == &c.left ? left : right).insert(word);
    }
  const std::string blank(w, '0');
  if (!left.count(blank) || !right.count(blank) ||
      !views.count("A>" + blank + "[" + std::string(k, '0') + "]" + blank))
    return bad_input("ngram_cps: the start configuration is not covered");
  for (const std::string& s : c.configs) {
    auto v = read_view(s, w, k, t);
    if (!v) return v.error();
    LocalView after = *v;
    bool to_right = true;
    if (!leave_block(t, after, to_right))
      return bad_input("ngram_cps: from " + s + " the machine halts or stays in the block");
    // The block just left joins the word behind; the nearest block ahead comes under the head.
    const std::string pushed = to_right ? v->left.substr(k) + after.block : after.block + v->right.substr(0, w - k);
    if (!(to_right ? left : right).count(pushed))
      return bad_input("ngram_cps: word " + pushed + " made from " + s + " is not in the set");
    const std::string ahead = to_right ? v->right : v->left;
    const std::set<std::string>& ahead_set = to_right ? right : left;
    for (const std::string& next_word : ahead_set) {
      // next_word must continue `ahead` by one block beyond it.
      const bool fits = to_right ? next_word.compare(0, w - k, ahead, k, w - k) == 0
                                 : next_word.compare(k, w - k, ahead, 0, w - k) == 0;
      if (!fits) continue;
      LocalView next;
      next.state = after.state;
      next.from_left = to_right;
      next.block = to_right ? ahead.substr(0, k) : ahead.substr(w - k);
      next.left = to_right ? pushed : next_word;
      next.right = to_right ? next_word : pushed;
      if (!views.count(next.text()))
        return bad_input("ngram_cps: successor " + next.text() + " of " + s + " is missing");
    }
  }
  return {};
}

// The closure conditions of a finite automata reduction certificate (certificate.hpp), on an
// explicit edge relation.
core::Status check_far(Table t, const Certificate& c) {
  if (t.symbols != 2) return bad_input("far: the machine must have 2 symbols");
  const int n = static_cast<int>(c.dfa.size()), q = t.states;
  if (n < 1 || n > 8) return bad_input("far: the DFA must have 1 to 8 states");
  for (int i = 0; i < n; ++i)
    for (int b = 0; b < 2; ++b)
      if (c.dfa[static_cast<size_t>(i)][static_cast<size_t>(b)] < 0 || c.dfa[static_cast<size_t>(i)][static_cast<size_t>(b)] >= n)
        return bad_input("far: DFA row " + std::to_string(i) + " leaves the DFA");
  if (c.dfa[0][0] != 0) return bad_input("far: the DFA must stay in state 0 on a blank from state 0");
  if (c.mirror)
    for (Rule& r : t.rules) r.move = -r.move;
  const int sink = n * q, states = sink + 1;
  std::vector<std::vector<char>> edge[2];
  for (auto& e : edge) e.assign(static_cast<size_t>(states), std::vector<char>(static_cast<size_t>(states), 0));
  for (const auto& [from, read, to] : c.nfa) {
    if (from < 0 || from >= states || to < 0 || to >= states || read < 0 || read > 1)
      return bad_input("far: NFA edge " + std::to_string(from) + " -" + std::to_string(read) + "-> " +
                       std::to_string(to) + " is out of range");
    edge[read][static_cast<size_t>(from)][static_cast<size_t>(to)] = 1;
  }
  const auto has = [&](int read, int from, int to) {
    return edge[read][static_cast<size_t>(from)][static_cast<size_t>(to)] != 0;
  };
  const auto missing = [](const std::string& why, int from, int read, int to) {
    return bad_input("far: missing NFA edge " + std::to_string(from) + " -" + std::to_string(read) +
                     "-> " + std::to_string(to) + " (" + why + ")");
  };
  for (int x = 0; x < 2; ++x)
    if (!has(x, sink, sink)) return missing("the accepting sink loops", sink, x, sink);
  const auto delta = [&](int i, int b) { return c.dfa[static_cast<size_t>(i)][static_cast<size_t>(b)]; };
  for (int i = 0; i < n; ++i)
    for (int f = 0; f < q; ++f)
      for (int r = 0; r < 2; ++r) {
        const Rule& rule = t.rules[static_cast<size_t>(f * 2 + r)];
        const std::string where = "state " + std::string(1, static_cast<char>('A' + f)) + " reading " +
                                  std::to_string(r) + ", DFA state " + std::to_string(i);
        if (rule.halts) {
          if (!has(r, i * q + f, sink)) return missing("halting, " + where, i * q + f, r, sink);
        } else if (rule.move > 0) {
          const int to = delta(i, rule.write) * q + rule.next;
          if (!has(r, i * q + f, to)) return missing("right move, " + where, i * q + f, r, to);
        } else {
          for (int b = 0; b < 2; ++b) {
            const int from = delta(i, b) * q + f;
            for (int s1 = 0; s1 < states; ++s1) {
              if (!has(b, i * q + rule.next, s1)) continue;
              for (int s2 = 0; s2 < states; ++s2)
                if (has(rule.write, s1, s2) && !has(r, from, s2))
                  return missing("left move over " + std::to_string(b) + ", " + where, from, r, s2);
            }
          }
        }
      }
  // The start configuration: (0, A) followed by any number of blanks.
  std::vector<char> seen(static_cast<size_t>(states), 0);
  std::vector<int> todo = {0};
  seen[0] = 1;
  while (!todo.empty()) {
    const int s = todo.back();
    todo.pop_back();
    if (s == sink) return bad_input("far: the start configuration is accepted (reaches the sink on blanks)");
    for (int to = 0; to < states; ++to)
      if (has(0, s, to) && !seen[static_cast<size_t>(to)]) seen[static_cast<size_t>(to)] = 1, todo.push_back(to);
  }
  return {};
}

}  // namespace

core::Status check_certificate(std::string_view machine_text, const Certificate& c) {
  auto table = read_table(machine_text);
  if (!table) return table.error();
  switch (c.kind) {
    case CertificateKind::halting: return check_halting(*table, c.steps);
    case CertificateKind::cycler:
      if (c.period < 1) return bad_input("cycler: period must be at least 1");
      return check_cycler(*table, c.start, c.period);
    case CertificateKind::translated_cycler:
      if (c.period < 1) return bad_input("translated_cycler: period must be at least 1");
      return check_translated(*table, c.start, c.period, c.right);
    case CertificateKind::ngram_cps: return check_ngram(*table, c);
    case CertificateKind::far: return check_far(*table, c);
  }
  return bad_input("unknown certificate kind");
}

}  // namespace tcs::busy_beaver
