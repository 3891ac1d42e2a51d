// Generated Coq statements compile with coqc: halts_in, ones_on_halt and no_halt_within are
// proved by computation (vm_compute) and the same proof fails for a wrong N; the other kinds
// compile with their Admitted proof. Skipped, saying so, when coqc is not installed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "generators/busy_beaver/family.hpp"
#include "generators/busy_beaver/problems.hpp"
#include "provers/coq/checker.hpp"
#include "tests/unit/busy_beaver/spawn.hpp"

namespace tcs::busy_beaver {
namespace {

namespace fs = std::filesystem;

bool coq_accepts(const std::string& text) {
  static int counter = 0;
  const fs::path dir = fs::temp_directory_path() / ("bb_coq_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
  fs::create_directories(dir);
  const fs::path file = dir / "Claim.v";
  std::ofstream(file) << text;
  const testing::Outcome r = testing::run_program({"coqc", "-q", file.string()});
  fs::remove_all(dir);
  return r.exit_code == 0;
}

std::string proved(std::string text) {
  const size_t at = text.rfind("Admitted.");
  EXPECT_NE(at, std::string::npos);
  return text.replace(at, 9, "vm_compute. reflexivity.\nQed.");
}

std::string coq(const char* kind, const char* machine, int64_t bound = 0) {
  auto p = make_problem(kind, *parse_machine(machine), bound);
  EXPECT_TRUE(p.ok()) << p.error().message;
  return p->statement("coq")->text;
}

// Replaces the theorem's number N (first occurrence after "Theorem").
std::string with_n(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from, text.find("Theorem"));
  EXPECT_NE(at, std::string::npos);
  return text.replace(at, from.size(), to);
}

TEST(CoqStatement, HaltsInIsProvedByComputationAndAWrongNIsNot) {
  if (!testing::on_path("coqc")) GTEST_SKIP() << "coqc not found on PATH; install Coq to run this test";
  const std::string bb4 = coq("halts_in", "1RB1LB_1LA0LC_1RZ1LD_1RD0RA");
  EXPECT_TRUE(coq_accepts(proved(bb4))) << bb4;
  EXPECT_FALSE(coq_accepts(proved(with_n(bb4, "halts_in 107", "halts_in 106"))));
  EXPECT_FALSE(coq_accepts(proved(with_n(bb4, "halts_in 107", "halts_in 108"))));
  // An undefined transition halts too, and counts.
  EXPECT_TRUE(coq_accepts(proved(coq("halts_in", "1RB---_1LA0RB"))));
}

TEST(CoqStatement, OnesAndNoHaltWithinAreProvedByComputation) {
  if (!testing::on_path("coqc")) GTEST_SKIP() << "coqc not found on PATH; install Coq to run this test";
  const std::string ones = coq("ones_on_halt", "1RB2LB1RZ_2LA2RB1LB");
  EXPECT_TRUE(coq_accepts(proved(ones))) << ones;
  EXPECT_FALSE(coq_accepts(proved(with_n(ones, "Some 9%nat", "Some 8%nat"))));
  const std::string within = coq("no_halt_within", "1RB1LB_1LA1RZ");  // n = 5
  EXPECT_TRUE(coq_accepts(proved(within))) << within;
  EXPECT_FALSE(coq_accepts(proved(with_n(within, "no_halt_within 5", "no_halt_within 6"))));
}

TEST(CoqStatement, EveryKindCompilesAsStated) {
  if (!testing::on_path("coqc")) GTEST_SKIP() << "coqc not found on PATH; install Coq to run this test";
  EXPECT_TRUE(coq_accepts(coq("never_halts", "1RB0RA_1LA1LB")));
  EXPECT_TRUE(coq_accepts(coq("bb_lower_bound", "1RB1LB_1LA1RZ")));
  EXPECT_TRUE(coq_accepts(coq("no_halt_within", "1RB0RA_1LA1LB", 40)));
}

// The built-in policy's computation proofs, checked the way a run checks them: by the coq
// back-end (guard, assembly from the statement, coqc, Print Assumptions).
TEST(CoqStatement, BuiltinProofPolicyIsAcceptedByTheCoqBackEnd) {
  if (!testing::on_path("coqc")) GTEST_SKIP() << "coqc not found on PATH; install Coq to run this test";
  auto family = make_family();
  auto exact = family->builtin_policy("proof=coq");
  auto wrong = family->builtin_policy("proof=coq,noise=1");
  ASSERT_TRUE(exact.ok() && wrong.ok());
  EXPECT_EQ((*wrong)->name(), "builtin:proof=coq,noise=1");
  coq::CoqChecker checker;
  auto p = make_problem("halts_in", *parse_machine("1RB1LB_1LA0LC_1RZ1LD_1RD0RA"), 0);
  ASSERT_TRUE(p.ok()) << p.error().message;
  core::PolicyQuery q{&*p, family->prompt(*p), core::CandidateMode::whole, 0, 1, 5};
  auto good = (*exact)->propose(q);
  auto bad = (*wrong)->propose(q);
  ASSERT_TRUE(good.ok() && bad.ok());
  EXPECT_EQ(good->at(0).backend, "coq");
  EXPECT_TRUE(checker.check(*p, good->at(0), {}).ok());
  EXPECT_EQ(checker.check(*p, bad->at(0), {}).kind, core::VerdictKind::rejected);

  auto never = make_problem("never_halts", *parse_machine("1RB0RB_1LA1RA"), 0);
  ASSERT_TRUE(never.ok());
  q.problem = &*never;
  auto refused = (*exact)->propose(q);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("proves halts_in"), std::string::npos);
  EXPECT_FALSE(family->builtin_policy("proof=lean").ok());
}

}  // namespace
}  // namespace tcs::busy_beaver
