// The independent checker accepts what the deciders produce and rejects every tampered
// certificate; JSON is strict.
#include <gtest/gtest.h>

#include "generators/busy_beaver/decide.hpp"
#include "generators/busy_beaver/far.hpp"
#include "generators/busy_beaver/ngram_cps.hpp"
#include "generators/busy_beaver/tnf.hpp"

namespace tcs::busy_beaver {
namespace {

Decision decided(const char* text) {
  auto m = parse_machine(text);
  EXPECT_TRUE(m.ok());
  return decide(*m);
}

TEST(Certificate, HaltingStepsMustBeExact) {
  const char* bb2 = "1RB1LB_1LA1RZ";
  EXPECT_TRUE(check_certificate(bb2, {CertificateKind::halting, 6}).ok());
  EXPECT_FALSE(check_certificate(bb2, {CertificateKind::halting, 5}).ok());
  EXPECT_FALSE(check_certificate(bb2, {CertificateKind::halting, 7}).ok());
  EXPECT_FALSE(check_certificate(bb2, {CertificateKind::halting, 0}).ok());
  const Decision d = decided("1RB1LC_1RC1RB_1RD0LE_1LA1LD_1RZ0LA");
  ASSERT_EQ(d.outcome, Outcome::halting);
  EXPECT_EQ(d.certificate.steps, 47176870);
}

TEST(Certificate, CyclersAndTamperedCopies) {
  // Every cycler of the 3-state space: the certificate checks, and one period longer is
  // rejected (the configuration after S + P + 1 steps is the one after S + 1, whose head has
  // moved).
  EnumerateOptions o;
  o.states = 3;
  o.check_certificates = false;
  int cyclers = 0, rejected = 0;
  o.visit = [&](const Machine& m, const Decision& d) {
    if (d.outcome != Outcome::nonhalting || d.certificate.kind != CertificateKind::cycler) return;
    ++cyclers;
    const std::string text = to_string(m);
    EXPECT_TRUE(check_certificate(text, d.certificate).ok()) << text;
    Certificate c = d.certificate;
    c.period += 1;
    rejected += !check_certificate(text, c).ok();
  };
  ASSERT_TRUE(enumerate_tnf(o).ok());
  EXPECT_GT(cyclers, 100);
  EXPECT_EQ(rejected, cyclers);
}

TEST(Certificate, TranslatedCyclerAndTamperedCopies) {
  const char* m = "1RB0RA_1LA1LB";
  const Decision d = decided(m);
  ASSERT_EQ(d.outcome, Outcome::nonhalting);
  ASSERT_EQ(d.certificate.kind, CertificateKind::translated_cycler);
  EXPECT_TRUE(check_certificate(m, d.certificate).ok());
  for (auto tamper : {+[](Certificate& c) { c.right = !c.right; },
                      +[](Certificate& c) { c.period += 1; },
                      +[](Certificate& c) { c.start += 1; }}) {
    Certificate c = d.certificate;
    tamper(c);
    EXPECT_FALSE(check_certificate(m, c).ok()) << to_json(c).dump();
  }
}

TEST(Certificate, NgramCpsAndTamperedCopies) {
  const char* m = "0RB---_0LC0RA_0LD1LC_1RA1RB";  // a bouncer the loop decider misses
  const Decision d = decided(m);
  ASSERT_EQ(d.outcome, Outcome::nonhalting);
  ASSERT_EQ(d.certificate.kind, CertificateKind::ngram_cps);
  EXPECT_TRUE(check_certificate(m, d.certificate).ok());
  // Dropping any one view, or one word, breaks closure.
  for (size_t i = 0; i < d.certificate.configs.size(); ++i) {
    Certificate c = d.certificate;
    c.configs.erase(c.configs.begin() + static_cast<std::ptrdiff_t>(i));
    EXPECT_FALSE(check_certificate(m, c).ok()) << "without " << d.certificate.configs[i];
  }
  for (size_t i = 0; i < d.certificate.left.size(); ++i) {
    Certificate c = d.certificate;
    c.left.erase(c.left.begin() + static_cast<std::ptrdiff_t>(i));
    EXPECT_FALSE(check_certificate(m, c).ok());
  }
  // Filling the undefined transition so that it is reachable... the same set no longer covers
  // a machine whose A1 halts right away.
  EXPECT_FALSE(check_certificate("1RZ---_0LC0RA_0LD1LC_1RA1RB", d.certificate).ok());
}

// A machine of the 4-state space that n-gram CPS leaves undecided and FAR settles.
Decision far_decided(const std::string& text) {
  auto m = parse_machine(text);
  EXPECT_TRUE(m.ok());
  return FarDecider().run(pack(*m));
}

TEST(Certificate, FarAndTamperedCopies) {
  // The first few machines of the 4-state space left to FAR: each certificate checks, and
  // dropping any one NFA edge breaks a closure condition (the decider hands over the least
  // NFA, so every edge is required).
  EnumerateOptions o;
  o.states = 4;
  o.far_dfa_states = 0;
  o.check_certificates = false;
  std::vector<std::string> left;
  core::CancelToken stop;
  o.cancel = &stop;
  o.visit = [&](const Machine& m, const Decision& d) {
    if (d.outcome == Outcome::undecided) left.push_back(to_string(m));
    if (left.size() >= 40) stop.cancel();
  };
  ASSERT_TRUE(enumerate_tnf(o).ok());
  int decided_by_far = 0;
  for (const std::string& m : left) {
    const Decision d = far_decided(m);
    if (d.outcome == Outcome::undecided) continue;
    ASSERT_EQ(d.outcome, Outcome::nonhalting) << m;
    ASSERT_EQ(d.certificate.kind, CertificateKind::far);
    ++decided_by_far;
    EXPECT_TRUE(check_certificate(m, d.certificate).ok()) << m;
    for (size_t i = 0; i < d.certificate.nfa.size(); ++i) {
      Certificate c = d.certificate;
      c.nfa.erase(c.nfa.begin() + static_cast<std::ptrdiff_t>(i));
      EXPECT_FALSE(check_certificate(m, c).ok()) << m << " without edge " << i;
    }
    Certificate c = d.certificate;
    c.nfa.push_back({0, 0, static_cast<int>(c.dfa.size()) * 4});  // (0, A) -0-> ⊥
    EXPECT_FALSE(check_certificate(m, c).ok()) << m << ": an edge that accepts the start";
    c = d.certificate;
    c.dfa[0][0] = static_cast<int>(c.dfa.size()) - 1;
    if (c.dfa.size() > 1) {
      EXPECT_FALSE(check_certificate(m, c).ok()) << m << ": δ(0, 0) != 0";
    }
    auto back = certificate_from_json(core::Json::parse(to_json(d.certificate).dump()));
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, d.certificate);
  }
  EXPECT_GE(decided_by_far, 20);
  // FAR never claims a halting machine non-halting; the checker rejects a certificate for a
  // machine it does not fit.
  EXPECT_EQ(far_decided("1RB1LB_1LA0LC_1RZ1LD_1RD0RA").outcome, Outcome::undecided);
  const Decision d = far_decided(left.front());
  ASSERT_EQ(d.outcome, Outcome::nonhalting);
  EXPECT_FALSE(check_certificate("1RB1LB_1LA0LC_1RZ1LD_1RD0RA", d.certificate).ok());
  EXPECT_FALSE(check_certificate("1RB2LB1RZ_2LA2RB1LB", d.certificate).ok());  // 3 symbols
}

TEST(Certificate, JsonRoundTripsAndIsStrict) {
  for (const char* m : {"1RB1LB_1LA1RZ", "1RB1LA_0LA0RB", "1RB0RA_1LA1LB", "0RB---_0LC0RA_0LD1LC_1RA1RB"}) {
    const Decision d = decided(m);
    auto back = certificate_from_json(core::Json::parse(to_json(d.certificate).dump()));
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, d.certificate);
  }
  auto err = [](const char* text) {
    auto c = certificate_from_json(core::Json::parse(text));
    return c.ok() ? std::string("<ok>") : c.error().message;
  };
  EXPECT_NE(err(R"({"decider":"cycler","start":1})").find("\"period\""), std::string::npos);
  EXPECT_NE(err(R"({"decider":"cycler","start":1,"period":2,"x":1})").find("unknown field \"x\""), std::string::npos);
  EXPECT_NE(err(R"({"decider":"magic"})").find("unknown decider"), std::string::npos);
  EXPECT_NE(err(R"({"decider":"halting","steps":99999999999})").find("must be in"), std::string::npos);
  EXPECT_NE(err(R"({"decider":"translated_cycler","start":1,"period":2,"side":"up"})").find("side"), std::string::npos);
  EXPECT_NE(err(R"({"decider":"far","mirror":0,"dfa":[[0,0]],"nfa":[]})").find("\"mirror\""), std::string::npos);
  EXPECT_NE(err(R"({"decider":"far","mirror":false,"dfa":[[0,1]],"nfa":[]})").find("names state 1"), std::string::npos);
  EXPECT_NE(err(R"({"decider":"far","mirror":false,"dfa":[],"nfa":[]})").find("at least one row"), std::string::npos);
  EXPECT_NE(err(R"({"decider":"far","mirror":false,"dfa":[[0,0]],"nfa":[[0,1]]})").find("\"nfa\" row 0"), std::string::npos);
  EXPECT_NE(err(R"({"decider":"far","mirror":false,"dfa":[[0,0]],"nfa":[[0,1,-2]]})").find("\"nfa\" row 0"), std::string::npos);
}

}  // namespace
}  // namespace tcs::busy_beaver
