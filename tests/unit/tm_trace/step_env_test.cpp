// The trace step environment: the exact policy walks a trace block by block, wrong and
// malformed blocks are refused, the assembled answer passes the native checker; and a tree
// search through the runner (search.backend = native) stores only re-checked answers.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "generators/tm_trace/builtin_policy.hpp"
#include "generators/tm_trace/family.hpp"
#include "generators/tm_trace/problems.hpp"
#include "generators/tm_trace/step_env.hpp"
#include "harness/runner/run.hpp"

namespace tcs::tm_trace {
namespace {

std::string propose_step(core::Policy& policy, const core::Problem& p, const core::Goal& goal,
                         int64_t index = 0) {
  core::PolicyQuery q{&p, goal.text, core::CandidateMode::step, index, 1, 3};
  auto c = policy.propose(q);
  EXPECT_TRUE(c.ok()) << c.error().message;
  return c->at(0).text;
}

TEST(TraceStepEnv, TheExactPolicyWalksEveryKindToAProofTheCheckerAccepts) {
  auto exact = make_builtin_policy({0.0});
  for (const char* kind : {"tag", "tape"}) {
    auto problems = kind == std::string("tag") ? generate_tag(core::Json::object(), 5, 2)
                                               : generate_tape(core::Json::object(), 5, 2);
    ASSERT_TRUE(problems.ok());
    for (const auto& p : *problems) {
      TraceStepEnv env;
      auto goal = env.open(p);
      ASSERT_TRUE(goal.ok()) << goal.error().message;
      core::ProofTree proof, *at = &proof;
      int64_t steps = 0;
      for (core::Goal g = *goal;; ++steps) {
        const std::string block = propose_step(*exact, p, g);
        auto r = env.apply(g, block, {});
        ASSERT_TRUE(r.verdict.ok()) << p.id << " step " << steps << ": " << r.verdict.message;
        at->tactic = block;
        if (r.subgoals.empty()) break;
        ASSERT_EQ(r.subgoals.size(), 1u);
        at->subproofs.push_back({});
        at = &at->subproofs.back();
        g = r.subgoals[0];
      }
      auto answer = env.assemble_proof(p, proof);
      ASSERT_TRUE(answer.ok());
      const auto v = make_native_checker()->check(p, {*answer, "native", core::CandidateMode::answer, {}}, {});
      EXPECT_TRUE(v.ok()) << p.id << ": " << v.message;
      EXPECT_EQ(v.detail["steps"].get<int64_t>(), steps + 1);
    }
  }
}

TEST(TraceStepEnv, WrongAndMalformedBlocksAreRefused) {
  auto problems = generate_tag(core::Json::object(), 9, 1);
  ASSERT_TRUE(problems.ok());
  const core::Problem& p = problems->front();
  TraceStepEnv env;
  auto root = env.open(p);
  ASSERT_TRUE(root.ok());
  auto exact = make_builtin_policy({0.0});
  const std::string step0 = propose_step(*exact, p, *root);
  auto first = env.apply(*root, step0, {});
  ASSERT_TRUE(first.verdict.ok());
  const core::Goal one = first.subgoals.at(0);
  EXPECT_EQ(step_of_goal(one.text), 1);

  const std::string step1 = propose_step(*exact, p, one);
  // Another step's block, two blocks at once, a corrupted state: all refused.
  EXPECT_FALSE(env.apply(one, step0, {}).verdict.ok());
  EXPECT_FALSE(env.apply(one, step1 + "\n" + step1, {}).verdict.ok());
  auto noisy = make_builtin_policy({1.0});
  const auto wrong = env.apply(one, propose_step(*noisy, p, one), {});
  EXPECT_EQ(wrong.verdict.kind, core::VerdictKind::rejected) << wrong.verdict.message;
  EXPECT_TRUE(env.apply(one, step1, {}).verdict.ok());
  EXPECT_FALSE(env.apply({"step 99", "step 99"}, step1, {}).verdict.ok());
}

TEST(TraceStepEnv, BestFirstThroughTheRunnerStoresReCheckedAnswers) {
  core::FamilyRegistry families;
  families.add(make_family());
  core::BackendRegistry backends;
  const auto dir = std::filesystem::temp_directory_path() / ("tcs_trace_search_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto store = store::Store::open((dir / "run.db").string());
  ASSERT_TRUE(store.ok());
  runner::RunConfig config;
  config.seed = 4;
  config.policy = "builtin:noise=0.1";
  config.strategy = "best_first";
  config.budget = "1x3x60";
  config.search_backend = "native";
  config.sources.push_back({"tm_trace", "tag", 3, {{"steps", 6}}, ""});
  const runner::RunParts parts{families, &backends};
  auto problems = runner::prepare_run(config, parts);
  ASSERT_TRUE(problems.ok()) << problems.error().message;
  auto run = runner::create_run(**store, config, *problems, "test");
  ASSERT_TRUE(run.ok());
  core::Env env;
  auto summary = runner::execute_run(**store, *run, parts, env, {});
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  const auto proofs = (*store)->proofs(*run);
  EXPECT_EQ(proofs.size(), 3u) << "noise 0.1 with width 3 should not defeat 60 expansions";
  for (const auto& proof : proofs) {
    const core::Problem* p = nullptr;
    for (const auto& q : *problems)
      if (q.id == proof.problem_id) p = &q;
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(proof.backend, "native");
    EXPECT_TRUE(make_native_checker()->check(*p, {proof.text, "native", core::CandidateMode::answer, {}}, {}).ok());
  }
  store->reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tcs::tm_trace
