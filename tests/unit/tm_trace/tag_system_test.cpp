#include "generators/tm_trace/tag_system.hpp"

#include <gtest/gtest.h>

namespace tcs::tm_trace {
namespace {

// TMBench's worked example: m = 2, A -> CAC, B -> A, C -> B, from BCA.
TagInstance prompt_example(int steps = 30) {
  TagInstance inst;
  inst.system.m = 2;
  inst.system.alphabet = {"A", "B", "C"};
  inst.system.rules = {*read_word(inst.system.alphabet, "CAC"), *read_word(inst.system.alphabet, "A"),
                       *read_word(inst.system.alphabet, "B")};
  inst.init = *read_word(inst.system.alphabet, "BCA");
  inst.steps = steps;
  return inst;
}

std::vector<std::string> spelled(const TagInstance& inst, const TagTrace& t) {
  std::vector<std::string> out;
  for (const auto& w : t.states) out.push_back(spell(inst.system, w));
  return out;
}

TEST(TagSystem, HandWorkedExampleHaltsAtStepFour) {
  // BCA -(B: +A, -BC)-> AA -(A: +CAC, -AA)-> CAC -(C: +B, -CA)-> CB -(C: +B, -CB)-> B, |B| < 2.
  const auto inst = prompt_example();
  const TagTrace t = simulate(inst);
  EXPECT_EQ(spelled(inst, t), (std::vector<std::string>{"BCA", "AA", "CAC", "CB", "B"}));
  EXPECT_TRUE(t.halts);
}

TEST(TagSystem, StepLimitStopsWithoutHalting) {
  const auto inst = prompt_example(2);
  const TagTrace t = simulate(inst);
  EXPECT_EQ(spelled(inst, t), (std::vector<std::string>{"BCA", "AA", "CAC"}));
  EXPECT_FALSE(t.halts);
}

TEST(TagSystem, TmbenchSampleFirstSteps) {
  // The first sample of TMBench's data set (its step_results 0..4).
  TagInstance inst;
  inst.system.m = 2;
  inst.system.alphabet = {"A", "B", "C", "D", "E"};
  for (const char* w : {"CE", "B", "DCBB", "AECD", "D"})
    inst.system.rules.push_back(*read_word(inst.system.alphabet, w));
  inst.init = *read_word(inst.system.alphabet, "DBEEAA");
  inst.steps = 4;
  EXPECT_EQ(spelled(inst, simulate(inst)),
            (std::vector<std::string>{"DBEEAA", "EEAAAECD", "AAAECDD", "AECDDCE", "CDDCECE"}));
}

TEST(TagSystem, QueueShorterThanMHaltsImmediately) {
  auto inst = prompt_example();
  inst.init = *read_word(inst.system.alphabet, "A");
  const TagTrace t = simulate(inst);
  EXPECT_EQ(t.states.size(), 1u);
  EXPECT_TRUE(t.halts);
}

TEST(TagSystem, MultiByteSymbols) {
  const std::vector<std::string> greek = {"α", "β"};
  auto w = read_word(greek, "αββ");
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(*w, (Word{0, 1, 1}));
  auto bad = read_word(greek, "αγ");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("position 1"), std::string::npos) << bad.error().message;
}

TEST(TagSystem, IdIsContentDerived) {
  const auto a = prompt_example();
  auto b = prompt_example();
  EXPECT_EQ(problem_id(a), problem_id(b));
  EXPECT_EQ(problem_id(a).rfind("tm_trace/tag/m2-", 0), 0u);
  EXPECT_EQ(problem_id(a).size(), std::string("tm_trace/tag/m2-").size() + 16);
  b.steps = 29;
  EXPECT_NE(problem_id(a), problem_id(b));
}

TEST(TagKnobs, DefaultsAreTmbenchs) {
  auto k = tag_knobs_from_json(core::Json::object());
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(k->m, 2);
  EXPECT_EQ(k->alphabet.size(), 5u);
  EXPECT_EQ(k->rule_min, 1);
  EXPECT_EQ(k->rule_max, 5);
  EXPECT_EQ(k->init_min, 2);
  EXPECT_EQ(k->init_max, 9);
  EXPECT_EQ(k->steps, 30);
}

TEST(TagKnobs, ErrorsNameTheKey) {
  auto unknown = tag_knobs_from_json({{"stepz", 3}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("\"stepz\""), std::string::npos);
  auto range = tag_knobs_from_json({{"m", 0}});
  ASSERT_FALSE(range.ok());
  EXPECT_NE(range.error().message.find("\"m\""), std::string::npos);
  auto order = tag_knobs_from_json({{"rule_min", 4}, {"rule_max", 2}});
  ASSERT_FALSE(order.ok());
  EXPECT_NE(order.error().message.find("rule_min"), std::string::npos);
  auto type = tag_knobs_from_json({{"steps", "ten"}});
  ASSERT_FALSE(type.ok());
  EXPECT_NE(type.error().message.find("\"steps\" must be an integer"), std::string::npos);
  auto alphabet = tag_knobs_from_json({{"alphabet", "AA"}});
  ASSERT_FALSE(alphabet.ok());
  EXPECT_NE(alphabet.error().message.find("repeats"), std::string::npos);
  EXPECT_FALSE(tag_knobs_from_json({{"alphabet", "A,B"}}).ok());  // ',' is reserved
}

TEST(TagKnobs, RandomInstancesRespectKnobsAndNeverStandStill) {
  TagKnobs k;
  k.steps = 40;
  core::Rng rng(7);
  for (int i = 0; i < 200; ++i) {
    auto inst = random_tag_instance(k, rng);
    ASSERT_TRUE(inst.ok());
    EXPECT_GE(inst->init.size(), 2u);
    EXPECT_LE(inst->init.size(), 9u);
    for (const auto& r : inst->system.rules) {
      EXPECT_GE(r.size(), 1u);
      EXPECT_LE(r.size(), 5u);
    }
    const auto t = simulate(*inst);
    for (size_t s = 1; s < t.states.size(); ++s) EXPECT_NE(t.states[s], t.states[s - 1]);
  }
}

TEST(TagKnobs, ImpossibleKnobsAreAnErrorNotAHang) {
  // One symbol whose rule is itself with m = 1: every state equals the one before.
  TagKnobs k;
  k.m = 1;
  k.alphabet = {"A"};
  k.rule_min = k.rule_max = 1;
  k.init_min = k.init_max = 1;
  core::Rng rng(1);
  EXPECT_FALSE(random_tag_instance(k, rng).ok());
}

TEST(TagKnobs, DifficultyGrowsWithSteps) {
  TagKnobs small, large;
  small.steps = 5;
  large.steps = 100;
  EXPECT_LT(tag_difficulty(small).score, tag_difficulty(large).score);
  EXPECT_EQ(tag_difficulty(TagKnobs{}).level, "medium");
}

TEST(TagParams, RoundTrip) {
  const auto inst = prompt_example(12);
  auto back = tag_instance_from_params(tag_params(inst));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(canonical_key(*back), canonical_key(inst));
  auto params = tag_params(inst);
  params["rules"].erase("B");
  auto missing = tag_instance_from_params(params);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("\"B\""), std::string::npos);
}

}  // namespace
}  // namespace tcs::tm_trace
