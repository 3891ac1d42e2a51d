// Crash safety: a writer killed with SIGKILL mid-run loses at most its uncommitted batches,
// leaves a consistent database, and a resumed run completes it without duplicates.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "tests/unit/store/fixture.hpp"
#include "tests/unit/store/raw_sqlite.hpp"

namespace tcs::store::testing {
namespace {

constexpr int kProblems = 4;
constexpr int64_t kRows = 100'000;
constexpr int64_t kKillAfter = 20'000;  // committed rows seen by the parent before it kills

// Row i goes to problem i % kProblems with attempt index i, in this order.
AttemptRow row_for(int64_t run_id, int64_t i) {
  return make_attempt(run_id, "test/toy/p" + std::to_string(i % kProblems), i);
}

void enqueue_all(Store& store, int64_t run_id) {
  for (int64_t i = 0; i < kRows; ++i) store.enqueue_attempt(row_for(run_id, i));
}

[[noreturn]] void child_writes(const std::string& path, int64_t run_id) {
  auto store = Store::open(path);
  if (!store.ok()) _exit(3);
  enqueue_all(**store, run_id);
  (*store)->flush();
  _exit(0);  // only reached if the parent was too slow to kill us
}

// Polls the database from a second Store until enough rows are committed, then SIGKILLs.
// Returns true if the child was killed (rather than finishing first).
bool kill_midway(const std::string& path, int64_t run_id, pid_t child) {
  auto observer = Store::open(path);
  EXPECT_TRUE(observer.ok());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (observer.ok() && (*observer)->attempt_count(run_id) < kKillAfter &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  kill(child, SIGKILL);
  int wstatus = 0;
  EXPECT_EQ(waitpid(child, &wstatus, 0), child);
  return WIFSIGNALED(wstatus) && WTERMSIG(wstatus) == SIGKILL;
}

TEST_F(StoreTest, KilledWriterLeavesAConsistentPrefixAndResumesWithoutDuplicates) {
  int64_t run_id = 0;
  {
    auto store = open_store();  // closed before fork: the child must not inherit threads
    ASSERT_NE(store, nullptr);
    run_id = *store->create_run("crash", "{}", 1, "v");
    ASSERT_TRUE(store->add_problems(run_id, make_problems(kProblems)).ok());
  }
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) child_writes(path(), run_id);
  ASSERT_TRUE(kill_midway(path(), run_id, child)) << "the child finished before it was killed";

  EXPECT_EQ(raw_scalar(path(), "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(raw_scalar(path(), "PRAGMA foreign_key_check"), "");
  auto store = open_store();
  ASSERT_NE(store, nullptr);

  // One writer commits in enqueue order, so what survived is rows 0..k-1, each complete.
  auto survivors = store->attempts(run_id);
  const int64_t k = static_cast<int64_t>(survivors.size());
  EXPECT_GE(k, kKillAfter);
  EXPECT_LT(k, kRows);
  std::vector<bool> seen(kRows, false);
  for (const auto& row : survivors) {
    ASSERT_TRUE(row.attempt_index >= 0 && row.attempt_index < k) << row.attempt_index;
    EXPECT_FALSE(seen[row.attempt_index]);
    seen[row.attempt_index] = true;
    EXPECT_TRUE(same_attempt(row, row_for(run_id, row.attempt_index))) << row.attempt_index;
  }

  // Resume: re-send everything; the survivors are ignored, the rest are added once.
  enqueue_all(*store, run_id);
  ASSERT_TRUE(store->flush().ok());
  EXPECT_EQ(store->attempt_count(run_id), kRows);
  auto all = store->attempts(run_id);
  ASSERT_EQ(static_cast<int64_t>(all.size()), kRows);
  std::vector<bool> present(kRows, false);
  for (const auto& row : all) {
    ASSERT_FALSE(present[row.attempt_index]) << "duplicate " << row.attempt_index;
    present[row.attempt_index] = true;
    ASSERT_TRUE(same_attempt(row, row_for(run_id, row.attempt_index))) << row.attempt_index;
  }
  EXPECT_EQ(raw_scalar(path(), "PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace tcs::store::testing
