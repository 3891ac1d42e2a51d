#include "harness/core/rng.hpp"

#include <gtest/gtest.h>

#include <set>

#include "harness/core/hash.hpp"

namespace tcs::core {
namespace {

TEST(Rng, SameSeedSameSequenceDifferentSeedDifferent) {
  Rng a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    uint64_t x = a.next();
    EXPECT_EQ(x, b.next());
    differs |= x != c.next();
  }
  EXPECT_TRUE(differs);
}

TEST(Rng, UniformStaysInRangeAndCoversIt) {
  Rng r(7);
  std::set<int64_t> seen;
  for (int i = 0; i < 2000; ++i) {
    int64_t v = r.uniform(-2, 3);
    ASSERT_GE(v, -2);
    ASSERT_LE(v, 3);
    seen.insert(v);
  }
  EXPECT_EQ(seen.size(), 6u);
}

TEST(Hash, StableKnownValues) {
  // FNV-1a reference values: the empty string is the offset basis; "a" is published.
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(hex64(0xaf63dc4c8601ec8cULL), "af63dc4c8601ec8c");
  EXPECT_NE(derive_seed(1, "p", 0), derive_seed(1, "p", 1));
  EXPECT_NE(derive_seed(1, "p", 0), derive_seed(2, "p", 0));
  EXPECT_EQ(derive_seed(1, "p", 5), derive_seed(1, "p", 5));
}

}  // namespace
}  // namespace tcs::core
