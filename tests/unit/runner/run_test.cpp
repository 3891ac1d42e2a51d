// The runner end to end in-process, on a small fake family whose behaviour the tests control,
// with a real SQLite store in a temporary directory.
#include "harness/runner/run.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "harness/runner/export.hpp"
#include "harness/runner/report.hpp"

namespace tcs::runner {
namespace {

using core::Candidate;
using core::Problem;
using core::Verdict;

// Knobs the tests turn; the fake family reads them.
struct FakeKnobs {
  std::atomic<bool> recheck_disagrees{false};  // a fresh checker rejects what the first accepted
  std::atomic<bool> policy_down{false};
  std::atomic<int> checker_instances{0};
  std::string backend = "native";  // the back-end the fake policy's candidates target
};
FakeKnobs knobs;

// Problem i asks for i*i; sample j answers right when j is even.
class FakePolicy : public core::Policy {
 public:
  std::string name() const override { return "builtin"; }
  core::Expected<std::vector<Candidate>> propose(const core::PolicyQuery& q) override {
    if (knobs.policy_down) return core::Error{core::ErrorCode::io, "endpoint down"};
    std::vector<Candidate> out;
    for (int64_t j = q.first_index; j < q.first_index + q.count; ++j) {
      int64_t answer = q.problem->answer.get<int64_t>() + (j % 2);
      out.push_back({std::to_string(answer), knobs.backend, core::CandidateMode::answer, {"builtin"}});
    }
    return out;
  }
};

class FakeChecker : public core::Checker {
 public:
  FakeChecker() : instance_(knobs.checker_instances++) {}
  std::string_view backend() const override { return "native"; }
  Verdict check(const Problem& p, const Candidate& c, const core::Limits&) override {
    if (knobs.recheck_disagrees && instance_ > 0) return Verdict::rejected("second opinion");
    bool right = c.text == std::to_string(p.answer.get<int64_t>());
    Verdict v = right ? Verdict::verified() : Verdict::rejected("wrong number");
    v.detail = {{"right", right}};
    return v;
  }

 private:
  int instance_;
};

class FakeMetrics : public core::MetricsAccumulator {
 public:
  void add(const Problem&, const std::vector<core::AttemptOutcome>& attempts) override {
    for (const auto& a : attempts) right_ += a.detail && (*a.detail)["right"].get<bool>();
    n_ += attempts.size();
  }
  core::OrderedJson result() const override { return {{"right_share", n_ ? 1.0 * right_ / n_ : 0}}; }

 private:
  int64_t right_ = 0, n_ = 0;
};

class FakeFamily : public core::Family {
 public:
  std::string_view name() const override { return "fake"; }
  std::vector<std::string> kinds() const override { return {"square"}; }
  core::Expected<std::vector<Problem>> generate(const core::GenerateRequest& r) const override {
    std::vector<Problem> out;
    for (int64_t i = 0; i < r.count; ++i) {
      Problem p;
      p.id = "fake/square/" + std::to_string(i);
      p.family = "fake";
      p.kind = "square";
      p.difficulty = {i < r.count / 2 ? "easy" : "hard", static_cast<double>(i)};
      p.answer = i * i;
      out.push_back(p);
    }
    return out;
  }
  std::string prompt(const Problem& p) const override { return "square of " + p.id; }
  std::unique_ptr<core::Checker> native_checker() const override {
    return std::make_unique<FakeChecker>();
  }
  core::Expected<std::unique_ptr<core::Policy>> builtin_policy(std::string_view o) const override {
    if (!o.empty()) return core::bad_input("fake policy takes no options");
    return std::unique_ptr<core::Policy>(std::make_unique<FakePolicy>());
  }
  std::unique_ptr<core::MetricsAccumulator> metrics() const override {
    return std::make_unique<FakeMetrics>();
  }
};

class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    knobs.recheck_disagrees = false;
    knobs.policy_down = false;
    knobs.backend = "native";
    families_.add(std::make_unique<FakeFamily>());
    dir_ = std::filesystem::temp_directory_path() /
           ("tcs_runner_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    auto s = store::Store::open((dir_ / "run.db").string());
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(*s);
    config_.samples = 4;
    config_.jobs = 2;
    config_.sources.push_back({"fake", "square", 10, core::Json::object(), ""});
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  int64_t start() {
    auto problems = prepare_run(config_, RunParts{families_});
    EXPECT_TRUE(problems.ok());
    auto id = create_run(*store_, config_, *problems, "test");
    EXPECT_TRUE(id.ok());
    return *id;
  }

  core::FamilyRegistry families_;
  core::Env env_;
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  RunConfig config_;
};

TEST_F(RunnerTest, EveryAttemptStoredOnceAndProofsAreTheVerifiedOnes) {
  int64_t run = start();
  auto summary = execute_run(*store_, run, RunParts{families_}, env_, {});
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->attempts_total, 40);
  EXPECT_EQ(summary->attempts_new, 40);
  EXPECT_EQ(store_->attempt_count(run), 40);
  EXPECT_EQ(summary->unchecked, 0);
  // Samples 0 and 2 are right for every problem: 20 proofs.
  EXPECT_EQ(store_->proofs(run).size(), 20u);
  EXPECT_EQ(store_->run(run)->status, "finished");
  // Executing again finds nothing to do and changes nothing.
  auto again = execute_run(*store_, run, RunParts{families_}, env_, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->attempts_new, 0);
  EXPECT_EQ(store_->attempt_count(run), 40);
}

TEST_F(RunnerTest, ReportGroupsByDifficultyWithFamilyMetricsAndPassAtK) {
  int64_t run = start();
  ASSERT_TRUE(execute_run(*store_, run, RunParts{families_}, env_, {}).ok());
  auto report = build_report(*store_, run, families_);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->rows.size(), 2u);
  EXPECT_EQ(report->rows[0].difficulty, "easy");  // ordered by difficulty score
  EXPECT_EQ(report->rows[0].problems, 5);
  EXPECT_EQ(report->rows[0].attempts, 20);
  EXPECT_EQ(report->rows[0].solved, 5);
  EXPECT_DOUBLE_EQ(report->rows[0].metrics["right_share"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(report->rows[0].metrics["pass@1"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(report->rows[0].metrics["pass@4"].get<double>(), 1.0);
  auto json = report_json(*report);
  EXPECT_EQ(json["rows"][1]["difficulty"], "hard");
  EXPECT_EQ(json["total"]["attempts"], 40);
  EXPECT_EQ(json["total"]["verdicts"]["rejected"], 20);
  EXPECT_NE(report_markdown(*report).find("| fake | square | easy | 5 | 20 | 5 (100.0%) |"),
            std::string::npos)
      << report_markdown(*report);
}

TEST_F(RunnerTest, ARecheckThatDisagreesIsAnErrorNeverAProof) {
  knobs.recheck_disagrees = true;
  knobs.checker_instances = 0;
  config_.jobs = 1;  // one worker: checker instance 0 checks first, every later one re-checks
  int64_t run = start();
  auto summary = execute_run(*store_, run, RunParts{families_}, env_, {});
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(store_->proofs(run).size(), 0u);
  EXPECT_EQ(summary->unchecked, 20);
  for (const auto& a : store_->attempts(run))
    if (a.attempt_index % 2 == 0) {
      EXPECT_EQ(a.verdict, core::VerdictKind::error);
      EXPECT_NE(a.message.find("soundness alarm"), std::string::npos);
    }
}

TEST_F(RunnerTest, PolicyFailuresAreLeftForResumeNotRecorded) {
  int64_t run = start();
  knobs.policy_down = true;
  auto down = execute_run(*store_, run, RunParts{families_}, env_, {});
  ASSERT_TRUE(down.ok());
  EXPECT_EQ(down->policy_failures, 40);
  EXPECT_EQ(store_->attempt_count(run), 0);
  EXPECT_EQ(store_->run(run)->status, "interrupted");
  knobs.policy_down = false;
  auto resumed = execute_run(*store_, run, RunParts{families_}, env_, {});
  ASSERT_TRUE(resumed.ok());
  EXPECT_EQ(resumed->attempts_new, 40);
  EXPECT_EQ(store_->run(run)->status, "finished");
}

TEST_F(RunnerTest, CandidatesGoToTheBackEndTheyName) {
  knobs.backend = "other";
  config_.jobs = 1;
  int64_t run = start();
  // Without an "other" back-end every attempt is an error that says so.
  auto missing = execute_run(*store_, run, RunParts{families_}, env_, {});
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing->unchecked, 40);
  EXPECT_NE(store_->attempts(run).at(0).message.find("no back-end \"other\""), std::string::npos);
  // With it registered, a fresh run is checked there.
  core::BackendRegistry backends;
  int made = 0;
  backends.add("other", [&made] {
    ++made;
    return std::unique_ptr<core::Checker>(std::make_unique<FakeChecker>());
  });
  int64_t second = start();
  auto checked = execute_run(*store_, second, RunParts{families_, &backends}, env_, {});
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(checked->unchecked, 0);
  EXPECT_EQ(store_->proofs(second).size(), 20u);
  EXPECT_EQ(made, 1 + 20);  // one reused checker for the one worker, one fresh per re-check
}

TEST_F(RunnerTest, ExportHasStatementsAnswersAndOnlyVerifiedProofs) {
  int64_t run = start();
  ASSERT_TRUE(execute_run(*store_, run, RunParts{families_}, env_, {}).ok());
  std::stringstream out;
  auto records = export_jsonl(*store_, run, out);
  ASSERT_TRUE(records.ok());
  EXPECT_EQ(*records, 10);
  std::string line;
  int lines = 0;
  while (std::getline(out, line)) {
    auto j = core::Json::parse(line);
    ASSERT_EQ(j["proofs"].size(), 2u) << line;
    for (const auto& proof : j["proofs"])
      EXPECT_EQ(proof["text"], std::to_string(j["answer"].get<int64_t>()));
    ++lines;
  }
  EXPECT_EQ(lines, 10);
}

TEST_F(RunnerTest, BadPolicyOptionsFailBeforeAnythingIsWritten) {
  config_.policy = "builtin:nonsense=1";
  auto problems = prepare_run(config_, RunParts{families_});
  ASSERT_FALSE(problems.ok());
  EXPECT_NE(problems.error().message.find("fake policy takes no options"), std::string::npos);
  config_.policy = "openai";
  EXPECT_FALSE(prepare_run(config_, RunParts{families_}).ok());
  EXPECT_TRUE(store_->runs().empty());
}

}  // namespace
}  // namespace tcs::runner
