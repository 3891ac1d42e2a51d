// Policy: proposes candidates for a problem (whole answers) or a goal (tactics).
// Lives in core, not search, because each family ships a built-in policy and families depend on
// core only.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "harness/core/candidate.hpp"
#include "harness/core/expected.hpp"
#include "harness/core/problem.hpp"

namespace tcs::core {

struct PolicyQuery {
  const Problem* problem = nullptr;
  std::string prompt;     // the family's prompt (or a goal's text in step mode)
  CandidateMode mode = CandidateMode::answer;
  int64_t first_index = 0;  // index of the first requested sample within the problem
  int64_t count = 1;        // how many candidates to propose
  uint64_t seed = 0;        // the run's seed; sample i uses derive_seed(seed, problem id, i)
};

class Policy {
 public:
  virtual ~Policy() = default;
  // A name for reports and provenance: "builtin", "builtin:noise=0.1", an endpoint name.
  virtual std::string name() const = 0;
  // Exactly query.count candidates, candidate j being sample first_index + j. Deterministic:
  // the same query gives the same candidates (resume depends on it). An Error means the
  // policy could not answer at all (endpoint down after retries).
  virtual Expected<std::vector<Candidate>> propose(const PolicyQuery& query) = 0;
  // Several queries at once (e.g. one per goal a search has in flight, across problems). The
  // answers are in query order, each as propose() would give it. The default asks propose() in
  // turn; a policy behind an endpoint overrides it to keep all requests in flight together.
  virtual std::vector<Expected<std::vector<Candidate>>> propose_batch(
      std::span<const PolicyQuery> queries) {
    std::vector<Expected<std::vector<Candidate>>> out;
    out.reserve(queries.size());
    for (const PolicyQuery& query : queries) out.push_back(propose(query));
    return out;
  }
  // Estimated probability that the goal is provable, when the policy can tell.
  virtual std::optional<double> value(const Problem&, const std::string& /*goal*/) {
    return std::nullopt;
  }
};

}  // namespace tcs::core
