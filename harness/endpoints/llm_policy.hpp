// LlmPolicy: a core::Policy backed by an Endpoint and a prompt template.
//
// propose(query) asks for query.count candidates: with `n` in one request where the endpoint
// supports it, else with count parallel requests. Each request carries a deterministic seed
// derived from (run seed, problem id, sample index), so with recorded responses (the cache or a
// replay endpoint) the same query gives the same candidates. The summed token logprob of a
// choice becomes Candidate::provenance.logprob. An endpoint that still fails after its retries
// makes propose() return the Error, so the runner leaves those samples for resume.
#pragma once

#include <future>
#include <memory>
#include <span>
#include <string>

#include "harness/core/policy.hpp"
#include "harness/endpoints/endpoint.hpp"
#include "harness/endpoints/prompt.hpp"

namespace tcs::endpoints {

class LlmPolicy : public core::Policy {
 public:
  // Step queries (tree search) use step_template; answer and whole queries answer_template.
  LlmPolicy(Endpoint& endpoint, PromptTemplate answer_template,
            PromptTemplate step_template);
  std::string name() const override;
  core::Expected<std::vector<core::Candidate>> propose(const core::PolicyQuery& query) override;
  // Every request of every query goes out before the first answer is awaited.
  std::vector<core::Expected<std::vector<core::Candidate>>> propose_batch(
      std::span<const core::PolicyQuery> queries) override;

 private:
  using Pending = std::vector<std::future<Endpoint::Result>>;
  core::Expected<Pending> submit(const core::PolicyQuery& query);
  core::Expected<std::vector<core::Candidate>> collect(core::Expected<Pending> pending,
                                                       const core::PolicyQuery& query);
  CompletionRequest request_for(const std::string& prompt, uint64_t seed, int64_t n) const;
  core::Expected<std::vector<core::Candidate>> candidates(
      const std::vector<Endpoint::Result>& results, const core::PolicyQuery& query) const;

  const PromptTemplate& template_for(const core::PolicyQuery& query) const {
    return query.mode == core::CandidateMode::step ? step_template_ : template_;
  }

  Endpoint& endpoint_;
  PromptTemplate template_;
  PromptTemplate step_template_;
};

}  // namespace tcs::endpoints
