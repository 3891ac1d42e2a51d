// The minimal-regex table's storage: entries (one per language, children before parents),
// their canonical keys, and the cache file that holds them.
//
// File layout (little-endian, version kCacheVersion):
//   header   "TCSRXMIN" u32 version, u32 complete_size, u32 alphabet length, 16 alphabet bytes,
//            u64 entries N, u64 key bytes K, u64 checksum (FNV-1a 64 of everything after the header)
//   entries  N x Entry (16 bytes)
//   keys     K bytes
//   index    N x u64 key hash, ascending; then N x u32 entry number in the same order
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "generators/regex/minimal_search.hpp"

namespace tcs::regex {

struct Entry {
  uint32_t a = 0, b = 0;  // children (entry numbers); for a letter, a = letter index
  uint32_t key_offset = 0;
  uint16_t key_length = 0;
  uint8_t size = 0;
  uint8_t op = 0;  // Op
};
static_assert(sizeof(Entry) == 16);

uint64_t key_hash(std::string_view key);

// Entries with an open-addressing index by key, in memory.
struct EntryStore {
  std::vector<Entry> entries;
  std::string keys;
  std::vector<uint32_t> slots;  // entry number + 1; 0 = empty

  int64_t find(std::string_view key) const;  // entry number or -1
  void add(std::string_view key, uint8_t size, Op op, uint32_t a, uint32_t b);
  std::string_view key(uint32_t e) const { return {keys.data() + entries[e].key_offset, entries[e].key_length}; }
  Regex regex(uint32_t e) const;
};

// The representative of entry e, rebuilt from entries (children first).
Regex rebuild(const Entry* entries, uint32_t e);

core::Status write_table_file(const std::string& path, const Alphabet& alphabet, int complete_size,
                              const EntryStore& store);
core::Expected<std::unique_ptr<MinimalTable>> map_table_file(const std::string& path);

}  // namespace tcs::regex
