#include "generators/regex/minimal_search.hpp"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "generators/regex/equivalence.hpp"
#include "generators/regex/language_key.hpp"
#include "generators/regex/table_format.hpp"
#include "harness/core/contract.hpp"
#include "harness/core/env.hpp"
#include "harness/core/hash.hpp"

namespace tcs::regex {

namespace {

// The position-automaton facts of one representative, kept so that a candidate's automaton is
// composed from its operands' in O(positions) without rebuilding a tree.
struct Fragment {
  uint8_t m = 0;
  bool nullable = false;
  uint64_t first = 0, last = 0;
  uint32_t offset = 0;  // into the letter and follow pools
};

class Builder final : public MinimalTable {
 public:
  Builder(const Alphabet& alphabet, const BuildOptions& options)
      : alphabet_(alphabet), options_(options), keys_(alphabet.size()) {}

  const Alphabet& alphabet() const override { return alphabet_; }
  int complete_size() const override { return complete_; }
  int64_t languages() const override { return static_cast<int64_t>(store_.entries.size()); }
  std::optional<Regex> find(std::string_view key) const override {
    const int64_t e = store_.find(key);
    if (e < 0) return std::nullopt;
    return store_.regex(static_cast<uint32_t>(e));
  }
  const EntryStore& store() const { return store_; }

  core::Status build_level(int s, LevelStats& stats) {
    core::Stopwatch clock;
    stats.size = s;
    if (s == 1)
      for (int x = 0; x < alphabet_.size(); ++x) {
        begin_leaf(x);
        if (auto st = offer(s, Op::letter, static_cast<uint32_t>(x), 0, stats); !st) return st;
      }
    if (s >= 2)
      for (uint32_t i = level_begin_[s - 1]; i < level_begin_[s]; ++i)
        for (Op op : {Op::star, Op::option}) {
          const Entry& e = store_.entries[i];
          if (e.op == static_cast<uint8_t>(Op::star) || e.op == static_cast<uint8_t>(Op::option)) continue;
          if (op == Op::option && fragments_[i].nullable) continue;
          begin_unary(op, i);
          if (auto st = offer(s, op, i, 0, stats); !st) return st;
        }
    for (int s1 = 1; s1 + 1 < s; ++s1) {
      const int s2 = s - 1 - s1;
      for (uint32_t i = level_begin_[s1]; i < level_begin_[s1 + 1]; ++i)
        for (uint32_t j = level_begin_[s2]; j < level_begin_[s2 + 1]; ++j) {
          begin_binary(Op::concat, i, j);
          if (auto st = offer(s, Op::concat, i, j, stats); !st) return st;
          if (s1 > s2 || (s1 == s2 && i >= j)) continue;
          begin_binary(Op::choice, i, j);
          if (auto st = offer(s, Op::choice, i, j, stats); !st) return st;
        }
    }
    level_begin_.push_back(static_cast<uint32_t>(store_.entries.size()));
    complete_ = s;
    stats.seconds = clock.seconds();
    return {};
  }

 private:
  // Writes the candidate's position automaton into keys_'s scratch automaton.
  void begin_leaf(int x) {
    Scratch& c = keys_.scratch();
    c.m = 1;
    c.nullable = false;
    c.first = c.last = 1;
    c.letters[0] = static_cast<uint8_t>(x);
    c.follow[0] = 0;
  }

  void load(Scratch& c, const Fragment& f, int shift) {
    for (int p = 0; p < f.m; ++p) {
      c.letters[shift + p] = letters_[f.offset + p];
      c.follow[shift + p] = follow_[f.offset + p] << shift;
    }
  }

  void begin_unary(Op op, uint32_t i) {
    Scratch& c = keys_.scratch();
    const Fragment& f = fragments_[i];
    c.m = f.m;
    c.nullable = true;
    c.first = f.first;
    c.last = f.last;
    load(c, f, 0);
    if (op == Op::star)
      for (uint64_t s = f.last; s; s &= s - 1) c.follow[std::countr_zero(s)] |= f.first;
  }

  void begin_binary(Op op, uint32_t i, uint32_t j) {
    Scratch& c = keys_.scratch();
    const Fragment& x = fragments_[i];
    const Fragment& y = fragments_[j];
    c.m = x.m + y.m;
    load(c, x, 0);
    load(c, y, x.m);
    const uint64_t yfirst = y.first << x.m, ylast = y.last << x.m;
    if (op == Op::choice) {
      c.nullable = x.nullable || y.nullable;
      c.first = x.first | yfirst;
      c.last = x.last | ylast;
      return;
    }
    for (uint64_t s = x.last; s; s &= s - 1) c.follow[std::countr_zero(s)] |= yfirst;
    c.nullable = x.nullable && y.nullable;
    c.first = x.nullable ? x.first | yfirst : x.first;
    c.last = y.nullable ? x.last | ylast : ylast;
  }

  // Keeps the scratch candidate if its language is new.
  core::Status offer(int s, Op op, uint32_t a, uint32_t b, LevelStats& stats) {
    ++stats.candidates;
    const Scratch& c = keys_.scratch();
    const std::string_view key = keys_.key();
    if (store_.find(key) >= 0) return {};
    if (languages() >= options_.max_languages)
      return core::Error{core::ErrorCode::unsupported,
                         "the minimal-regex table passed its limit of " +
                             std::to_string(options_.max_languages) + " languages at size " + std::to_string(s)};
    store_.add(key, static_cast<uint8_t>(s), op, a, b);
    fragments_.push_back({static_cast<uint8_t>(c.m), c.nullable, c.first, c.last,
                          static_cast<uint32_t>(letters_.size())});
    letters_.insert(letters_.end(), c.letters, c.letters + c.m);
    follow_.insert(follow_.end(), c.follow, c.follow + c.m);
    ++stats.languages;
    return {};
  }

  Alphabet alphabet_;
  BuildOptions options_;
  KeyBuilder keys_;
  EntryStore store_;
  std::vector<Fragment> fragments_;
  std::vector<uint8_t> letters_;
  std::vector<uint64_t> follow_;
  std::vector<uint32_t> level_begin_{0, 0};  // level s: [level_begin_[s], level_begin_[s+1])
  int complete_ = 0;
};

}  // namespace

namespace {

// Replaces every subterm, bottom-up, by its table representative when that is smaller: an
// equivalent regex, and an upper bound on the minimal size when the whole is not in the table.
Regex shrink_subterms(const Regex& r, int32_t i, const MinimalTable& table) {
  const Node& n = r.nodes[i];
  Regex out = n.op == Op::letter                       ? letter(n.letter)
              : n.op == Op::star || n.op == Op::option ? unary(n.op, shrink_subterms(r, n.a, table))
                                                       : binary(n.op, shrink_subterms(r, n.a, table),
                                                                shrink_subterms(r, n.b, table));
  if (out.size() <= 2) return out;
  auto key = language_key(out, table.alphabet().size());
  if (!key) return out;
  if (auto found = table.find(*key); found && found->size() < out.size()) return *found;
  return out;
}

class CappedTable final : public MinimalTable {
 public:
  CappedTable(const MinimalTable& table, int size) : table_(table), size_(size) {}
  const Alphabet& alphabet() const override { return table_.alphabet(); }
  int complete_size() const override { return size_; }
  int64_t languages() const override { return table_.languages(); }  // an upper bound
  std::optional<Regex> find(std::string_view key) const override {
    auto found = table_.find(key);
    if (found && found->size() > size_) return std::nullopt;
    return found;
  }

 private:
  const MinimalTable& table_;
  int size_;
};

}  // namespace

std::unique_ptr<MinimalTable> cap_table(const MinimalTable& table, int size) {
  TCS_REQUIRE(size <= table.complete_size(), "a cap beyond the table's complete size");
  return std::make_unique<CappedTable>(table, size);
}

core::Expected<std::unique_ptr<MinimalTable>> build_table(const Alphabet& alphabet, int size,
                                                          const BuildOptions& options,
                                                          std::vector<LevelStats>* stats) {
  if (size < 1 || size > 20) return core::bad_input("minimal-regex table size must be 1..20, got " + std::to_string(size));
  auto builder = std::make_unique<Builder>(alphabet, options);
  for (int s = 1; s <= size; ++s) {
    LevelStats level;
    if (auto st = builder->build_level(s, level); !st) return st.error();
    if (options.progress)
      std::cerr << "regex table: size " << s << ": " << level.languages << " new languages from "
                << level.candidates << " candidates in " << level.seconds << " s\n";
    if (stats) stats->push_back(level);
  }
  return std::unique_ptr<MinimalTable>(std::move(builder));
}

core::Status save_table(const MinimalTable& table, const std::string& path) {
  const auto* builder = dynamic_cast<const Builder*>(&table);
  if (!builder) return core::Error{core::ErrorCode::internal, "only a table built in memory can be saved"};
  return write_table_file(path, table.alphabet(), table.complete_size(), builder->store());
}

core::Expected<std::unique_ptr<MinimalTable>> load_table(const std::string& path) {
  return map_table_file(path);
}

std::string default_cache_dir() {
  if (const char* d = std::getenv("TCSPROVE_CACHE_DIR"); d && *d) return d;
  if (const char* d = std::getenv("XDG_CACHE_HOME"); d && *d) return std::string(d) + "/tcsprove";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/tcsprove";
  return ".tcsprove-cache";
}

std::string cache_file(const std::string& dir, const Alphabet& alphabet, int size) {
  return dir + "/regex-min-" + alphabet.letters + "-" + std::to_string(size) + ".bin";
}

core::Expected<std::unique_ptr<MinimalTable>> open_table(const Alphabet& alphabet, int size,
                                                         const std::string& dir,
                                                         const BuildOptions& options, bool* built) {
  if (built) *built = false;
  if (!dir.empty())
    for (int s = size; s <= 20; ++s) {
      const std::string path = cache_file(dir, alphabet, s);
      if (FILE* f = std::fopen(path.c_str(), "rb")) {
        std::fclose(f);
        auto table = load_table(path);
        if (table) return table;
        std::cerr << "tcsprove: warning: ignoring cache " << path << ": " << table.error().message << '\n';
      }
    }
  auto table = build_table(alphabet, size, options);
  if (!table) return table.error();
  if (built) *built = true;
  if (!dir.empty())
    if (auto st = save_table(**table, cache_file(dir, alphabet, size)); !st)
      std::cerr << "tcsprove: warning: could not write the regex cache: " << st.error().message << '\n';
  return table;
}

core::Expected<MinimizeResult> minimize_regex(const Regex& r, const MinimalTable& table) {
  const Alphabet& alphabet = table.alphabet();
  for (const Node& n : r.nodes)
    if (n.op == Op::letter && n.letter >= alphabet.size())
      return core::bad_input("the regex uses a letter outside the table's alphabet " + alphabet.letters);
  auto key = language_key(r, alphabet.size());
  if (!key) return key.error();
  MinimizeResult out;
  if (auto found = table.find(*key)) {
    out.minimal = left_associated(*found);
    out.size = out.minimal.size();
    out.exact = true;
    out.lower_bound = out.size;
    // Never trust the cache blindly: the representative must have r's language.
    if (!same_language(out.minimal, r, alphabet.size()))
      return core::Error{core::ErrorCode::internal,
                         "the cached minimal regex is not equivalent to the query: corrupt cache"};
    return out;
  }
  if (r.size() <= table.complete_size())
    return core::Error{core::ErrorCode::internal,
                       "a regex within the table's complete size has no entry: corrupt cache"};
  out.minimal = left_associated(shrink_subterms(r, r.root(), table));
  if (!same_language(out.minimal, r, alphabet.size()))
    return core::Error{core::ErrorCode::internal, "a cached subterm is not equivalent to its original: corrupt cache"};
  out.size = out.minimal.size();
  out.lower_bound = table.complete_size() + 1;
  out.exact = out.size == out.lower_bound;
  return out;
}

}  // namespace tcs::regex
