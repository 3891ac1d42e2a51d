// Runs, problems, metrics and the read queries, through the public Store API.
#include <regex>

#include "tests/unit/store/fixture.hpp"
#include "tests/unit/store/raw_sqlite.hpp"

namespace tcs::store::testing {
namespace {

using core::ErrorCode;
using ::testing::HasSubstr;

const std::regex kIsoUtc(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)");

TEST_F(StoreTest, CreateRunRoundTripsEveryField) {
  auto store = open_store();
  auto id = store->create_run("bb-small", R"({"k":8})", 42, "v0.1-3-gabc");
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto run = store->run(*id);
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_EQ(run->id, *id);
  EXPECT_EQ(run->name, "bb-small");
  EXPECT_EQ(run->config_json, R"({"k":8})");
  EXPECT_EQ(run->seed, 42u);
  EXPECT_EQ(run->git_describe, "v0.1-3-gabc");
  EXPECT_EQ(run->status, "running");
  EXPECT_TRUE(std::regex_match(run->created_at, kIsoUtc)) << run->created_at;
  EXPECT_EQ(run->finished_at, "");
}

TEST_F(StoreTest, SeedsAtOrAbove2To63RoundTrip) {
  auto store = open_store();
  for (uint64_t seed :
       {uint64_t{0}, uint64_t{1} << 63, ~uint64_t{0}, uint64_t{0x8000000000000001}}) {
    auto id = store->create_run("s", "{}", seed, "v");
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(store->run(*id)->seed, seed);
  }
}

TEST_F(StoreTest, FinishRunSetsStatusAndTime) {
  auto store = open_store();
  int64_t id = *store->create_run("s", "{}", 1, "v");
  ASSERT_TRUE(store->finish_run(id, "finished").ok());
  auto run = store->run(id);
  EXPECT_EQ(run->status, "finished");
  EXPECT_TRUE(std::regex_match(run->finished_at, kIsoUtc)) << run->finished_at;
  EXPECT_GE(run->finished_at, run->created_at);
}

TEST_F(StoreTest, RunsAreListedInCreationOrder) {
  auto store = open_store();
  int64_t a = *store->create_run("a", "{}", 1, "v");
  int64_t b = *store->create_run("b", "{}", 2, "v");
  auto runs = store->runs();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].id, a);
  EXPECT_EQ(runs[1].id, b);
  EXPECT_EQ(runs[1].name, "b");
}

TEST_F(StoreTest, UnknownRunIsNotFoundEverywhere) {
  auto store = open_store();
  auto run = store->run(42);
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.error().code, ErrorCode::not_found);
  EXPECT_THAT(run.error().message, HasSubstr("42"));
  EXPECT_EQ(store->finish_run(42, "failed").error().code, ErrorCode::not_found);
  EXPECT_EQ(store->add_problems(42, make_problems(1)).error().code, ErrorCode::not_found);
  EXPECT_EQ(store->run_problems(42).error().code, ErrorCode::not_found);
  EXPECT_EQ(store->put_metric(42, "m", 1).error().code, ErrorCode::not_found);
}

TEST_F(StoreTest, ProblemsRoundTripInRunOrder) {
  auto store = open_store();
  int64_t id = *store->create_run("s", "{}", 1, "v");
  std::vector<core::Problem> problems = {make_problem("z", 3), make_problem("a", 1),
                                         make_problem("m", 2)};
  ASSERT_TRUE(store->add_problems(id, problems).ok());
  auto stored = store->run_problems(id);
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(*stored, problems);  // same order, every field
  EXPECT_EQ(raw_scalar(path(), "SELECT difficulty_score FROM problems WHERE id = 'test/toy/z'"),
            "3.0");
}

TEST_F(StoreTest, AddingProblemsAgainAppendsOnlyNewOnes) {
  auto store = open_store();
  int64_t id = *store->create_run("s", "{}", 1, "v");
  ASSERT_TRUE(store->add_problems(id, {make_problem("a"), make_problem("b")}).ok());
  ASSERT_TRUE(store->add_problems(id, {make_problem("b"), make_problem("c")}).ok());
  auto stored = store->run_problems(id);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 3u);
  EXPECT_EQ((*stored)[0].id, "test/toy/a");
  EXPECT_EQ((*stored)[1].id, "test/toy/b");
  EXPECT_EQ((*stored)[2].id, "test/toy/c");
  // A problem is stored once even when two runs use it.
  int64_t other = *store->create_run("t", "{}", 1, "v");
  ASSERT_TRUE(store->add_problems(other, {make_problem("a")}).ok());
  EXPECT_EQ(raw_scalar(path(), "SELECT count(*) FROM problems"), "3");
  EXPECT_EQ(store->run_problems(other)->size(), 1u);
}

TEST_F(StoreTest, AddProblemsIsAllOrNothing) {
  auto store = open_store();
  int64_t id = *store->create_run("s", "{}", 1, "v");
  raw_exec(path(),
           "CREATE TRIGGER refuse BEFORE INSERT ON problems WHEN new.id = 'test/toy/bad'"
           " BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
  auto status = store->add_problems(id, {make_problem("good"), make_problem("bad")});
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.error().message, HasSubstr("refused by test"));
  EXPECT_TRUE(store->run_problems(id)->empty());
  EXPECT_EQ(raw_scalar(path(), "SELECT count(*) FROM problems"), "0");
}

TEST_F(StoreTest, CorruptStoredProblemIsReportedNotThrown) {
  auto store = open_store();
  int64_t id = *store->create_run("s", "{}", 1, "v");
  ASSERT_TRUE(store->add_problems(id, {make_problem("a")}).ok());
  raw_exec(path(), "UPDATE problems SET json = '{not json'");
  auto stored = store->run_problems(id);
  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.error().code, ErrorCode::bad_input);
  EXPECT_THAT(stored.error().message, HasSubstr("test/toy/a"));
}

TEST_F(StoreTest, MetricsAreUpsertedAndSortedByName) {
  auto store = open_store();
  int64_t id = *store->create_run("s", "{}", 1, "v");
  ASSERT_TRUE(store->put_metric(id, "pass@1", 0.25).ok());
  ASSERT_TRUE(store->put_metric(id, "attempts", 8).ok());
  ASSERT_TRUE(store->put_metric(id, "pass@1", 0.5).ok());
  auto metrics = store->metrics(id);
  ASSERT_EQ(metrics.size(), 2u);
  EXPECT_EQ(metrics[0], std::make_pair(std::string("attempts"), 8.0));
  EXPECT_EQ(metrics[1], std::make_pair(std::string("pass@1"), 0.5));
  EXPECT_TRUE(store->metrics(id + 1).empty());
}

}  // namespace
}  // namespace tcs::store::testing
