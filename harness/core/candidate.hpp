// Candidate: what a policy produced, before any back-end has looked at it.
#pragma once

#include <optional>
#include <string>

namespace tcs::core {

enum class CandidateMode { whole, step, answer };

std::string_view to_string(CandidateMode mode);

// Where a candidate came from: which endpoint, which request, how likely the model found it.
struct Provenance {
  std::string endpoint;    // "builtin", "builtin:noise=0.1", an endpoint name
  std::string request_id;  // the endpoint's id, or a deterministic one for built-in policies
  std::optional<double> logprob;  // summed token log-probability, when the endpoint gives it
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
};

struct Candidate {
  std::string text;
  std::string backend;  // the back-end it targets: "native", "lean", "coq", "z3"
  CandidateMode mode = CandidateMode::answer;
  Provenance provenance;
};

}  // namespace tcs::core
