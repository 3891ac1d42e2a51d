#include "generators/regex/language_key.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "generators/regex/automaton.hpp"
#include "harness/core/hash.hpp"

namespace tcs::regex {

int32_t KeyBuilder::state_id(uint64_t set) {
  if (sets_.size() * 2 >= slot_keys_.size()) {  // grow and rehash
    const size_t capacity = std::max<size_t>(64, slot_keys_.size() * 2);
    slot_keys_.assign(capacity, 0);
    slot_ids_.assign(capacity, -1);
    for (size_t i = 0; i < sets_.size(); ++i) {
      size_t s = core::mix64(sets_[i]) & (capacity - 1);
      while (slot_ids_[s] >= 0) s = (s + 1) & (capacity - 1);
      slot_keys_[s] = sets_[i];
      slot_ids_[s] = static_cast<int32_t>(i);
    }
  }
  const size_t mask = slot_keys_.size() - 1;
  size_t s = core::mix64(set) & mask;
  for (; slot_ids_[s] >= 0; s = (s + 1) & mask)
    if (slot_keys_[s] == set) return slot_ids_[s];
  slot_keys_[s] = set;
  slot_ids_[s] = static_cast<int32_t>(sets_.size());
  sets_.push_back(set);
  return slot_ids_[s];
}

void KeyBuilder::determinize() {
  const Scratch& c = scratch_;
  uint64_t letter_set[16] = {};
  for (int p = 0; p < c.m; ++p) letter_set[c.letters[p]] |= uint64_t{1} << p;
  const uint64_t final_set = c.last | (c.nullable ? kInitial : 0);
  sets_.clear();
  std::fill(slot_ids_.begin(), slot_ids_.end(), -1);
  next_.clear();
  accept_.clear();
  state_id(kInitial);
  for (size_t q = 0; q < sets_.size(); ++q) {
    uint64_t states = sets_[q], from = 0;
    accept_.push_back((states & final_set) != 0);
    if (states & kInitial) from |= c.first;
    for (uint64_t s = states & ~kInitial; s; s &= s - 1) from |= c.follow[std::countr_zero(s)];
    for (int x = 0; x < k_; ++x) next_.push_back(state_id(from & letter_set[x]));
  }
}

void KeyBuilder::minimize() {
  const int32_t n = static_cast<int32_t>(accept_.size());
  const int w = k_ + 1;
  cls_.assign(accept_.begin(), accept_.end());
  rows_.resize(static_cast<size_t>(n) * w);
  order_.resize(n);
  fresh_.resize(n);
  int32_t count = -1;
  for (;;) {
    for (int32_t q = 0; q < n; ++q) {
      int32_t* row = &rows_[static_cast<size_t>(q) * w];
      row[0] = cls_[q];
      for (int x = 0; x < k_; ++x) row[x + 1] = cls_[next_[q * k_ + x]];
      order_[q] = q;
    }
    const size_t bytes = sizeof(int32_t) * w;
    auto row = [&](int32_t q) { return &rows_[static_cast<size_t>(q) * w]; };
    std::sort(order_.begin(), order_.end(),
              [&](int32_t p, int32_t q) { return std::memcmp(row(p), row(q), bytes) < 0; });
    int32_t c = -1;
    for (int32_t i = 0; i < n; ++i) {
      if (i == 0 || std::memcmp(row(order_[i]), row(order_[i - 1]), bytes) != 0) ++c;
      fresh_[order_[i]] = c;
    }
    cls_.swap(fresh_);
    if (c + 1 == count) return;
    count = c + 1;
  }
}

void KeyBuilder::emit() {
  const int32_t n = static_cast<int32_t>(accept_.size());
  int32_t classes = 0;
  for (int32_t c : cls_) classes = std::max(classes, c + 1);
  rep_.assign(classes, -1);
  number_.assign(classes, -1);
  for (int32_t q = 0; q < n; ++q)
    if (rep_[cls_[q]] < 0) rep_[cls_[q]] = q;
  queue_.clear();
  number_[cls_[0]] = 0;
  queue_.push_back(cls_[0]);
  // Same layout as canonical_key(): width byte, then accept byte and k transitions per state.
  const int width = classes <= 256 ? 1 : classes <= 65536 ? 2 : 4;
  key_.clear();
  key_.push_back(static_cast<char>(width));
  for (size_t i = 0; i < queue_.size(); ++i) {
    const int32_t q = rep_[queue_[i]];
    key_.push_back(static_cast<char>(accept_[q]));
    for (int x = 0; x < k_; ++x) {
      const int32_t c = cls_[next_[q * k_ + x]];
      if (number_[c] < 0) {
        number_[c] = static_cast<int32_t>(queue_.size());
        queue_.push_back(c);
      }
      const uint32_t t = static_cast<uint32_t>(number_[c]);
      for (int b = 0; b < width; ++b) key_.push_back(static_cast<char>((t >> (8 * b)) & 0xff));
    }
  }
}

std::string_view KeyBuilder::key() {
  determinize();
  minimize();
  emit();
  return key_;
}

}  // namespace tcs::regex
