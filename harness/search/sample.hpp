// sample: k whole candidates per problem, each checked from scratch; and pass@k.
#pragma once

#include <cstdint>
#include <string_view>
#include <memory>
#include <vector>

#include "harness/core/checker.hpp"
#include "harness/core/policy.hpp"

namespace tcs::search {

// Unbiased estimator of pass@k from n samples of which c are correct (Chen et al., 2021):
// 1 - C(n-c, k) / C(n, k). Requires 0 <= c <= n and 1 <= k <= n.
double pass_at_k(int64_t n, int64_t c, int64_t k);

// One checked sample.
struct SampleOutcome {
  int64_t index = 0;
  core::Candidate candidate;
  core::Verdict verdict;
  // True when the candidate was verified and an independent fresh checker verified it again:
  // only then may it be stored as a proof.
  bool rechecked = false;
};

// Where sampling gets the checker for the back-end a candidate names (Candidate::backend).
class CheckerSource {
 public:
  virtual ~CheckerSource() = default;
  // A checker the caller may keep reusing; null when this build has no such back-end.
  virtual core::Checker* reused(std::string_view backend) = 0;
  // A new checker that has seen nothing yet (for re-checks); null as above.
  virtual std::unique_ptr<core::Checker> fresh(std::string_view backend) = 0;
};

// Proposes and checks the samples `indices` (ascending) of one problem. Contiguous indices
// are asked of the policy in one query (an endpoint may answer them with one request).
// A verified candidate is re-checked by a fresh checker; if the second opinion differs the
// outcome becomes an `error` verdict (a soundness alarm, never verified). A candidate for a
// back-end this build lacks gets an `error` verdict saying so.
// Returns the policy's Error when it could not propose; outcomes before it are kept in `out`.
core::Status sample_problem(const core::Problem& problem, const std::string& prompt,
                            const std::vector<int64_t>& indices, uint64_t seed,
                            core::Policy& policy, CheckerSource& checkers,
                            const core::Limits& limits, std::vector<SampleOutcome>& out);

}  // namespace tcs::search
