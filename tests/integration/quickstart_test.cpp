// The Quick-start main job (the smoke suite with the built-in policy) on a temporary database,
// its report checked against an independent computation: problems come from `export`,
// candidates straight from SQLite, and tag-system traces are simulated and parsed here with
// code that shares nothing with the family's own simulator and checker.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <map>
#include <regex>
#include <sstream>

#include "tests/integration/cli_process.hpp"
#include "tests/integration/tag_reference.hpp"

namespace tcs::testing {
namespace {

using nlohmann::json;

// Per-step correctness of a TMBench-format answer, read with a regex (slow and simple).
std::string grade_tag(const std::string& answer, const std::vector<std::string>& truth, bool halts,
                      bool& passed) {
  static const std::regex block(R"(### step (\d+):[^#]*?Queue State: \[([^\]]*)\]( <halt>)?)");
  std::map<size_t, std::pair<std::string, bool>> seen;
  for (auto it = std::sregex_iterator(answer.begin(), answer.end(), block);
       it != std::sregex_iterator(); ++it) {
    std::string state;
    for (char c : (*it)[2].str())
      if (c != ' ' && c != ',') state += c;
    seen.emplace(std::stoul((*it)[1]), std::pair{state, (*it)[3].matched});
  }
  std::string correct;
  for (size_t i = 0; i < truth.size(); ++i) {
    auto s = seen.find(i);
    bool halt_here = halts && i + 1 == truth.size();
    correct += s != seen.end() && s->second.first == truth[i] && s->second.second == halt_here
                   ? '1' : '0';
  }
  passed = seen.size() == truth.size() && correct.find('0') == std::string::npos;
  return correct;
}

struct Attempt {
  std::string problem, verdict, candidate, search;  // search: "sample" or the tree strategy
};

std::vector<Attempt> read_attempts(const std::string& path) {
  std::vector<Attempt> out;
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT problem_id, verdict, candidate, "
                         "coalesce(json_extract(detail_json, '$.strategy'), 'sample') FROM attempts",
                     -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    auto text = [&](int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, i))); };
    out.push_back({text(0), text(1), text(2), text(3)});  // the smoke suite has both searches
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

// The numbers one report row should show, computed here.
struct Expected {
  int64_t problems = 0, attempts = 0, solved = 0, passed = 0;
  std::vector<int64_t> right, total;  // per step
};

TEST(QuickStart, SmokeSuiteReportMatchesAnIndependentComputation) {
  TempDir dir("quickstart");
  const std::string db = dir / "smoke.db";
  CliResult run = run_cli({"run", std::string(TCSPROVE_SOURCE_DIR) + "/benchmarks/suites/smoke.toml",
                           "--db", db, "--report", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("done:"), std::string::npos) << "progress lines go to stderr";
  json report = json::parse(run.out);
  EXPECT_EQ(report["run"]["status"], "finished");
  EXPECT_EQ(report["run"]["policy"], "builtin:noise=0.05");
  const int64_t samples = report["run"]["samples"];

  CliResult exported = run_cli({"export", "--db", db, "--format", "jsonl"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  std::map<std::string, json> problems;
  std::istringstream lines(exported.out);
  for (std::string line; std::getline(lines, line);) {
    json p = json::parse(line);
    problems[p["id"]] = p;
  }

  std::map<std::string, std::vector<Attempt>> by_problem;
  for (auto& a : read_attempts(db)) by_problem[a.problem].push_back(a);

  std::map<std::tuple<std::string, std::string, std::string, std::string>, Expected> rows;
  int64_t searched = 0;
  for (const auto& [id, p] : problems) {
    const auto& attempts = by_problem[id];
    ASSERT_FALSE(attempts.empty()) << id;
    const std::string search = attempts.front().search;
    auto& row = rows[{p["family"], p["kind"], p["difficulty"]["level"], search}];
    // k samples, or one tree search (a proof re-checked as a whole script).
    ASSERT_EQ(static_cast<int64_t>(attempts.size()), search == "sample" ? samples : 1) << id;
    searched += search != "sample";
    row.problems += 1;
    row.attempts += attempts.size();
    bool solved = false;
    for (const auto& a : attempts) {
      if (p["kind"] == "tag") {
        bool halts = false, passed = false;
        auto truth = simulate_tag(p["params"], halts);
        std::string correct = grade_tag(a.candidate, truth, halts, passed);
        // The stored verdict must agree with the independent grading, attempt by attempt.
        EXPECT_EQ(a.verdict == "verified", passed) << id << "\n" << a.candidate;
        if (row.total.size() < correct.size()) {
          row.total.resize(correct.size());
          row.right.resize(correct.size());
        }
        for (size_t i = 0; i < correct.size(); ++i) {
          row.total[i] += 1;
          row.right[i] += correct[i] == '1';
        }
      }
      row.passed += a.verdict == "verified";
      solved |= a.verdict == "verified";
    }
    row.solved += solved;
  }

  ASSERT_EQ(report["rows"].size(), rows.size());
  int64_t tag_rows = 0;
  for (const auto& r : report["rows"]) {
    auto it = rows.find({r["family"], r["kind"], r["difficulty"], r.value("search", "sample")});
    ASSERT_NE(it, rows.end()) << r.dump();
    const Expected& e = it->second;
    EXPECT_EQ(r["problems"], e.problems) << r.dump();
    EXPECT_EQ(r["attempts"], e.attempts) << r.dump();
    EXPECT_EQ(r["solved"], e.solved) << r.dump();
    EXPECT_NEAR(r["metrics"]["pass@1"].get<double>(), 1.0 * e.passed / e.attempts, 1e-9);
    if (r["family"] != "tm_trace") continue;
    EXPECT_NEAR(r["metrics"]["pass"].get<double>(), 1.0 * e.passed / e.attempts, 1e-9);
    if (r["kind"] != "tag") continue;
    ++tag_rows;
    double uni = 0, lin = 0, weights = 0;
    for (size_t i = 0; i < e.total.size(); ++i) {
      double acc = 1.0 * e.right[i] / e.total[i];
      uni += acc / e.total.size();
      lin += acc * (i + 1);
      weights += i + 1;
    }
    EXPECT_NEAR(r["metrics"]["uni"].get<double>(), uni, 1e-9) << r.dump();
    EXPECT_NEAR(r["metrics"]["lin"].get<double>(), lin / weights, 1e-9) << r.dump();
  }
  EXPECT_GT(tag_rows, 0);
  EXPECT_GT(searched, 0);  // the MBA tree-search groups ran
  // Noise 0.05 must leave the run neither trivially perfect nor hopeless.
  EXPECT_GT(report["total"]["verdicts"]["rejected"].get<int64_t>(), 0);
  EXPECT_GT(report["total"]["solved"].get<int64_t>(), 0);
}

}  // namespace
}  // namespace tcs::testing
