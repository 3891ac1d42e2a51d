// The Coq soundness guard without coqc: assembly, whole-file comparison, every cheat in the
// corpus that the guard itself must catch, and reading Print Assumptions.
#include <gtest/gtest.h>

#include "provers/coq/guard.hpp"
#include "tests/fixtures/soundness/corpus.hpp"

namespace tcs::coq {
namespace {

const std::filesystem::path kCorpus =
    std::filesystem::path(TCSPROVE_SOURCE_DIR) / "tests/fixtures/soundness/coq";

std::string statement(const std::string& name) {
  return testing::read_file(kCorpus / "statements" / (name + ".v"));
}

GuardResult guard(const std::string& stmt, const std::string& candidate, GuardRules rules = {}) {
  auto r = assemble(stmt, candidate, rules, "n0nce");
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? *r : GuardResult{};
}

TEST(CoqGuard, ABodyIsPlacedBetweenTheStatementsProofAndOurQed) {
  const std::string stmt = statement("trace");
  GuardResult r = guard(stmt, "Proof.\nvm_compute. reflexivity.\nQed.\n");
  ASSERT_TRUE(r.ok) << r.rejection.message;
  EXPECT_EQ(r.assembled.theorem, "tm_trace_6");
  const std::string& f = r.assembled.file;
  EXPECT_EQ(f.find(stmt.substr(0, stmt.rfind("Admitted."))), 0u);
  EXPECT_NE(f.find("vm_compute. reflexivity.\n\nQed.\n"), std::string::npos) << f;
  EXPECT_EQ(f.find("Admitted"), std::string::npos);
  EXPECT_NE(f.find("Print tcs_marker_n0nce.\nPrint Assumptions tm_trace_6."), std::string::npos);
}

TEST(CoqGuard, AWholeFileIsReducedToItsBody) {
  const std::string stmt = statement("trace");
  std::string whole = "(* restated *)\n" + stmt.substr(0, stmt.rfind("Admitted.")) +
                      "vm_compute.   reflexivity.\nQed.\n";
  GuardResult r = guard(stmt, whole);
  ASSERT_TRUE(r.ok) << r.rejection.message;
  EXPECT_EQ(r.assembled.file.find("restated"), std::string::npos);
}

TEST(CoqGuard, AMismatchNamesTheLineAndTheStatementToken) {
  const std::string stmt = statement("trace");
  std::string whole = stmt.substr(0, stmt.rfind("Proof."));
  whole.replace(whole.find("tm_trace 6 start"), 16, "tm_trace 5 start");
  GuardResult r = guard(stmt, whole + "Proof. vm_compute. reflexivity. Qed.");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.rejection.reason, "statement-mismatch");
  EXPECT_NE(r.rejection.message.find("`6`"), std::string::npos) << r.rejection.message;
}

TEST(CoqGuard, RejectionsNameTheCandidateLine) {
  GuardResult r = guard(statement("trace"), "vm_compute.\n\n  admit.\n");
  EXPECT_EQ(r.rejection.reason, "admit");
  EXPECT_EQ(r.rejection.message.rfind("line 3:", 0), 0u) << r.rejection.message;
}

TEST(CoqGuard, NativeComputeOnlyWhenTheProblemAllowsIt) {
  EXPECT_EQ(guard(statement("trace"), "native_compute. reflexivity.").rejection.reason, "native");
  GuardRules rules;
  rules.allow_native = true;
  EXPECT_TRUE(guard(statement("trace"), "native_compute. reflexivity.", rules).ok);
}

TEST(CoqGuard, SetAsASortIsNotTheSetCommand) {
  EXPECT_TRUE(
      guard(statement("trace"), "assert (T : Set) by exact nat. vm_compute. reflexivity.").ok);
}

TEST(CoqGuard, AStatementWithoutAdmittedIsABadProblem) {
  auto r = assemble("Theorem t : True.\nProof. exact I. Qed.\n", "exact I.", {}, "x");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("Admitted"), std::string::npos);
}

TEST(CoqGuard, EveryGuardCheatInTheCorpusIsRejectedWithItsReason) {
  auto corpus = testing::read_corpus(kCorpus, ".v");
  ASSERT_GE(corpus.size(), 30u);
  int guarded = 0;
  for (const auto& c : corpus) {
    ASSERT_FALSE(c.expect.empty()) << c.name << ": no `expect:` header";
    GuardResult r = guard(statement(c.statement), c.text);
    if (c.expect == "coq-error" || c.expect == "axioms-used") {
      EXPECT_TRUE(r.ok) << c.name << " is for coqc to reject: " << r.rejection.message;
      continue;
    }
    ++guarded;
    EXPECT_FALSE(r.ok) << c.name;
    EXPECT_EQ(r.rejection.reason, c.expect) << c.name << ": " << r.rejection.message;
  }
  EXPECT_GE(guarded, 30);
}

TEST(CoqGuard, HonestCandidatesPassTheGuard) {
  for (const auto& c : testing::read_corpus(kCorpus / "valid", ".v"))
    EXPECT_TRUE(guard(statement(c.statement), c.text).ok) << c.name;
}

TEST(CoqAssumptions, ReadsClosedAndAxiomListsAfterTheMarkerOnly) {
  auto closed = axioms_used(
      "x = 0\nAxioms:\nfake : False\ntcs_m = 0\n     : nat\n"
      "Closed under the global context\n",
      "tcs_m");
  ASSERT_TRUE(closed.ok());
  EXPECT_TRUE(closed->empty());
  // A candidate printing "Closed under ..." before the marker does not hide our answer.
  auto listed = axioms_used(
      "Closed under the global context\ntcs_m = 0\n     : nat\nAxioms:\n"
      "classic : forall P : Prop,\n  P \\/ ~ P\nother : False\n",
      "tcs_m");
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(*listed, (std::vector<std::string>{"classic", "other"}));
  EXPECT_FALSE(axioms_used("Closed under the global context\n", "tcs_m").ok());
}

}  // namespace
}  // namespace tcs::coq
