// Whole (non-streamed) response bodies read straight from the JSON parser's events, without
// building a DOM: on the I/O thread the DOM (one allocation per token object of the logprobs)
// was the largest user-space cost per request. The answers are the same as parse_openai /
// parse_anthropic on the parsed document (tests/unit/endpoints/wire_test.cpp compares them),
// except that a key repeated in one object is read each time instead of only the last time.
// The events come from scan_json (json_events.hpp), which accepts and reports exactly what
// nlohmann's sax_parse does, without its per-byte lexer.
#include <cmath>

#include "harness/endpoints/json_events.hpp"
#include "harness/endpoints/wire.hpp"
#include "harness/core/text.hpp"

namespace tcs::endpoints {

using Json = nlohmann::json;

namespace {

// Where the parser is. Everything the reader does not need is `skip` (with its depth).
enum class At {
  root, choices, choice, message, logprobs, lp_content, lp_token, token_logprobs, usage,
  content, block, skip
};

// Answer text and reasoning found on one level of a choice (the choice, message or delta).
struct Level {
  bool present = false;  // message / delta: seen as an object
  std::string content, text, reasoning_content, reasoning;
  bool seen_content = false, seen_text = false;
};

struct PendingChoice {
  int64_t index = 0;
  bool bad_index = false;
  Level own, message, delta;
  std::string finish_reason;
  double logprob_sum = 0;
  bool seen_logprob = false;
};

struct Slot {
  Choice choice;
  bool seen_text = false;
  double logprob_sum = 0;
  bool seen_logprob = false;
};

struct PendingBlock {
  std::string type, text, thinking;
  bool has_text = false;
};

class Reader : public nlohmann::json_sax<Json> {
 public:
  explicit Reader(Protocol protocol) : protocol_(protocol) {}

  // Set when the body is valid JSON but not a response: the reason.
  std::string problem;
  bool has_error = false, saw_list = false;
  CompletionResponse out;
  std::vector<Slot> slots;      // openai
  Choice anthropic_choice;      // anthropic
  bool anthropic_text = false;

  bool null() override { return scalar(nullptr); }
  bool boolean(bool) override { return scalar(nullptr); }
  bool number_integer(number_integer_t v) override { return number(static_cast<double>(v)); }
  bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v)); }
  bool number_float(number_float_t v, const string_t&) override { return number(v); }
  bool binary(binary_t&) override { return scalar(nullptr); }
  bool string(string_t& v) override { return scalar(&v); }

  bool start_object(std::size_t) override { return open(true); }
  bool start_array(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    if (stack_.back() == At::skip) return true;
    key_.assign(k);
    if (stack_.size() == 1 && key_ == "error") has_error = true;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  // Records the first problem and reads on, so that invalid JSON later in the body and an
  // "error" member still take precedence, as with the whole document.
  bool fail(std::string why) {
    if (problem.empty()) problem = std::move(why);
    return true;
  }

  At child(bool object) const {
    const At at = stack_.empty() ? At::root : stack_.back();
    if (stack_.empty()) return At::root;
    switch (at) {
      case At::root:
        if (key_ == "error") return At::skip;
        if (protocol_ == Protocol::openai) {
          if (key_ == "choices" && !object) return At::choices;
        } else if (key_ == "content" && !object) {
          return At::content;
        }
        if (key_ == "usage" && object) return At::usage;
        return At::skip;
      case At::choices: return object ? At::choice : At::skip;
      case At::choice:
        if ((key_ == "message" || key_ == "delta") && object) return At::message;
        if (key_ == "logprobs" && object) return At::logprobs;
        return At::skip;
      case At::logprobs:
        if (key_ == "content" && !object) return At::lp_content;
        if (key_ == "token_logprobs" && !object) return At::token_logprobs;
        return At::skip;
      case At::lp_content: return object ? At::lp_token : At::skip;
      case At::content: return object ? At::block : At::skip;
      default: return At::skip;
    }
  }

  bool open(bool object) {
    if (!stack_.empty() && stack_.back() == At::skip) {
      ++skip_depth_;
      return true;
    }
    At at = child(object);
    if (stack_.empty() && !object) {
      fail("malformed body: not a JSON object");
      at = At::skip;
    }
    if (!stack_.empty() && stack_.back() == At::root && (key_ == "choices" || key_ == "content"))
      saw_list = saw_list || at != At::skip;
    if (!stack_.empty() && stack_.back() == At::choices && !object)
      fail("malformed body: a choice is not an object");
    if (at == At::choice) choice_ = PendingChoice{};
    if (at == At::message) {
      level_ = key_ == "message" ? &choice_.message : &choice_.delta;
      level_->present = true;
    }
    if (at == At::block) block_ = PendingBlock{};
    stack_.push_back(at);
    if (at == At::skip) skip_depth_ = 0;
    key_.clear();
    return true;
  }

  bool close() {
    if (stack_.back() == At::skip && skip_depth_ > 0) {
      --skip_depth_;
      return true;
    }
    const At at = stack_.back();
    stack_.pop_back();
    if (at == At::choice) return end_choice();
    if (at == At::block) end_block();
    if (at == At::message) level_ = nullptr;
    key_.clear();
    return true;
  }

  bool end_choice() {
    key_.clear();
    if (choice_.bad_index) return fail("malformed body: choice index is not a number");
    if (choice_.index < 0 || choice_.index > 4096)
      return fail("malformed body: choice index out of range");
    const auto i = static_cast<size_t>(choice_.index);
    if (slots.size() <= i) slots.resize(i + 1);
    Slot& s = slots[i];
    // The delta's text wins over the message's, which wins over the choice's own (completions).
    const Level& l = choice_.delta.present ? choice_.delta
                     : choice_.message.present ? choice_.message : choice_.own;
    if (l.seen_content) s.choice.text += l.content;
    if (l.seen_text) s.choice.text += l.text;
    s.seen_text = s.seen_text || l.seen_content || l.seen_text;
    s.choice.reasoning += l.reasoning_content;
    s.choice.reasoning += l.reasoning;
    if (!choice_.finish_reason.empty()) s.choice.finish_reason = choice_.finish_reason;
    s.logprob_sum += choice_.logprob_sum;
    s.seen_logprob = s.seen_logprob || choice_.seen_logprob;
    return true;
  }

  void end_block() {
    if (block_.type == "thinking" || block_.type == "thinking_delta")
      anthropic_choice.reasoning += block_.thinking;
    else if ((block_.type == "text" || block_.type == "text_delta") && block_.has_text) {
      anthropic_choice.text += block_.text;
      anthropic_text = true;
    }
  }

  void add_logprob(double v) {
    choice_.logprob_sum += v;
    choice_.seen_logprob = true;
  }

  // Usage counts: a number (floats truncate, as Json::get<int64_t> does); anything else fails.
  bool count(const char* name, int64_t& out, double v, bool is_number) {
    if (key_ != name) return true;
    if (!is_number) return fail(std::string("malformed body: usage.") + name + " is not a number");
    if (!in_range(v)) return fail(std::string("malformed body: usage.") + name + " is out of range");
    out = static_cast<int64_t>(v);
    return true;
  }

  // Whether v converts to int64_t (the cast is undefined beyond that).
  static bool in_range(double v) { return v > -9.2e18 && v < 9.2e18; }

  bool number(double v) {
    if (stack_.empty()) return fail("malformed body: not a JSON object");
    switch (stack_.back()) {
      case At::choices: return fail("malformed body: a choice is not an object");
      case At::choice:
        if (key_ == "index") choice_.index = in_range(v) ? static_cast<int64_t>(v) : -1;
        break;
      case At::lp_token:
        if (key_ == "logprob") add_logprob(v);
        break;
      case At::token_logprobs: add_logprob(v); break;
      case At::usage: return usage_value(v, true);
      default: break;
    }
    return true;
  }

  bool usage_value(double v, bool is_number) {
    if (protocol_ == Protocol::openai)
      return count("prompt_tokens", out.usage.prompt_tokens, v, is_number) &&
             count("completion_tokens", out.usage.completion_tokens, v, is_number);
    return count("input_tokens", out.usage.prompt_tokens, v, is_number) &&
           count("output_tokens", out.usage.completion_tokens, v, is_number);
  }

  // Strings, and (s == nullptr) null, booleans and binary values.
  bool scalar(const string_t* s) {
    if (stack_.empty()) return fail("malformed body: not a JSON object");
    const At at = stack_.back();
    if (at == At::choices) return fail("malformed body: a choice is not an object");
    if (at == At::usage) return usage_value(0, false);
    if (at == At::choice && key_ == "index") choice_.bad_index = true;
    if (!s) return true;
    switch (at) {
      case At::root:
        if (key_ == "id") out.id = *s;
        else if (key_ == "model") out.model = *s;
        else if (key_ == "stop_reason") anthropic_choice.finish_reason = *s;
        else if (key_ == "type" && *s == "error" && protocol_ == Protocol::anthropic)
          has_error = true;
        break;
      case At::choice:
        if (key_ == "finish_reason") choice_.finish_reason = *s;
        else text_field(choice_.own, *s);
        break;
      case At::message: text_field(*level_, *s); break;
      case At::block:
        if (key_ == "type") block_.type = *s;
        else if (key_ == "text") block_.text = *s, block_.has_text = true;
        else if (key_ == "thinking") block_.thinking = *s;
        break;
      default: break;
    }
    return true;
  }

  void text_field(Level& l, const string_t& s) {
    if (key_ == "content") l.content += s, l.seen_content = true;
    else if (key_ == "text") l.text += s, l.seen_text = true;
    else if (key_ == "reasoning_content") l.reasoning_content += s;
    else if (key_ == "reasoning") l.reasoning += s;
  }

  Protocol protocol_;
  std::vector<At> stack_;
  int64_t skip_depth_ = 0;
  std::string key_;
  PendingChoice choice_;
  Level* level_ = nullptr;
  PendingBlock block_;
};

}  // namespace

core::Expected<CompletionResponse> read_body(const EndpointConfig& config, std::string_view body) {
  Reader r(config.protocol);
  const bool parsed = scan_json(body, r);
  if (!parsed) return core::bad_input("malformed body: not JSON (" + core::quote(body, 40) + ")");
  if (r.has_error) return core::bad_input("error in body: " + error_message(body));
  if (!r.problem.empty()) return core::bad_input(r.problem);
  if (config.protocol == Protocol::anthropic) {
    if (!r.saw_list) return core::bad_input("malformed body: missing \"content\"");
    if (!r.anthropic_text) return core::bad_input("malformed body: the message has no text block");
    r.out.choices.push_back(std::move(r.anthropic_choice));
    return std::move(r.out);
  }
  if (!r.saw_list) return core::bad_input("malformed body: missing \"choices\"");
  if (r.slots.empty()) return core::bad_input("malformed body: no choices");
  for (size_t i = 0; i < r.slots.size(); ++i) {
    Slot& s = r.slots[i];
    if (!s.seen_text)
      return core::bad_input("malformed body: choice " + std::to_string(i) + " has no text");
    if (s.seen_logprob && std::isfinite(s.logprob_sum)) s.choice.logprob = s.logprob_sum;
    r.out.choices.push_back(std::move(s.choice));
  }
  return std::move(r.out);
}

}  // namespace tcs::endpoints
