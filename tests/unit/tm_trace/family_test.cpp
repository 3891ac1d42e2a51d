#include "generators/tm_trace/family.hpp"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

namespace tcs::tm_trace {
namespace {

core::Expected<std::vector<core::Problem>> generate(const std::string& kind, core::Json params,
                                                    uint64_t seed, int64_t count) {
  return make_family()->generate({kind, std::move(params), seed, count});
}

std::string dump(const std::vector<core::Problem>& problems) {
  std::ostringstream out;
  for (const auto& p : problems) core::write_problem_jsonl(out, p);
  return out.str();
}

TEST(Family, NameKindsAndBackends) {
  auto f = make_family();
  EXPECT_EQ(f->name(), "tm_trace");
  EXPECT_EQ(f->kinds(), (std::vector<std::string>{"tag", "tape"}));
  EXPECT_EQ(f->native_checker()->backend(), "native");
}

TEST(Family, SameSeedSameBytesAndCountExtends) {
  for (const char* kind : {"tag", "tape"}) {
    auto a = generate(kind, core::Json::object(), 123, 8);
    auto b = generate(kind, core::Json::object(), 123, 8);
    auto c = generate(kind, core::Json::object(), 124, 8);
    auto d = generate(kind, core::Json::object(), 123, 3);
    ASSERT_TRUE(a.ok() && b.ok() && c.ok() && d.ok());
    EXPECT_EQ(dump(*a), dump(*b));
    EXPECT_NE(dump(*a), dump(*c));
    EXPECT_EQ(dump(*d), dump(std::vector<core::Problem>(a->begin(), a->begin() + 3)));
  }
}

TEST(Family, ProblemsRoundTripThroughJsonl) {
  auto a = generate("tag", core::Json::object(), 5, 4);
  ASSERT_TRUE(a.ok());
  std::istringstream in(dump(*a));
  auto back = core::read_problems_jsonl(in);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, *a);
}

TEST(Family, TagProblemShape) {
  auto problems = generate("tag", {{"steps", 12}, {"alphabet", "ABC"}}, 1, 5);
  ASSERT_TRUE(problems.ok());
  std::set<std::string> ids;
  for (const auto& p : *problems) {
    ids.insert(p.id);
    EXPECT_EQ(p.id.rfind("tm_trace/tag/m2-", 0), 0u);
    EXPECT_EQ(p.family, "tm_trace");
    ASSERT_EQ(p.statements.size(), 3u);
    EXPECT_EQ(p.statements[0].backend, "coq");
    EXPECT_EQ(p.statements[1].backend, "lean");
    EXPECT_EQ(p.statements[2].backend, "native");
    EXPECT_NE(p.statement("lean")->text.find("theorem tag_trace_12 :"), std::string::npos);
    EXPECT_NE(p.statement("lean")->text.find(":= by\n  sorry\n"), std::string::npos);
    EXPECT_NE(p.statement("coq")->text.find("Proof.\nAdmitted.\n"), std::string::npos);
    EXPECT_NE(p.informal.find("**Claim.**"), std::string::npos);
    EXPECT_LE(p.answer["states"].size(), 13u);
    EXPECT_EQ(p.answer["states"][0], p.params["init"]);
    const std::string prompt = make_family()->prompt(p);
    EXPECT_NE(prompt.find("stop upon reaching the halt condition or 12 steps"), std::string::npos);
    EXPECT_NE(prompt.find("## The Only Problem to Solve:\nm: 2\nAlphabet: {A, B, C}\n"),
              std::string::npos);
    EXPECT_EQ(prompt.find(p.answer["states"][1].get<std::string>() + "\""), std::string::npos);
  }
  EXPECT_EQ(ids.size(), 5u);
}

TEST(Family, TapeProblemShape) {
  auto problems = generate("tape", {{"machine", "1RB1LB_1LA1RZ"}, {"steps", 20}, {"window", 3}}, 1, 1);
  ASSERT_TRUE(problems.ok()) << problems.error().message;
  const auto& p = (*problems)[0];
  EXPECT_EQ(p.id, "tm_trace/tape/1RB1LB_1LA1RZ-k20-w3");
  EXPECT_EQ(p.answer["configs"].size(), 7u);
  EXPECT_EQ(p.answer["halts"], true);
  EXPECT_EQ(p.answer["configs"][6], (core::Json{{"state", "Z"}, {"head", 0}, {"tape", "0111100"}}));
  EXPECT_NE(p.statement("lean")->text.find("(none, 0, [0, 1, 1, 1, 1, 0, 0])]"), std::string::npos);
  EXPECT_NE(make_family()->prompt(p).find("Machine: 1RB1LB_1LA1RZ\nTape cells shown: -3 to 3\n"),
            std::string::npos);
}

TEST(Family, StrictParams) {
  auto unknown = generate("tag", {{"rules", 3}}, 1, 1);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, core::ErrorCode::bad_input);
  EXPECT_NE(unknown.error().message.find("unknown parameter \"rules\""), std::string::npos);
  EXPECT_FALSE(generate("tape", {{"machine", "1RB1LB_1LA1RZ"}}, 1, 2).ok());
  auto kind = generate("loop", core::Json::object(), 1, 1);
  ASSERT_FALSE(kind.ok());
  EXPECT_NE(kind.error().message.find("no kind \"loop\""), std::string::npos);
  EXPECT_FALSE(generate("tag", core::Json::array(), 1, 1).ok());
  EXPECT_FALSE(generate("tag", core::Json::object(), 1, -1).ok());
  // A 1-state 2-symbol machine space is tiny: asking for many distinct ones is an error.
  auto few = generate("tape", {{"states", 1}}, 1, 50);
  ASSERT_FALSE(few.ok());
  EXPECT_NE(few.error().message.find("distinct problems"), std::string::npos);
}

TEST(Family, DifficultyFollowsKnobs) {
  auto easy = generate("tag", {{"steps", 3}}, 1, 1);
  auto hard = generate("tag", {{"steps", 120}}, 1, 1);
  ASSERT_TRUE(easy.ok() && hard.ok());
  EXPECT_EQ((*easy)[0].difficulty.level, "easy");
  EXPECT_LT((*easy)[0].difficulty.score, (*hard)[0].difficulty.score);
}

TEST(Family, CheckerVerdicts) {
  auto problems = generate("tape", {{"machine", "1RB1LB_1LA1RZ"}, {"window", 2}}, 1, 1);
  ASSERT_TRUE(problems.ok());
  const auto& p = (*problems)[0];
  auto checker = make_family()->native_checker();
  core::Candidate c;
  c.text = "### step 0:\n - State: A\n - Head: 0\n - Tape: [0 0 0 0 0]\n";
  const auto v = checker->check(p, c, core::Limits{});
  EXPECT_EQ(v.kind, core::VerdictKind::rejected);
  EXPECT_EQ(v.detail, (core::Json{{"steps", 7}, {"correct", "1000000"}}));
  EXPECT_EQ(v.work, 1);
  EXPECT_NE(v.message.find("step 1 is missing"), std::string::npos);

  core::Problem broken = p;
  broken.params["machine"] = "1RB";
  const auto e = checker->check(broken, c, core::Limits{});
  EXPECT_EQ(e.kind, core::VerdictKind::error);
  EXPECT_NE(e.message.find("bad problem"), std::string::npos);
}

}  // namespace
}  // namespace tcs::tm_trace
