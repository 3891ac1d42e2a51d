#include <gtest/gtest.h>

#include <cmath>

#include "harness/search/sample.hpp"

namespace tcs::search {
namespace {

// The direct formula with binomials, for small n.
double binomial(int64_t n, int64_t k) {
  if (k < 0 || k > n) return 0;
  double r = 1;
  for (int64_t i = 1; i <= k; ++i) r = r * (n - k + i) / i;
  return r;
}

TEST(PassAtK, MatchesTheBinomialFormula) {
  for (int64_t n = 1; n <= 12; ++n)
    for (int64_t c = 0; c <= n; ++c)
      for (int64_t k = 1; k <= n; ++k)
        EXPECT_NEAR(pass_at_k(n, c, k), 1.0 - binomial(n - c, k) / binomial(n, k), 1e-12)
            << n << " " << c << " " << k;
}

TEST(PassAtK, EdgeValues) {
  EXPECT_DOUBLE_EQ(pass_at_k(10, 0, 5), 0.0);
  EXPECT_DOUBLE_EQ(pass_at_k(10, 10, 1), 1.0);
  EXPECT_DOUBLE_EQ(pass_at_k(10, 3, 1), 0.3);  // pass@1 is the plain success rate
  EXPECT_DOUBLE_EQ(pass_at_k(4, 1, 4), 1.0);
}

}  // namespace
}  // namespace tcs::search
