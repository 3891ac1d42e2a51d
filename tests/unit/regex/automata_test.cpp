// The automata engine against the brute-force oracle: membership, equivalence, shortest
// witnesses, and canonical keys as language identities.
#include <gtest/gtest.h>

#include "generators/regex/automaton.hpp"
#include "generators/regex/brute_force.hpp"
#include "generators/regex/equivalence.hpp"
#include "generators/regex/language_key.hpp"
#include "generators/regex/problems.hpp"
#include "harness/core/rng.hpp"

namespace tcs::regex {
namespace {

const Alphabet kAbcd;

Regex must_parse(std::string_view text) { return *parse(text, kAbcd); }

Regex random_regex(core::Rng& rng) {
  Knobs k;
  k.min_size = 4;
  k.max_size = 12;
  k.depth = static_cast<int>(rng.uniform(2, 3));
  if (k.depth == 2) k.max_size = 7;
  return random_query(k, rng);
}

TEST(Automata, MembershipAgreesWithBruteForce) {
  core::Rng rng(7);
  for (int i = 0; i < 300; ++i) {
    const Regex r = random_regex(rng);
    const PositionAutomaton a = position_automaton(r, 4);
    const std::vector<bool> words = words_upto(r, 4, 4);
    for (int64_t w = 0; w < static_cast<int64_t>(words.size()); ++w) {
      const auto word = word_at(w, 4);
      ASSERT_EQ(matches(a, word), words[w]) << print(r, kAbcd) << " on " << word_text(word, kAbcd);
      if (w % 37 == 0) {
        ASSERT_EQ(brute_member(r, word), words[w]) << print(r, kAbcd);
      }
    }
  }
}

TEST(Equivalence, KnownPairs) {
  EquivalenceChecker c;
  auto eq = [&](const char* x, const char* y) {
    return c.check(position_automaton(must_parse(x), 4), position_automaton(must_parse(y), 4));
  };
  EXPECT_EQ(eq("a*(ba*)*", "(a+b)*").answer, Equivalence::equivalent);
  EXPECT_EQ(eq("(a*b*)*", "(a+b)*").answer, Equivalence::equivalent);
  EXPECT_EQ(eq("a**", "a*").answer, Equivalence::equivalent);
  EXPECT_EQ(eq("(ab)*a", "a(ba)*").answer, Equivalence::equivalent);
  const EquivalenceResult r = eq("(a+b)*", "(a*b)*");
  ASSERT_EQ(r.answer, Equivalence::different);
  EXPECT_EQ(word_text(r.witness, kAbcd), "a");  // the shortest, shortlex-least distinguishing word
  const EquivalenceResult s = eq("a?", "a*");
  ASSERT_EQ(s.answer, Equivalence::different);
  EXPECT_EQ(word_text(s.witness, kAbcd), "aa");
  const EquivalenceResult t = eq("cd+dc", "dc+cd+dc");
  EXPECT_EQ(t.answer, Equivalence::equivalent);
}

TEST(Equivalence, AgreesWithBruteForceAndWitnessesAreShortest) {
  core::Rng rng(11);
  EquivalenceChecker c;
  int different = 0, same = 0;
  for (int i = 0; i < 2000; ++i) {
    const Regex a = random_regex(rng);
    const Regex b = i % 2 ? *near_miss(a, kAbcd, rng) : equivalent_variant(a, a, kAbcd, rng);
    const EquivalenceResult e = c.check(position_automaton(a, 4), position_automaton(b, 4));
    const std::vector<bool> wa = words_upto(a, 4, 4), wb = words_upto(b, 4, 4);
    ASSERT_NE(e.answer, Equivalence::limit);
    if (e.answer == Equivalence::equivalent) {
      ++same;
      ASSERT_EQ(wa, wb) << print(a, kAbcd) << " vs " << print(b, kAbcd);
      continue;
    }
    ++different;
    ASSERT_NE(brute_member(a, e.witness), brute_member(b, e.witness)) << print(a, kAbcd);
    // No shorter word distinguishes them (checked within the brute-force range).
    for (int64_t w = 0; w < static_cast<int64_t>(wa.size()); ++w)
      if (word_at(w, 4).size() < e.witness.size()) {
        ASSERT_EQ(wa[w], wb[w]) << print(a, kAbcd) << " vs " << print(b, kAbcd);
      }
  }
  EXPECT_GT(same, 500);
  EXPECT_GT(different, 500);
}

TEST(Equivalence, StateLimitIsAnAnswerNotAHang) {
  // (a+b)*a(a+b)^n needs 2^n DFA states.
  std::string text = "(a+b)*a";
  for (int i = 0; i < 14; ++i) text += "(a+b)";
  const Regex r = must_parse(text);
  EquivalenceChecker c(1000);
  EXPECT_EQ(c.check(position_automaton(r, 4), position_automaton(r, 4)).answer, Equivalence::limit);
  auto key = language_key(r, 4, 1000);
  ASSERT_FALSE(key.ok());
  EXPECT_NE(key.error().message.find("state limit"), std::string::npos);
}

TEST(CanonicalKey, EqualExactlyForEqualLanguages) {
  core::Rng rng(5);
  EquivalenceChecker c;
  KeyBuilder builder(4);
  for (int i = 0; i < 500; ++i) {
    const Regex a = random_regex(rng);
    const Regex b = i % 2 ? *near_miss(a, kAbcd, rng) : equivalent_variant(a, a, kAbcd, rng);
    const bool same = c.decide(position_automaton(a, 4), position_automaton(b, 4)) == Equivalence::equivalent;
    const std::string ka = *language_key(a, 4), kb = *language_key(b, 4);
    EXPECT_EQ(ka == kb, same) << print(a, kAbcd) << " vs " << print(b, kAbcd);
    // The enumeration's allocation-free builder gives the same key.
    const PositionAutomaton pa = position_automaton(a, 4);
    Scratch& s = builder.scratch();
    s.m = letter_count(a);
    s.nullable = pa.accepts(kInitial);
    s.first = pa.follow[63];
    s.last = pa.final_set & ~kInitial;
    for (int p = 0; p < s.m; ++p) {
      s.follow[p] = pa.follow[p];
      for (int x = 0; x < 4; ++x)
        if (pa.letter_set[x] >> p & 1) s.letters[p] = static_cast<uint8_t>(x);
    }
    EXPECT_EQ(std::string(builder.key()), ka);
  }
  EXPECT_EQ(*language_key(must_parse("a*(ba*)*"), 4), *language_key(must_parse("(a+b)*"), 4));
}

}  // namespace
}  // namespace tcs::regex
