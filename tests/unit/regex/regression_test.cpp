// Data-driven equivalence cases (tests/fixtures/regex/equivalence.txt): the automata's answer
// and witness, and the brute-force oracle's membership of that witness.
#include <gtest/gtest.h>

#include <fstream>

#include "generators/regex/brute_force.hpp"
#include "generators/regex/equivalence.hpp"
#include "harness/core/text.hpp"

namespace tcs::regex {
namespace {

TEST(RegressionFile, EveryCaseHasTheExpectedAnswer) {
  std::ifstream in(std::string(TCSPROVE_SOURCE_DIR) + "/tests/fixtures/regex/equivalence.txt");
  ASSERT_TRUE(in) << "missing fixture";
  const Alphabet a;
  EquivalenceChecker checker;
  int cases = 0;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (core::trim(line).empty() || core::trim(line)[0] == '#') continue;
    const auto parts = core::split(line, ';');
    ASSERT_EQ(parts.size(), 3u) << "line " << number;
    auto left = parse(core::trim(parts[0]), a), right = parse(core::trim(parts[1]), a);
    ASSERT_TRUE(left.ok() && right.ok()) << "line " << number;
    const std::string expected(core::trim(parts[2]));
    const EquivalenceResult r = checker.check(position_automaton(*left, 4), position_automaton(*right, 4));
    const std::string got = r.answer == Equivalence::equivalent ? "equivalent" : word_text(r.witness, a);
    EXPECT_EQ(got, expected) << "line " << number << ": " << line;
    if (r.answer == Equivalence::different) {
      EXPECT_NE(brute_member(*left, r.witness), brute_member(*right, r.witness)) << "line " << number;
    }
    ++cases;
  }
  EXPECT_GE(cases, 25);
}

}  // namespace
}  // namespace tcs::regex
