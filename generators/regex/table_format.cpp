#include "generators/regex/table_format.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <numeric>

#include "harness/core/hash.hpp"

namespace tcs::regex {

namespace {

constexpr char kMagic[8] = {'T', 'C', 'S', 'R', 'X', 'M', 'I', 'N'};

struct Header {
  char magic[8];
  uint32_t version, complete_size, alphabet_length;
  char alphabet[16];
  uint32_t pad;
  uint64_t entries, key_bytes, checksum;
};
static_assert(sizeof(Header) == 64);

uint64_t checksum(const char* data, size_t n) {
  return core::fnv1a64(std::string_view(data, n));
}

}  // namespace

uint64_t key_hash(std::string_view key) { return core::mix64(core::fnv1a64(key)); }

int64_t EntryStore::find(std::string_view k) const {
  if (slots.empty()) return -1;
  const size_t mask = slots.size() - 1;
  for (size_t s = key_hash(k) & mask; slots[s] != 0; s = (s + 1) & mask)
    if (key(slots[s] - 1) == k) return slots[s] - 1;
  return -1;
}

void EntryStore::add(std::string_view k, uint8_t size, Op op, uint32_t a, uint32_t b) {
  if ((entries.size() + 1) * 2 > slots.size()) {  // grow and rehash
    slots.assign(std::max<size_t>(1024, slots.size() * 2), 0);
    const size_t mask = slots.size() - 1;
    for (uint32_t e = 0; e < entries.size(); ++e) {
      size_t s = key_hash(key(e)) & mask;
      while (slots[s] != 0) s = (s + 1) & mask;
      slots[s] = e + 1;
    }
  }
  Entry e{a, b, static_cast<uint32_t>(keys.size()), static_cast<uint16_t>(k.size()), size,
          static_cast<uint8_t>(op)};
  keys.append(k);
  entries.push_back(e);
  const size_t mask = slots.size() - 1;
  size_t s = key_hash(k) & mask;
  while (slots[s] != 0) s = (s + 1) & mask;
  slots[s] = static_cast<uint32_t>(entries.size());
}

Regex rebuild(const Entry* entries, uint32_t e) {
  const Entry& x = entries[e];
  const Op op = static_cast<Op>(x.op);
  switch (op) {
    case Op::letter: return letter(static_cast<int>(x.a));
    case Op::star:
    case Op::option: return unary(op, rebuild(entries, x.a));
    default: return binary(op, rebuild(entries, x.a), rebuild(entries, x.b));
  }
}

Regex EntryStore::regex(uint32_t e) const { return rebuild(entries.data(), e); }

core::Status write_table_file(const std::string& path, const Alphabet& alphabet, int complete_size,
                              const EntryStore& store) {
  const size_t n = store.entries.size();
  std::vector<uint32_t> order(n);
  std::vector<uint64_t> hashes(n);
  for (uint32_t e = 0; e < n; ++e) hashes[e] = key_hash(store.key(e));
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    return hashes[x] != hashes[y] ? hashes[x] < hashes[y] : x < y;
  });
  std::string body;
  body.reserve(n * 28 + store.keys.size());
  body.append(reinterpret_cast<const char*>(store.entries.data()), n * sizeof(Entry));
  body.append(store.keys);
  for (uint32_t e : order) body.append(reinterpret_cast<const char*>(&hashes[e]), 8);
  body.append(reinterpret_cast<const char*>(order.data()), n * 4);
  Header h{};
  std::memcpy(h.magic, kMagic, 8);
  h.version = kCacheVersion;
  h.complete_size = static_cast<uint32_t>(complete_size);
  h.alphabet_length = static_cast<uint32_t>(alphabet.letters.size());
  std::memcpy(h.alphabet, alphabet.letters.data(), alphabet.letters.size());
  h.entries = n;
  h.key_bytes = store.keys.size();
  h.checksum = checksum(body.data(), body.size());

  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  const std::string tmp = path + ".tmp." + std::to_string(getpid());
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return core::Error{core::ErrorCode::io, "cannot write " + tmp};
  const bool ok = std::fwrite(&h, sizeof h, 1, f) == 1 &&
                  std::fwrite(body.data(), 1, body.size(), f) == body.size();
  if (std::fclose(f) != 0 || !ok) {
    std::remove(tmp.c_str());
    return core::Error{core::ErrorCode::io, "cannot write " + tmp};
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return core::Error{core::ErrorCode::io, "cannot rename " + tmp + " to " + path};
  }
  return {};
}

namespace {

class MappedTable final : public MinimalTable {
 public:
  MappedTable(void* base, size_t length) : base_(base), length_(length) {}
  ~MappedTable() override { munmap(base_, length_); }

  core::Status open(const std::string& path) {
    const char* p = static_cast<const char*>(base_);
    Header h;
    if (length_ < sizeof h) return bad(path, "shorter than its header");
    std::memcpy(&h, p, sizeof h);
    if (std::memcmp(h.magic, kMagic, 8) != 0) return bad(path, "not a tcsprove regex table");
    if (h.version != kCacheVersion)
      return bad(path, "format version " + std::to_string(h.version) + ", this build reads " +
                           std::to_string(kCacheVersion));
    if (h.alphabet_length < 1 || h.alphabet_length > 16) return bad(path, "bad alphabet length");
    const uint64_t n = h.entries;
    if (n > (uint64_t{1} << 32) || h.key_bytes > (uint64_t{1} << 36)) return bad(path, "absurd counts");
    const uint64_t body = n * sizeof(Entry) + h.key_bytes + n * 12;
    if (length_ != sizeof h + body) return bad(path, "truncated or padded");
    if (checksum(p + sizeof h, body) != h.checksum) return bad(path, "checksum mismatch");
    auto alphabet = make_alphabet(std::string_view(h.alphabet, h.alphabet_length));
    if (!alphabet) return bad(path, alphabet.error().message);
    alphabet_ = *alphabet;
    complete_ = static_cast<int>(h.complete_size);
    n_ = n;
    entries_ = reinterpret_cast<const Entry*>(p + sizeof h);
    keys_ = p + sizeof h + n * sizeof(Entry);
    key_bytes_ = h.key_bytes;
    hashes_ = reinterpret_cast<const uint64_t*>(keys_ + h.key_bytes);
    ids_ = reinterpret_cast<const uint32_t*>(keys_ + h.key_bytes + n * 8);
    return {};
  }

  const Alphabet& alphabet() const override { return alphabet_; }
  int complete_size() const override { return complete_; }
  int64_t languages() const override { return static_cast<int64_t>(n_); }

  std::optional<Regex> find(std::string_view key) const override {
    const uint64_t h = key_hash(key);
    size_t lo = 0, hi = n_;
    while (lo < hi) {  // first index with hash >= h (memcpy: the array may be unaligned)
      const size_t mid = (lo + hi) / 2;
      if (hash_at(mid) < h) lo = mid + 1;
      else hi = mid;
    }
    for (; lo < n_ && hash_at(lo) == h; ++lo) {
      uint32_t e;
      std::memcpy(&e, ids_ + lo, 4);
      if (e >= n_) return std::nullopt;
      const Entry x = entry(e);
      if (x.key_offset + uint64_t{x.key_length} > key_bytes_) return std::nullopt;
      if (std::string_view(keys_ + x.key_offset, x.key_length) == key) return rebuild_checked(e);
    }
    return std::nullopt;
  }

 private:
  core::Status bad(const std::string& path, const std::string& why) const {
    return core::bad_input(path + ": " + why);
  }
  uint64_t hash_at(size_t i) const {
    uint64_t h;
    std::memcpy(&h, hashes_ + i, 8);
    return h;
  }
  Entry entry(uint32_t e) const {
    Entry x;
    std::memcpy(&x, entries_ + e, sizeof x);
    return x;
  }
  // Children must come before parents, so a damaged file cannot make this loop.
  std::optional<Regex> rebuild_checked(uint32_t e) const {
    const Entry x = entry(e);
    const Op op = static_cast<Op>(x.op);
    if (op == Op::letter) {
      if (x.a >= alphabet_.letters.size()) return std::nullopt;
      return letter(static_cast<int>(x.a));
    }
    if (x.op > 4 || x.a >= e || (op != Op::star && op != Op::option && x.b >= e)) return std::nullopt;
    if (entry(x.a).size >= x.size || (op != Op::star && op != Op::option && entry(x.b).size >= x.size))
      return std::nullopt;  // sizes fall towards the leaves, which bounds the recursion
    auto left = rebuild_checked(x.a);
    if (!left) return std::nullopt;
    if (op == Op::star || op == Op::option) return unary(op, *left);
    auto right = rebuild_checked(x.b);
    if (!right) return std::nullopt;
    return binary(op, *left, *right);
  }

  void* base_;
  size_t length_;
  Alphabet alphabet_;
  int complete_ = 0;
  uint64_t n_ = 0, key_bytes_ = 0;
  const Entry* entries_ = nullptr;
  const char* keys_ = nullptr;
  const uint64_t* hashes_ = nullptr;
  const uint32_t* ids_ = nullptr;
};

}  // namespace

core::Expected<std::unique_ptr<MinimalTable>> map_table_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return core::Error{core::ErrorCode::not_found, path + ": cannot open"};
  struct stat st{};
  if (fstat(fd, &st) != 0 || st.st_size <= 0) {
    ::close(fd);
    return core::bad_input(path + ": empty or unreadable");
  }
  void* base = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (base == MAP_FAILED) return core::Error{core::ErrorCode::io, path + ": cannot map"};
  auto table = std::make_unique<MappedTable>(base, static_cast<size_t>(st.st_size));
  if (auto s = table->open(path); !s) return s.error();
  return std::unique_ptr<MinimalTable>(std::move(table));
}

}  // namespace tcs::regex
