// What an endpoint is asked and what it answers, independent of the wire format.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tcs::endpoints {

struct Message {
  std::string role;  // "system", "user", "assistant"
  std::string content;
};

// One completion request. Unset optionals fall back to the endpoint's configured defaults.
struct CompletionRequest {
  std::vector<Message> messages;  // chat / messages APIs; a "system" message goes top-level
                                  // for Anthropic
  std::string prompt;             // the completions API (openai, api = "completions")
  int64_t n = 1;                  // sent only when the endpoint supports n
  std::optional<double> temperature;
  std::optional<double> top_p;
  std::optional<int64_t> max_tokens;
  std::optional<std::vector<std::string>> stop;
  std::optional<uint64_t> seed;
  std::optional<bool> logprobs;
};

struct Choice {
  std::string text;
  std::string reasoning;          // reasoning_content / reasoning / thinking blocks
  std::optional<double> logprob;  // summed token log-probability, when the endpoint gave it
  std::string finish_reason;
};

struct Usage {
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
};

struct CompletionResponse {
  std::vector<Choice> choices;
  Usage usage;
  std::string id;     // the provider's response id
  std::string model;  // the model the provider says answered
  double latency_s = 0;
  bool from_cache = false;
  int64_t attempts = 1;                    // network attempts this response took
  std::vector<std::string> retry_causes;   // one per failed attempt before it
};

}  // namespace tcs::endpoints
