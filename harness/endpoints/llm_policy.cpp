#include "harness/endpoints/llm_policy.hpp"

#include "harness/core/hash.hpp"

namespace tcs::endpoints {

LlmPolicy::LlmPolicy(Endpoint& endpoint, PromptTemplate answer_template,
                     PromptTemplate step_template)
    : endpoint_(endpoint),
      template_(std::move(answer_template)),
      step_template_(std::move(step_template)) {}

std::string LlmPolicy::name() const { return "endpoint:" + endpoint_.config().name; }

CompletionRequest LlmPolicy::request_for(const std::string& prompt, uint64_t seed,
                                         int64_t n) const {
  CompletionRequest r;
  const EndpointConfig& c = endpoint_.config();
  if (!c.system.empty()) r.messages.push_back({"system", c.system});
  r.messages.push_back({"user", prompt});
  r.prompt = c.system.empty() ? prompt : c.system + "\n\n" + prompt;
  r.n = n;
  r.seed = seed;
  return r;
}

core::Expected<LlmPolicy::Pending> LlmPolicy::submit(const core::PolicyQuery& query) {
  TCS_REQUIRE(query.problem != nullptr && query.count >= 1, "a query needs a problem and count");
  auto prompt = render(template_for(query), query);
  if (!prompt) return prompt.error();
  const std::string& id = query.problem->id;
  Pending pending;
  if (endpoint_.config().supports_n) {
    pending.push_back(endpoint_.complete(
        request_for(*prompt, core::derive_seed(query.seed, id, query.first_index), query.count)));
  } else {
    for (int64_t j = 0; j < query.count; ++j)
      pending.push_back(endpoint_.complete(
          request_for(*prompt, core::derive_seed(query.seed, id, query.first_index + j), 1)));
  }
  return pending;
}

core::Expected<std::vector<core::Candidate>> LlmPolicy::collect(core::Expected<Pending> pending,
                                                                const core::PolicyQuery& query) {
  if (!pending) return pending.error();
  std::vector<Endpoint::Result> results;
  for (auto& f : *pending) {
    try {
      results.push_back(f.get());
    } catch (const std::future_error&) {  // the pool shut down while it waited for a retry
      results.push_back(core::Error{core::ErrorCode::cancelled,
                                    "endpoint " + endpoint_.config().name + ": shut down"});
    }
  }
  return candidates(results, query);
}

core::Expected<std::vector<core::Candidate>> LlmPolicy::propose(const core::PolicyQuery& query) {
  return collect(submit(query), query);
}

std::vector<core::Expected<std::vector<core::Candidate>>> LlmPolicy::propose_batch(
    std::span<const core::PolicyQuery> queries) {
  std::vector<core::Expected<Pending>> pending;
  for (const auto& q : queries) pending.push_back(submit(q));
  std::vector<core::Expected<std::vector<core::Candidate>>> out;
  for (size_t i = 0; i < queries.size(); ++i)
    out.push_back(collect(std::move(pending[i]), queries[i]));
  return out;
}

core::Expected<std::vector<core::Candidate>> LlmPolicy::candidates(
    const std::vector<Endpoint::Result>& results, const core::PolicyQuery& query) const {
  const EndpointConfig& c = endpoint_.config();
  const PromptTemplate& t = template_for(query);
  const std::string backend = t.backend.empty() ? c.backend : t.backend;
  const std::string extract = t.extract.empty() ? c.extract : t.extract;
  std::vector<core::Candidate> out;
  for (const auto& r : results) {
    if (!r) return r.error();
    for (size_t i = 0; i < r->choices.size() && static_cast<int64_t>(out.size()) < query.count; ++i) {
      const Choice& choice = r->choices[i];
      core::Candidate cand;
      cand.text = extract_answer(choice.text, extract);
      cand.backend = backend;
      cand.mode = query.mode;
      cand.provenance.endpoint = c.name;
      cand.provenance.request_id = r->id + "#" + std::to_string(i);
      cand.provenance.logprob = choice.logprob;
      if (i == 0) {  // usage is per response; the first candidate carries it so sums are right
        cand.provenance.prompt_tokens = r->usage.prompt_tokens;
        cand.provenance.completion_tokens = r->usage.completion_tokens;
      }
      out.push_back(std::move(cand));
    }
  }
  if (static_cast<int64_t>(out.size()) != query.count)
    return core::Error{core::ErrorCode::io,
                       "endpoint " + c.name + ": asked for " + std::to_string(query.count) +
                           " choices, got " + std::to_string(out.size()) +
                           " (set supports_n = false if the server ignores n)"};
  return out;
}

}  // namespace tcs::endpoints
