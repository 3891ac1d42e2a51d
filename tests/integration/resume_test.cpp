// A run killed with SIGKILL and resumed ends with exactly the attempts of a clean run.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <chrono>
#include <set>
#include <thread>
#include <tuple>

#include "tests/integration/cli_process.hpp"

namespace tcs::testing {
namespace {

using AttemptKey = std::tuple<std::string, int64_t, std::string, std::string, std::string>;

// Every attempt as (problem, index, verdict, candidate, detail), read with plain SQL.
std::multiset<AttemptKey> read_attempts(const std::string& db_path, int64_t* count = nullptr) {
  std::multiset<AttemptKey> rows;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return rows;
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* st = nullptr;
  const char* sql =
      "SELECT problem_id, attempt_index, verdict, candidate, coalesce(detail_json,'') FROM attempts";
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      auto text = [&](int i) {
        auto p = sqlite3_column_text(st, i);
        return p ? std::string(reinterpret_cast<const char*>(p)) : std::string();
      };
      rows.insert({text(0), sqlite3_column_int64(st, 1), text(2), text(3), text(4)});
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  if (count) *count = static_cast<int64_t>(rows.size());
  return rows;
}

int64_t committed_attempts(const std::string& db_path) {
  int64_t n = 0;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM attempts", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
      n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return n;
}

TEST(Resume, SigkilledRunResumesToExactlyTheCleanAttempts) {
  TempDir dir("resume");
  // Big enough that the kill lands mid-run on any machine: 4,000 problems x 4 samples.
  std::ofstream(dir / "suite.toml") << R"(
name = "resume"
seed = 11
jobs = 2
[policy]
name = "builtin:noise=0.1"
[search]
samples = 4
[[problems]]
family = "tm_trace"
kind = "tag"
count = 3000
[[problems]]
family = "tm_trace"
kind = "tape"
count = 1000
)";
  const int64_t total = 16000;
  pid_t pid = spawn_cli({"run", dir / "suite.toml", "--db", dir / "killed.db", "--quiet",
                         "--report", "none"},
                        dir / "out", dir / "err");
  ASSERT_GT(pid, 0);
  // Kill as soon as some (not all) attempts are committed.
  int64_t seen = 0;
  for (int i = 0; i < 20000 && seen == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (std::filesystem::exists(dir / "killed.db")) seen = committed_attempts(dir / "killed.db");
  }
  kill(pid, SIGKILL);
  EXPECT_EQ(wait_exit(pid), -1);  // died by the signal
  int64_t at_kill = committed_attempts(dir / "killed.db");
  ASSERT_GT(at_kill, 0);
  ASSERT_LT(at_kill, total) << "the run finished before the kill; make it bigger";

  CliResult resumed = run_cli({"run", "--resume", "1", "--db", dir / "killed.db", "--quiet",
                               "--report", "json"});
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  auto report = nlohmann::json::parse(resumed.out);
  EXPECT_EQ(report["run"]["status"], "finished");
  EXPECT_EQ(report["total"]["attempts"], total);

  CliResult clean = run_cli({"run", dir / "suite.toml", "--db", dir / "clean.db", "--quiet",
                             "--report", "none"});
  ASSERT_EQ(clean.exit_code, 0) << clean.err;
  int64_t killed_count = 0, clean_count = 0;
  auto killed_rows = read_attempts(dir / "killed.db", &killed_count);
  auto clean_rows = read_attempts(dir / "clean.db", &clean_count);
  EXPECT_EQ(killed_count, total);
  EXPECT_EQ(clean_count, total);
  EXPECT_TRUE(killed_rows == clean_rows) << "resumed run differs from a clean run";
  std::set<std::pair<std::string, int64_t>> keys;
  for (const auto& r : killed_rows) keys.insert({std::get<0>(r), std::get<1>(r)});
  EXPECT_EQ(static_cast<int64_t>(keys.size()), total) << "duplicated attempts";
}

}  // namespace
}  // namespace tcs::testing
