// The TNF counts are Coq-BB5's; the deciders' shares are what ours achieve (every certificate
// is checked by the independent checker during the enumeration).
#include <gtest/gtest.h>

#include "generators/busy_beaver/tnf.hpp"

namespace tcs::busy_beaver {
namespace {

EnumerationResult enumerate(int states, int symbols) {
  EnumerateOptions o;
  o.states = states;
  o.symbols = symbols;
  auto r = enumerate_tnf(o);
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r->certificate_failures.empty()) << r->certificate_failures.front();
  EXPECT_EQ(r->certificates_checked, r->halting + r->nonhalting);
  EXPECT_EQ(r->total, r->halting + r->nonhalting + r->undecided);
  return *r;
}

TEST(Tnf, TwoStatesTwoSymbols) {
  const auto r = enumerate(2, 2);
  EXPECT_EQ(r.total, 61);
  EXPECT_EQ(r.halting, 19);
  EXPECT_EQ(r.nonhalting, 42);
  EXPECT_EQ(r.undecided, 0);
  EXPECT_EQ(r.max_steps, 6);
  EXPECT_EQ(r.max_ones, 4);
}

TEST(Tnf, ThreeStatesTwoSymbols) {
  const auto r = enumerate(3, 2);
  EXPECT_EQ(r.total, 5417);
  EXPECT_EQ(r.halting, 1772);
  EXPECT_EQ(r.nonhalting + r.undecided, 3645);
  EXPECT_LE(r.undecided, 20);
  EXPECT_EQ(r.max_steps, 21);
  EXPECT_EQ(r.max_ones, 6);
}

TEST(Tnf, TwoStatesThreeSymbols) {
  const auto r = enumerate(2, 3);
  EXPECT_EQ(r.total, 6019);
  EXPECT_EQ(r.max_steps, 38);
  EXPECT_EQ(r.max_ones, 9);
  EXPECT_LE(r.undecided, 20);
}

TEST(Tnf, BadSpacesAreErrors) {
  EnumerateOptions o;
  o.states = 9;
  EXPECT_FALSE(enumerate_tnf(o).ok());
  o.states = 2;
  o.symbols = 5;
  EXPECT_FALSE(enumerate_tnf(o).ok());
}

TEST(Tnf, CancelStopsTheWalk) {
  core::CancelToken cancel;
  cancel.cancel();
  EnumerateOptions o;
  o.states = 3;
  o.cancel = &cancel;
  auto r = enumerate_tnf(o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->cancelled);
  EXPECT_LT(r->total, 5417);
}

TEST(Tnf, MaxMachinesStopsAfterAPrefixOfTheWalk) {
  EnumerateOptions o;
  o.states = 3;
  o.max_machines = 1000;
  auto r = enumerate_tnf(o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->truncated);
  EXPECT_EQ(r->total, 1000);
  EXPECT_EQ(r->halting + r->nonhalting + r->undecided, 1000);
  o.max_machines = 0;
  r = enumerate_tnf(o);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->truncated);
  EXPECT_EQ(r->total, 5417);
  o.max_machines = -1;
  EXPECT_FALSE(enumerate_tnf(o).ok());
}

}  // namespace
}  // namespace tcs::busy_beaver
