#include "harness/endpoints/config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace tcs::endpoints {
namespace {

const char* kGood = R"(
cache = "c.db"
[endpoints.vllm]
kind = "openai"
base_url = "http://127.0.0.1:8000/v1/"
model = "qwen"
temperature = 0.7
max_tokens_field = "max_completion_tokens"
stop = ["END"]
concurrency = 128
rate_per_second = 5

[endpoints.claude]
kind = "anthropic"
base_url = "https://api.anthropic.com/v1"
model = "claude-x"
api_key_env = "TCS_TEST_ANTHROPIC_KEY"

[endpoints.recorded]
kind = "replay"
protocol = "anthropic"
base_url = "https://api.anthropic.com/v1"
model = "claude-x"
)";

TEST(EndpointsConfig, ReadsEveryTableWithDefaultsPerKind) {
  auto c = parse_endpoints(kGood, "/tmp/x/endpoints.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->cache_path, "/tmp/x/c.db");
  ASSERT_EQ(c->endpoints.size(), 3u);
  const EndpointConfig& v = *c->find("vllm");
  EXPECT_EQ(v.base_url, "http://127.0.0.1:8000/v1");  // trailing slash dropped
  EXPECT_EQ(v.max_tokens_field, "max_completion_tokens");
  EXPECT_EQ(v.stop, std::vector<std::string>{"END"});
  EXPECT_EQ(v.concurrency, 128);
  EXPECT_DOUBLE_EQ(*v.temperature, 0.7);
  EXPECT_TRUE(v.supports_n);
  const EndpointConfig& a = *c->find("claude");
  EXPECT_EQ(a.protocol, Protocol::anthropic);
  EXPECT_FALSE(a.supports_n);
  EXPECT_FALSE(a.logprobs);
  const EndpointConfig& r = *c->find("recorded");
  EXPECT_TRUE(r.replay);
  EXPECT_EQ(r.protocol, Protocol::anthropic);
}

struct BadCase {
  const char* toml;
  const char* expected;  // a piece of the message
};

TEST(EndpointsConfig, BadInputNamesFileLineAndKey) {
  const BadCase cases[] = {
      {"[endpoints.a]\nkind = \"openai\"\nbase_url = \"http://x/v1\"\nmodel = \"m\"\nmodle = 1\n",
       "e.toml:5: [endpoints.a]: unknown key \"modle\""},
      {"[endpoints.a]\nkind = \"openai\"\nbase_url = \"http://x/v1\"\n", "\"model\" is required"},
      {"[endpoints.a]\nkind = \"gemini\"\nbase_url = \"http://x\"\nmodel = \"m\"\n",
       "e.toml:2: [endpoints.a]: unknown kind \"gemini\""},
      {"[endpoints.a]\nkind = \"openai\"\nbase_url = \"ftp://x\"\nmodel = \"m\"\n",
       "must start with http://"},
      {"[endpoints.a]\nkind = \"anthropic\"\nbase_url = \"http://x\"\nmodel = \"m\"\n"
       "supports_n = true\n", "neither n nor logprobs"},
      {"[endpoints.a]\nkind = \"openai\"\nbase_url = \"http://x\"\nmodel = \"m\"\n"
       "concurrency = 0\n", "e.toml:5: [endpoints.a]: \"concurrency\" must be at least 1"},
      {"[endpoints.a]\nkind = \"openai\"\nbase_url = \"http://x\"\nmodel = 3\n",
       "\"model\" must be a string"},
      {"[endpoints.a\n", "e.toml:1"},
      {"x = 1\n", "unknown key \"x\""},
  };
  for (const auto& c : cases) {
    auto parsed = parse_endpoints(c.toml, "e.toml");
    ASSERT_FALSE(parsed.ok()) << c.toml;
    EXPECT_EQ(parsed.error().code, core::ErrorCode::bad_input);
    EXPECT_NE(parsed.error().message.find(c.expected), std::string::npos)
        << parsed.error().message << "\nexpected: " << c.expected;
  }
}

TEST(EndpointsConfig, KeyComesFromTheEnvironmentAndIsNeverInMessages) {
  auto c = parse_endpoints(kGood, "e.toml");
  ASSERT_TRUE(c.ok());
  const EndpointConfig& a = *c->find("claude");
  ::unsetenv("TCS_TEST_ANTHROPIC_KEY");
  auto missing = api_key(a);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("TCS_TEST_ANTHROPIC_KEY"), std::string::npos);
  ::setenv("TCS_TEST_ANTHROPIC_KEY", "sk-test-123", 1);
  auto key = api_key(a);
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(*key, "sk-test-123");
  EXPECT_EQ(*api_key(*c->find("vllm")), "");  // no variable configured: no key sent
  ::unsetenv("TCS_TEST_ANTHROPIC_KEY");
}

TEST(EndpointsConfig, MissingFileIsBadInput) {
  auto c = load_endpoints("/nonexistent/endpoints.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("/nonexistent/endpoints.toml"), std::string::npos);
}

}  // namespace
}  // namespace tcs::endpoints
