// The REPL pool against the replay double: header reuse, use and memory caps, timeouts.
#include <thread>

#include <gtest/gtest.h>

#include "provers/lean/pool.hpp"
#include "tests/unit/lean/replay.hpp"

namespace tcs::lean {
namespace {

// def_eval: {"cmd": "def f := 37"} then {"cmd": "#check (rfl : f = 37)", "env": 0}.
const std::string kHeader = "def f := 37";
const std::string kBody = "#check (rfl : f = 37)";

PoolOptions options(int hang_at = -1) {
  PoolOptions o;
  o.repl = testing::replay("def_eval", hang_at, 1);
  return o;
}

void expect_checked(const ReplClient::Reply& r) {
  ASSERT_EQ(r.status, ReplClient::Status::ok) << r.problem;
  ASSERT_EQ(r.response.messages.size(), 1u);
  EXPECT_EQ(r.response.messages[0].data, "rfl : f = f");
}

TEST(ReplPool, TheHeaderIsLoadedOncePerReplAndReused) {
  ReplPool pool(options());
  for (int i = 0; i < 3; ++i) expect_checked(pool.run(kHeader, kBody, 5));
  EXPECT_EQ(pool.starts(), 1);
  EXPECT_EQ(pool.header_loads(), 1);
}

TEST(ReplPool, AUseCapRestartsTheRepl) {
  PoolOptions o = options();
  o.max_uses = 2;  // the header and one body
  ReplPool pool(o);
  for (int i = 0; i < 3; ++i) expect_checked(pool.run(kHeader, kBody, 5));
  EXPECT_EQ(pool.starts(), 3);
  EXPECT_EQ(pool.header_loads(), 3);
}

TEST(ReplPool, AMemoryCapRestartsTheRepl) {
  PoolOptions o = options();
  o.max_rss_mb = 1;  // any process is bigger
  ReplPool pool(o);
  for (int i = 0; i < 2; ++i) expect_checked(pool.run(kHeader, kBody, 5));
  EXPECT_EQ(pool.starts(), 2);
  EXPECT_GT(resident_mb(getpid()), 1);
}

TEST(ReplPool, ATimedOutCommandKillsTheReplAndTheNextOneStartsFresh) {
  ReplPool pool(options(1));  // never answers the body
  auto r = pool.run(kHeader, kBody, 0.3);
  EXPECT_EQ(r.status, ReplClient::Status::timeout);
  auto again = pool.run(kHeader, kBody, 0.3);
  EXPECT_EQ(again.status, ReplClient::Status::timeout);
  EXPECT_EQ(pool.starts(), 2);
  EXPECT_EQ(pool.header_loads(), 2);
}

TEST(ReplPool, SeveralThreadsShareTwoRepls) {
  PoolOptions o = options();
  o.size = 2;
  ReplPool pool(o);
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i)
        if (pool.run(kHeader, kBody, 5).status == ReplClient::Status::ok) ++ok;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 20);
  EXPECT_LE(pool.starts(), 2);
}

TEST(ReplPool, AHeaderThatDoesNotElaborateIsReported) {
  PoolOptions o;
  o.repl = testing::replay("no_goal_sorry");  // its command answers with errors
  ReplPool pool(o);
  auto r = pool.run("example : True := by\n  have h : set Nat := by sorry\n  sorry", "x", 5);
  EXPECT_NE(r.status, ReplClient::Status::ok);
  EXPECT_NE(r.problem.find("type expected"), std::string::npos) << r.problem;
}

}  // namespace
}  // namespace tcs::lean
