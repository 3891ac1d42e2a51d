// `tcsprove run` against model endpoints, the way a user runs it: the real binary, a suite
// naming `endpoint:NAME` and an endpoints file, the loopback fake server speaking the OpenAI
// chat/completions and the Anthropic Messages formats, a real SQLite store. Also: a known
// fake key reaches the server and nothing else, a second run is served from the response
// cache, and a bad endpoints file is refused with FILE:LINE before anything is written.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <cstdlib>

#include "harness/endpoints/fake_server.hpp"
#include "tests/integration/cli_process.hpp"

namespace tcs::testing {
namespace {

using nlohmann::json;

const char* kKey = "sk-FAKE-it-5e1f0c2b9d8a-SECRET";
const char* kKeyEnv = "TCS_IT_ENDPOINT_KEY";

struct Row {
  std::string policy, verdict, candidate;
  bool has_logprob = false;
  int64_t prompt_tokens = 0;
};

std::vector<Row> read_rows(const std::string& db_path) {
  std::vector<Row> out;
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT policy, verdict, candidate, logprob, prompt_tokens FROM attempts",
                     -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    auto text = [&](int i) {
      return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, i)));
    };
    out.push_back({text(0), text(1), text(2), sqlite3_column_type(st, 3) != SQLITE_NULL,
                   sqlite3_column_int64(st, 4)});
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

// Every regular file under dir (database, WAL, cache, exports, logs) that contains needle.
std::vector<std::string> files_containing(const std::string& dir, const std::string& needle) {
  std::vector<std::string> hits;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file() && read_file(e.path().string()).find(needle) != std::string::npos)
      hits.push_back(e.path().string());
  return hits;
}

class EndpointRun : public ::testing::Test {
 protected:
  void SetUp() override {
    endpoints::FakeServerOptions o;
    o.require_key = kKey;
    o.threads = 16;
    server_ = std::make_unique<endpoints::FakeServer>(o);
    ASSERT_TRUE(server_->start().ok());
    ::setenv(kKeyEnv, kKey, 1);  // inherited by the tcsprove child
    std::ofstream(dir_ / "endpoints.toml")
        << "cache = \"cache.db\"\n"
           "[endpoints.oai]\nkind = \"openai\"\nbase_url = \"" << server_->base_url()
        << "\"\nmodel = \"fake-chat\"\napi_key_env = \"" << kKeyEnv
        << "\"\nbackoff_initial_s = 0.001\n"
           "[endpoints.claude]\nkind = \"anthropic\"\nbase_url = \"" << server_->base_url()
        << "\"\nmodel = \"fake-claude\"\napi_key_env = \"" << kKeyEnv
        << "\"\nbackoff_initial_s = 0.001\nsystem = \"Answer exactly.\"\n";
    std::ofstream(dir_ / "suite.toml")
        << "name = \"endpoint-it\"\nseed = 3\njobs = 2\n"
           "[policy]\nname = \"endpoint:oai\"\nendpoints = \"endpoints.toml\"\n"
           "[search]\nsamples = 2\n"
           "[[problems]]\nfamily = \"tm_trace\"\nkind = \"tag\"\ncount = 3\n"
           "params = { steps = 4 }\n";
  }
  void TearDown() override { ::unsetenv(kKeyEnv); }

  // Runs, then writes stdout and stderr into the directory too, so the key scan covers them.
  CliResult run(const std::vector<std::string>& args, const std::string& log_name) {
    CliResult r = run_cli(args);
    std::ofstream(dir_ / (log_name + ".out")) << r.out;
    std::ofstream(dir_ / (log_name + ".err")) << r.err;
    return r;
  }

  TempDir dir_{"endpoint_run"};
  std::unique_ptr<endpoints::FakeServer> server_;
};

TEST_F(EndpointRun, OpenAiSuiteIsRecordedReportedAndReplayedFromTheCache) {
  CliResult r = run({"run", dir_ / "suite.toml", "--db", dir_ / "run.db", "--report", "json"},
                    "first");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(server_->unauthorized(), 0);
  const int64_t requests = server_->requests();
  EXPECT_EQ(requests, 3);  // n = 2 in one request per problem
  auto rows = read_rows(dir_ / "run.db");
  ASSERT_EQ(rows.size(), 6u);
  for (const auto& row : rows) {
    EXPECT_EQ(row.policy, "endpoint:oai");
    EXPECT_NE(row.candidate.find("fake reply"), std::string::npos) << row.candidate;
    EXPECT_TRUE(row.has_logprob);  // summed token logprobs reach the store
    EXPECT_EQ(row.verdict, "rejected");  // the fake's text is no trace
  }
  json report = json::parse(r.out);
  EXPECT_NE(report.dump().find("endpoint:oai"), std::string::npos) << report.dump(2);

  CliResult again = run({"report", "--db", dir_ / "run.db"}, "report");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("endpoint:oai"), std::string::npos) << again.out;

  // Same suite, same seed: every response comes from the cache, none from the network.
  CliResult replay = run({"run", dir_ / "suite.toml", "--db", dir_ / "run2.db", "-q",
                          "--report", "none"}, "replay");
  ASSERT_EQ(replay.exit_code, 0) << replay.err;
  EXPECT_EQ(server_->requests(), requests);
  auto replayed = read_rows(dir_ / "run2.db");
  ASSERT_EQ(replayed.size(), rows.size());
  std::multiset<std::string> a, b;
  for (size_t i = 0; i < rows.size(); ++i) a.insert(rows[i].candidate), b.insert(replayed[i].candidate);
  EXPECT_EQ(a, b);
}

TEST_F(EndpointRun, AnthropicByFlagsOverTheSuite) {
  CliResult r = run({"run", dir_ / "suite.toml", "--endpoint", "claude", "--endpoints",
                     dir_ / "endpoints.toml", "--db", dir_ / "run.db", "--report", "md"},
                    "anthropic");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(server_->requests(), 6);  // no n in Messages: one request per sample
  auto rows = read_rows(dir_ / "run.db");
  ASSERT_EQ(rows.size(), 6u);
  for (const auto& row : rows) {
    EXPECT_EQ(row.policy, "endpoint:claude");
    EXPECT_FALSE(row.has_logprob);
    EXPECT_GT(row.prompt_tokens, 0);
  }
  EXPECT_NE(r.out.find("endpoint:claude"), std::string::npos) << r.out;
}

TEST_F(EndpointRun, TheKeyReachesTheServerAndNoFileOrLog) {
  CliResult r = run({"run", dir_ / "suite.toml", "--db", dir_ / "run.db"}, "run");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  CliResult c = run({"run", dir_ / "suite.toml", "--endpoint", "claude", "--db", dir_ / "run.db"},
                    "run_claude");
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(server_->unauthorized(), 0);  // the key was sent, and it was the right one
  CliResult e = run({"export", "--db", dir_ / "run.db", "-o", dir_ / "export.jsonl"}, "export");
  EXPECT_EQ(e.exit_code, 0) << e.err;
  CliResult rep = run({"report", "--db", dir_ / "run.db", "--format", "json"}, "report");
  EXPECT_EQ(rep.exit_code, 0) << rep.err;
  EXPECT_TRUE(std::filesystem::exists(dir_ / "cache.db"));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "export.jsonl"));
  EXPECT_EQ(files_containing(dir_ / "", kKey), std::vector<std::string>{});
  // The endpoints file names the variable, so the run config may; the value is what matters.
  EXPECT_EQ(files_containing(dir_ / "", "5e1f0c2b9d8a"), std::vector<std::string>{});
}

TEST_F(EndpointRun, AWrongKeyFailsTheAttemptsWithoutLeakingEitherKey) {
  ::setenv(kKeyEnv, "sk-WRONG-0badc0ffee", 1);
  CliResult r = run({"run", dir_ / "suite.toml", "--db", dir_ / "run.db"}, "wrong");
  EXPECT_EQ(r.exit_code, 1) << r.err;  // nothing could be produced: left for resume
  EXPECT_GT(server_->unauthorized(), 0);
  EXPECT_NE(r.err.find("401"), std::string::npos) << r.err;
  EXPECT_EQ(read_rows(dir_ / "run.db").size(), 0u);
  EXPECT_EQ(files_containing(dir_ / "", "0badc0ffee"), std::vector<std::string>{});
  EXPECT_EQ(files_containing(dir_ / "", kKey), std::vector<std::string>{});

  ::setenv(kKeyEnv, kKey, 1);  // fixed: the resume produces every attempt
  CliResult resumed = run({"run", "--resume", "1", "--db", dir_ / "run.db"}, "resumed");
  EXPECT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(read_rows(dir_ / "run.db").size(), 6u);
}

// Bad endpoint configuration: exit 2, a message naming where, and no file written.
TEST_F(EndpointRun, BadEndpointConfigWritesNothing) {
  std::ofstream(dir_ / "bad.toml") << "[endpoints.oai]\nkind = \"openai\"\nbase_url = \""
                                   << server_->base_url() << "\"\nmodel = \"m\"\nconcurency = 4\n";
  struct Case {
    std::vector<std::string> extra;
    std::string expect;
  } cases[] = {
      {{"--endpoints", dir_ / "bad.toml"}, "bad.toml:5: [endpoints.oai]: unknown key \"concurency\""},
      {{"--endpoints", dir_ / "missing.toml"}, "missing.toml: cannot open endpoints file"},
      {{"--endpoint", "nope"}, "no endpoint named \"nope\" (known: claude, oai)"},
      {{"--endpoint", "oai", "--policy", "builtin"}, "not both"},
      {{"--policy", "endpoint:"}, "needs an endpoint name"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"run", dir_ / "suite.toml", "--db", dir_ / "run.db"};
    args.insert(args.end(), c.extra.begin(), c.extra.end());
    CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << c.expect << "\n" << r.err;
    EXPECT_NE(r.err.find(c.expect), std::string::npos) << r.err;
  }
  ::unsetenv(kKeyEnv);
  CliResult r = run_cli({"run", dir_ / "suite.toml", "--db", dir_ / "run.db"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(std::string("environment variable ") + kKeyEnv), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "run.db"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "cache.db"));
  EXPECT_EQ(server_->requests(), 0);
}

}  // namespace
}  // namespace tcs::testing
