// LlmPolicy, the hub, the response cache and replay, on the real tm_trace family over loopback.
#include "harness/endpoints/llm_policy.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "fixture.hpp"
#include "generators/tm_trace/family.hpp"
#include "harness/endpoints/hub.hpp"

namespace tcs::endpoints {
namespace {

using testing::TempDir;
using testing::start_server;

std::vector<core::Problem> problems(int64_t count) {
  auto p = tm_trace::make_family()->generate({"tag", core::Json::object(), 5, count});
  EXPECT_TRUE(p.ok());
  return *p;
}

core::PolicyQuery query(const core::Problem& p, int64_t first, int64_t count) {
  return {&p, "PROMPT FOR " + p.id, core::CandidateMode::answer, first, count, 99};
}

std::string endpoints_toml(const FakeServer& s, const std::string& extra = "") {
  return "[endpoints.fake]\nkind = \"openai\"\nbase_url = \"" + s.base_url() +
         "\"\nmodel = \"m\"\nbackoff_initial_s = 0.001\n" + extra +
         "\n[endpoints.claude]\nkind = \"anthropic\"\nbase_url = \"" + s.base_url() +
         "\"\nmodel = \"c\"\n" +
         "\n[endpoints.again]\nkind = \"replay\"\nbase_url = \"" + s.base_url() +
         "\"\nmodel = \"m\"\n" + extra;
}

// Without the cache and the replay endpoint: every propose() goes to the server.
std::string uncached(const FakeServer& s, const std::string& extra = "") {
  const std::string all = endpoints_toml(s, extra);
  return "cache = \"\"\n" + all.substr(0, all.find("\n[endpoints.again]"));
}

std::unique_ptr<EndpointHub> hub_for(const std::string& toml, const TempDir& dir) {
  auto config = parse_endpoints(toml, dir.file("endpoints.toml"));
  EXPECT_TRUE(config.ok()) << config.error().message;
  auto hub = EndpointHub::open(std::move(*config));
  EXPECT_TRUE(hub.ok()) << hub.error().message;
  return std::move(*hub);
}

TEST(LlmPolicy, UsesNWhereSupportedAndParallelRequestsOtherwise) {
  auto server = start_server();
  TempDir dir;
  auto hub = hub_for(uncached(*server), dir);
  auto family = tm_trace::make_family();
  auto ps = problems(1);
  auto openai = hub->make_policy("endpoint:fake", *family);
  ASSERT_TRUE(openai.ok()) << openai.error().message;
  EXPECT_EQ((*openai)->name(), "endpoint:fake");
  auto c = (*openai)->propose(query(ps[0], 0, 4));
  ASSERT_TRUE(c.ok()) << c.error().message;
  ASSERT_EQ(c->size(), 4u);
  EXPECT_EQ(server->requests(), 1);  // one request with n = 4
  for (const auto& cand : *c) {
    EXPECT_EQ(cand.backend, "native");
    EXPECT_EQ(cand.provenance.endpoint, "fake");
    ASSERT_TRUE(cand.provenance.logprob.has_value());
  }
  EXPECT_GT((*c)[0].provenance.completion_tokens, 0);
  EXPECT_EQ((*c)[1].provenance.completion_tokens, 0);  // usage counted once per response
  auto claude = hub->make_policy("endpoint:claude", *family);
  ASSERT_TRUE(claude.ok());
  auto a = (*claude)->propose(query(ps[0], 0, 3));
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(server->requests(), 4);  // no n: three requests, one per sample
  EXPECT_FALSE((*a)[0].provenance.logprob.has_value());
}

TEST(LlmPolicy, SamplesWithoutASeedInTheBodyAreCachedApart) {
  auto server = start_server();
  TempDir dir;
  auto hub = hub_for(endpoints_toml(*server), dir);
  auto claude = std::move(hub->make_policy("endpoint:claude", *tm_trace::make_family()).value());
  auto ps = problems(1);
  ASSERT_TRUE(claude->propose(query(ps[0], 0, 3)).ok());
  EXPECT_EQ(hub->cache()->size(), 3);  // Anthropic has no seed: the sample seed keys the cache
  ASSERT_TRUE(claude->propose(query(ps[0], 0, 3)).ok());
  EXPECT_EQ(server->requests(), 3);
}

TEST(LlmPolicy, SameQuerySameCandidatesDifferentSamplesDiffer) {
  auto server = start_server();
  TempDir dir;
  auto hub = hub_for(uncached(*server), dir);
  auto policy = std::move(hub->make_policy("endpoint:fake", *tm_trace::make_family()).value());
  auto ps = problems(2);
  auto first = *policy->propose(query(ps[0], 0, 2));
  auto second = *policy->propose(query(ps[0], 0, 2));
  EXPECT_EQ(first[0].text, second[0].text);
  EXPECT_EQ(first[1].provenance.logprob, second[1].provenance.logprob);
  auto later = *policy->propose(query(ps[0], 2, 2));
  EXPECT_NE(later[0].text, first[0].text);  // sample 2's seed is not sample 0's
  auto other = *policy->propose(query(ps[1], 0, 2));
  EXPECT_NE(other[0].text, first[0].text);
}

TEST(LlmPolicy, CacheMakesTheRerunOfflineAndReplayServesIt) {
  auto server = start_server();
  TempDir dir;
  auto family = tm_trace::make_family();
  auto ps = problems(3);
  std::vector<std::vector<core::Candidate>> before;
  {
    auto hub = hub_for(endpoints_toml(*server), dir);
    auto policy = std::move(hub->make_policy("endpoint:fake", *family).value());
    for (const auto& p : ps) before.push_back(*policy->propose(query(p, 0, 2)));
  }
  EXPECT_EQ(server->requests(), 3);
  auto hub = hub_for(endpoints_toml(*server), dir);
  for (const char* name : {"endpoint:fake", "endpoint:again"}) {
    auto policy = std::move(hub->make_policy(name, *family).value());
    for (size_t i = 0; i < ps.size(); ++i) {
      auto after = policy->propose(query(ps[i], 0, 2));
      ASSERT_TRUE(after.ok()) << name << ": " << after.error().message;
      for (size_t j = 0; j < 2; ++j) {
        EXPECT_EQ((*after)[j].text, before[i][j].text);
        EXPECT_EQ((*after)[j].provenance.logprob, before[i][j].provenance.logprob);
        EXPECT_EQ((*after)[j].provenance.request_id, before[i][j].provenance.request_id);
      }
    }
  }
  EXPECT_EQ(server->requests(), 3);  // zero network requests on the rerun
  EXPECT_EQ((*hub->endpoint("fake"))->stats().cache_hits, 3);
  auto replay = std::move(hub->make_policy("endpoint:again", *family).value());
  auto miss = replay->propose(query(ps[0], 5, 1));
  ASSERT_FALSE(miss.ok());
  EXPECT_NE(miss.error().message.find("no recorded response"), std::string::npos);
  EXPECT_EQ(server->requests(), 3);
}

// The cache file appears with the first stored response: opening it (a hub, an endpoint, a
// policy) on input that is then rejected leaves nothing behind. An unwritable folder still
// fails at open.
TEST(ResponseCacheFile, CreatedByTheFirstStoredResponseOnly) {
  TempDir dir;
  const std::string path = dir.file("cache.db");
  auto cache = ResponseCache::open(path);
  ASSERT_TRUE(cache.ok()) << cache.error().message;
  EXPECT_FALSE((*cache)->get("k", "request").has_value());
  EXPECT_EQ((*cache)->size(), 0);
  EXPECT_FALSE(std::filesystem::exists(path));
  ASSERT_TRUE((*cache)->put("k", "openai", "http://x", "m", "request", "response").ok());
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_EQ((*cache)->get("k", "request"), std::optional<std::string>("response"));
  cache->reset();
  auto reopened = ResponseCache::open(path);  // an existing file is opened at once
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ((*reopened)->size(), 1);
  auto nowhere = ResponseCache::open(dir.file("missing/cache.db"));
  ASSERT_FALSE(nowhere.ok());
  EXPECT_NE(nowhere.error().message.find("not a writable folder"), std::string::npos);
}

TEST(LlmPolicy, BatchKeepsEveryQueryInFlightTogether) {
  FakeServerOptions o;
  o.latency_s = 0.2;
  auto server = start_server(o);
  TempDir dir;
  auto hub = hub_for(uncached(*server), dir);
  auto policy = std::move(hub->make_policy("endpoint:claude", *tm_trace::make_family()).value());
  auto ps = problems(4);
  std::vector<core::PolicyQuery> queries;
  for (const auto& p : ps) queries.push_back(query(p, 0, 2));
  auto t = std::chrono::steady_clock::now();
  auto answers = policy->propose_batch(queries);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  ASSERT_EQ(answers.size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    ASSERT_TRUE(answers[i].ok()) << answers[i].error().message;
    EXPECT_EQ(answers[i]->size(), 2u);
    EXPECT_EQ((*answers[i])[0].text, (*policy->propose(queries[i]))[0].text);  // same as alone
  }
  EXPECT_LT(took, 0.2 * 4);  // 8 requests overlapped, not one after another
}

TEST(LlmPolicy, FailureAfterRetriesIsAnErrorForResume) {
  FakeServerOptions o;
  o.p_500 = 1.0;
  auto server = start_server(o);
  TempDir dir;
  auto hub = hub_for(uncached(*server, "max_attempts = 2"), dir);
  auto policy = std::move(hub->make_policy("endpoint:fake", *tm_trace::make_family()).value());
  auto ps = problems(1);
  auto r = policy->propose(query(ps[0], 0, 2));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("endpoint fake: http_500 after 2 attempt(s)"), std::string::npos)
      << r.error().message;
  EXPECT_EQ(server->requests(), 2);
}

TEST(LlmPolicy, TemplatesRenderStatementsAndExtractCodeBlocks) {
  FakeServerOptions o;
  o.reply = "Sure.\n```text\nANSWER\n```\nbye";
  auto server = start_server(o);
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "prompts" / "tm_trace");
  std::ofstream(dir.path() / "prompts" / "tm_trace" / "answer.txt")
      << "#! extract: last_code_block\n#! backend: lean\nSolve {{problem_id}}:\n{{informal}}\n";
  auto hub = hub_for(uncached(*server, "prompts_dir = \"prompts\""), dir);
  auto policy = hub->make_policy("endpoint:fake", *tm_trace::make_family());
  ASSERT_TRUE(policy.ok()) << policy.error().message;
  auto ps = problems(1);
  auto c = (*policy)->propose(query(ps[0], 0, 1));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ((*c)[0].text, "ANSWER\n");
  EXPECT_EQ((*c)[0].backend, "lean");

  auto bad = parse_template("{{nonsense}}", "t.txt");
  ASSERT_TRUE(bad.ok());
  auto rendered = render(*bad, query(ps[0], 0, 1));
  ASSERT_FALSE(rendered.ok());
  EXPECT_NE(rendered.error().message.find("t.txt: unknown placeholder {{nonsense}}"), std::string::npos);
  EXPECT_FALSE(parse_template("#! colour: red\nx", "t.txt").ok());
  EXPECT_EQ(extract_answer("no block", "last_code_block"), "no block");
}

TEST(EndpointHub, UnknownEndpointsAndMissingKeysAreErrors) {
  auto server = start_server();
  TempDir dir;
  auto hub = hub_for(endpoints_toml(*server, "api_key_env = \"TCS_TEST_UNSET_KEY\""), dir);
  ::unsetenv("TCS_TEST_UNSET_KEY");
  auto family = tm_trace::make_family();
  auto unknown = hub->make_policy("endpoint:nope", *family);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("known: again, claude, fake"), std::string::npos)
      << unknown.error().message;
  auto keyless = hub->make_policy("endpoint:fake", *family);
  ASSERT_FALSE(keyless.ok());
  EXPECT_NE(keyless.error().message.find("TCS_TEST_UNSET_KEY"), std::string::npos);
  EXPECT_TRUE(hub->make_policy("endpoint:again", *family).ok());  // replay needs no key
  EXPECT_FALSE(hub->make_policy("builtin", *family).ok());
}

}  // namespace
}  // namespace tcs::endpoints
