#include "generators/tm_trace/trace_answer.hpp"

#include <gtest/gtest.h>

namespace tcs::tm_trace {
namespace {

TagInstance prompt_example(int steps) {
  TagInstance inst;
  inst.system.m = 2;
  inst.system.alphabet = {"A", "B", "C"};
  for (const char* w : {"CAC", "A", "B"})
    inst.system.rules.push_back(*read_word(inst.system.alphabet, w));
  inst.init = *read_word(inst.system.alphabet, "BCA");
  inst.steps = steps;
  return inst;
}

struct Fixture {
  TagInstance inst;
  TagTrace trace;
  TagExpected expected;
  std::string exact;
  explicit Fixture(int steps = 30) : inst(prompt_example(steps)), trace(simulate(inst)) {
    expected = expected_tag(inst.system, trace);
    exact = format_tag_answer(inst.system, trace.states, trace.halts);
  }
  TraceCheck check(std::string_view text, int64_t max_bytes = 0) const {
    return check_tag_answer(expected, text, max_bytes);
  }
};

void replace(std::string& text, std::string_view from, std::string_view to) {
  const size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

TEST(TagAnswer, FormatMatchesTmbenchsExample) {
  const Fixture f;
  EXPECT_EQ(f.exact,
            "### step 0:\n   - Action: Init\n   - Queue State: [B C A]\n\n"
            "### step 1:\n   - Head Symbol: B\n   - Action: Append A to the end of the queue. "
            "Remove B C from the head.\n   - Queue State: [A A]\n\n"
            "### step 2:\n   - Head Symbol: A\n   - Action: Append C A C to the end of the queue. "
            "Remove A A from the head.\n   - Queue State: [C A C]\n\n"
            "### step 3:\n   - Head Symbol: C\n   - Action: Append B to the end of the queue. "
            "Remove C A from the head.\n   - Queue State: [C B]\n\n"
            "### step 4:\n   - Head Symbol: C\n   - Action: Append B to the end of the queue. "
            "Remove C B from the head.\n   - Queue State: [B] <halt>\n");
}

TEST(TagAnswer, ExactAnswerIsVerified) {
  const Fixture f;
  const TraceCheck r = f.check(f.exact);
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.correct, "11111");
  EXPECT_EQ(r.steps, 5);
  EXPECT_EQ(r.work, 5);
  EXPECT_TRUE(r.message.empty());
}

TEST(TagAnswer, LenientSpellingsAreAccepted) {
  const Fixture f;
  const std::string text =
      "Sure! Here is the simulation.\n\n**Step 0:**\n- queue state: [B, C, A]\n"
      "Step 1:\n  * Queue State: [A,A]\n#### STEP 2 :\nQueue State:[C A C] \n"
      "### step 3:\n   - Queue State: [CB]\n### step 4:\n   - Queue State: [ B ]  <halt>\n";
  const TraceCheck r = f.check(text);
  EXPECT_TRUE(r.ok) << r.message;
}

TEST(TagAnswer, WrongStateNamesStepAndLine) {
  const Fixture f;
  std::string text = f.exact;
  replace(text, "Queue State: [C A C]", "Queue State: [C A A]");
  const TraceCheck r = f.check(text);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.correct, "11011");
  EXPECT_EQ(r.message,
            "step 2 (line 13): Queue State is [C A A], expected [CAC] [1 of 5 steps wrong]");
}

TEST(TagAnswer, HaltMarkerIsChecked) {
  const Fixture f;
  std::string missing = f.exact;
  replace(missing, " <halt>", "");
  TraceCheck r = f.check(missing);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.correct, "11110");
  EXPECT_NE(r.message.find("step 4 (line 23): the machine halts here"), std::string::npos);

  std::string early = f.exact;
  replace(early, "[C B]", "[C B] <halt>");
  r = f.check(early);
  EXPECT_EQ(r.correct, "11101");
  EXPECT_NE(r.message.find("marked <halt>"), std::string::npos);

  // Not halting within 2 steps: <stop> is fine, <halt> is not.
  const Fixture short_run(2);
  std::string stop = short_run.exact;
  replace(stop, "[C A C]", "[C A C] <stop>");
  EXPECT_TRUE(short_run.check(stop).ok);
}

TEST(TagAnswer, MissingStep) {
  const Fixture f;
  std::string text = f.exact;
  const size_t from = text.find("### step 2:"), to = text.find("### step 3:");
  text.erase(from, to - from);
  const TraceCheck r = f.check(text);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.correct, "11011");
  EXPECT_NE(r.message.find("step 2 is missing (line 10 jumps from step 1 to step 3)"),
            std::string::npos)
      << r.message;
}

TEST(TagAnswer, TruncatedAnswer) {
  const Fixture f;
  const std::string text = f.exact.substr(0, f.exact.find("### step 3:"));
  const TraceCheck r = f.check(text);
  EXPECT_EQ(r.correct, "11100");
  EXPECT_NE(r.message.find("step 3 is missing (the answer ends after step 2 at line 10)"),
            std::string::npos)
      << r.message;
}

TEST(TagAnswer, DuplicatedStep) {
  const Fixture f;
  const std::string text = f.exact + "\n### step 1:\n   - Queue State: [A A]\n";
  const TraceCheck r = f.check(text);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.correct, "10111");
  EXPECT_NE(r.message.find("line 25: step 1 appears again (first at line 5)"), std::string::npos)
      << r.message;
}

TEST(TagAnswer, OutOfOrderStep) {
  const Fixture f;
  std::string text = f.exact;
  // Swap the blocks of steps 1 and 2.
  const size_t s1 = text.find("### step 1:"), s2 = text.find("### step 2:"),
               s3 = text.find("### step 3:");
  text = text.substr(0, s1) + text.substr(s2, s3 - s2) + text.substr(s1, s2 - s1) + text.substr(s3);
  const TraceCheck r = f.check(text);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.correct[1], '0');
  EXPECT_EQ(r.correct[2], '1');
  EXPECT_NE(r.message.find("step 1 is missing (line 5 jumps from step 0 to step 2)"),
            std::string::npos)
      << r.message;
}

TEST(TagAnswer, StepPastTheEnd) {
  const Fixture f;
  const TraceCheck r = f.check(f.exact + "### step 5:\n   - Queue State: []\n");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.correct, "11111");
  EXPECT_NE(r.message.find("step 5 is past the end of the trace (steps 0 to 4)"),
            std::string::npos);
}

TEST(TagAnswer, MissingOrUnbracketedQueueLine) {
  const Fixture f;
  std::string text = f.exact;
  replace(text, "   - Queue State: [A A]\n", "");
  TraceCheck r = f.check(text);
  EXPECT_EQ(r.correct, "10111");
  EXPECT_NE(r.message.find("step 1 (line 5): no 'Queue State:' line"), std::string::npos);
  text = f.exact;
  replace(text, "[A A]", "A A");
  r = f.check(text);
  EXPECT_NE(r.message.find("Queue State is not written [...]"), std::string::npos);
  text = f.exact;
  replace(text, "   - Queue State: [A A]\n", "   - Queue State: [A A]\n   - Queue State: [A A]\n");
  r = f.check(text);
  EXPECT_NE(r.message.find("the 'queue state:' line appears twice"), std::string::npos);
}

TEST(TagAnswer, GarbageAndInvalidUtf8) {
  const Fixture f;
  TraceCheck r = f.check("I cannot do that.");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.correct, "00000");
  EXPECT_NE(r.message.find("no step blocks found"), std::string::npos);
  r = f.check("");
  EXPECT_FALSE(r.ok);
  std::string bad = f.exact;
  bad[30] = static_cast<char>(0xff);
  r = f.check(bad);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.message, "answer is not valid UTF-8 at byte offset 30");
  EXPECT_EQ(r.work, 0);
}

TEST(TagAnswer, OversizedAnswerIsCutScoredAndRejected) {
  const Fixture f;
  const int64_t cap = static_cast<int64_t>(f.exact.find("### step 3:")) + 5;
  const TraceCheck r = f.check(f.exact, cap);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.correct, "11100");
  EXPECT_EQ(r.message.rfind("answer is " + std::to_string(f.exact.size()) +
                                " bytes, over the limit of " + std::to_string(cap) + " bytes",
                            0),
            0u)
      << r.message;
}

TEST(TagAnswer, SameSymbolsIgnoresBlanksAndCommas) {
  EXPECT_TRUE(same_symbols("A, B ,C", "ABC"));
  EXPECT_FALSE(same_symbols("A B", "ABC"));
  EXPECT_FALSE(same_symbols("A B C D", "ABC"));
  EXPECT_TRUE(same_symbols("α β", "αβ"));
}

TEST(TapeAnswer, ExactAnswerVerifiedAndErrorsNamed) {
  const TapeInstance inst{*parse_machine("1RB1LB_1LA1RZ"), 20, 2};
  const TapeTrace trace = simulate(inst);
  const std::string exact = format_tape_answer(inst.machine, trace);
  EXPECT_NE(exact.find("### step 6:\n   - Read Symbol: 1\n   - Action: Write 1, move R, go to Z.\n"
                       "   - State: Z\n   - Head: 0\n   - Tape: [1 1 1 1 0] <halt>\n"),
            std::string::npos)
      << exact;
  TraceCheck r = check_tape_answer(trace, exact, 0);
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.correct, "1111111");

  std::string wrong_head = exact;
  replace(wrong_head, "   - Head: -2\n", "   - Head: 2\n");
  r = check_tape_answer(trace, wrong_head, 0);
  EXPECT_EQ(r.correct, "1111011");
  EXPECT_NE(r.message.find("step 4 (line"), std::string::npos);
  EXPECT_NE(r.message.find("Head is \"2\", expected -2"), std::string::npos) << r.message;

  std::string wrong_state = exact;
  replace(wrong_state, "   - State: B\n   - Head: 1\n", "   - State: A\n   - Head: 1\n");
  r = check_tape_answer(trace, wrong_state, 0);
  EXPECT_EQ(r.correct, "1011111");
  EXPECT_NE(r.message.find("State is \"A\", expected \"B\""), std::string::npos) << r.message;

  std::string wrong_tape = exact;
  replace(wrong_tape, "[0 1 1 1 0]", "[0 1 0 1 0]");
  r = check_tape_answer(trace, wrong_tape, 0);
  EXPECT_EQ(r.correct, "1111011");
}

}  // namespace
}  // namespace tcs::tm_trace
