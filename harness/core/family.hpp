// Family: everything one problem family contributes — generation, prompts, the exact native
// checker, a built-in policy and its own metrics. The CLI registers families in a registry.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/checker.hpp"
#include "harness/core/expected.hpp"
#include "harness/core/policy.hpp"
#include "harness/core/problem.hpp"

namespace tcs::core {

struct GenerateRequest {
  std::string kind;     // one of Family::kinds()
  Json params;          // family-specific knobs; unknown keys are errors naming the key
  uint64_t seed = 0;
  int64_t count = 0;
};

// One checked attempt as metrics see it.
struct AttemptOutcome {
  VerdictKind verdict = VerdictKind::error;
  const Json* detail = nullptr;  // the verdict's detail (may be null or empty)
};

// Aggregates one report row's family metrics (e.g. TMBench's Uni / Lin). add() is called once
// per problem in the row with all of that problem's attempts.
class MetricsAccumulator {
 public:
  virtual ~MetricsAccumulator() = default;
  virtual void add(const Problem& problem, const std::vector<AttemptOutcome>& attempts) = 0;
  virtual OrderedJson result() const = 0;  // {"name": number, ...}
};

class Family {
 public:
  virtual ~Family() = default;
  virtual std::string_view name() const = 0;
  virtual std::vector<std::string> kinds() const = 0;
  // Same request => same problems, byte for byte. Errors name the bad parameter.
  virtual Expected<std::vector<Problem>> generate(const GenerateRequest& request) const = 0;
  // The prompt a model sees for a whole-answer attempt.
  virtual std::string prompt(const Problem& problem) const = 0;
  // The family's exact engine. A fresh instance per thread.
  virtual std::unique_ptr<Checker> native_checker() const = 0;
  // options: the part after "builtin:" (e.g. "noise=0.1"), empty for plain "builtin".
  virtual Expected<std::unique_ptr<Policy>> builtin_policy(std::string_view options) const = 0;
  virtual std::unique_ptr<MetricsAccumulator> metrics() const = 0;
  // The family's own step environment for tree search (search.backend = "native"), or null
  // when its problems have none.
  virtual std::unique_ptr<ProofEnv> native_step_env() const { return nullptr; }
};

class FamilyRegistry {
 public:
  void add(std::unique_ptr<Family> family);
  // Null when no family has that name.
  const Family* find(std::string_view name) const;
  std::vector<std::string> names() const;

 private:
  std::vector<std::unique_ptr<Family>> families_;
};

}  // namespace tcs::core
