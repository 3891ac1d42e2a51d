#include "harness/search/sample.hpp"

#include "harness/core/contract.hpp"
#include "harness/core/env.hpp"

namespace tcs::search {

double pass_at_k(int64_t n, int64_t c, int64_t k) {
  TCS_REQUIRE(0 <= c && c <= n && 1 <= k && k <= n, "pass@k needs 0<=c<=n, 1<=k<=n");
  if (n - c < k) return 1.0;
  // C(n-c, k) / C(n, k) = prod_{i=n-c+1}^{n} (1 - k/i), stable for large n.
  double miss = 1.0;
  for (int64_t i = n - c + 1; i <= n; ++i) miss *= 1.0 - static_cast<double>(k) / i;
  return 1.0 - miss;
}

namespace {

core::Verdict timed_check(core::Checker& checker, const core::Problem& problem,
                          const core::Candidate& candidate, const core::Limits& limits) {
  core::Stopwatch watch;
  core::Verdict verdict = checker.check(problem, candidate, limits);
  verdict.seconds = watch.seconds();
  return verdict;
}

SampleOutcome check_one(const core::Problem& problem, int64_t index, core::Candidate candidate,
                        CheckerSource& checkers, const core::Limits& limits) {
  SampleOutcome out{index, std::move(candidate), {}, false};
  core::Checker* checker = checkers.reused(out.candidate.backend);
  if (!checker) {
    out.verdict = core::Verdict::failed("no back-end \"" + out.candidate.backend +
                                        "\" in this build or on this machine");
    return out;
  }
  out.verdict = timed_check(*checker, problem, out.candidate, limits);
  if (!out.verdict.ok()) return out;
  // Never trust the first check: a fresh checker must agree before this counts as a proof.
  auto fresh = checkers.fresh(out.candidate.backend);
  core::Verdict second = fresh ? fresh->check(problem, out.candidate, limits)
                               : core::Verdict::failed("back-end vanished");
  if (second.ok()) {
    out.rechecked = true;
    return out;
  }
  out.verdict.kind = core::VerdictKind::error;
  out.verdict.message = "soundness alarm: first check verified, re-check said " +
                        std::string(core::to_string(second.kind)) + ": " + second.message;
  return out;
}

}  // namespace

core::Status sample_problem(const core::Problem& problem, const std::string& prompt,
                            const std::vector<int64_t>& indices, uint64_t seed,
                            core::Policy& policy, CheckerSource& checkers,
                            const core::Limits& limits, std::vector<SampleOutcome>& out) {
  size_t i = 0;
  while (i < indices.size()) {
    size_t j = i + 1;  // extend to the longest contiguous run of indices
    while (j < indices.size() && indices[j] == indices[j - 1] + 1) ++j;
    core::PolicyQuery query{&problem, prompt, core::CandidateMode::answer, indices[i],
                            static_cast<int64_t>(j - i), seed};
    auto candidates = policy.propose(query);
    if (!candidates) return candidates.error();
    TCS_REQUIRE(candidates->size() == j - i, "policy returned the wrong number of candidates");
    for (size_t c = 0; c < candidates->size(); ++c)
      out.push_back(
          check_one(problem, indices[i + c], std::move((*candidates)[c]), checkers, limits));
    i = j;
  }
  return {};
}

}  // namespace tcs::search
