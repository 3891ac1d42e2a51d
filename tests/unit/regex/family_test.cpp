// The regex family as the runner sees it: generation, the native checker, the built-in
// policy, RegexPSPACE's metrics, answer reading and the RegexPSPACE import.
#include <gtest/gtest.h>

#include <sstream>

#include "generators/regex/answer.hpp"
#include "generators/regex/builtin_policy.hpp"
#include "generators/regex/equivalence.hpp"
#include "generators/regex/family.hpp"
#include "generators/regex/problems.hpp"
#include "generators/regex/regexpspace.hpp"

namespace tcs::regex {
namespace {

const Alphabet kAbcd;

core::Json small() { return core::Json{{"min_size", 5}, {"max_size", 8}}; }

core::Verdict check(const core::Problem& p, const std::string& text) {
  return make_native_checker()->check(p, core::Candidate{text, "native", core::CandidateMode::answer, {}}, {});
}

TEST(Answer, LastBalancedBoxedWins) {
  EXPECT_EQ(*last_boxed("\\boxed{a} then \\boxed{(a+b)*}"), "(a+b)*");
  EXPECT_EQ(*last_boxed("x \\boxed{a{b}c} y"), "a{b}c");
  EXPECT_FALSE(last_boxed("no box").has_value());
  EXPECT_EQ(*last_boxed("\\boxed{a} \\boxed{unclosed"), "a");
  EXPECT_EQ(*read_bool_answer("so \\boxed{ True }"), true);
  EXPECT_EQ(*read_bool_answer("\\boxed{no}"), false);
  EXPECT_FALSE(read_bool_answer("\\boxed{maybe}").has_value());
}

TEST(Answer, TwiceAsLongOrUnparsableIsInvalid) {
  EXPECT_TRUE(read_regex_answer("\\boxed{a*b*}", "a*b*", kAbcd).valid);
  EXPECT_TRUE(read_regex_answer("\\boxed{aaaaaaaa}", "a*b*", kAbcd).valid);  // 8 = 2 x 4
  const RegexAnswer longer = read_regex_answer("\\boxed{aaaaaaaaa}", "a*b*", kAbcd);
  EXPECT_FALSE(longer.valid);
  EXPECT_NE(longer.reason.find("twice"), std::string::npos);
  EXPECT_FALSE(read_regex_answer("\\boxed{a|b}", "a*b*", kAbcd).valid);
  EXPECT_FALSE(read_regex_answer("a*b*", "a*b*", kAbcd).valid);
}

TEST(Generate, DeterministicDepthThreeWithExactMinimalSizes) {
  auto family = make_family();
  core::GenerateRequest req{"min", small(), 42, 12};
  auto a = family->generate(req), b = family->generate(req);
  ASSERT_TRUE(a.ok()) << a.error().message;
  ASSERT_EQ(*a, *b);
  ASSERT_EQ(a->size(), 12u);
  EquivalenceChecker c;
  for (const auto& p : *a) {
    const Regex q = *parse(p.params["query"].get<std::string>(), kAbcd);
    EXPECT_EQ(depth(q), 3);
    EXPECT_GE(q.size(), 5);
    EXPECT_LE(q.size(), 8);
    EXPECT_EQ(p.answer["query_size"], q.size());
    const Regex m = *parse(p.answer["minimal"].get<std::string>(), kAbcd);
    EXPECT_EQ(p.answer["minimal_size"], m.size());
    EXPECT_LE(m.size(), q.size());
    EXPECT_EQ(c.decide(position_automaton(m, 4), position_automaton(q, 4)), Equivalence::equivalent);
    const Regex miss = *parse(p.answer["not_equivalent_regex"].get<std::string>(), kAbcd);
    EXPECT_EQ(c.decide(position_automaton(miss, 4), position_automaton(q, 4)), Equivalence::different);
    if (p.answer["positive_example"].is_string()) {
      const auto w = word_letters(p.answer["positive_example"].get<std::string>(), kAbcd);
      ASSERT_TRUE(w.has_value());
      EXPECT_TRUE(matches(position_automaton(q, 4), *w));
    }
    EXPECT_FALSE(p.statement("native") == nullptr);
  }
}

TEST(Generate, EqIsBalancedAndLabelledByTheEngine) {
  auto problems = generate("eq", small(), 3, 20);
  ASSERT_TRUE(problems.ok());
  int yes = 0;
  for (const auto& p : *problems) {
    yes += p.answer["equivalent"].get<bool>();
    ASSERT_NE(p.statement("smt2"), nullptr);
    EXPECT_NE(p.statement("smt2")->text.find("(assert (not (= (str.in_re w"), std::string::npos);
    EXPECT_EQ(p.answer.contains("witness"), !p.answer["equivalent"].get<bool>());
  }
  EXPECT_EQ(yes, 10);
}

TEST(Generate, BadKnobsNameTheKey) {
  EXPECT_NE(generate("min", core::Json{{"colour", 1}}, 1, 1).error().message.find("colour"), std::string::npos);
  EXPECT_NE(generate("min", core::Json{{"max_size", 99}}, 1, 1).error().message.find("max_size"), std::string::npos);
  EXPECT_NE(generate("min", core::Json{{"alphabet", "aa"}}, 1, 1).error().message.find("alphabet"), std::string::npos);
  EXPECT_NE(generate("min", core::Json{{"depth", 2}}, 1, 1).error().message.find("depth"), std::string::npos);
  EXPECT_FALSE(generate("nope", {}, 1, 1).ok());
}

TEST(NativeChecker, JudgesMinAnswersExactly) {
  auto problems = generate("min", small(), 9, 30);
  ASSERT_TRUE(problems.ok());
  const core::Problem* gap = nullptr;
  for (const auto& p : *problems)
    if (p.answer["minimal_size"] < p.answer["query_size"]) gap = &p;
  ASSERT_NE(gap, nullptr) << "no query with a smaller minimal form";
  const std::string query = gap->params["query"], minimal = gap->answer["minimal"];
  EXPECT_EQ(check(*gap, "\\boxed{" + minimal + "}").kind, core::VerdictKind::verified);
  const core::Verdict same = check(*gap, "\\boxed{" + query + "}");  // equivalent, not minimal
  EXPECT_EQ(same.kind, core::VerdictKind::rejected);
  EXPECT_TRUE(same.detail["equivalent"].get<bool>());
  EXPECT_FALSE(same.detail["minimal"].get<bool>());
  const core::Verdict wrong = check(*gap, "\\boxed{" + gap->answer["not_equivalent_regex"].get<std::string>() + "}");
  EXPECT_EQ(wrong.kind, core::VerdictKind::rejected);
  EXPECT_NE(wrong.message.find("exactly one"), std::string::npos);
  EXPECT_FALSE(check(*gap, "\\boxed{a|b}").detail["valid"].get<bool>());
}

TEST(NativeChecker, JudgesEqAnswersAgainstTheEngineNotTheLabel) {
  auto problems = generate("eq", small(), 5, 2);
  ASSERT_TRUE(problems.ok());
  core::Problem p = (*problems)[0];
  const bool truth = p.answer["equivalent"];
  EXPECT_EQ(check(p, truth ? "\\boxed{True}" : "\\boxed{False}").kind, core::VerdictKind::verified);
  EXPECT_EQ(check(p, truth ? "\\boxed{False}" : "\\boxed{True}").kind, core::VerdictKind::rejected);
  EXPECT_EQ(check(p, "I think so").kind, core::VerdictKind::rejected);
  p.answer["equivalent"] = !truth;  // a wrong label is the problem's fault, not the answer's
  EXPECT_EQ(check(p, "\\boxed{True}").kind, core::VerdictKind::error);
}

TEST(BuiltinPolicy, ExactWithoutNoiseAndNoisyWithIt) {
  auto family = make_family();
  auto problems = generate("min", small(), 4, 10);
  auto eqs = generate("eq", small(), 4, 10);
  ASSERT_TRUE(problems.ok() && eqs.ok());
  for (const auto& set : {*problems, *eqs}) {
    auto exact = family->builtin_policy("");
    ASSERT_TRUE(exact.ok());
    for (const auto& p : set) {
      core::PolicyQuery q{&p, "", core::CandidateMode::answer, 0, 3, 1};
      auto c = (*exact)->propose(q);
      ASSERT_TRUE(c.ok());
      for (const auto& cand : *c) EXPECT_EQ(check(p, cand.text).kind, core::VerdictKind::verified) << cand.text;
    }
  }
  auto noisy = family->builtin_policy("noise=1");
  ASSERT_TRUE(noisy.ok());
  EXPECT_EQ((*noisy)->name(), "builtin:noise=1");
  for (const auto& p : *eqs) {
    core::PolicyQuery q{&p, "", core::CandidateMode::answer, 0, 1, 1};
    EXPECT_EQ(check(p, (*(*noisy)->propose(q))[0].text).kind, core::VerdictKind::rejected);
  }
  EXPECT_FALSE(family->builtin_policy("noise=2").ok());
  EXPECT_FALSE(family->builtin_policy("temperature=1").ok());
}

TEST(Metrics, AsRegexPspaceDefinesThem) {
  auto family = make_family();
  auto min = generate("min", small(), 9, 30);
  const core::Problem* gap = nullptr;
  for (const auto& p : *min)
    if (p.answer["minimal_size"] < p.answer["query_size"]) gap = &p;
  ASSERT_NE(gap, nullptr);
  auto acc = family->metrics();
  const core::Verdict v1 = check(*gap, "\\boxed{" + gap->answer["minimal"].get<std::string>() + "}");
  const core::Verdict v2 = check(*gap, "\\boxed{" + gap->params["query"].get<std::string>() + "}");
  const core::Verdict v3 = check(*gap, "nothing");
  acc->add(*gap, {{v1.kind, &v1.detail}, {v2.kind, &v2.detail}, {v3.kind, &v3.detail}});
  const auto r = acc->result();
  EXPECT_NEAR(r["minimality"].get<double>(), 1.0 / 3, 1e-12);
  EXPECT_NEAR(r["equivalence"].get<double>(), 2.0 / 3, 1e-12);
  const double ratio = gap->answer["minimal_size"].get<double>() / gap->answer["query_size"].get<double>();
  EXPECT_NEAR(r["length_ratio"].get<double>(), std::cbrt(ratio), 1e-12);  // (ratio x 1 x 1)^(1/3)

  auto eqs = generate("eq", small(), 8, 2);  // one equivalent pair, one not
  auto eacc = family->metrics();
  for (const auto& p : *eqs) {
    const core::Verdict yes = check(p, "\\boxed{True}"), bad = check(p, "\\boxed{?}");
    eacc->add(p, {{yes.kind, &yes.detail}, {bad.kind, &bad.detail}});
  }
  const auto e = eacc->result();
  EXPECT_NEAR(e["accuracy"].get<double>(), 0.25, 1e-12);
  EXPECT_NEAR(e["failure_rate"].get<double>(), 0.5, 1e-12);
  // TP 1, FP 1, FN 1 (the failed answer on the equivalent pair): P = R = 1/2.
  EXPECT_NEAR(e["f1"].get<double>(), 0.5, 1e-12);
}

TEST(RegexPspaceImport, RelabelsAndReportsMismatches) {
  auto table = build_table(kAbcd, 7);
  ASSERT_TRUE(table.ok());
  std::istringstream in(
      R"({"idx": 0, "query": "a*(ba*)*", "tree_length": 8, "depth": 4, "minimized_regex": "(a+b)*", "minimized_tree_length": 4, "minimized_depth": 2, "equivalent_regex": "(b+a)*", "not_equivalent_regex": "(a*b)*", "positive_example": "ab", "negative_example": "c"})"
      "\n"
      R"({"idx": 1, "query": "(a+d)c*b*", "tree_length": 9, "depth": 2, "minimized_regex": "(a+d)c*b*", "minimized_tree_length": 9, "minimized_depth": 3, "equivalent_regex": "(d+a)c*b*", "not_equivalent_regex": "(a+d)c*b", "positive_example": "c", "negative_example": "b"})"
      "\n");
  auto r = import_regexpspace(in, **table);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->records, 2);
  EXPECT_EQ(r->problems.size(), 6u);
  EXPECT_EQ(r->minimal_exact, 1);  // size 9 is beyond a size-7 table: only a bound
  // Record 1 claims depth 2 (it is 3) and a positive example "c" that is not in the language.
  ASSERT_EQ(r->mismatches.size(), 2u);
  EXPECT_NE(r->mismatches[0].find("line 2 (idx 1): depth is 2, ours 3"), std::string::npos);
  EXPECT_NE(r->mismatches[1].find("positive_example"), std::string::npos);
  EXPECT_EQ(r->problems[0].answer["minimal_size"], 4);

  std::istringstream bad(R"({"idx": 5, "query": "a|b"})");
  auto e = import_regexpspace(bad, **table);
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.error().message.find("line 1 (idx 5): field \"query\""), std::string::npos);
}

}  // namespace
}  // namespace tcs::regex
