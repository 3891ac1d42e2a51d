#include <gtest/gtest.h>

#include "generators/tm_trace/builtin_policy.hpp"
#include "generators/tm_trace/family.hpp"
#include "generators/tm_trace/metrics.hpp"
#include "generators/tm_trace/problems.hpp"

namespace tcs::tm_trace {
namespace {

std::vector<core::Problem> some_problems(const char* kind, int64_t count) {
  auto problems = kind == std::string("tag") ? generate_tag(core::Json::object(), 11, count)
                                             : generate_tape(core::Json::object(), 11, count);
  EXPECT_TRUE(problems.ok());
  return *problems;
}

std::vector<core::Candidate> propose(core::Policy& policy, const core::Problem& p, uint64_t seed,
                                     int64_t first, int64_t count) {
  core::PolicyQuery q;
  q.problem = &p;
  q.seed = seed;
  q.first_index = first;
  q.count = count;
  auto out = policy.propose(q);
  EXPECT_TRUE(out.ok());
  return *out;
}

TEST(BuiltinOptions, Parsing) {
  EXPECT_EQ(parse_builtin_options("")->noise, 0.0);
  EXPECT_EQ(parse_builtin_options("noise=0.25")->noise, 0.25);
  EXPECT_EQ(parse_builtin_options(" noise = 1 ")->noise, 1.0);
  auto unknown = parse_builtin_options("nois=0.1");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("unknown builtin option \"nois\""), std::string::npos);
  for (const char* bad : {"noise=1.5", "noise=-0.1", "noise=abc", "noise=", "noise=0.1x", "noise=nan"}) {
    auto r = parse_builtin_options(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("must be a number in [0, 1]"), std::string::npos) << bad;
  }
  EXPECT_FALSE(parse_builtin_options("noise").ok());
  EXPECT_FALSE(parse_builtin_options("noise=0.1,noise=0.2").ok());
}

TEST(BuiltinPolicy, ExactAnswersAreVerified) {
  auto family = make_family();
  auto policy = family->builtin_policy("");
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ((*policy)->name(), "builtin");
  auto checker = family->native_checker();
  for (const char* kind : {"tag", "tape"})
    for (const auto& p : some_problems(kind, 10)) {
      const auto c = propose(**policy, p, 5, 0, 1);
      ASSERT_EQ(c.size(), 1u);
      EXPECT_EQ(c[0].backend, "native");
      EXPECT_EQ(c[0].provenance.endpoint, "builtin");
      const auto v = checker->check(p, c[0], core::Limits{});
      EXPECT_EQ(v.kind, core::VerdictKind::verified) << p.id << ": " << v.message;
    }
}

TEST(BuiltinPolicy, NoiseIsDeterministicAndPerSample) {
  auto family = make_family();
  auto policy = family->builtin_policy("noise=0.3");
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ((*policy)->name(), "builtin:noise=0.3");
  const auto problems = some_problems("tag", 3);
  const auto& p = problems[0];
  const auto batch = propose(**policy, p, 42, 0, 4);
  // The same samples asked one at a time, and again: byte for byte equal.
  for (int64_t i = 0; i < 4; ++i) {
    const auto single = propose(**policy, p, 42, i, 1);
    EXPECT_EQ(single[0].text, batch[static_cast<size_t>(i)].text);
  }
  EXPECT_NE(batch[0].text, batch[1].text);  // different samples differ (p = 0.3, 31 steps)
  EXPECT_NE(propose(**policy, p, 43, 0, 1)[0].text, batch[0].text);  // the seed matters
}

TEST(BuiltinPolicy, NoiseRateShowsInPerStepAccuracy) {
  auto family = make_family();
  auto policy = family->builtin_policy("noise=0.2");
  auto checker = family->native_checker();
  auto metrics = family->metrics();
  int verified = 0, attempts = 0;
  for (const char* kind : {"tag", "tape"})
    for (const auto& p : some_problems(kind, 40)) {
      std::vector<core::Verdict> verdicts;
      for (const auto& c : propose(**policy, p, 9, 0, 2))
        verdicts.push_back(checker->check(p, c, core::Limits{}));
      std::vector<core::AttemptOutcome> outcomes;
      for (const auto& v : verdicts) {
        outcomes.push_back({v.kind, &v.detail});
        verified += v.ok();
        ++attempts;
      }
      metrics->add(p, outcomes);
    }
  const auto result = metrics->result();
  EXPECT_NEAR(result["uni"].get<double>(), 0.8, 0.05);
  EXPECT_LT(result["pass"].get<double>(), 0.2);
  EXPECT_DOUBLE_EQ(result["pass"].get<double>(), static_cast<double>(verified) / attempts);
}

TEST(BuiltinPolicy, NoiseOneCorruptsEveryStep) {
  auto family = make_family();
  auto policy = family->builtin_policy("noise=1");
  auto checker = family->native_checker();
  const auto p = some_problems("tag", 1)[0];
  const auto v = checker->check(p, propose(**policy, p, 1, 0, 1)[0], core::Limits{});
  EXPECT_EQ(v.detail["correct"].get<std::string>().find('1'), std::string::npos);
}

TEST(Metrics, HandMadeSet) {
  core::Problem p1, p2;
  p1.answer = {{"states", {"AB", "BC", "CD"}}, {"halts", false}};
  p2.answer = {{"states", {"AB", "B"}}, {"halts", true}};
  const core::Json d111 = {{"steps", 3}, {"correct", "111"}}, d101 = {{"steps", 3}, {"correct", "101"}},
                   d10 = {{"steps", 2}, {"correct", "10"}};
  auto m = make_trace_metrics();
  m->add(p1, {{core::VerdictKind::verified, &d111}, {core::VerdictKind::rejected, &d101}});
  m->add(p2, {{core::VerdictKind::rejected, &d10}, {core::VerdictKind::timeout, nullptr}});
  const auto r = m->result();
  // ACC = (3/4, 1/4, 2/2); Uni = mean; Lin weights 1, 2, 3; pass = 1 of 4.
  EXPECT_DOUBLE_EQ(r["acc"][0].get<double>(), 0.75);
  EXPECT_DOUBLE_EQ(r["acc"][1].get<double>(), 0.25);
  EXPECT_DOUBLE_EQ(r["acc"][2].get<double>(), 1.0);
  EXPECT_NEAR(r["uni"].get<double>(), 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(r["lin"].get<double>(), 4.25 / 6.0, 1e-12);
  EXPECT_DOUBLE_EQ(r["pass"].get<double>(), 0.25);
  EXPECT_EQ(r.begin().key(), "uni");
}

TEST(Metrics, EmptyIsZero) {
  const auto r = make_trace_metrics()->result();
  EXPECT_EQ(r["uni"].get<double>(), 0.0);
  EXPECT_EQ(r["pass"].get<double>(), 0.0);
}

}  // namespace
}  // namespace tcs::tm_trace
