// The Lean soundness guard: assembly, whole-file comparison, the corpus, #print axioms.
#include <gtest/gtest.h>

#include "provers/lean/guard.hpp"
#include "tests/fixtures/soundness/corpus.hpp"

namespace tcs::lean {
namespace {

const std::filesystem::path kCorpus =
    std::filesystem::path(TCSPROVE_SOURCE_DIR) / "tests/fixtures/soundness/lean";

std::string statement(const std::string& name) {
  return testing::read_file(kCorpus / "statements" / (name + ".lean"));
}

GuardResult guard(const std::string& stmt, const std::string& candidate, GuardRules rules = {}) {
  auto r = assemble(stmt, candidate, rules);
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? *r : GuardResult{};
}

TEST(LeanGuard, TheBodyIsIndentedUnderTheStatementsBy) {
  const std::string stmt = statement("trace");
  GuardResult r = guard(stmt, "constructor\n  · rfl\n");
  ASSERT_TRUE(r.ok) << r.rejection.message;
  const std::string file = r.assembled.file();
  EXPECT_EQ(file.find(stmt.substr(0, stmt.rfind("sorry"))), 0u);
  EXPECT_NE(file.find(":= by\n  constructor\n    · rfl\n\n#print axioms tm_trace_6\n"),
            std::string::npos)
      << file;
  EXPECT_EQ(r.assembled.theorem, "tm_trace_6");
  // The line of #print axioms is the last line of the file.
  std::vector<std::string> lines;
  std::stringstream ss(file);
  for (std::string l; std::getline(ss, l);) lines.push_back(l);
  EXPECT_EQ(lines.at(r.assembled.axioms_line - 1), "#print axioms tm_trace_6");
  EXPECT_EQ(lines.at(r.assembled.body_line - 1), "  constructor");
}

TEST(LeanGuard, AWholeFileIsReducedToItsBody) {
  const std::string stmt = statement("trace");
  GuardResult r = guard(stmt, "-- mine\n" + stmt.substr(0, stmt.rfind("sorry")) + "decide\n");
  ASSERT_TRUE(r.ok) << r.rejection.message;
  EXPECT_EQ(r.assembled.file().find("mine"), std::string::npos);
  EXPECT_NE(r.assembled.file().find(":= by\n  decide\n"), std::string::npos) << r.assembled.file();
}

TEST(LeanGuard, ImportsFormTheHeader) {
  auto r =
      assemble("import Mathlib\nimport Aesop\n\ntheorem t : True := by\n  sorry\n", "trivial", {});
  ASSERT_TRUE(r.ok() && r->ok);
  EXPECT_EQ(r->assembled.header, "import Mathlib\nimport Aesop\n");
  EXPECT_EQ(r->assembled.body.rfind("\ntheorem t : True := by\n  trivial\n", 0), 0u)
      << r->assembled.body;
}

TEST(LeanGuard, NativeOnlyWhenAllowed) {
  EXPECT_EQ(guard(statement("trace"), "native_decide").rejection.reason, "native");
  GuardRules rules;
  rules.allow_native = true;
  EXPECT_TRUE(guard(statement("trace"), "native_decide", rules).ok);
}

TEST(LeanGuard, AStatementWithoutSorryIsABadProblem) {
  EXPECT_FALSE(assemble("theorem t : True := trivial\n", "trivial", {}).ok());
}

TEST(LeanGuard, EveryCheatInTheCorpusIsRejectedWithItsReason) {
  auto corpus = testing::read_corpus(kCorpus, ".lean");
  ASSERT_GE(corpus.size(), 30u);
  for (const auto& c : corpus) {
    ASSERT_FALSE(c.expect.empty()) << c.name;
    GuardResult r = guard(statement(c.statement), c.text);
    EXPECT_FALSE(r.ok) << c.name << "\n" << r.assembled.file();
    EXPECT_EQ(r.rejection.reason, c.expect) << c.name << ": " << r.rejection.message;
  }
  for (const auto& c : testing::read_corpus(kCorpus / "valid", ".lean"))
    EXPECT_TRUE(guard(statement(c.statement), c.text).ok) << c.name;
}

TEST(LeanGuard, RejectionsNameTheCandidateLine) {
  GuardResult r = guard(statement("trace"), "simp\n\n  exact sorry\n");
  EXPECT_EQ(r.rejection.reason, "sorry");
  EXPECT_EQ(r.rejection.message.rfind("line 3:", 0), 0u) << r.rejection.message;
}

TEST(LeanAxioms, ParsesBothAnswers) {
  auto none = parse_axioms("'t' does not depend on any axioms");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  auto some = parse_axioms("'t' depends on axioms: [propext,\n Classical.choice, Quot.sound]");
  ASSERT_TRUE(some.ok());
  EXPECT_EQ(*some, (std::vector<std::string>{"propext", "Classical.choice", "Quot.sound"}));
  EXPECT_FALSE(parse_axioms("tm_trace_6 : True").ok());
}

}  // namespace
}  // namespace tcs::lean
