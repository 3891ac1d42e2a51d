// Slow: the whole 4-state space. Counts (Coq-BB5's) and the soundness check: no decider calls
// any halting machine of the space non-halting.
#include <gtest/gtest.h>

#include "generators/busy_beaver/certificate.hpp"
#include "generators/busy_beaver/far.hpp"
#include "generators/busy_beaver/ngram_cps.hpp"
#include "generators/busy_beaver/tnf.hpp"

namespace tcs::busy_beaver {
namespace {

TEST(Tnf4, FourStatesTwoSymbolsCountsAndNoDeciderCallsAHaltingMachineNonHalting) {
  EnumerateOptions o;
  o.states = 4;
  o.check_certificates = false;  // the perf program and `bb enumerate` time that part
  int64_t halting_checked = 0;
  LoopDecider loops;
  NgramCps cps;
  FarDecider far;
  int64_t far_checked = 0;
  o.visit = [&](const Machine& m, const Decision& d) {
    if (d.certificate.kind == CertificateKind::far && d.outcome == Outcome::nonhalting) {
      // The other certificates are checked by the perf program; FAR's, the newest, here.
      const auto s = check_certificate(to_string(m), d.certificate);
      ASSERT_TRUE(s.ok()) << to_string(m) << ": " << s.error().message;
      ++far_checked;
    }
    if (d.outcome != Outcome::halting) return;
    // The halting machine itself: every decider, at every budget, must not prove it loops.
    Machine full = m;
    full.table[static_cast<size_t>(d.halt_state * 2 + d.halt_read)] = {true, 1, true, 'Z'};
    const PackedMachine p = pack(full);
    for (int64_t steps : {16, 128, 2048})
      ASSERT_NE(loops.run(p, steps).outcome, Outcome::nonhalting) << to_string(full);
    for (auto [n, block] : o.ngram_sizes)
      ASSERT_NE(cps.run(p, n, block).outcome, Outcome::nonhalting) << to_string(full);
    // FAR searches a halting machine's whole budget (no DFA ever fits), 1.7 ms at the
    // enumeration's budget; DFAs of up to 4 states and 1,000 nodes keep this test near a minute.
    ASSERT_NE(far.run(p, 4, 1000).outcome, Outcome::nonhalting) << to_string(full);
    ++halting_checked;
  };
  auto r = enumerate_tnf(o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, 858909);
  EXPECT_EQ(r->halting, 249693);
  EXPECT_EQ(r->nonhalting + r->undecided, 609216);
  EXPECT_EQ(halting_checked, 249693);
  EXPECT_EQ(r->max_steps, 107);
  EXPECT_EQ(r->max_ones, 13);
  EXPECT_EQ(r->by_decider["far"], 1261);
  EXPECT_EQ(far_checked, 1261);
  EXPECT_EQ(r->undecided, 30);  // 99.9965 % decided
}

}  // namespace
}  // namespace tcs::busy_beaver
