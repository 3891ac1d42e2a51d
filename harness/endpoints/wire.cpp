#include "harness/endpoints/wire.hpp"

#include "harness/core/text.hpp"

namespace tcs::endpoints {

using Json = nlohmann::json;

namespace {

void put_sampling(const EndpointConfig& c, const CompletionRequest& r, Json& body) {
  if (auto t = r.temperature ? r.temperature : c.temperature) body["temperature"] = *t;
  if (auto p = r.top_p ? r.top_p : c.top_p) body["top_p"] = *p;
  const auto& stop = r.stop ? *r.stop : c.stop;
  if (!stop.empty()) body[c.protocol == Protocol::anthropic ? "stop_sequences" : "stop"] = stop;
  if (c.stream) body["stream"] = true;
}

std::string openai_body(const EndpointConfig& c, const CompletionRequest& r) {
  Json body = {{"model", c.model}};
  if (c.api == "chat") {
    body["messages"] = Json::array();
    for (const auto& m : r.messages)
      body["messages"].push_back({{"role", m.role}, {"content", m.content}});
  } else {
    body["prompt"] = r.prompt;
  }
  if (c.supports_n && r.n != 1) body["n"] = r.n;
  body[c.max_tokens_field] = r.max_tokens.value_or(c.max_tokens);
  put_sampling(c, r, body);
  if (c.stream) body["stream_options"] = {{"include_usage", true}};
  if (r.seed && c.send_seed) body["seed"] = static_cast<int64_t>(*r.seed >> 1);  // fits int64
  if (r.logprobs.value_or(c.logprobs)) {
    if (c.api == "chat") body["logprobs"] = true;
    else body["logprobs"] = 1;  // completions: number of top logprobs; token_logprobs come too
  }
  return body.dump();
}

std::string anthropic_body(const EndpointConfig& c, const CompletionRequest& r) {
  Json body = {{"model", c.model}, {"max_tokens", r.max_tokens.value_or(c.max_tokens)}};
  std::string system;
  Json messages = Json::array();
  for (const auto& m : r.messages) {
    if (m.role == "system") system += (system.empty() ? "" : "\n\n") + m.content;
    else messages.push_back({{"role", m.role}, {"content", m.content}});
  }
  if (!system.empty()) body["system"] = system;
  body["messages"] = std::move(messages);
  put_sampling(c, r, body);
  return body.dump();
}

}  // namespace

std::string request_url(const EndpointConfig& c) {
  if (c.protocol == Protocol::anthropic) return c.base_url + "/messages";
  return c.base_url + (c.api == "chat" ? "/chat/completions" : "/completions");
}

std::vector<std::string> request_headers(const EndpointConfig& c) {
  if (c.protocol == Protocol::anthropic)
    return {"Content-Type: application/json", "anthropic-version: " + c.anthropic_version};
  return {"Content-Type: application/json"};
}

std::string request_body(const EndpointConfig& config, const CompletionRequest& request) {
  return config.protocol == Protocol::openai ? openai_body(config, request)
                                             : anthropic_body(config, request);
}

WireRequest build_request(const EndpointConfig& config, const CompletionRequest& request) {
  return {request_url(config), request_body(config, request), request_headers(config)};
}

std::string key_header(const EndpointConfig& config, const std::string& key) {
  return config.protocol == Protocol::openai ? "Authorization: Bearer " + key
                                             : "x-api-key: " + key;
}

core::Expected<CompletionResponse> parse_response(const EndpointConfig& config,
                                                  std::string_view body, bool stream) {
  if (stream)
    return config.protocol == Protocol::openai ? parse_openai_stream(body)
                                               : parse_anthropic_stream(body);
  return read_body(config, body);
}

std::vector<std::string> sse_data(std::string_view events) {
  std::vector<std::string> out;
  std::string current;
  bool have = false;
  for (std::string_view line : core::split(events, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {  // an empty line ends an event
      if (have && current != "[DONE]") out.push_back(current);
      current.clear();
      have = false;
    } else if (core::starts_with(line, "data:")) {
      std::string_view data = line.substr(5);
      if (!data.empty() && data.front() == ' ') data.remove_prefix(1);
      if (have) current += '\n';
      current.append(data);
      have = true;
    }
  }
  if (have && current != "[DONE]") out.push_back(current);
  return out;
}

std::string error_message(std::string_view body) {
  Json json = Json::parse(body, nullptr, false);
  std::string message;
  if (json.is_object() && json.contains("error")) {
    const Json& e = json["error"];
    if (e.is_object() && e.contains("message") && e["message"].is_string())
      message = e["message"].get<std::string>();
    else if (e.is_string())
      message = e.get<std::string>();
  }
  if (message.empty()) message = std::string(body.substr(0, 200));
  return core::quote(message, 200);
}

}  // namespace tcs::endpoints
