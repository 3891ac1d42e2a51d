// Shared by the store tests: a fresh temporary directory per test and realistic rows.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "harness/core/problem.hpp"
#include "harness/store/store.hpp"

namespace tcs::store::testing {

// Each test gets its own directory under TMPDIR, removed afterwards.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "tcs_store_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string path(const std::string& name = "store.db") const { return (dir_ / name).string(); }

  std::unique_ptr<Store> open_store(const std::string& name = "store.db") const {
    auto store = Store::open(path(name));
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message);
    return store.ok() ? std::move(*store) : nullptr;
  }

  std::filesystem::path dir_;
};

inline core::Problem make_problem(const std::string& key, double score = 1.0) {
  core::Problem p;
  p.id = "test/toy/" + key;
  p.family = "test";
  p.kind = "toy";
  p.params = {{"key", key}, {"n", 3}};
  p.difficulty = {"easy", score};
  p.statements = {{"lean", "theorem t : True := sorry"}, {"native", key}};
  p.informal = "Is *" + key + "* true?";
  p.answer = {{"value", true}};
  return p;
}

inline std::vector<core::Problem> make_problems(int n) {
  std::vector<core::Problem> out;
  for (int i = 0; i < n; ++i) out.push_back(make_problem("p" + std::to_string(i), i));
  return out;
}

// A deterministic attempt: every field depends on (problem, index), so a stored row can be
// compared with the row that was meant to be written.
inline AttemptRow make_attempt(int64_t run_id, const std::string& problem_id, int64_t index) {
  AttemptRow row;
  row.run_id = run_id;
  row.problem_id = problem_id;
  row.attempt_index = index;
  row.policy = "builtin:noise=0.1";
  row.backend = index % 2 ? "z3" : "native";
  row.mode = "whole";
  row.candidate = std::string(280, 'x') + "#" + problem_id + "/" + std::to_string(index);
  row.verdict = static_cast<core::VerdictKind>(index % 5);
  row.message = "message " + std::to_string(index);
  row.detail_json = R"({"steps":)" + std::to_string(index) + R"(,"correct":[true,false]})";
  row.seconds = 0.001 * static_cast<double>(index);
  row.work = index * 7;
  if (index % 3) row.logprob = -0.5 * static_cast<double>(index);
  row.prompt_tokens = 100 + index;
  row.completion_tokens = 200 + index;
  return row;
}

inline bool same_attempt(const AttemptRow& a, const AttemptRow& b) {
  return a.run_id == b.run_id && a.problem_id == b.problem_id &&
         a.attempt_index == b.attempt_index && a.policy == b.policy && a.backend == b.backend &&
         a.mode == b.mode && a.candidate == b.candidate && a.verdict == b.verdict &&
         a.message == b.message && a.detail_json == b.detail_json && a.seconds == b.seconds &&
         a.work == b.work && a.logprob == b.logprob && a.prompt_tokens == b.prompt_tokens &&
         a.completion_tokens == b.completion_tokens;
}

}  // namespace tcs::store::testing
