#include "generators/regex/equivalence.hpp"

#include <unordered_map>

#include "harness/core/hash.hpp"

namespace tcs::regex {

void EquivalenceChecker::Table::reset(size_t capacity) {
  size_t want = 64;
  while (want < capacity * 2) want *= 2;
  if (keys.size() < want) {
    keys.assign(want, 0);
    values.assign(want, -1);
    used.clear();
    return;
  }
  for (uint32_t slot : used) values[slot] = -1;
  used.clear();
}

int32_t* EquivalenceChecker::Table::find_or_insert(uint64_t key, bool& fresh) {
  if (used.size() * 2 >= keys.size()) {  // grow: rehash what is there
    std::vector<std::pair<uint64_t, int32_t>> old;
    for (uint32_t slot : used) old.emplace_back(keys[slot], values[slot]);
    keys.assign(keys.size() * 2, 0);
    values.assign(keys.size(), -1);
    used.clear();
    for (auto [k, v] : old) {
      bool f = false;
      *find_or_insert(k, f) = v;
    }
  }
  const size_t mask = keys.size() - 1;
  for (size_t slot = core::mix64(key) & mask;; slot = (slot + 1) & mask) {
    if (values[slot] < 0) {
      keys[slot] = key;
      used.push_back(static_cast<uint32_t>(slot));
      fresh = true;
      return &values[slot];
    }
    if (keys[slot] == key) {
      fresh = false;
      return &values[slot];
    }
  }
}

int32_t EquivalenceChecker::id(Table& t, uint64_t set, bool& fresh) {
  int32_t* v = t.find_or_insert(set, fresh);
  if (fresh) {
    *v = static_cast<int32_t>(parent_.size());
    parent_.push_back(*v);
  }
  return *v;
}

int32_t EquivalenceChecker::find(int32_t x) {
  while (parent_[x] != x) {
    parent_[x] = parent_[parent_[x]];
    x = parent_[x];
  }
  return x;
}

Equivalence EquivalenceChecker::decide(const PositionAutomaton& a, const PositionAutomaton& b) {
  left_.reset(32);
  right_.reset(32);
  parent_.clear();
  queue_.clear();
  bool fresh = false;
  const int32_t l0 = id(left_, kInitial, fresh), r0 = id(right_, kInitial, fresh);
  parent_[l0] = r0;
  queue_.emplace_back(kInitial, kInitial);
  for (size_t i = 0; i < queue_.size(); ++i) {
    const auto [p, q] = queue_[i];
    if (a.accepts(p) != b.accepts(q)) return Equivalence::different;
    const uint64_t sp = a.successors(p), sq = b.successors(q);
    for (int x = 0; x < a.k; ++x) {
      const uint64_t tp = sp & a.letter_set[x], tq = sq & b.letter_set[x];
      const int32_t u = find(id(left_, tp, fresh)), v = find(id(right_, tq, fresh));
      if (u == v) continue;
      parent_[u] = v;
      queue_.emplace_back(tp, tq);
    }
    if (static_cast<int64_t>(parent_.size()) > max_states_) return Equivalence::limit;
  }
  return Equivalence::equivalent;
}

bool EquivalenceChecker::shortest_witness(const PositionAutomaton& a, const PositionAutomaton& b,
                                          EquivalenceResult& out) {
  struct Hash {
    size_t operator()(const std::pair<uint64_t, uint64_t>& p) const {
      return core::mix64(p.first ^ core::mix64(p.second));
    }
  };
  // Each visited pair remembers (its parent's index, the letter that led to it).
  std::unordered_map<std::pair<uint64_t, uint64_t>, int32_t, Hash> seen;
  std::vector<std::pair<uint64_t, uint64_t>> pairs{{kInitial, kInitial}};
  std::vector<std::pair<int32_t, uint8_t>> from{{-1, 0}};
  seen.emplace(pairs[0], 0);
  for (size_t i = 0; i < pairs.size(); ++i) {
    const auto [p, q] = pairs[i];
    if (a.accepts(p) != b.accepts(q)) {
      for (int32_t at = static_cast<int32_t>(i); from[at].first >= 0; at = from[at].first)
        out.witness.insert(out.witness.begin(), from[at].second);
      return true;
    }
    if (static_cast<int64_t>(pairs.size()) > max_states_) return false;
    const uint64_t sp = a.successors(p), sq = b.successors(q);
    for (int x = 0; x < a.k; ++x) {
      const std::pair<uint64_t, uint64_t> t{sp & a.letter_set[x], sq & b.letter_set[x]};
      if (!seen.emplace(t, static_cast<int32_t>(pairs.size())).second) continue;
      pairs.push_back(t);
      from.emplace_back(static_cast<int32_t>(i), static_cast<uint8_t>(x));
    }
  }
  return false;
}

EquivalenceResult EquivalenceChecker::check(const PositionAutomaton& a, const PositionAutomaton& b) {
  EquivalenceResult out;
  out.answer = decide(a, b);
  out.states = static_cast<int64_t>(parent_.size());
  if (out.answer != Equivalence::different) return out;
  if (!shortest_witness(a, b, out)) out.answer = Equivalence::limit;
  return out;
}

std::optional<std::vector<uint8_t>> word_letters(std::string_view text, const Alphabet& alphabet) {
  std::vector<uint8_t> out;
  for (char c : text) {
    const int x = alphabet.index(c);
    if (x < 0) return std::nullopt;
    out.push_back(static_cast<uint8_t>(x));
  }
  return out;
}

std::string word_text(const std::vector<uint8_t>& word, const Alphabet& alphabet) {
  std::string out;
  for (uint8_t x : word) out += alphabet.letters[x];
  return out;
}

Equivalence decide(const Regex& a, const Regex& b, int k) {
  EquivalenceChecker checker;
  return checker.decide(position_automaton(a, k), position_automaton(b, k));
}

}  // namespace tcs::regex
