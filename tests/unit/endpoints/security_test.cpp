// A suite run through the real runner and store with a known fake key in the environment: the
// key must reach the server (it is checked there) and nothing else — not the run database, the
// response cache, the logs, the report or the exported dataset.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "fixture.hpp"
#include "generators/tm_trace/family.hpp"
#include "harness/endpoints/hub.hpp"
#include "harness/runner/export.hpp"
#include "harness/runner/report.hpp"
#include "harness/runner/run.hpp"

namespace tcs::endpoints {
namespace {

using testing::TempDir;
using testing::start_server;

const char* kKey = "sk-FAKE-9f8e7d6c5b4a-SECRET";

// Every file in the directory, database WAL and journal files included.
bool any_file_contains(const std::filesystem::path& dir, const std::string& needle) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    if (bytes.find(needle) != std::string::npos) {
      ADD_FAILURE() << entry.path() << " contains the key";
      return true;
    }
  }
  return false;
}

runner::RunSummary run_suite(EndpointHub& hub, const TempDir& dir, const std::string& policy) {
  core::FamilyRegistry families;
  families.add(tm_trace::make_family());
  runner::RunParts parts{families};
  parts.make_policy = [&hub](const std::string& p, const core::Family& f) {
    return hub.make_policy(p, f);
  };
  runner::RunConfig config;
  config.policy = policy;
  config.samples = 2;
  config.jobs = 2;
  config.sources.push_back({"tm_trace", "tag", 4, core::Json{{"steps", 4}}, ""});
  auto problems = runner::prepare_run(config, parts);
  EXPECT_TRUE(problems.ok()) << problems.error().message;
  auto store = store::Store::open(dir.file("run.db"));
  EXPECT_TRUE(store.ok());
  auto id = runner::create_run(**store, config, *problems, "test");
  core::Env env;
  std::ostringstream progress;
  auto summary = runner::execute_run(**store, *id, parts, env, {0, &progress, false});
  EXPECT_TRUE(summary.ok()) << summary.error().message;
  std::ofstream(dir.file("dataset.jsonl")) << [&] {
    std::ostringstream out;
    EXPECT_TRUE(runner::export_jsonl(**store, 0, out).ok());
    return out.str();
  }() << progress.str();
  return *summary;
}

TEST(Security, TheKeyReachesTheServerAndNothingElse) {
  FakeServerOptions o;
  o.require_key = kKey;
  o.p_500 = 0.2;  // some failures, so error paths run too
  auto server = start_server(o);
  TempDir dir;
  ::setenv("TCS_TEST_SECRET_KEY", kKey, 1);
  const std::string toml = "cache = \"cache.db\"\n[endpoints.fake]\nkind = \"openai\"\n"
                           "base_url = \"" + server->base_url() + "\"\nmodel = \"m\"\n"
                           "api_key_env = \"TCS_TEST_SECRET_KEY\"\nbackoff_initial_s = 0.001\n"
                           "max_attempts = 2\n";
  std::ofstream(dir.file("endpoints.toml")) << toml;
  auto config = load_endpoints(dir.file("endpoints.toml"));
  ASSERT_TRUE(config.ok());
  auto hub = std::move(EndpointHub::open(*config).value());
  ::testing::internal::CaptureStderr();
  auto summary = run_suite(*hub, dir, "endpoint:fake");
  const std::string logs = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(server->unauthorized(), 0);  // the key was sent, and it was the right one
  EXPECT_GT(server->requests(), 0);
  EXPECT_EQ(summary.attempts_new + summary.policy_failures, 8);
  std::ofstream(dir.file("logs.txt")) << logs;
  hub.reset();  // closes the cache database
  EXPECT_FALSE(any_file_contains(dir.path(), kKey));
  EXPECT_EQ(logs.find(kKey), std::string::npos);
  ::unsetenv("TCS_TEST_SECRET_KEY");
}

TEST(Security, AServerEchoingTheKeyIsRedactedFromErrors) {
  // A hostile server that copies the request's key into its error message.
  FakeServerOptions o;
  o.require_key = "the-right-one";
  auto server = start_server(o);
  HttpPool pool;
  EndpointConfig c = testing::openai_config(*server);
  const std::string key = "invalid";  // the fake's 401 says "invalid api key"
  Endpoint e(c, pool, nullptr, key);
  CompletionRequest r;
  r.messages = {{"user", "q"}};
  auto result = e.complete(r).get();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message.find(key), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().message.find("[redacted]"), std::string::npos);
}

}  // namespace
}  // namespace tcs::endpoints
