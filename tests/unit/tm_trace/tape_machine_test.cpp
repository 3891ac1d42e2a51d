#include "generators/tm_trace/tape_machine.hpp"

#include <gtest/gtest.h>

namespace tcs::tm_trace {
namespace {

TapeInstance instance(const char* machine, int steps, int window) {
  auto m = parse_machine(machine);
  EXPECT_TRUE(m.ok()) << m.error().message;
  return TapeInstance{*m, steps, window};
}

std::string error_of(std::string_view text) {
  auto m = parse_machine(text);
  return m.ok() ? std::string("<parsed>") : m.error().message;
}

TEST(TapeMachine, ParsesBusyBeaverTwo) {
  auto m = parse_machine("1RB1LB_1LA1RZ");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->states, 2);
  EXPECT_EQ(m->symbols, 2);
  EXPECT_EQ(m->at(0, 1).write, 1);
  EXPECT_FALSE(m->at(0, 1).right);
  EXPECT_EQ(m->at(0, 1).next, 'B');
  EXPECT_TRUE(m->halts_into(m->at(1, 1).next));
}

TEST(TapeMachine, PrinterRoundTrips) {
  for (const char* text : {"1RB1LB_1LA1RZ", "1RB---_0LA1RZ", "1RB2LA1RA_2LA---0RB", "0RA1RB"}) {
    auto m = parse_machine(text);
    ASSERT_TRUE(m.ok()) << text << ": " << m.error().message;
    EXPECT_EQ(to_string(*m), text);
    EXPECT_EQ(*parse_machine(to_string(*m)), *m);
  }
}

TEST(TapeMachine, ErrorsNameRowAndColumn) {
  EXPECT_EQ(error_of("1RB1LB_1XA1RZ"), "row 2, column 2: expected L or R, got \"X\"");
  EXPECT_EQ(error_of("1RB1LB_1LA2RZ"), "row 2, column 4: expected a symbol 0..1 to write (or ---), got \"2\"");
  EXPECT_EQ(error_of("1RB1Lb_1LA1RZ"), "row 1, column 6: expected a state letter A-Z, got \"b\"");
  EXPECT_EQ(error_of("1RB1LB_1LA1R"), "row 2 has 5 characters, row 1 has 6");
  EXPECT_NE(error_of("").find("row 1 has 0 characters"), std::string::npos);
  EXPECT_NE(error_of("1RB").find("2 to 10 symbols"), std::string::npos);
  EXPECT_NE(error_of("1RB1LB__1LA1RZ").find("row 2 has 0 characters"), std::string::npos);
  EXPECT_NE(error_of("1RB1LB_-L-1RZ").find("row 2, column 1"), std::string::npos);
}

TEST(TapeMachine, BusyBeaverTwoHaltsAtStepSixCountingTheHaltingTransition) {
  // By hand, cells -2..2:  A0 1RB | B0 1LA | A1 1LB | B0 1LA | A0 1RB | B1 1RZ (halt).
  const TapeTrace t = simulate(instance("1RB1LB_1LA1RZ", 20, 2));
  ASSERT_TRUE(t.halts);
  ASSERT_EQ(t.configs.size(), 7u);  // steps 0..6
  const char states[] = {'A', 'B', 'A', 'B', 'A', 'B', 'Z'};
  const int64_t heads[] = {0, 1, 0, -1, -2, -1, 0};
  const char* tapes[] = {"00000", "00100", "00110", "00110", "01110", "11110", "11110"};
  for (size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(t.configs[i].state, states[i]) << "step " << i;
    EXPECT_EQ(t.configs[i].head, heads[i]) << "step " << i;
    EXPECT_EQ(t.configs[i].window, tapes[i]) << "step " << i;
  }
}

TEST(TapeMachine, UndefinedTransitionHaltsInPlace) {
  // A0 1RB, B0 1LA, then A1 is --- : halt at step 3 without writing or moving.
  const TapeTrace t = simulate(instance("1RB---_1LA0RB", 10, 1));
  ASSERT_TRUE(t.halts);
  ASSERT_EQ(t.configs.size(), 4u);
  EXPECT_EQ(t.configs[3].state, '-');
  EXPECT_EQ(t.configs[3].head, 0);
  EXPECT_EQ(t.configs[3].window, "011");
  EXPECT_EQ(t.configs[2].window, "011");
}

TEST(TapeMachine, StepLimitAndHeadOutsideWindow) {
  // 1RA0RA runs right forever: the head leaves a window of half-width 1 after one step.
  const TapeTrace t = simulate(instance("1RA0RA", 3, 1));
  EXPECT_FALSE(t.halts);
  ASSERT_EQ(t.configs.size(), 4u);
  EXPECT_EQ(t.configs[3].head, 3);
  EXPECT_EQ(t.configs[3].window, "011");
}

TEST(TapeMachine, IdNamesMachineStepsAndWindow) {
  EXPECT_EQ(problem_id(instance("1RB1LB_1LA1RZ", 20, 5)), "tm_trace/tape/1RB1LB_1LA1RZ-k20-w5");
}

TEST(TapeKnobs, StrictParams) {
  auto unknown = tape_knobs_from_json({{"tape", 3}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("\"tape\""), std::string::npos);
  auto bad_machine = tape_knobs_from_json({{"machine", "1RB1LB_1LA1R"}});
  ASSERT_FALSE(bad_machine.ok());
  EXPECT_NE(bad_machine.error().message.find("parameter \"machine\": row 2"), std::string::npos);
  auto states = tape_knobs_from_json({{"states", 26}});
  ASSERT_FALSE(states.ok());
  EXPECT_NE(states.error().message.find("\"states\""), std::string::npos);
}

TEST(TapeKnobs, RandomMachinesHaveTheShapeAndOneExit) {
  TapeKnobs k;
  k.states = 4;
  k.symbols = 3;
  core::Rng rng(3);
  for (int i = 0; i < 50; ++i) {
    const Machine m = random_machine(k, rng);
    EXPECT_EQ(m.states, 4);
    EXPECT_EQ(m.symbols, 3);
    int exits = 0;
    for (const auto& t : m.table) exits += m.halts_into(t.next);
    EXPECT_EQ(exits, 1);
    EXPECT_FALSE(m.halts_into(m.at(0, 0).next));
    EXPECT_EQ(*parse_machine(to_string(m)), m);
  }
}

}  // namespace
}  // namespace tcs::tm_trace
