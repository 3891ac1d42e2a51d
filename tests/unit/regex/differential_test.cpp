// Soundness: the automata engine, the brute-force oracle and Z3 agree on 10,000 random pairs
// (brute force on every word up to length 3, Z3 on every 250th pair, through Z3's C++ API).
#include <gtest/gtest.h>

#include "generators/regex/differential.hpp"
#include "generators/regex/z3_check.hpp"

namespace tcs::regex {
namespace {

TEST(Differential, AutomataBruteForceAndZ3Agree) {
  DifferentialOptions o;
  o.pairs = 10000;
  o.max_length = 3;
  o.z3_every = 250;
  o.seed = 2026;
  const DifferentialReport r = run_differential(o);
  for (const auto& e : r.examples) ADD_FAILURE() << e;
  EXPECT_EQ(r.disagreements, 0);
  EXPECT_EQ(r.pairs, 10000);
  EXPECT_GT(r.equivalent, 2000);  // both answers are well represented
  EXPECT_GT(r.different, 2000);
  EXPECT_EQ(r.z3_asked, 40);
  EXPECT_LT(r.z3_unknown, 3);
}

TEST(Z3Check, DecidesAndWitnesses) {
  const Alphabet a;
  const Z3Answer same = z3_equivalence(*parse("a*(ba*)*", a), *parse("(a+b)*", a), a, 5000);
  EXPECT_EQ(same.kind, Z3Answer::equivalent);
  const Z3Answer diff = z3_equivalence(*parse("(a+b)*", a), *parse("(a*b)*", a), a, 5000);
  ASSERT_EQ(diff.kind, Z3Answer::different);
  EXPECT_FALSE(diff.witness.empty());
}

}  // namespace
}  // namespace tcs::regex
