// The independent checker accepts what the deciders produce and rejects every tampered
// certificate; JSON is strict.
#include <gtest/gtest.h>

#include "generators/busy_beaver/decide.hpp"
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
}

}  // namespace
}  // namespace tcs::busy_beaver
