// Endpoint configuration: one TOML table per endpoint, `[endpoints.NAME]`.
//
//   cache = "endpoints-cache.db"      # optional; relative to this file; "" disables the cache
//   [endpoints.local]
//   kind = "openai"                   # openai | anthropic | replay
//   base_url = "http://127.0.0.1:8000/v1"
//   model = "qwen"
//   api_key_env = "LOCAL_KEY"         # the key is read from this variable, never from the file
//
// Provider differences (vLLM, llama.cpp, Ollama, OpenAI, DeepSeek) are settings here, not code:
// whether `n` and logprobs are supported, which max-token field is sent, and so on. See
// benchmarks/endpoints/endpoints.toml for every key with its default.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/core/expected.hpp"

namespace tcs::endpoints {

enum class Protocol { openai, anthropic };
std::string_view to_string(Protocol protocol);

struct EndpointConfig {
  std::string name;
  Protocol protocol = Protocol::openai;
  bool replay = false;          // kind = "replay": recorded responses only, never the network
  std::string api = "chat";     // openai: "chat" (chat/completions) or "completions"
  std::string base_url;         // up to and including the version: "https://api.openai.com/v1"
  std::string model;
  std::string api_key_env;      // empty: no key is sent
  std::string anthropic_version = "2023-06-01";

  // Sampling defaults; a request's own values win.
  std::optional<double> temperature;
  std::optional<double> top_p;
  int64_t max_tokens = 1024;
  std::string max_tokens_field = "max_tokens";  // or "max_completion_tokens" (OpenAI o-series)
  std::vector<std::string> stop;
  bool supports_n = true;          // false: n candidates = n parallel requests
  bool logprobs = true;            // ask for token logprobs (summed per choice)
  bool send_seed = true;           // pass the deterministic per-sample seed
  bool stream = false;             // server-sent events

  // Reliability.
  int64_t concurrency = 64;        // requests in flight at once
  double rate_per_second = 0;      // token bucket; 0 = unlimited
  double burst = 0;                // bucket size; 0 = max(1, rate_per_second)
  int64_t max_attempts = 6;        // network attempts per request, retries included
  double backoff_initial_s = 0.5;  // first retry delay, doubled per retry, full jitter
  double backoff_max_s = 30;
  double retry_after_max_s = 120;  // a longer Retry-After is capped to this
  double connect_timeout_s = 10;
  double timeout_s = 600;          // whole request (not streaming)
  double stream_idle_s = 60;       // streaming: abort when no byte arrives for this long
  int64_t max_body_bytes = 16 << 20;

  // Prompting.
  std::string prompts_dir;         // holds <family>/<mode>.txt; empty: the family's own prompt
  std::string system;              // an optional system message
  std::string backend = "native";  // back-end the candidates target
  std::string extract = "whole";   // "whole" reply, or the "last_code_block" of it
};

struct EndpointsConfig {
  std::string source;      // the file it was read from, for messages
  std::string cache_path;  // SQLite response cache; empty = no cache
  std::map<std::string, EndpointConfig> endpoints;

  const EndpointConfig* find(const std::string& name) const;
};

// Parses a whole endpoints file. Errors say FILE:LINE: what was expected; unknown keys are errors.
core::Expected<EndpointsConfig> parse_endpoints(const std::string& toml_text,
                                                const std::string& source);
core::Expected<EndpointsConfig> load_endpoints(const std::string& path);

// The API key from the endpoint's variable ("" when none is configured). An error when the
// variable is named but unset; the message names the variable, never a value.
core::Expected<std::string> api_key(const EndpointConfig& config);

}  // namespace tcs::endpoints
