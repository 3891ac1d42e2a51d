// Attempts and proofs through the writer thread: batching, ordering, idempotence, failures.
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "tests/unit/store/fixture.hpp"
#include "tests/unit/store/raw_sqlite.hpp"

namespace tcs::store::testing {
namespace {

using ::testing::HasSubstr;

// A store with one run over problems p0..p(n-1).
class AttemptsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    store_ = open_store();
    ASSERT_NE(store_, nullptr);
    run_ = *store_->create_run("s", "{}", 7, "v");
    ASSERT_TRUE(store_->add_problems(run_, make_problems(4)).ok());
  }
  std::unique_ptr<Store> store_;
  int64_t run_ = 0;
};

TEST_F(AttemptsTest, RoundTripEveryFieldInRunOrder) {
  // Enqueued out of order; read back by the problem's position in the run, then index.
  std::vector<std::pair<int, int>> order = {{2, 1}, {0, 2}, {0, 0}, {2, 0}, {1, 0}};
  for (auto [p, i] : order)
    store_->enqueue_attempt(make_attempt(run_, "test/toy/p" + std::to_string(p), i));
  ASSERT_TRUE(store_->flush().ok());

  auto rows = store_->attempts(run_);
  std::vector<std::pair<int, int>> expected = {{0, 0}, {0, 2}, {1, 0}, {2, 0}, {2, 1}};
  ASSERT_EQ(rows.size(), expected.size());
  for (size_t k = 0; k < rows.size(); ++k) {
    auto want =
        make_attempt(run_, "test/toy/p" + std::to_string(expected[k].first), expected[k].second);
    EXPECT_TRUE(same_attempt(rows[k], want)) << "row " << k << ": " << rows[k].problem_id;
  }
  EXPECT_FALSE(rows[0].logprob.has_value());  // index 0: stored as NULL
  EXPECT_TRUE(rows[1].logprob.has_value());
  EXPECT_EQ(store_->attempt_count(run_), 5);
  EXPECT_EQ(store_->attempt_count(run_ + 1), 0);
  std::set<std::pair<std::string, int64_t>> keys = {{"test/toy/p0", 0},
                                                    {"test/toy/p0", 2},
                                                    {"test/toy/p1", 0},
                                                    {"test/toy/p2", 0},
                                                    {"test/toy/p2", 1}};
  EXPECT_EQ(store_->attempt_keys(run_), keys);
}

TEST_F(AttemptsTest, ReEnqueuedAttemptKeepsTheFirstCopy) {
  store_->enqueue_attempt(make_attempt(run_, "test/toy/p0", 0));
  ASSERT_TRUE(store_->flush().ok());
  AttemptRow again = make_attempt(run_, "test/toy/p0", 0);
  again.candidate = "a different candidate";
  store_->enqueue_attempt(again);
  store_->enqueue_attempt(again);
  ASSERT_TRUE(store_->flush().ok());
  auto rows = store_->attempts(run_);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(same_attempt(rows[0], make_attempt(run_, "test/toy/p0", 0)));
}

TEST_F(AttemptsTest, ProofsPerRunAndAcrossRuns) {
  int64_t other = *store_->create_run("t", "{}", 8, "v");
  ASSERT_TRUE(store_->add_problems(other, make_problems(2)).ok());
  store_->enqueue_proof({run_, "test/toy/p1", 3, "lean", "by simp"});
  store_->enqueue_proof({other, "test/toy/p0", 0, "native", "42"});
  store_->enqueue_proof({run_, "test/toy/p0", 5, "z3", "(smt)"});
  store_->enqueue_proof({run_, "test/toy/p0", 5, "z3", "duplicate: ignored"});
  ASSERT_TRUE(store_->flush().ok());

  auto mine = store_->proofs(run_);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].problem_id, "test/toy/p0");
  EXPECT_EQ(mine[0].text, "(smt)");
  EXPECT_EQ(mine[0].backend, "z3");
  EXPECT_EQ(mine[1].attempt_index, 3);
  auto all = store_->proofs(0);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].run_id, other);  // p0/0 sorts first
  EXPECT_EQ(raw_scalar(path(), "SELECT count(*) FROM proofs WHERE created_at LIKE '____-__-__T%Z'"),
            "3");
}

TEST_F(AttemptsTest, AttemptForUnknownProblemFailsItsBatchAndIsReportedOnce) {
  store_->enqueue_attempt(make_attempt(run_, "test/toy/nope", 0));
  Status status = store_->flush();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, core::ErrorCode::io);
  EXPECT_THAT(status.error().message, HasSubstr("FOREIGN KEY"));
  EXPECT_THAT(status.error().message, HasSubstr(path()));
  EXPECT_TRUE(store_->flush().ok());  // reported once
  store_->enqueue_attempt(make_attempt(run_, "test/toy/p0", 0));
  EXPECT_TRUE(store_->flush().ok());  // the writer keeps going
  EXPECT_EQ(store_->attempt_count(run_), 1);
}

// Holds the database's write lock from another connection so that rows pile up in the queue,
// then releases it: the rows queued behind the poisoned one share its batch and must all be
// rolled back with it.
TEST_F(AttemptsTest, FailedBatchIsRolledBackAsAWhole) {
  sqlite3* locker = nullptr;
  ASSERT_EQ(sqlite3_open(path().c_str(), &locker), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(locker, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  store_->enqueue_attempt(make_attempt(run_, "test/toy/p0", 0));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the writer takes it and waits
  store_->enqueue_attempt(make_attempt(run_, "test/toy/nope", 0));
  for (int i = 1; i <= 10; ++i) store_->enqueue_attempt(make_attempt(run_, "test/toy/p1", i));
  ASSERT_EQ(sqlite3_exec(locker, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(locker);

  EXPECT_FALSE(store_->flush().ok());
  for (const auto& key : store_->attempt_keys(run_)) EXPECT_NE(key.first, "test/toy/p1");
}

TEST_F(AttemptsTest, DestructorCommitsWhatIsQueued) {
  for (int i = 0; i < 5000; ++i) store_->enqueue_attempt(make_attempt(run_, "test/toy/p3", i));
  store_.reset();
  auto reopened = open_store();
  EXPECT_EQ(reopened->attempt_count(run_), 5000);
}

TEST_F(AttemptsTest, ManyProducersAndReadersLoseAndDuplicateNothing) {
  constexpr int kThreads = 4, kPerThread = 3000;
  std::atomic<bool> writing = true;
  std::thread reader([&] {
    int64_t last = 0;
    while (writing) {
      int64_t now = store_->attempt_count(run_);
      EXPECT_GE(now, last);  // committed rows never disappear
      last = now;
    }
  });
  std::vector<std::thread> producers;
  for (int t = 0; t < kThreads; ++t) {
    producers.emplace_back([&, t] {
      const std::string problem = "test/toy/p" + std::to_string(t);
      // Each thread also re-sends the first half: INSERT OR IGNORE must absorb it.
      for (int i = 0; i < kPerThread; ++i) store_->enqueue_attempt(make_attempt(run_, problem, i));
      for (int i = 0; i < kPerThread / 2; ++i)
        store_->enqueue_attempt(make_attempt(run_, problem, i));
      EXPECT_TRUE(store_->flush().ok());
    });
  }
  for (auto& p : producers) p.join();
  writing = false;
  reader.join();
  EXPECT_EQ(store_->attempt_count(run_), kThreads * kPerThread);
  EXPECT_EQ(store_->attempt_keys(run_).size(), static_cast<size_t>(kThreads * kPerThread));
}

}  // namespace
}  // namespace tcs::store::testing
