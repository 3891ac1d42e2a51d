// The candidate-facing readers: what they accept and, above all, what they refuse and why.
#include <gtest/gtest.h>

#include <string>

#include "provers/z3/goal.hpp"
#include "provers/z3/term.hpp"

namespace tcs::z3b {
namespace {

const Decls kDecls{{"x", 8}, {"y", 8}, {"p", kBool}};

std::string refusal(const std::string& text) {
  auto t = parse_term_text(text, kDecls);
  return t ? std::string("accepted") : t.error().message;
}

TEST(Terms, AcceptsTheQfBvSubsetAndPrintsCanonically) {
  auto t = parse_term_text("(= (bvadd x y #x01) (bvsub (bvmul (_ bv3 8) x) #b00000001))", kDecls);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ((*t)->width, kBool);
  EXPECT_EQ(to_smt(*t), "(= (bvadd x y (_ bv1 8)) (bvsub (bvmul (_ bv3 8) x) (_ bv1 8)))");
  auto again = parse_term_text(to_smt(*t), kDecls);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(to_smt(*again), to_smt(*t));
}

TEST(Terms, RefusesCommandsAnywhere) {
  for (const char* cmd : {"(assert true)", "(push 1)", "(pop 1)", "(reset)", "(set-option :timeout 1)",
                          "(declare-fun z () Bool)", "(define-fun z () Bool true)", "(set-logic ALL)",
                          "(and p (assert false))", "(check-sat)"}) {
    const std::string why = refusal(cmd);
    EXPECT_NE(why, "accepted") << cmd;
    EXPECT_NE(why.find("not allowed"), std::string::npos) << cmd << ": " << why;
  }
}

TEST(Terms, RefusesUndeclaredIllSortedAndBinders) {
  EXPECT_NE(refusal("(= x z)").find("undeclared symbol z"), std::string::npos);
  EXPECT_NE(refusal("(bvadd x p)").find("expects a bit-vector"), std::string::npos);
  EXPECT_NE(refusal("(= x #x0001)").find("argument sorts differ"), std::string::npos);
  EXPECT_NE(refusal("(and p x)").find("expects Bool"), std::string::npos);
  EXPECT_NE(refusal("(let ((z x)) (= z x))").find("not supported"), std::string::npos);
  EXPECT_NE(refusal("(bvudiv x y)").find("unknown operator"), std::string::npos);
  EXPECT_NE(refusal("(= x 5)").find("bare numeral"), std::string::npos);
  EXPECT_NE(refusal("(bvnot x y)").find("takes 1"), std::string::npos);
  EXPECT_NE(refusal("(_ bv300 8)").find("does not fit"), std::string::npos);
}

TEST(Terms, RefusesLookAlikesQuotesAndControlBytes) {
  // U+FF08 FULLWIDTH LEFT PARENTHESIS and a Cyrillic 'х' that looks like x.
  EXPECT_NE(refusal("\xEF\xBC\x88= x y)").find("not ASCII"), std::string::npos);
  EXPECT_NE(refusal("(= \xD1\x85 y)").find("not ASCII"), std::string::npos);
  EXPECT_NE(refusal("(= |x| y)").find("quoted symbols"), std::string::npos);
  EXPECT_NE(refusal("(= x\x01 y)").find("unexpected character"), std::string::npos);
  EXPECT_NE(refusal("(= x y").find("never closed"), std::string::npos);
  EXPECT_NE(refusal("(= x y))").find("unexpected ')'"), std::string::npos);
  EXPECT_NE(refusal("x y").find("exactly one term"), std::string::npos);
}

TEST(Terms, RefusesDeepAndHugeInput) {
  std::string deep;
  for (int i = 0; i < 500; ++i) deep += "(bvnot ";
  deep += "x" + std::string(500, ')');
  EXPECT_NE(refusal(deep).find("nesting deeper"), std::string::npos);
  std::string wide = "(bvadd";
  for (int i = 0; i < 250000; ++i) wide += " x";
  wide += ")";
  EXPECT_NE(refusal(wide).find("nodes"), std::string::npos);
  SexprLimits tiny;
  tiny.max_bytes = 10;
  EXPECT_FALSE(parse_sexprs("(bvadd x y x y)", tiny).ok());
}

TEST(Terms, ErrorsNameLineAndColumn) {
  const std::string why = refusal("(and p\n     (= x q))");
  EXPECT_NE(why.find("line 2, column 11"), std::string::npos) << why;
}

TEST(Goals, ParsesTheStatementFormatAndRoundTrips) {
  auto g = parse_goal("(set-logic QF_BV)\n(declare-const x (_ BitVec 8))\n(declare-fun y () (_ BitVec 8))\n"
                      "(assert (bvult x y))\n(assert (not (distinct x y)))\n(check-sat)\n");
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(g->decls.size(), 2u);
  ASSERT_EQ(g->hyps.size(), 1u);
  EXPECT_EQ(to_smt(g->target), "(distinct x y)");
  auto again = parse_goal(goal_text(*g));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(goal_text(*again), goal_text(*g));
}

TEST(Goals, RefusesOtherCommandsAndBadDeclarations) {
  EXPECT_FALSE(parse_goal("(declare-const x (_ BitVec 8))(push 1)(assert (not (= x x)))").ok());
  EXPECT_FALSE(parse_goal("(declare-const x (_ BitVec 8))(set-option :rlimit 1)(assert (not (= x x)))").ok());
  EXPECT_FALSE(parse_goal("(declare-fun f ((_ BitVec 8)) (_ BitVec 8))(assert true)").ok());
  EXPECT_FALSE(parse_goal("(declare-const x (_ BitVec 8))(declare-const x Bool)(assert true)").ok());
  EXPECT_FALSE(parse_goal("(declare-const assert Bool)(assert true)").ok());
  EXPECT_FALSE(parse_goal("(declare-const x (_ BitVec 128))(assert true)").ok());
  EXPECT_FALSE(parse_goal("(declare-const x (_ BitVec 8))").ok());  // no assert
  EXPECT_FALSE(parse_goal("(check-sat)(assert true)").ok());
}

}  // namespace
}  // namespace tcs::z3b
