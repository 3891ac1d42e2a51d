#include <gtest/gtest.h>

#include "generators/busy_beaver/known.hpp"
#include "generators/busy_beaver/macro_simulate.hpp"
#include "generators/busy_beaver/tnf.hpp"
#include "harness/core/rng.hpp"

namespace tcs::busy_beaver {
namespace {

Machine machine(const char* text) {
  auto m = parse_machine(text);
  EXPECT_TRUE(m.ok()) << text;
  return *m;
}

TEST(Simulate, KnownValuesPlainAndAccelerated) {
  for (const KnownValue& k : known_values()) {
    const Machine m = machine(k.machine);
    const RunResult a = run_accelerated(m, 100'000'000);
    EXPECT_EQ(a.status, RunStatus::halted) << k.name;
    EXPECT_EQ(a.steps, k.steps) << k.name;
    EXPECT_EQ(a.ones, k.ones) << k.name;
    if (k.steps > 5'000'000) continue;  // the plain run of BB(5) is the perf program's job
    const RunResult p = run_plain(m, 100'000'000);
    EXPECT_EQ(p, a) << k.name;
  }
}

TEST(Simulate, TheHaltingTransitionCountsAsAStep) {
  const RunResult r = run_plain(machine("1RB1LB_1LA1RZ"), 100);
  EXPECT_EQ(r.steps, 6);
  EXPECT_EQ(r.ones, 4);
  EXPECT_EQ(r.state, 1);  // B read the halting transition
  // A budget of 5 stops one short: not halted.
  EXPECT_EQ(run_plain(machine("1RB1LB_1LA1RZ"), 5).status, RunStatus::limit);
  EXPECT_EQ(run_accelerated(machine("1RB1LB_1LA1RZ"), 5).status, RunStatus::limit);
  // An undefined transition halts in place, counted, without writing.
  const RunResult u = run_plain(machine("1RB---_1LA0RB"), 100);
  EXPECT_EQ(u.status, RunStatus::halted);
  EXPECT_EQ(u.steps, 3);
  EXPECT_EQ(u.ones, 2);
}

TEST(Simulate, AcceleratedAgreesWithPlainOnEveryThreeStateTnfMachine) {
  EnumerateOptions o;
  o.states = 3;
  o.check_certificates = false;
  int64_t compared = 0;
  o.visit = [&](const Machine& m, const Decision&) {
    for (int64_t budget : {1, 7, 50, 300}) {
      const RunResult p = run_plain(m, budget);
      for (int block : {1, 2, 3}) {
        const RunResult a = run_accelerated(m, budget, nullptr, block);
        if (a.status == RunStatus::nonhalting) {
          EXPECT_EQ(p.status, RunStatus::limit) << to_string(m);
          continue;
        }
        ASSERT_EQ(a.status, p.status) << to_string(m) << " budget " << budget << " block " << block;
        if (p.status == RunStatus::halted) ASSERT_EQ(a, p) << to_string(m) << " block " << block;
        else ASSERT_EQ(a.steps, budget) << to_string(m);
      }
      ++compared;
    }
  };
  ASSERT_TRUE(enumerate_tnf(o).ok());
  EXPECT_EQ(compared, 5417 * 4);
}

TEST(Simulate, ChosenBlockSizesAgreeWithPlain) {
  EnumerateOptions o;
  o.states = 2;
  o.symbols = 3;
  o.check_certificates = false;
  o.visit = [&](const Machine& m, const Decision&) {
    const RunResult p = run_plain(m, 500);
    const RunResult a = run_accelerated(m, 500);
    if (a.status == RunStatus::nonhalting) {
      EXPECT_EQ(p.status, RunStatus::limit) << to_string(m);
    } else {
      EXPECT_EQ(a.status, p.status) << to_string(m);
      if (p.status == RunStatus::halted) {
        EXPECT_EQ(a, p) << to_string(m);
      }
    }
  };
  ASSERT_TRUE(enumerate_tnf(o).ok());
}

TEST(Simulate, AcceleratedAgreesWithPlainOnRandomMachines) {
  core::Rng rng(42);
  for (int i = 0; i < 400; ++i) {
    Machine m;
    m.states = static_cast<int>(rng.uniform(2, 5));
    m.symbols = static_cast<int>(rng.uniform(2, 4));
    for (int t = 0; t < m.states * m.symbols; ++t)
      m.table.push_back({true, static_cast<uint8_t>(rng.uniform(0, m.symbols - 1)), rng.bernoulli(0.5),
                         static_cast<char>('A' + rng.uniform(0, m.states))});  // 'A'+states halts
    const RunResult p = run_plain(m, 20000);
    const RunResult a = run_accelerated(m, 20000);
    if (a.status == RunStatus::nonhalting) {
      EXPECT_EQ(p.status, RunStatus::limit) << to_string(m);
      continue;
    }
    ASSERT_EQ(a.status, p.status) << to_string(m);
    if (p.status == RunStatus::halted) {
      EXPECT_EQ(a, p) << to_string(m);
    }
  }
}

TEST(Simulate, CancellationStopsALongRun) {
  core::CancelToken cancel;
  cancel.cancel();
  const Machine forever = machine("1RB1LA_1LA1RB");
  EXPECT_EQ(run_plain(forever, 1'000'000'000, &cancel).status, RunStatus::cancelled);
  EXPECT_EQ(run_accelerated(machine("1RB0LB_1LA0RA"), 1'000'000'000, &cancel, 1).status,
            RunStatus::cancelled);
}

TEST(Simulate, BadMachinesNameRowAndColumn) {
  auto bad = parse_machine("1RB1LB_1LA1XZ");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "row 2, column 5: expected L or R, got \"X\"");
  EXPECT_FALSE(parse_machine("1RB1LB_1LA").ok());
  EXPECT_FALSE(parse_machine("1RB3LB_1LA1RZ").ok());
  EXPECT_EQ(to_string(machine("1RB---_1LA1RZ")), "1RB---_1LA1RZ");
}

}  // namespace
}  // namespace tcs::busy_beaver
