// TMBench's own file formats through the CLI: a data file written here is imported, its
// simulated states checked against step_results, run with the built-in policy; a results file
// written here is scored with numbers computed here.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "tests/integration/cli_process.hpp"
#include "tests/integration/tag_reference.hpp"

namespace tcs::testing {
namespace {

using nlohmann::json;

struct Sample {
  std::string id, init;
  std::map<char, std::string> rules;
};

const std::vector<Sample> kSamples = {
    {"s0", "DBEEAA", {{'A', "CE"}, {'B', "D"}, {'C', "AB"}, {'D', "EAE"}, {'E', "C"}}},
    {"s1", "ABCA", {{'A', "B"}, {'B', "CA"}, {'C', "A"}, {'D', "D"}, {'E', "AA"}}},
    {"s2", "EECA", {{'A', "C"}, {'B', "A"}, {'C', "D"}, {'D', "B"}, {'E', "E"}}},  // halts
};

json tmbench_file(int steps, bool corrupt) {
  json samples = json::array();
  for (const auto& s : kSamples) {
    bool halts = false;
    auto states = simulate_tag(2, s.rules, s.init, steps, halts);
    if (corrupt && s.id == "s1") states[3] += "A";
    json rule = json::object();
    for (const auto& [k, v] : s.rules) rule[std::string(1, k)] = v;
    samples.push_back({{"id", s.id}, {"init_str", s.init}, {"rule", rule}, {"delete_count", 2},
                       {"step_results", states}});
  }
  return {{"symbol_set", {"A", "B", "C", "D", "E"}}, {"delete_count", 2},
          {"max_step", steps + 1}, {"samples", samples}};
}

TEST(Tmbench, ImportReproducesStepResultsAndTheBuiltinPolicySolvesEveryOne) {
  TempDir dir("tmbench_import");
  std::ofstream(dir / "tmbench.json") << tmbench_file(12, false).dump(1);
  CliResult r = run_cli({"import", "tmbench", dir / "tmbench.json", "--out", dir / "p.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(read_file(dir / "p.jsonl"));
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    json p = json::parse(line);
    EXPECT_EQ(p["kind"], "tag");
    bool halts = false;
    auto states = simulate_tag(p["params"], halts);
    const Sample& s = kSamples.at(count);
    bool expected_halts = false;
    EXPECT_EQ(states, simulate_tag(2, s.rules, s.init, 12, expected_halts)) << s.id;
    EXPECT_EQ(p["answer"]["states"], states) << s.id;
  }
  EXPECT_EQ(count, 3);
  bool halts = false;
  simulate_tag(2, kSamples[2].rules, kSamples[2].init, 12, halts);
  EXPECT_TRUE(halts) << "the test wants one halting sample";

  CliResult run = run_cli({"run", "--problems", dir / "p.jsonl", "--policy", "builtin", "--db",
                           dir / "r.db", "--report", "json", "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(json::parse(run.out)["total"]["solved"], 3);
}

TEST(Tmbench, ImportRejectsStepResultsThatDisagreeWithSimulation) {
  TempDir dir("tmbench_bad");
  std::ofstream(dir / "tmbench.json") << tmbench_file(8, true).dump();
  CliResult r = run_cli({"import", "tmbench", dir / "tmbench.json", "--out", dir / "p.jsonl"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("\"s1\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("step 3"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "p.jsonl"));
}

// An answer in TMBench's format for `states`, with the states at `wrong` steps altered.
std::string answer(const std::vector<std::string>& states, std::set<size_t> wrong) {
  std::string out;
  for (size_t i = 0; i < states.size(); ++i) {
    std::string shown;
    for (char c : states[i] + (wrong.count(i) ? "B" : "")) (shown += c) += ' ';
    out += "### step " + std::to_string(i) + ":\n   - Queue State: [" + shown + "]\n\n";
  }
  return out;
}

TEST(Tmbench, ScoreMatchesNumbersComputedHere) {
  TempDir dir("tmbench_score");
  const int steps = 9;  // states 0..9: ten steps per non-halting sample
  json file = tmbench_file(steps, false);
  std::vector<std::vector<std::string>> truth;
  for (auto& s : file["samples"]) truth.push_back(s["step_results"].get<std::vector<std::string>>());
  // s0 all right; s1 wrong at steps 2 and 5; s2 (halting, shorter) wrong at its step 1.
  file["samples"][0]["ans"] = answer(truth[0], {});
  file["samples"][1]["ans"] = answer(truth[1], {2, 5});
  file["samples"][2]["ans"] = answer(truth[2], {1});
  std::ofstream(dir / "results.json") << file.dump();

  // ACC(i) over samples that have step i; Uni = mean, Lin weighted by i + 1.
  size_t longest = 0;
  for (auto& t : truth) longest = std::max(longest, t.size());
  double uni = 0, lin = 0, weights = 0;
  for (size_t i = 0; i < longest; ++i) {
    int have = 0, right = 0;
    for (size_t s = 0; s < truth.size(); ++s) {
      if (i >= truth[s].size()) continue;
      ++have;
      right += !((s == 1 && (i == 2 || i == 5)) || (s == 2 && i == 1));
    }
    double acc = 1.0 * right / have;
    uni += acc / longest;
    lin += acc * (i + 1);
    weights += i + 1;
  }
  CliResult r = run_cli({"score", "tmbench", dir / "results.json", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json score = json::parse(r.out);
  EXPECT_EQ(score["n"], 3);
  EXPECT_NEAR(score["uni"].get<double>(), uni, 1e-12);
  EXPECT_NEAR(score["lin"].get<double>(), lin / weights, 1e-12);
  EXPECT_NEAR(score["pass"].get<double>(), 1.0 / 3, 1e-12);
}

}  // namespace
}  // namespace tcs::testing
