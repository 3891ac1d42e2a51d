// Anthropic Messages responses: content blocks ("text", "thinking"), stop_reason, usage; and the
// event stream (message_start, content_block_delta, message_delta).
#include "harness/endpoints/wire.hpp"

namespace tcs::endpoints {

using Json = nlohmann::json;

namespace {

std::string str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void read_usage(const Json& j, Usage& usage) {
  auto u = j.find("usage");
  if (u == j.end() || !u->is_object()) return;
  if (u->contains("input_tokens")) usage.prompt_tokens = u->value("input_tokens", int64_t{0});
  if (u->contains("output_tokens"))
    usage.completion_tokens = u->value("output_tokens", int64_t{0});
}

// Adds one block or delta; returns whether it carried answer text.
bool add_block(const Json& block, Choice& choice) {
  if (!block.is_object()) return false;
  const std::string type = str(block, "type");
  if (type == "thinking" || type == "thinking_delta") {
    choice.reasoning += str(block, "thinking");
    return false;
  }
  if ((type == "text" || type == "text_delta") && block.contains("text") &&
      block["text"].is_string()) {
    choice.text += block["text"].get<std::string>();
    return true;
  }
  return false;
}

core::Expected<CompletionResponse> one_choice(CompletionResponse out, Choice choice, bool text) {
  if (!text) return core::bad_input("malformed body: the message has no text block");
  out.choices.push_back(std::move(choice));
  return out;
}

}  // namespace

core::Expected<CompletionResponse> parse_anthropic(const Json& body) {
  if (str(body, "type") == "error" || body.contains("error"))
    return core::bad_input("error in body: " + error_message(body.dump()));
  auto content = body.find("content");
  if (content == body.end() || !content->is_array())
    return core::bad_input("malformed body: missing \"content\"");
  CompletionResponse out;
  out.id = str(body, "id");
  out.model = str(body, "model");
  read_usage(body, out.usage);
  Choice choice;
  choice.finish_reason = str(body, "stop_reason");
  bool text = false;
  for (const Json& block : *content) text = add_block(block, choice) || text;
  return one_choice(std::move(out), std::move(choice), text);
}

core::Expected<CompletionResponse> parse_anthropic_stream(std::string_view events) {
  CompletionResponse out;
  Choice choice;
  bool text = false, stopped = false;
  for (const std::string& data : sse_data(events)) {
    Json e = Json::parse(data, nullptr, false);
    if (e.is_discarded() || !e.is_object())
      return core::bad_input("malformed stream: an event is not a JSON object");
    const std::string type = str(e, "type");
    if (type == "error") return core::bad_input("error in stream: " + error_message(data));
    if (type == "message_start" && e.contains("message") && e["message"].is_object()) {
      out.id = str(e["message"], "id");
      out.model = str(e["message"], "model");
      read_usage(e["message"], out.usage);
    } else if (type == "content_block_start" && e.contains("content_block")) {
      text = add_block(e["content_block"], choice) || text;
      text = text || str(e["content_block"], "type") == "text";
    } else if (type == "content_block_delta" && e.contains("delta")) {
      text = add_block(e["delta"], choice) || text;
    } else if (type == "message_delta") {
      if (e.contains("delta") && e["delta"].is_object())
        choice.finish_reason = str(e["delta"], "stop_reason");
      read_usage(e, out.usage);
    } else if (type == "message_stop") {
      stopped = true;
    }
  }
  if (!stopped) return core::bad_input("malformed stream: ended before message_stop");
  return one_choice(std::move(out), std::move(choice), text);
}

}  // namespace tcs::endpoints
