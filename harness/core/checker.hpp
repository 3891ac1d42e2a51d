// Checker: the one question every back-end answers — is this candidate a correct answer or
// proof of this problem?
#pragma once

#include <string_view>

#include "harness/core/candidate.hpp"
#include "harness/core/limits.hpp"
#include "harness/core/problem.hpp"
#include "harness/core/verdict.hpp"

namespace tcs::core {

class Checker {
 public:
  virtual ~Checker() = default;
  // The back-end name written in attempts ("native", "z3", "lean", "coq").
  virtual std::string_view backend() const = 0;
  // Checks from scratch: no state from earlier calls may influence the verdict, so the same
  // call on a fresh Checker gives the same verdict (this is what re-checking relies on).
  // Never throws for bad candidates: malformed text is a `rejected` verdict saying why.
  // May be called from several threads at once only if the implementation says so.
  virtual Verdict check(const Problem& problem, const Candidate& candidate,
                        const Limits& limits) = 0;
};

}  // namespace tcs::core
