// The wire formats: OpenAI chat completions / completions and Anthropic Messages, as pure
// functions from a request to a body and from a body to a response, so they are testable
// without a network and a cached body re-parses to the same response.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/core/expected.hpp"
#include "harness/endpoints/config.hpp"
#include "harness/endpoints/types.hpp"

namespace tcs::endpoints {

struct WireRequest {
  std::string url;
  std::string body;                  // JSON; never holds the key
  std::vector<std::string> headers;  // "Name: value", without the key's header
};

// Every request of an endpoint goes to one URL with the same headers.
std::string request_url(const EndpointConfig& config);
std::vector<std::string> request_headers(const EndpointConfig& config);  // without the key's
// The request as sent. n is sent only when config.supports_n (callers split otherwise).
WireRequest build_request(const EndpointConfig& config, const CompletionRequest& request);
std::string request_body(const EndpointConfig& config, const CompletionRequest& request);  // its body
// The header carrying the key: "Authorization: Bearer K" or "x-api-key: K".
std::string key_header(const EndpointConfig& config, const std::string& key);

// Parses a 200 body (a JSON object, or server-sent events when `stream`). Anything malformed —
// not JSON, invalid UTF-8, missing choices, a choice without text — is an Error saying what.
core::Expected<CompletionResponse> parse_response(const EndpointConfig& config,
                                                  std::string_view body, bool stream);

// A whole (non-streamed) body, read from the parser's events without a DOM: the fast path of
// parse_response, answering as parse_openai / parse_anthropic do on the parsed document.
core::Expected<CompletionResponse> read_body(const EndpointConfig& config, std::string_view body);

// Protocol pieces, exposed for the tests and the fake server.
core::Expected<CompletionResponse> parse_openai(const nlohmann::json& body);
core::Expected<CompletionResponse> parse_openai_stream(std::string_view events);
core::Expected<CompletionResponse> parse_anthropic(const nlohmann::json& body);
core::Expected<CompletionResponse> parse_anthropic_stream(std::string_view events);
// The "data:" payloads of a server-sent-event stream, in order ("[DONE]" dropped).
std::vector<std::string> sse_data(std::string_view events);
// The provider's error message in an error body ({"error":{"message":..}}), cut short; or "".
std::string error_message(std::string_view body);

}  // namespace tcs::endpoints
