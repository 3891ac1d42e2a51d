#include "generators/regex/automaton.hpp"

#include <algorithm>
#include <bit>
#include <unordered_map>

#include "harness/core/contract.hpp"

namespace tcs::regex {

uint64_t PositionAutomaton::successors(uint64_t states) const {
  uint64_t out = 0;
  while (states) {
    out |= follow[std::countr_zero(states)];
    states &= states - 1;
  }
  return out;
}

namespace {

struct Facts {
  bool nullable = false;
  uint64_t first = 0, last = 0;
};

}  // namespace

PositionAutomaton position_automaton(const Regex& r, int alphabet_size) {
  TCS_REQUIRE(letter_count(r) <= kMaxPositions, "too many letters for the position automaton");
  PositionAutomaton a;
  a.k = alphabet_size;
  a.follow.assign(64, 0);
  a.letter_set.assign(alphabet_size, 0);
  std::vector<Facts> f(r.nodes.size());
  int position = 0;
  for (size_t i = 0; i < r.nodes.size(); ++i) {
    const Node& n = r.nodes[i];
    switch (n.op) {
      case Op::letter: {
        const uint64_t bit = uint64_t{1} << position++;
        a.letter_set[n.letter] |= bit;
        f[i] = {false, bit, bit};
        break;
      }
      case Op::star:
      case Op::option: {
        f[i] = f[n.a];
        f[i].nullable = true;
        if (n.op == Op::star)
          for (uint64_t s = f[n.a].last; s; s &= s - 1) a.follow[std::countr_zero(s)] |= f[n.a].first;
        break;
      }
      case Op::concat: {
        const Facts& x = f[n.a];
        const Facts& y = f[n.b];
        for (uint64_t s = x.last; s; s &= s - 1) a.follow[std::countr_zero(s)] |= y.first;
        f[i] = {x.nullable && y.nullable, x.nullable ? x.first | y.first : x.first,
                y.nullable ? x.last | y.last : y.last};
        break;
      }
      case Op::choice:
        f[i] = {f[n.a].nullable || f[n.b].nullable, f[n.a].first | f[n.b].first, f[n.a].last | f[n.b].last};
        break;
    }
  }
  const Facts& root = f.back();
  a.follow[63] = root.first;
  a.final_set = root.last | (root.nullable ? kInitial : 0);
  return a;
}

bool matches(const PositionAutomaton& a, const std::vector<uint8_t>& word) {
  uint64_t states = kInitial;
  for (uint8_t x : word) {
    states = a.successors(states) & a.letter_set[x];
    if (!states) return false;
  }
  return a.accepts(states);
}

core::Expected<Dfa> determinize(const PositionAutomaton& a, int64_t max_states) {
  Dfa d;
  d.k = a.k;
  std::unordered_map<uint64_t, int32_t> ids;
  std::vector<uint64_t> sets{kInitial};
  ids.emplace(kInitial, 0);
  for (size_t q = 0; q < sets.size(); ++q) {
    const uint64_t from = a.successors(sets[q]);
    d.accept.push_back(a.accepts(sets[q]));
    for (int x = 0; x < a.k; ++x) {
      const uint64_t to = from & a.letter_set[x];
      auto [it, fresh] = ids.emplace(to, static_cast<int32_t>(sets.size()));
      if (fresh) {
        if (static_cast<int64_t>(sets.size()) >= max_states)
          return core::Error{core::ErrorCode::unsupported,
                             "state limit reached: the subset construction passed " +
                                 std::to_string(max_states) + " DFA states"};
        sets.push_back(to);
      }
      d.next.push_back(it->second);
    }
  }
  return d;
}

namespace {

// Moore refinement: classes by acceptance, then by (class, successor classes) until stable.
std::vector<int32_t> moore_classes(const Dfa& d) {
  const int32_t n = d.states();
  std::vector<int32_t> cls(n);
  for (int32_t q = 0; q < n; ++q) cls[q] = d.accept[q];
  int32_t count = 0;
  std::vector<int32_t> order(n);
  for (;;) {
    std::vector<std::vector<int32_t>> sigs(n);
    for (int32_t q = 0; q < n; ++q) {
      sigs[q].reserve(d.k + 1);
      sigs[q].push_back(cls[q]);
      for (int x = 0; x < d.k; ++x) sigs[q].push_back(cls[d.next[q * d.k + x]]);
    }
    for (int32_t q = 0; q < n; ++q) order[q] = q;
    std::sort(order.begin(), order.end(), [&](int32_t p, int32_t q) { return sigs[p] < sigs[q]; });
    std::vector<int32_t> fresh(n);
    int32_t c = -1;
    for (int32_t i = 0; i < n; ++i) {
      if (i == 0 || sigs[order[i]] != sigs[order[i - 1]]) ++c;
      fresh[order[i]] = c;
    }
    const int32_t fresh_count = c + 1;
    cls.swap(fresh);
    if (fresh_count == count) return cls;
    count = fresh_count;
  }
}

}  // namespace

Dfa minimize(const Dfa& d) {
  const std::vector<int32_t> cls = moore_classes(d);
  // BFS over classes from the start's class; letters in order give the canonical numbering.
  int32_t classes = 0;
  for (int32_t c : cls) classes = std::max(classes, c + 1);
  std::vector<int32_t> rep(classes, -1), number(classes, -1), queue;
  for (int32_t q = 0; q < d.states(); ++q)
    if (rep[cls[q]] < 0) rep[cls[q]] = q;
  Dfa m;
  m.k = d.k;
  number[cls[0]] = 0;
  queue.push_back(cls[0]);
  for (size_t i = 0; i < queue.size(); ++i) {
    const int32_t q = rep[queue[i]];
    m.accept.push_back(d.accept[q]);
    for (int x = 0; x < d.k; ++x) {
      const int32_t c = cls[d.next[q * d.k + x]];
      if (number[c] < 0) {
        number[c] = static_cast<int32_t>(queue.size());
        queue.push_back(c);
      }
      m.next.push_back(number[c]);
    }
  }
  return m;
}

std::string canonical_key(const Dfa& m) {
  // Width byte, then per state: accept byte and k transitions, little-endian in `width` bytes.
  const int width = m.states() <= 256 ? 1 : m.states() <= 65536 ? 2 : 4;
  std::string key;
  key.reserve(1 + m.accept.size() * (1 + m.k * width));
  key.push_back(static_cast<char>(width));
  for (int32_t q = 0; q < m.states(); ++q) {
    key.push_back(static_cast<char>(m.accept[q]));
    for (int x = 0; x < m.k; ++x) {
      const uint32_t t = static_cast<uint32_t>(m.next[q * m.k + x]);
      for (int b = 0; b < width; ++b) key.push_back(static_cast<char>((t >> (8 * b)) & 0xff));
    }
  }
  return key;
}

core::Expected<std::string> language_key(const Regex& r, int alphabet_size, int64_t max_states) {
  auto d = determinize(position_automaton(r, alphabet_size), max_states);
  if (!d) return d.error();
  return canonical_key(minimize(*d));
}

}  // namespace tcs::regex
