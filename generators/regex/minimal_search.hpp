// Minimal regexes by bottom-up enumeration: every language expressible by a regex of size
// <= `complete_size`, each with one minimal representative, keyed by its canonical minimal DFA.
//
// Level s is built from the representatives of levels < s only: star/option of a level s-1
// representative, and union/concatenation of two representatives whose sizes add up to s-1.
// This loses no language: in a minimal regex every subterm is itself minimal (else replacing
// it by something smaller would shrink the whole), and replacing a subterm by the equally
// small representative of its language keeps language and size. Skipped shapes are only
// those that are never minimal: x** x*? x?* x?? (their language has a smaller regex), r? with
// r already accepting the empty word, and the mirror image or self-union of `+`.
//
// A language met again (same canonical key) at the same or a larger size is dropped, so the
// first representative of each language wins; the order is deterministic.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "generators/regex/automaton.hpp"
#include "generators/regex/regex.hpp"

namespace tcs::regex {

struct LevelStats {
  int size = 0;
  int64_t candidates = 0;  // regexes whose language was computed
  int64_t languages = 0;   // new languages (minimal size == size)
  double seconds = 0;
};

// A read-only view for lookups, from a build in memory or a cache file (memory-mapped).
class MinimalTable {
 public:
  virtual ~MinimalTable() = default;
  virtual const Alphabet& alphabet() const = 0;
  // Every language of minimal size <= complete_size() is in the table.
  virtual int complete_size() const = 0;
  virtual int64_t languages() const = 0;
  // The representative of the language with this canonical key, if its minimal size is
  // <= complete_size().
  virtual std::optional<Regex> find(std::string_view key) const = 0;
};

struct BuildOptions {
  int64_t max_languages = 200'000'000;  // refuse to grow past this (memory guard)
  bool progress = false;                // one line per level on stderr
};

// Builds levels 1..size in memory. An Error when a guard is hit (it says which).
core::Expected<std::unique_ptr<MinimalTable>> build_table(const Alphabet& alphabet, int size,
                                                          const BuildOptions& options = {},
                                                          std::vector<LevelStats>* stats = nullptr);

// The cache file: "TCSRXMIN", format version, alphabet, complete size, entries, keys and a
// hash index sorted for binary search; FNV-1a checksum of everything after the header.
// Written to PATH.tmp then renamed.
inline constexpr uint32_t kCacheVersion = 1;
core::Status save_table(const MinimalTable& table, const std::string& path);
// Maps the file; an Error when it is missing, corrupt or of another version.
core::Expected<std::unique_ptr<MinimalTable>> load_table(const std::string& path);

// The default cache directory: $TCSPROVE_CACHE_DIR, else $XDG_CACHE_HOME/tcsprove, else
// ~/.cache/tcsprove. The file name encodes alphabet and size: regex-min-abcd-11.bin.
std::string default_cache_dir();
std::string cache_file(const std::string& dir, const Alphabet& alphabet, int size);

// A table complete to at least `size`: the smallest cached one that is, else built and saved
// (when dir is not empty). `built` says whether it was built now.
core::Expected<std::unique_ptr<MinimalTable>> open_table(const Alphabet& alphabet, int size,
                                                         const std::string& dir,
                                                         const BuildOptions& options = {},
                                                         bool* built = nullptr);

// A view of `table` that knows only the languages of minimal size <= size (requires size <=
// table.complete_size()). Answers through it are those a table built to `size` would give,
// whatever larger table the cache happened to hold: generation stays byte-for-byte the same.
std::unique_ptr<MinimalTable> cap_table(const MinimalTable& table, int size);

struct MinimizeResult {
  Regex minimal;        // a minimal equivalent regex when exact, else the smallest one found
  int size = 0;         // its size
  bool exact = false;   // size is the minimal size (else lower_bound <= minimal size <= size)
  int lower_bound = 0;  // the minimal size is at least this
};

// Minimal regex for `r` from a table. Exact when r's language is in the table, or when the
// regex found has size complete_size() + 1. Otherwise every subterm is replaced, bottom-up, by
// its representative when smaller (an upper bound). The result is re-checked equivalent to `r`.
core::Expected<MinimizeResult> minimize_regex(const Regex& r, const MinimalTable& table);

}  // namespace tcs::regex
