// The wire formats and the retry rules, without a network.
#include "harness/endpoints/wire.hpp"

#include <gtest/gtest.h>

#include "harness/endpoints/retry.hpp"

namespace tcs::endpoints {
namespace {

using Json = nlohmann::json;

EndpointConfig openai() {
  EndpointConfig c;
  c.name = "o";
  c.base_url = "http://h/v1";
  c.model = "m";
  return c;
}

TEST(Wire, OpenAiChatRequestCarriesEverySetting) {
  EndpointConfig c = openai();
  c.max_tokens_field = "max_completion_tokens";
  c.stop = {"END"};
  c.temperature = 0.5;
  CompletionRequest r;
  r.messages = {{"system", "be brief"}, {"user", "hi"}};
  r.n = 4;
  r.seed = 42;
  WireRequest w = build_request(c, r);
  EXPECT_EQ(w.url, "http://h/v1/chat/completions");
  Json b = Json::parse(w.body);
  EXPECT_EQ(b["model"], "m");
  EXPECT_EQ(b["n"], 4);
  EXPECT_EQ(b["max_completion_tokens"], 1024);
  EXPECT_FALSE(b.contains("max_tokens"));
  EXPECT_EQ(b["stop"], Json::array({"END"}));
  EXPECT_EQ(b["temperature"], 0.5);
  EXPECT_EQ(b["seed"], 21);
  EXPECT_EQ(b["logprobs"], true);
  EXPECT_EQ(b["messages"][0]["role"], "system");
  c.supports_n = false;  // n is then never sent (callers split the request)
  c.send_seed = false;
  b = Json::parse(build_request(c, r).body);
  EXPECT_FALSE(b.contains("n"));
  EXPECT_FALSE(b.contains("seed"));
}

TEST(Wire, OpenAiCompletionsAndAnthropicRequests) {
  EndpointConfig c = openai();
  c.api = "completions";
  CompletionRequest r;
  r.prompt = "2+2=";
  r.messages = {{"system", "sys"}, {"user", "hi"}};
  Json b = Json::parse(build_request(c, r).body);
  EXPECT_EQ(b["prompt"], "2+2=");
  EXPECT_EQ(b["logprobs"], 1);
  c = openai();
  c.protocol = Protocol::anthropic;
  c.supports_n = c.logprobs = false;
  r.n = 3;
  WireRequest w = build_request(c, r);
  EXPECT_EQ(w.url, "http://h/v1/messages");
  b = Json::parse(w.body);
  EXPECT_EQ(b["system"], "sys");  // top-level, not a message
  ASSERT_EQ(b["messages"].size(), 1u);
  EXPECT_EQ(b["messages"][0]["role"], "user");
  EXPECT_FALSE(b.contains("n"));
  EXPECT_EQ(b["max_tokens"], 1024);
  EXPECT_NE(std::find(w.headers.begin(), w.headers.end(), "anthropic-version: 2023-06-01"),
            w.headers.end());
  EXPECT_EQ(key_header(c, "K"), "x-api-key: K");
  EXPECT_EQ(key_header(openai(), "K"), "Authorization: Bearer K");
}

TEST(Wire, OpenAiChoicesSumLogprobsAndReadReasoning) {
  Json body = Json::parse(R"({"id":"r1","model":"m","choices":[
    {"index":1,"message":{"content":"b","reasoning":"think b"},"finish_reason":"length"},
    {"index":0,"message":{"content":"a","reasoning_content":"think a"},
     "logprobs":{"content":[{"token":"a","logprob":-0.5},{"token":"!","logprob":-0.25}]},
     "finish_reason":"stop"}],
    "usage":{"prompt_tokens":7,"completion_tokens":3}})");
  auto r = parse_openai(body);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->choices.size(), 2u);
  EXPECT_EQ(r->choices[0].text, "a");  // ordered by index
  EXPECT_DOUBLE_EQ(*r->choices[0].logprob, -0.75);
  EXPECT_EQ(r->choices[0].reasoning, "think a");
  EXPECT_EQ(r->choices[1].reasoning, "think b");
  EXPECT_FALSE(r->choices[1].logprob.has_value());
  EXPECT_EQ(r->choices[1].finish_reason, "length");
  EXPECT_EQ(r->usage.prompt_tokens, 7);
  EXPECT_EQ(r->usage.completion_tokens, 3);
  EXPECT_EQ(r->id, "r1");
}

TEST(Wire, CompletionsTokenLogprobsSkipTheNullFirstToken) {
  auto r = parse_openai(Json::parse(
      R"({"choices":[{"text":"x y","logprobs":{"token_logprobs":[null,-1.0,-2.0]}}]})"));
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(*r->choices[0].logprob, -3.0);
}

TEST(Wire, OpenAiStreamAssemblesDeltasAndUsage) {
  const std::string events =
      "data: {\"id\":\"s\",\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"hm\"}}]}\n\n"
      "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"he\"},"
      "\"logprobs\":{\"content\":[{\"logprob\":-1}]}}]}\n\n"
      ": a comment line\n"
      "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"llo\"},\"finish_reason\":\"stop\","
      "\"logprobs\":{\"content\":[{\"logprob\":-0.5}]}}]}\r\n\r\n"
      "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":2}}\n\n"
      "data: [DONE]\n\n";
  auto r = parse_openai_stream(events);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->choices[0].text, "hello");
  EXPECT_EQ(r->choices[0].reasoning, "hm");
  EXPECT_DOUBLE_EQ(*r->choices[0].logprob, -1.5);
  EXPECT_EQ(r->choices[0].finish_reason, "stop");
  EXPECT_EQ(r->usage.completion_tokens, 2);
  EXPECT_EQ(r->id, "s");
}

TEST(Wire, AnthropicWholeAndStreamed) {
  auto whole = parse_anthropic(Json::parse(R"({"id":"m1","model":"c","content":[
      {"type":"thinking","thinking":"let me see"},{"type":"text","text":"42"}],
      "stop_reason":"end_turn","usage":{"input_tokens":5,"output_tokens":1}})"));
  ASSERT_TRUE(whole.ok()) << whole.error().message;
  EXPECT_EQ(whole->choices[0].text, "42");
  EXPECT_EQ(whole->choices[0].reasoning, "let me see");
  EXPECT_EQ(whole->choices[0].finish_reason, "end_turn");
  EXPECT_EQ(whole->usage.prompt_tokens, 5);
  const std::string events =
      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m2\","
      "\"usage\":{\"input_tokens\":9}}}\n\n"
      "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
      "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
      "data: {\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"4\"}}\n\n"
      "data: {\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"2\"}}\n\n"
      "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\"},"
      "\"usage\":{\"output_tokens\":2}}\n\n"
      "data: {\"type\":\"message_stop\"}\n\n";
  auto streamed = parse_anthropic_stream(events);
  ASSERT_TRUE(streamed.ok()) << streamed.error().message;
  EXPECT_EQ(streamed->choices[0].text, "42");
  EXPECT_EQ(streamed->choices[0].finish_reason, "max_tokens");
  EXPECT_EQ(streamed->usage.prompt_tokens, 9);
  EXPECT_EQ(streamed->usage.completion_tokens, 2);
  auto cut = parse_anthropic_stream(events.substr(0, events.find("data: {\"type\":\"message_stop")));
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.error().message.find("before message_stop"), std::string::npos);
}

TEST(Wire, MalformedBodiesAreErrorsWithTheReason) {
  EndpointConfig c = openai();
  const std::pair<std::string, std::string> cases[] = {
      {"<html>502</html>", "not JSON"},
      {"[1,2]", "not a JSON object"},
      {"{\"id\":1}", "missing \"choices\""},
      {"{\"choices\":[]}", "no choices"},
      {"{\"choices\":[{\"message\":{\"content\":null}}]}", "choice 0 has no text"},
      {"{\"choices\":[{\"message\":{\"content\":\"\xff\xfe\"}}]}", "not JSON"},  // bad UTF-8
      {"{\"choices\":[{\"index\":\"zero\",\"text\":\"a\"}]}", "malformed body"},
      {"{\"error\":{\"message\":\"model overloaded\"}}", "model overloaded"},
      {"{\"choices\":[{\"index\":99999999,\"text\":\"a\"}]}", "out of range"},
  };
  for (const auto& [body, reason] : cases) {
    auto r = parse_response(c, body, false);
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_NE(r.error().message.find(reason), std::string::npos) << r.error().message;
  }
  auto empty_text = parse_response(c, "{\"choices\":[{\"message\":{\"content\":\"\"}}]}", false);
  EXPECT_TRUE(empty_text.ok());  // "" is an answer (a wrong one), not a missing one
  auto bad_stream = parse_response(c, "data: {not json\n\n", true);
  EXPECT_FALSE(bad_stream.ok());
}

// The event reader on the I/O thread must answer exactly as the DOM parsers do.
TEST(Wire, EventReaderAgreesWithTheDocumentParsers) {
  const std::string openai_bodies[] = {
      R"({"id":"r","model":"m","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"a b","reasoning_content":"think","tool_calls":[{"id":"x","function":{"name":"f"}}]},"logprobs":{"content":[{"token":"a","logprob":-0.5,"top_logprobs":[{"token":"b","logprob":-1}]},{"token":" b","logprob":-0.25,"bytes":[32,98]}]}}],"usage":{"prompt_tokens":7,"completion_tokens":2,"prompt_tokens_details":{"cached_tokens":0}}})",
      R"({"choices":[{"index":1,"text":"y","logprobs":{"tokens":["y"],"token_logprobs":[null,-2,-1.5]}},{"index":0,"text":"x","reasoning":"r"}]})",
      R"({"choices":[{"delta":{"content":"d"},"message":{"content":"m"},"text":"t"}]})",
      R"({"choices":[{"message":{"content":"m"},"content":"own"}],"usage":{"prompt_tokens":1.9}})",
      R"({"choices":[{"message":"not an object","text":"t"}],"usage":"none"})",
      R"({"choices":[{"message":{"content":null}}]})",
      R"({"choices":[{"index":0,"text":"a"},{"index":2,"text":"c"}]})",
      R"({"choices":[{"index":0,"text":"a"},{"index":0,"text":"b"}]})",
      R"({"choices":[1]})",
      R"({"choices":[[]]})",
      R"({"choices":{}})",
      R"({"choices":[{"text":"a"}],"error":null})",
      R"({"choices":[{"text":"a"}],"usage":{"completion_tokens":"3"}})",
      R"({"choices":[{"index":true,"text":"a"}]})",
      R"({"choices":[{"index":-1,"text":"a"}]})",
      R"({"choices":[{"text":"a","logprobs":{"content":[{"logprob":null},{"logprob":-1}]}}]})",
      R"("just a string")",
  };
  auto same = [](const core::Expected<CompletionResponse>& fast,
                 const core::Expected<CompletionResponse>& dom, const std::string& body) {
    ASSERT_EQ(fast.ok(), dom.ok()) << body << "\n"
                                   << (fast.ok() ? dom.error().message : fast.error().message);
    if (!fast.ok()) return;
    EXPECT_EQ(fast->id, dom->id) << body;
    EXPECT_EQ(fast->model, dom->model) << body;
    EXPECT_EQ(fast->usage.prompt_tokens, dom->usage.prompt_tokens) << body;
    EXPECT_EQ(fast->usage.completion_tokens, dom->usage.completion_tokens) << body;
    ASSERT_EQ(fast->choices.size(), dom->choices.size()) << body;
    for (size_t i = 0; i < fast->choices.size(); ++i) {
      EXPECT_EQ(fast->choices[i].text, dom->choices[i].text) << body;
      EXPECT_EQ(fast->choices[i].reasoning, dom->choices[i].reasoning) << body;
      EXPECT_EQ(fast->choices[i].finish_reason, dom->choices[i].finish_reason) << body;
      EXPECT_EQ(fast->choices[i].logprob, dom->choices[i].logprob) << body;
    }
  };
  auto dom_parse = [](const std::string& body, bool openai) -> core::Expected<CompletionResponse> {
    Json j = Json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return core::bad_input("not an object");
    try {
      return openai ? parse_openai(j) : parse_anthropic(j);
    } catch (const Json::exception& e) {
      return core::bad_input(e.what());
    }
  };
  EndpointConfig oai = openai();
  for (const auto& body : openai_bodies) same(read_body(oai, body), dom_parse(body, true), body);
  auto first = read_body(oai, openai_bodies[0]);
  ASSERT_TRUE(first.ok());
  EXPECT_DOUBLE_EQ(*first->choices[0].logprob, -0.75);  // top_logprobs are not summed

  EndpointConfig claude = oai;
  claude.protocol = Protocol::anthropic;
  const std::string anthropic_bodies[] = {
      R"({"id":"msg","type":"message","model":"c","content":[{"type":"thinking","thinking":"hm"},{"type":"text","text":"4"},{"type":"tool_use","input":{"text":"no"}},{"text":"2","type":"text"}],"stop_reason":"end_turn","usage":{"input_tokens":9,"output_tokens":2}})",
      R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})",
      R"({"content":[{"type":"thinking","thinking":"only"}]})",
      R"({"content":"text"})",
      R"({"content":[7,{"type":"text","text":""}],"usage":{"output_tokens":null}})",
      R"({"content":[{"type":"text","text":"x"}],"usage":{"input_tokens":3}})",
  };
  for (const auto& body : anthropic_bodies) same(read_body(claude, body), dom_parse(body, false), body);

  // Numbers no int64 holds: errors, not undefined casts.
  for (const char* body : {R"({"choices":[{"index":1e300,"text":"a"}]})",
                           R"({"choices":[{"text":"a"}],"usage":{"prompt_tokens":18446744073709551615}})"}) {
    auto r = read_body(oai, body);
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_NE(r.error().message.find("out of range"), std::string::npos) << r.error().message;
  }

  // Truncated bodies (a connection cut mid-answer), every prefix: an error, never a crash.
  for (const auto& [config, body] : {std::pair{oai, openai_bodies[0]},
                                     std::pair{claude, anthropic_bodies[0]}})
    for (size_t n = 0; n < body.size(); ++n) {
      auto r = read_body(config, body.substr(0, n));
      ASSERT_FALSE(r.ok()) << n;
      EXPECT_NE(r.error().message.find("malformed body"), std::string::npos) << r.error().message;
    }
}

HttpResult http(long status, std::string body = "{}") {
  HttpResult r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

TEST(Retry, RetriesTransientFailuresOnly) {
  for (long s : {408L, 409L, 429L, 500L, 502L, 503L, 529L}) {
    auto f = classify(http(s));
    ASSERT_TRUE(f.has_value());
    EXPECT_TRUE(f->retryable) << s;
    EXPECT_EQ(f->cause, "http_" + std::to_string(s));
  }
  for (long s : {400L, 401L, 403L, 404L, 413L, 422L}) EXPECT_FALSE(classify(http(s))->retryable) << s;
  EXPECT_FALSE(classify(http(200)).has_value());
  auto spend = classify(http(429, R"({"error":{"code":"insufficient_quota","message":"quota"}})"));
  EXPECT_FALSE(spend->retryable);
  EXPECT_EQ(spend->cause, "spend_limit");
  HttpResult reset;
  reset.error = TransportError::reset;
  EXPECT_TRUE(classify(reset)->retryable);
  reset.error = TransportError::oversized;
  EXPECT_FALSE(classify(reset)->retryable);
}

TEST(Retry, RetryAfterHeaders) {
  EXPECT_DOUBLE_EQ(retry_after_seconds("7", ""), 7);
  EXPECT_DOUBLE_EQ(retry_after_seconds("7", "250"), 0.25);  // the ms header wins
  EXPECT_DOUBLE_EQ(retry_after_seconds("0.5", ""), 0.5);
  EXPECT_DOUBLE_EQ(retry_after_seconds("soon", ""), -1);
  EXPECT_DOUBLE_EQ(retry_after_seconds("", ""), -1);
  EXPECT_DOUBLE_EQ(retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", ""), 0);  // past
  HttpResult r = http(429);
  r.retry_after = "3";
  EXPECT_DOUBLE_EQ(classify(r)->retry_after_s, 3);
}

TEST(Retry, BackoffGrowsWithJitterAndIsCapped) {
  EXPECT_DOUBLE_EQ(backoff_seconds(0, 1, 30, 0), 0.5);
  EXPECT_DOUBLE_EQ(backoff_seconds(0, 1, 30, 0.999999), 0.9999995);
  EXPECT_DOUBLE_EQ(backoff_seconds(3, 1, 30, 0), 4);
  EXPECT_DOUBLE_EQ(backoff_seconds(10, 1, 30, 0), 15);
  EXPECT_DOUBLE_EQ(backoff_seconds(1000, 1, 30, 0), 15);
}

}  // namespace
}  // namespace tcs::endpoints
