// Stable, platform-independent hashing for content-derived ids and deterministic seeds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tcs::core {

// FNV-1a, 64 bit: stable across compilers and runs (std::hash is not).
constexpr uint64_t fnv1a64(std::string_view text, uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// SplitMix64 finaliser: spreads a combined key over all 64 bits.
constexpr uint64_t mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A seed for one sub-task (problem, sample index, step) derived from a parent seed.
constexpr uint64_t derive_seed(uint64_t parent, std::string_view label, uint64_t index = 0) {
  return mix64(fnv1a64(label, mix64(parent)) ^ mix64(index + 0x51ed27ULL));
}

// 16 lower-case hex digits.
std::string hex64(uint64_t value);

}  // namespace tcs::core
