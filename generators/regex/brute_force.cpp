#include "generators/regex/brute_force.hpp"

namespace tcs::regex {

namespace {

struct Words {
  int k, max_length;
  std::vector<int64_t> start;  // index of the first word of each length
  Words(int k_, int n) : k(k_), max_length(n) {
    int64_t at = 0, count = 1;
    for (int len = 0; len <= n + 1; ++len, count *= k) {
      start.push_back(at);
      at += count;
    }
  }
  int64_t total() const { return start[max_length + 1]; }
  int length(int64_t i) const {
    int len = 0;
    while (start[len + 1] <= i) ++len;
    return len;
  }
  // Index of u followed by v.
  int64_t join(int64_t u, int lu, int64_t v, int lv) const {
    int64_t shift = 1;
    for (int i = 0; i < lv; ++i) shift *= k;
    return start[lu + lv] + (u - start[lu]) * shift + (v - start[lv]);
  }
};

std::vector<bool> concat(const Words& w, const std::vector<bool>& a, const std::vector<bool>& b) {
  std::vector<bool> out(w.total(), false);
  for (int64_t u = 0; u < w.total(); ++u) {
    if (!a[u]) continue;
    const int lu = w.length(u);
    for (int64_t v = 0; v < w.start[w.max_length - lu + 1]; ++v)
      if (b[v]) out[w.join(u, lu, v, w.length(v))] = true;
  }
  return out;
}

}  // namespace

std::vector<bool> words_upto(const Regex& r, int alphabet_size, int max_length) {
  const Words w(alphabet_size, max_length);
  std::vector<std::vector<bool>> lang(r.nodes.size());
  for (size_t i = 0; i < r.nodes.size(); ++i) {
    const Node& n = r.nodes[i];
    std::vector<bool>& out = lang[i];
    switch (n.op) {
      case Op::letter:
        out.assign(w.total(), false);
        if (max_length >= 1) out[w.start[1] + n.letter] = true;
        break;
      case Op::option:
        out = lang[n.a];
        out[0] = true;
        break;
      case Op::star: {
        out.assign(w.total(), false);
        out[0] = true;
        for (int round = 0; round < max_length; ++round) {  // S := {ε} ∪ A·S until stable
          std::vector<bool> next = concat(w, lang[n.a], out);
          next[0] = true;
          if (next == out) break;
          out = next;
        }
        break;
      }
      case Op::concat: out = concat(w, lang[n.a], lang[n.b]); break;
      case Op::choice:
        out = lang[n.a];
        for (int64_t j = 0; j < w.total(); ++j) out[j] = out[j] || lang[n.b][j];
        break;
    }
  }
  return lang.back();
}

std::vector<uint8_t> word_at(int64_t index, int alphabet_size) {
  int len = 0;
  int64_t count = 1, start = 0;
  while (start + count <= index) {
    start += count;
    count *= alphabet_size;
    ++len;
  }
  std::vector<uint8_t> word(len);
  int64_t value = index - start;
  for (int i = len - 1; i >= 0; --i) {
    word[i] = static_cast<uint8_t>(value % alphabet_size);
    value /= alphabet_size;
  }
  return word;
}

bool brute_member(const Regex& r, const std::vector<uint8_t>& word) {
  const size_t n = word.size();
  // in[node][i][j]: word[i, j) is in L(node).
  auto at = [n](size_t i, size_t j) { return i * (n + 1) + j; };
  std::vector<std::vector<bool>> in(r.nodes.size(), std::vector<bool>((n + 1) * (n + 1), false));
  for (size_t x = 0; x < r.nodes.size(); ++x) {
    const Node& node = r.nodes[x];
    auto& m = in[x];
    for (size_t len = 0; len <= n; ++len)
      for (size_t i = 0; i + len <= n; ++i) {
        const size_t j = i + len;
        bool v = false;
        switch (node.op) {
          case Op::letter: v = len == 1 && word[i] == node.letter; break;
          case Op::option: v = len == 0 || in[node.a][at(i, j)]; break;
          case Op::choice: v = in[node.a][at(i, j)] || in[node.b][at(i, j)]; break;
          case Op::concat:
            for (size_t s = i; s <= j && !v; ++s) v = in[node.a][at(i, s)] && in[node.b][at(s, j)];
            break;
          case Op::star:  // empty, or a non-empty first piece from A followed by more of A*
            v = len == 0;
            for (size_t s = i + 1; s <= j && !v; ++s) v = in[node.a][at(i, s)] && m[at(s, j)];
            break;
        }
        m[at(i, j)] = v;
      }
  }
  return in.back()[at(0, n)];
}

}  // namespace tcs::regex
