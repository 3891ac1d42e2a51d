#include <gtest/gtest.h>

#include "generators/busy_beaver/family.hpp"
#include "generators/busy_beaver/problems.hpp"

namespace tcs::busy_beaver {
namespace {

core::Verdict check(const core::Problem& p, const std::string& answer) {
  return check_answer(p, answer, 1 << 20);
}

TEST(Family, EveryKindGeneratesDeterministicallyAndTheBuiltinAnswerIsVerified) {
  auto family = make_family();
  for (const std::string& kind : family->kinds()) {
    core::GenerateRequest req{kind, core::Json{{"states", 3}}, 7, 6};
    auto a = family->generate(req);
    auto b = family->generate(req);
    ASSERT_TRUE(a.ok()) << kind << ": " << a.error().message;
    ASSERT_EQ(a->size(), 6u);
    EXPECT_EQ(*a, *b) << kind;
    for (const core::Problem& p : *a) {
      EXPECT_EQ(p.kind, kind);
      EXPECT_NE(p.statement("lean"), nullptr);
      EXPECT_NE(p.statement("coq")->text.find("Admitted."), std::string::npos);
      EXPECT_NE(p.statement("lean")->text.find("sorry"), std::string::npos);
      EXPECT_NE(p.informal.find("| state |"), std::string::npos);
      auto answer = solve(p);
      ASSERT_TRUE(answer.ok()) << p.id << ": " << answer.error().message;
      const core::Verdict v = check(p, *answer);
      EXPECT_EQ(v.kind, core::VerdictKind::verified) << p.id << ": " << v.message << " for " << *answer;
    }
  }
}

TEST(Family, WrongAnswersAreRejectedSayingWhy) {
  auto halts = make_problem("halts_in", *parse_machine("1RB1LB_1LA0LC_1RZ1LD_1RD0RA"), 0);
  ASSERT_TRUE(halts.ok());
  EXPECT_TRUE(check(*halts, R"({"steps": 107})").ok());
  EXPECT_TRUE(check(*halts, "The answer is ```json\n{\"steps\": 107}\n```").ok());
  EXPECT_EQ(check(*halts, R"({"steps": 106})").kind, core::VerdictKind::rejected);
  EXPECT_EQ(check(*halts, "107").kind, core::VerdictKind::rejected);
  EXPECT_EQ(check(*halts, "{\"steps\": \"107\"}").kind, core::VerdictKind::rejected);

  auto ones = make_problem("ones_on_halt", *parse_machine("1RB1LB_1LA0LC_1RZ1LD_1RD0RA"), 0);
  ASSERT_TRUE(ones.ok());
  EXPECT_TRUE(check(*ones, R"({"ones": 13})").ok());
  EXPECT_FALSE(check(*ones, R"({"ones": 12})").ok());

  auto never = make_problem("never_halts", *parse_machine("1RB0RA_1LA1LB"), 0);
  ASSERT_TRUE(never.ok());
  EXPECT_TRUE(check(*never, never->answer.dump()).ok()) << never->answer.dump();
  EXPECT_FALSE(check(*never, R"({"decider":"halting","steps":5})").ok());
  EXPECT_FALSE(check(*never, R"({"decider":"cycler","start":0,"period":3})").ok());

  auto lower = make_problem("bb_lower_bound", *parse_machine("1RB1LB_1LA1RZ"), 0);
  ASSERT_TRUE(lower.ok());
  EXPECT_TRUE(check(*lower, R"({"machine":"1RB1LB_1LA1RZ","steps":6})").ok());
  EXPECT_FALSE(check(*lower, R"({"machine":"1RB1LB_1LA1RZ","steps":7})").ok());
  EXPECT_FALSE(check(*lower, R"({"machine":"1RZ1LB_1LA1RZ","steps":1})").ok());  // too short
  EXPECT_FALSE(check(*lower, R"({"machine":"1RB1LB_1LA1RZ_1RZ1RZ","steps":6})").ok());  // 3 states

  auto within = make_problem("no_halt_within", *parse_machine("1RB1LB_1LA1RZ"), 0);
  ASSERT_TRUE(within.ok());
  EXPECT_EQ(within->params["n"], 5);
  EXPECT_TRUE(check(*within, R"({"state":"B"})").ok());
  EXPECT_FALSE(check(*within, R"({"state":"A"})").ok());
}

TEST(Family, ClaimsThatDoNotFitAreBadInput) {
  EXPECT_FALSE(make_problem("never_halts", *parse_machine("1RB1LB_1LA1RZ"), 0).ok());
  EXPECT_FALSE(make_problem("halts_in", *parse_machine("1RB0RA_1LA1LB"), 0).ok());
  EXPECT_FALSE(make_problem("no_halt_within", *parse_machine("1RB1LB_1LA1RZ"), 6).ok());
  auto family = make_family();
  auto err = [&](core::Json params, int64_t count = 1) {
    auto r = family->generate({"halts_in", params, 1, count});
    return r.ok() ? std::string("<ok>") : r.error().message;
  };
  EXPECT_NE(err({{"colour", 1}}).find("unknown parameter \"colour\""), std::string::npos);
  EXPECT_NE(err({{"states", 9}}).find("\"states\""), std::string::npos);
  EXPECT_NE(err({{"states", 4}, {"symbols", 3}}).find("at most 8"), std::string::npos);
  EXPECT_NE(err({{"machine", "1RB1LB_1LA1XZ"}}).find("row 2, column 5"), std::string::npos);
  EXPECT_NE(err({{"states", 2}}, 500).find("distinct"), std::string::npos);
}

TEST(Family, PromptsAskWithoutGivingTheAnswerAway) {
  auto family = make_family();
  auto p = make_problem("halts_in", *parse_machine("1RB1LB_1LA0LC_1RZ1LD_1RD0RA"), 0);
  ASSERT_TRUE(p.ok());
  const std::string prompt = family->prompt(*p);
  EXPECT_EQ(prompt.find("107"), std::string::npos) << prompt;
  EXPECT_NE(prompt.find("{\"steps\": N}"), std::string::npos);
  EXPECT_NE(p->informal.find("107"), std::string::npos);
}

TEST(Family, NoisyBuiltinPolicyIsDeterministicAndSometimesWrong) {
  auto family = make_family();
  auto problems = family->generate({"halts_in", core::Json{{"states", 3}}, 3, 5});
  ASSERT_TRUE(problems.ok());
  auto policy = family->builtin_policy("noise=0.5");
  ASSERT_TRUE(policy.ok());
  auto checker = family->native_checker();
  int verified = 0, total = 0;
  for (const auto& p : *problems) {
    core::PolicyQuery q{&p, family->prompt(p), core::CandidateMode::answer, 0, 8, 11};
    auto a = (*policy)->propose(q);
    auto b = (*policy)->propose(q);
    ASSERT_TRUE(a.ok());
    for (size_t i = 0; i < a->size(); ++i) {
      EXPECT_EQ((*a)[i].text, (*b)[i].text);
      verified += checker->check(p, (*a)[i], {}).ok();
      ++total;
    }
  }
  EXPECT_GT(verified, 0);
  EXPECT_LT(verified, total);
  EXPECT_FALSE(family->builtin_policy("noise=2").ok());
  EXPECT_FALSE(family->builtin_policy("temperature=1").ok());
}

}  // namespace
}  // namespace tcs::busy_beaver
