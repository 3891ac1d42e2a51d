// Syntax, size and depth of RegexPSPACE regexes: the parser, the printer, and their errors.
#include <gtest/gtest.h>

#include "generators/regex/regex.hpp"

namespace tcs::regex {
namespace {

const Alphabet kAbcd;

Regex must_parse(std::string_view text) {
  auto r = parse(text, kAbcd);
  EXPECT_TRUE(r.ok()) << text << ": " << (r ? "" : r.error().message);
  return r ? *r : letter(0);
}

std::string error_of(std::string_view text) {
  auto r = parse(text, kAbcd);
  return r ? "parsed" : r.error().message;
}

TEST(RegexSize, MatchesFadoTreeLength) {
  EXPECT_EQ(must_parse("a*b*").size(), 5);
  EXPECT_EQ(must_parse("(a+d)c*b*").size(), 9);
  EXPECT_EQ(must_parse("a").size(), 1);
  EXPECT_EQ(must_parse("abc").size(), 5);      // two concatenation nodes
  EXPECT_EQ(must_parse("((a))").size(), 1);    // parentheses do not count
  EXPECT_EQ(must_parse("b*?").size(), 3);      // stacked postfix operators
  EXPECT_EQ(must_parse("c**").size(), 3);
  EXPECT_EQ(must_parse("a+b+c").size(), 5);
}

TEST(RegexDepth, LetterIsZeroOperatorsAddOne) {
  EXPECT_EQ(depth(must_parse("a")), 0);
  EXPECT_EQ(depth(must_parse("a*")), 1);
  EXPECT_EQ(depth(must_parse("a*b*")), 2);
  EXPECT_EQ(depth(must_parse("(a+d)c*b*")), 3);  // ((a+d)c*)b*, left-associated
  EXPECT_EQ(depth(must_parse("abcd")), 3);
  EXPECT_EQ(depth(must_parse("a(b(cd))")), 3);
}

TEST(RegexParse, ChainsAreLeftAssociated) {
  const Regex r = must_parse("abc");
  const Node& root = r.nodes[r.root()];
  ASSERT_EQ(root.op, Op::concat);
  EXPECT_EQ(r.nodes[root.a].op, Op::concat);
  EXPECT_EQ(r.nodes[root.b].op, Op::letter);
}

TEST(RegexPrint, RoundTripsWithMinimalParentheses) {
  for (const char* text : {"a*b*", "(a+d)c*b*", "a+bc", "(a+b)c", "a(bc)", "a+(b+c)", "(ab)*", "b*?",
                           "c**", "((a+b)*c)?d", "a?+b*", "(a+b)?*"}) {
    const Regex r = must_parse(text);
    EXPECT_EQ(print(r, kAbcd), text);
    EXPECT_EQ(must_parse(print(r, kAbcd)), r) << text;
  }
  EXPECT_EQ(print(must_parse("((a)(b))"), kAbcd), "ab");
  EXPECT_EQ(print(must_parse(" a * + b "), kAbcd), "a*+b");  // spaces are ignored
}

TEST(RegexPrint, LeftAssociatedKeepsSizeAndDropsChainParentheses) {
  const Regex r = must_parse("a(b(cd))");
  const Regex l = left_associated(r);
  EXPECT_EQ(l.size(), r.size());
  EXPECT_EQ(print(l, kAbcd), "abcd");
  EXPECT_EQ(print(left_associated(must_parse("a+(b+c)")), kAbcd), "a+b+c");
}

TEST(RegexParse, ErrorsNameWhatAndWhere) {
  EXPECT_EQ(error_of(""), "empty regex");
  EXPECT_EQ(error_of("   "), "empty regex");
  EXPECT_EQ(error_of("(ab"), "unclosed '(' opened at column 1");
  EXPECT_EQ(error_of("ab)"), "')' at column 3 has no matching '('");
  EXPECT_EQ(error_of("a|b"), "'|' at column 2 is not RegexPSPACE syntax: union is written '+'");
  EXPECT_EQ(error_of("ae"), "unknown letter 'e' at column 2 (alphabet: abcd)");
  EXPECT_EQ(error_of("*a"), "'*' at column 1 has nothing to apply to");
  EXPECT_EQ(error_of("a+"), "'+' at column 2 needs a regex on both sides");
  EXPECT_EQ(error_of("+a"), "'+' at column 1 needs a regex on both sides");
  EXPECT_EQ(error_of("a(+b)"), "'+' at column 3 needs a regex on both sides");
  EXPECT_EQ(error_of("()"), "empty parentheses at column 1");
  EXPECT_EQ(error_of("a.b"), "unexpected '.' at column 2");
  EXPECT_EQ(error_of("a\tb"), "unexpected byte 9 at column 2");
}

TEST(RegexParse, AbsurdSizesAreRefusedNotCrashed) {
  EXPECT_NE(error_of(std::string(64, 'a')).find("more than 63 letter occurrences"), std::string::npos);
  EXPECT_NE(error_of("a" + std::string(600, '*')).find("size limit"), std::string::npos);
  EXPECT_NE(error_of(std::string(1000, '(') + "a" + std::string(1000, ')')).find("nested deeper"),
            std::string::npos);
  EXPECT_NE(error_of(std::string(200000, 'a')).find("too long"), std::string::npos);
}

TEST(RegexAlphabet, IsConfigurableAndChecked) {
  auto ab = make_alphabet("xy");
  ASSERT_TRUE(ab.ok());
  EXPECT_TRUE(parse("(xy)*", *ab).ok());
  EXPECT_FALSE(parse("a", *ab).ok());
  EXPECT_FALSE(make_alphabet("aa").ok());
  EXPECT_FALSE(make_alphabet("A").ok());
  EXPECT_FALSE(make_alphabet("").ok());
}

TEST(RegexSmt, BuildsZ3RegexTerms) {
  EXPECT_EQ(smt_regex(must_parse("a*+b?c"), kAbcd),
            "(re.union (re.* (str.to_re \"a\")) (re.++ (re.opt (str.to_re \"b\")) (str.to_re \"c\")))");
}

}  // namespace
}  // namespace tcs::regex
