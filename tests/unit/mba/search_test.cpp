// Tree search on MBA goals through the runner, with the real z3 step environment and the noisy
// built-in policy in step mode: best-first and HyperTree find proofs, and every stored proof
// is re-checked here once more as a whole script by a fresh checker.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "generators/mba/family.hpp"
#include "harness/runner/report.hpp"
#include "harness/runner/run.hpp"
#include "provers/z3/z3.hpp"

namespace tcs::mba {
namespace {

class MbaSearch : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    families_.add(make_family());
    backends_.add("z3", [] { return z3b::make_checker(); });
    backends_.add_env("z3", [] { return z3b::make_proof_env(); });
    dir_ = std::filesystem::temp_directory_path() /
           ("tcs_mba_search_" + std::to_string(getpid()) + "_" + GetParam());
    std::filesystem::create_directories(dir_);
    auto s = store::Store::open((dir_ / "run.db").string());
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // A tree-search run of the suite's settings plus `sources`, prepared, created and executed.
  runner::RunConfig config(uint64_t seed, const std::string& policy, const std::string& budget) {
    runner::RunConfig c;
    c.seed = seed;
    c.policy = policy;
    c.strategy = GetParam();
    c.budget = budget;
    c.jobs = 2;
    c.limits.wall_seconds = 5;
    return c;
  }
  int64_t run(const runner::RunConfig& config, std::vector<core::Problem>& problems) {
    const runner::RunParts parts{families_, &backends_};
    auto prepared = runner::prepare_run(config, parts);
    EXPECT_TRUE(prepared.ok()) << prepared.error().message;
    if (!prepared) return -1;
    problems = *prepared;
    auto id = runner::create_run(*store_, config, problems, "test");
    EXPECT_TRUE(id.ok());
    if (!id) return -1;
    core::Env env;
    auto summary = runner::execute_run(*store_, *id, parts, env, {});
    EXPECT_TRUE(summary.ok()) << summary.error().message;
    EXPECT_EQ(summary->attempts_done, static_cast<int64_t>(problems.size()));
    return *id;
  }

  core::FamilyRegistry families_;
  core::BackendRegistry backends_;
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_P(MbaSearch, FindsProofsOfEveryClassThatRecheckAsWholeScripts) {
  runner::RunConfig c = config(7, "builtin:noise=0.2", "1x3x120");
  for (const char* kind : {"linear", "polynomial", "nonpoly"})
    c.sources.push_back({"mba", kind, 2, {{"width", 64}, {"vars", 2}, {"terms", 3}}, ""});
  std::vector<core::Problem> problems;
  const int64_t id = run(c, problems);
  ASSERT_GT(id, 0);
  ASSERT_EQ(problems.size(), 6u);

  const auto attempts = store_->attempts(id);
  ASSERT_EQ(attempts.size(), 6u);
  int verified = 0;
  for (const auto& a : attempts) {
    verified += a.verdict == core::VerdictKind::verified;
    const auto detail = core::Json::parse(a.detail_json);
    EXPECT_EQ(detail["strategy"], GetParam());
    EXPECT_LE(detail["expansions"].get<int64_t>(), 120 + 8);
  }
  EXPECT_GE(verified, 5) << "noise 0.2 should rarely defeat a search of 120 expansions";

  const auto proofs = store_->proofs(id);
  EXPECT_EQ(static_cast<int>(proofs.size()), verified);
  for (const auto& proof : proofs) {
    const core::Problem* p = nullptr;
    for (const auto& q : problems)
      if (q.id == proof.problem_id) p = &q;
    ASSERT_NE(p, nullptr);
    core::Limits limits;
    limits.wall_seconds = 20;
    const core::Verdict v = z3b::make_checker()->check(*p, {proof.text, "z3", core::CandidateMode::whole, {}}, limits);
    EXPECT_EQ(v.kind, core::VerdictKind::verified) << p->id << ": " << v.message << "\n" << proof.text;
    EXPECT_GT(v.detail["steps"].get<int64_t>(), 1);  // a real step proof, not one (smt)
  }
}

// A suite whose [search] is a tree search and whose one group samples instead: the report
// labels each group's rows with the search that ran them.
TEST_P(MbaSearch, ReportLabelsASampledGroupInATreeSearchSuite) {
  runner::RunConfig c = config(3, "builtin", "1x3x60");
  const core::Json params = {{"width", 64}, {"vars", 2}, {"terms", 3}};
  c.sources.push_back({"mba", "linear", 2, params, "", "", ""});
  c.sources.push_back({"mba", "polynomial", 2, params, "", "sample", ""});
  std::vector<core::Problem> problems;
  const int64_t id = run(c, problems);
  ASSERT_GT(id, 0);
  auto report = runner::build_report(*store_, id, families_);
  ASSERT_TRUE(report.ok()) << report.error().message;
  std::map<std::string, std::string> search_of_kind;
  for (const auto& row : report->rows) search_of_kind[row.kind] = row.search;
  EXPECT_EQ(search_of_kind["linear"], GetParam());
  EXPECT_EQ(search_of_kind["polynomial"], "sample");
}

INSTANTIATE_TEST_SUITE_P(Strategies, MbaSearch, ::testing::Values("best_first", "hypertree"));

}  // namespace
}  // namespace tcs::mba
