// OpenAI-compatible responses (OpenAI, vLLM, llama.cpp, Ollama, DeepSeek): chat completions and
// completions, whole bodies and server-sent-event streams.
#include "harness/endpoints/wire.hpp"

#include <cmath>

namespace tcs::endpoints {

using Json = nlohmann::json;

namespace {

// One choice while it is being assembled; `seen_text` tells "" from "no text at all".
struct Partial {
  Choice choice;
  bool seen_text = false;
  double logprob_sum = 0;
  bool seen_logprob = false;
};

std::string string_or_empty(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Sums token logprobs: chat has logprobs.content[].logprob, completions logprobs.token_logprobs[].
void add_logprobs(const Json& choice, Partial& p) {
  auto it = choice.find("logprobs");
  if (it == choice.end() || !it->is_object()) return;
  auto add = [&](const Json& v) {
    if (!v.is_number()) return;  // the first completions token may be null
    p.logprob_sum += v.get<double>();
    p.seen_logprob = true;
  };
  if (auto c = it->find("content"); c != it->end() && c->is_array())
    for (const Json& token : *c)
      if (token.is_object() && token.contains("logprob")) add(token["logprob"]);
  if (auto t = it->find("token_logprobs"); t != it->end() && t->is_array())
    for (const Json& v : *t) add(v);
}

// Applies one choice object (whole or a stream delta) to its slot.
void apply_choice(const Json& c, std::vector<Partial>& slots) {
  if (!c.is_object()) throw std::runtime_error("a choice is not an object");
  const int64_t index = c.value("index", int64_t{0});
  if (index < 0 || index > 4096) throw std::runtime_error("choice index out of range");
  if (slots.size() <= static_cast<size_t>(index)) slots.resize(static_cast<size_t>(index) + 1);
  Partial& p = slots[static_cast<size_t>(index)];
  const Json* body = &c;  // completions: text on the choice itself
  if (auto m = c.find("message"); m != c.end() && m->is_object()) body = &*m;
  if (auto d = c.find("delta"); d != c.end() && d->is_object()) body = &*d;
  for (const char* key : {"content", "text"}) {
    auto it = body->find(key);
    if (it == body->end() || !it->is_string()) continue;
    p.choice.text += it->get<std::string>();
    p.seen_text = true;
  }
  p.choice.reasoning += string_or_empty(*body, "reasoning_content");
  p.choice.reasoning += string_or_empty(*body, "reasoning");
  std::string finish = string_or_empty(c, "finish_reason");
  if (!finish.empty()) p.choice.finish_reason = finish;
  add_logprobs(c, p);
}

void read_usage(const Json& body, Usage& usage) {
  auto u = body.find("usage");
  if (u == body.end() || !u->is_object()) return;
  usage.prompt_tokens = u->value("prompt_tokens", int64_t{0});
  usage.completion_tokens = u->value("completion_tokens", int64_t{0});
}

core::Expected<CompletionResponse> finish(std::vector<Partial>& slots, CompletionResponse out) {
  if (slots.empty()) return core::bad_input("malformed body: no choices");
  for (size_t i = 0; i < slots.size(); ++i) {
    Partial& p = slots[i];
    if (!p.seen_text)
      return core::bad_input("malformed body: choice " + std::to_string(i) + " has no text");
    if (p.seen_logprob && std::isfinite(p.logprob_sum)) p.choice.logprob = p.logprob_sum;
    out.choices.push_back(std::move(p.choice));
  }
  return out;
}

core::Expected<CompletionResponse> with_error_check(const Json& body) {
  if (body.contains("error"))
    return core::bad_input("error in body: " + error_message(body.dump()));
  return CompletionResponse{};
}

}  // namespace

core::Expected<CompletionResponse> parse_openai(const Json& body) {
  auto out = with_error_check(body);
  if (!out) return out;
  auto choices = body.find("choices");
  if (choices == body.end() || !choices->is_array())
    return core::bad_input("malformed body: missing \"choices\"");
  std::vector<Partial> slots;
  try {
    for (const Json& c : *choices) apply_choice(c, slots);
  } catch (const std::exception& e) {
    return core::bad_input(std::string("malformed body: ") + e.what());
  }
  out->id = string_or_empty(body, "id");
  out->model = string_or_empty(body, "model");
  read_usage(body, out->usage);
  return finish(slots, std::move(*out));
}

core::Expected<CompletionResponse> parse_openai_stream(std::string_view events) {
  std::vector<Partial> slots;
  CompletionResponse out;
  for (const std::string& data : sse_data(events)) {
    Json chunk = Json::parse(data, nullptr, false);
    if (chunk.is_discarded() || !chunk.is_object())
      return core::bad_input("malformed stream: an event is not a JSON object");
    if (auto e = with_error_check(chunk); !e) return e;
    try {
      if (auto c = chunk.find("choices"); c != chunk.end() && c->is_array())
        for (const Json& choice : *c) apply_choice(choice, slots);
    } catch (const std::exception& e) {
      return core::bad_input(std::string("malformed stream: ") + e.what());
    }
    if (out.id.empty()) out.id = string_or_empty(chunk, "id");
    if (out.model.empty()) out.model = string_or_empty(chunk, "model");
    read_usage(chunk, out.usage);
  }
  return finish(slots, std::move(out));
}

}  // namespace tcs::endpoints
