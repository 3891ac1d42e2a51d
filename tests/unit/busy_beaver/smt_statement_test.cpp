// SMT-LIB statements of bounded claims: Z3 (in-process) proves the true ones (unsat) and
// refutes wrong ones (sat); claims that do not fit get no statement.
#include <gtest/gtest.h>

#include "generators/busy_beaver/problems.hpp"
#include "generators/busy_beaver/statements.hpp"
#include "provers/z3/solver.hpp"

namespace tcs::busy_beaver {
namespace {

Claim claim(const char* kind, const char* machine, int64_t n, int64_t ones = 0) {
  auto m = parse_machine(machine);
  EXPECT_TRUE(m.ok());
  return Claim{kind, *m, n, ones};
}

core::VerdictKind z3(const Claim& c) {
  auto text = claim_smt2(c);
  EXPECT_TRUE(text.has_value()) << c.kind;
  if (!text) return core::VerdictKind::error;
  EXPECT_TRUE(z3b::parse_smtlib_status(*text).ok());
  z3b::Prover prover;
  const z3b::SmtResult r = prover.check_smtlib(*text, 30, 0);
  EXPECT_NE(r.kind, core::VerdictKind::error) << r.message;
  return r.kind;
}

constexpr auto kProved = core::VerdictKind::verified;
constexpr auto kRefuted = core::VerdictKind::rejected;
const char* kBB2 = "1RB1LB_1LA1RZ";

TEST(SmtStatement, HaltsInIsProvedAndWrongStepCountsRefuted) {
  EXPECT_EQ(z3(claim("halts_in", kBB2, 6)), kProved);
  EXPECT_EQ(z3(claim("halts_in", kBB2, 5)), kRefuted);
  EXPECT_EQ(z3(claim("halts_in", kBB2, 7)), kRefuted);
  EXPECT_EQ(z3(claim("halts_in", "1RB1LB_1LA0LC_1RZ1LD_1RD0RA", 107)), kProved);  // BB(4)
  EXPECT_EQ(z3(claim("halts_in", "1RB1LB_1LA0LC_1RZ1LD_1RD0RA", 106)), kRefuted);
  EXPECT_EQ(z3(claim("halts_in", "1RB2LB1RZ_2LA2RB1LB", 38)), kProved);  // BB(2,3)
  EXPECT_EQ(z3(claim("halts_in", "1RB---_1LA1LB", 3)), kProved);  // A1 = `---` at step 3
  EXPECT_EQ(z3(claim("halts_in", "1RB---_1LA1LB", 4)), kRefuted);
}

TEST(SmtStatement, OnesAndNoHaltWithin) {
  EXPECT_EQ(z3(claim("ones_on_halt", kBB2, 6, 4)), kProved);
  EXPECT_EQ(z3(claim("ones_on_halt", kBB2, 6, 3)), kRefuted);
  EXPECT_EQ(z3(claim("ones_on_halt", "1RB2LB1RZ_2LA2RB1LB", 38, 9)), kProved);
  EXPECT_EQ(z3(claim("ones_on_halt", "1RB2LB1RZ_2LA2RB1LB", 38, 8)), kRefuted);
  // An undefined transition writes nothing: 1RB--- halts at step 2 with one 1.
  EXPECT_EQ(z3(claim("ones_on_halt", "1RB---_---1LA", 2, 1)), kProved);
  EXPECT_EQ(z3(claim("ones_on_halt", "1RB---_---1LA", 2, 2)), kRefuted);
  EXPECT_EQ(z3(claim("no_halt_within", kBB2, 5)), kProved);
  EXPECT_EQ(z3(claim("no_halt_within", kBB2, 6)), kRefuted);
  EXPECT_EQ(z3(claim("no_halt_within", "1RB1LA_0LA0RB", 300)), kProved);  // a cycler
}

TEST(SmtStatement, OnlyBoundedClaimsOfModestLengthGetOne) {
  EXPECT_FALSE(claim_smt2(claim("never_halts", "1RB1LA_0LA0RB", 0)).has_value());
  EXPECT_FALSE(claim_smt2(claim("bb_lower_bound", kBB2, 6)).has_value());
  EXPECT_FALSE(claim_smt2(claim("halts_in", kBB2, kMaxSmtSteps + 1)).has_value());
  EXPECT_TRUE(claim_smt2(claim("no_halt_within", kBB2, kMaxSmtSteps)).has_value());
  auto m = parse_machine(kBB2);
  ASSERT_TRUE(m.ok());
  auto small = make_problem("halts_in", *m, 0);
  ASSERT_TRUE(small.ok()) << small.error().message;
  ASSERT_NE(small->statement("smt2"), nullptr);
  EXPECT_EQ(small->statement("smt2")->text, *claim_smt2(claim("halts_in", kBB2, 6)));
  auto loops = parse_machine("1RB1LA_0LA0RB");
  ASSERT_TRUE(loops.ok());
  auto never = make_problem("never_halts", *loops, 0);
  ASSERT_TRUE(never.ok()) << never.error().message;
  EXPECT_EQ(never->statement("smt2"), nullptr);
}

}  // namespace
}  // namespace tcs::busy_beaver
