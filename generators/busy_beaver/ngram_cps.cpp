#include "generators/busy_beaver/ngram_cps.hpp"

#include "harness/core/contract.hpp"

namespace tcs::busy_beaver {

namespace {

uint64_t power(uint64_t base, int exp) {
  uint64_t out = 1;
  for (int i = 0; i < exp; ++i) out *= base;
  return out;
}

// Cell i of a block is digit i (weight m^i); block i of a word is digit i (weight B^i).
std::string cells(uint32_t word, int blocks, uint32_t block_count, int k, int m) {
  std::string out;
  for (int i = 0; i < blocks; ++i, word /= block_count) {
    uint32_t b = word % block_count;
    for (int c = 0; c < k; ++c, b /= static_cast<uint32_t>(m)) out += static_cast<char>('0' + b % static_cast<uint32_t>(m));
  }
  return out;
}

}  // namespace

bool NgramCps::fits(const PackedMachine& pm, int n, int block) {
  if (n < 1 || block < 1 || power(static_cast<uint64_t>(pm.symbols), block) > 256) return false;
  const uint64_t b = power(static_cast<uint64_t>(pm.symbols), block);
  return power(b, 2 * n + 1) * 2 * static_cast<uint64_t>(pm.states) <= (1u << 24);
}

// The macro machine: (q, facing, block) -> run the base machine inside the block from the
// edge it entered until it leaves; halting or never leaving becomes a halting entry.
void NgramCps::build_macro(const PackedMachine& pm, int k) {
  const uint32_t m = static_cast<uint32_t>(pm.symbols);
  const uint32_t blocks = static_cast<uint32_t>(power(m, k));
  base_symbols_ = pm.symbols;
  macro_.states = 2 * pm.states;
  macro_.symbols = static_cast<int>(blocks);
  macro_.table.assign(static_cast<size_t>(macro_.states) * blocks, Packed{0, 0, kHalt});
  const int64_t bound = static_cast<int64_t>(pm.states) * k * blocks + 1;
  for (int q = 0; q < pm.states; ++q)
    for (int facing = 0; facing < 2; ++facing)
      for (uint32_t b = 0; b < blocks; ++b) {
        uint8_t c[16];
        uint32_t v = b;
        for (int i = 0; i < k; ++i, v /= m) c[i] = static_cast<uint8_t>(v % m);
        int pos = facing ? 0 : k - 1;
        uint32_t row = static_cast<uint32_t>(q) * m;
        bool left_block = false;
        for (int64_t steps = 0; steps <= bound && !left_block; ++steps) {
          const Packed e = pm.table[row + c[pos]];
          if (e.next == kHalt) break;
          c[pos] = e.write;
          pos += e.move;
          row = e.next;
          left_block = pos < 0 || pos >= k;
        }
        if (!left_block) continue;  // halts or loops inside: stays a halting entry
        uint32_t out = 0;
        for (int i = k - 1; i >= 0; --i) out = out * m + c[i];
        const bool right = pos >= k;
        const uint32_t next = (row / m) * 2 + (right ? 1 : 0);
        macro_.table[(static_cast<size_t>(q) * 2 + facing) * blocks + b] =
            Packed{static_cast<uint8_t>(out), static_cast<int8_t>(right ? 1 : -1),
                   static_cast<uint16_t>(next * blocks)};
      }
}

Decision NgramCps::run(const PackedMachine& pm, int n, int k, int64_t max_configs) {
  TCS_REQUIRE(fits(pm, n, k), "n-gram size");
  build_macro(pm, k);
  const uint32_t m = static_cast<uint32_t>(macro_.symbols);
  const uint32_t words = static_cast<uint32_t>(power(m, n)), top = words / m;
  in_left_.assign(words, 0);
  in_right_.assign(words, 0);
  in_set_.assign(static_cast<size_t>(macro_.states) * words * m * words, 0);
  list_.clear();
  auto add = [&](uint32_t q, uint32_t l, uint32_t h, uint32_t r) {
    const uint32_t code = ((q * words + l) * m + h) * words + r;
    if (!in_set_[code]) in_set_[code] = 1, list_.push_back(code);
  };
  in_left_[0] = in_right_[0] = 1;
  add(1, 0, 0, 0);  // state A, entering block 0 from the left
  Decision d;
  for (bool grew = true; grew;) {
    grew = false;
    for (size_t i = 0; i < list_.size(); ++i) {
      if (static_cast<int64_t>(list_.size()) > max_configs) return d;
      uint32_t code = list_[i];
      const uint32_t r = code % words; code /= words;
      const uint32_t h = code % m; code /= m;
      const uint32_t l = code % words, q = code / words;
      const Packed e = macro_.table[q * m + h];
      if (e.next == kHalt) return d;
      const uint32_t q2 = e.next / m;
      if (e.move > 0) {
        const uint32_t l2 = l / m + e.write * top;
        if (!in_left_[l2]) in_left_[l2] = 1, grew = true;
        for (uint32_t x = 0; x < m; ++x)
          if (const uint32_t r2 = r / m + x * top; in_right_[r2]) add(q2, l2, r % m, r2);
      } else {
        const uint32_t r2 = e.write + (r % top) * m;
        if (!in_right_[r2]) in_right_[r2] = 1, grew = true;
        for (uint32_t x = 0; x < m; ++x)
          if (const uint32_t l2 = x + (l % top) * m; in_left_[l2]) add(q2, l2, l / top, r2);
      }
    }
  }
  d.outcome = Outcome::nonhalting;
  d.certificate = certificate(n, k, words);
  return d;
}

Certificate NgramCps::certificate(int n, int k, uint32_t words) const {
  const uint32_t m = static_cast<uint32_t>(macro_.symbols);
  Certificate c;
  c.kind = CertificateKind::ngram_cps;
  c.ngram = n;
  c.block = k;
  for (uint32_t w = 0; w < words; ++w) {
    if (in_left_[w]) c.left.push_back(cells(w, n, m, k, base_symbols_));
    if (in_right_[w]) c.right_words.push_back(cells(w, n, m, k, base_symbols_));
  }
  for (uint32_t code : list_) {
    const uint32_t r = code % words, h = (code / words) % m, l = (code / words / m) % words;
    const uint32_t q = code / words / m / words;
    c.configs.push_back(std::string(1, static_cast<char>('A' + q / 2)) + (q % 2 ? ">" : "<") +
                        cells(l, n, m, k, base_symbols_) + "[" + cells(h, 1, m, k, base_symbols_) +
                        "]" + cells(r, n, m, k, base_symbols_));
  }
  return c;
}

}  // namespace tcs::busy_beaver
