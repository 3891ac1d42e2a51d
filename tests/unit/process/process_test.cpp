// The runner against a real child program (process_child): every outcome, both pipes, the
// process group, rlimits, and reaping.
#include <dirent.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "provers/process/process.hpp"
#include "provers/process/session.hpp"

namespace tcs::process {
namespace {

Spec child(std::vector<std::string> args) {
  Spec s;
  s.argv = {PROCESS_CHILD};
  s.argv.insert(s.argv.end(), args.begin(), args.end());
  return s;
}

// Children of this process that exist (running or zombie), from /proc.
int count_children() {
  int n = 0;
  DIR* dir = opendir("/proc");
  const std::string me = std::to_string(getpid());
  while (dirent* e = readdir(dir)) {
    std::ifstream stat(std::string("/proc/") + e->d_name + "/stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    // pid (comm) state ppid ...: comm may hold spaces, so parse after the last ')'.
    auto close = line.rfind(')');
    std::istringstream rest(line.substr(close + 2));
    std::string state, ppid;
    rest >> state >> ppid;
    if (ppid == me) ++n;
  }
  closedir(dir);
  return n;
}

bool process_gone(pid_t pid) {
  for (int i = 0; i < 100; ++i) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line)) return true;
    if (line.find(") Z ") != std::string::npos) return true;  // dead, waiting for init
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

TEST(Process, ExitStatusIsOkOrFailed) {
  EXPECT_EQ(run(child({"exit", "0"})).outcome, Outcome::ok);
  Result r = run(child({"exit", "3"}));
  EXPECT_EQ(r.outcome, Outcome::failed);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.message.find("status 3"), std::string::npos) << r.message;
}

TEST(Process, StdinIsWrittenAndBothPipesAreDrained) {
  Spec s = child({"echo"});
  s.stdin_text = std::string(300000, 'a') + "end";
  Result r = run(s);
  EXPECT_EQ(r.outcome, Outcome::ok);
  EXPECT_EQ(r.out, s.stdin_text);
  // Megabytes on both pipes at once: a runner reading them one after the other deadlocks.
  Result f = run(child({"flood", "4000000"}));
  EXPECT_EQ(f.outcome, Outcome::ok);
  EXPECT_GE(f.out.size(), 4000000u);
  EXPECT_EQ(f.out.size(), f.err.size());
}

TEST(Process, AChildThatIgnoresItsInputDoesNotKillUs) {
  Spec s = child({"exit", "0"});
  s.stdin_text = std::string(1 << 20, 'x');  // more than a pipe holds
  EXPECT_EQ(run(s).outcome, Outcome::ok);
}

TEST(Process, OutputBeyondTheCapIsDroppedAndSaid) {
  Spec s = child({"flood", "1000000"});
  s.max_output_bytes = 1000;
  Result r = run(s);
  EXPECT_EQ(r.outcome, Outcome::ok);
  EXPECT_EQ(r.out.size(), 1000u);
  EXPECT_TRUE(r.truncated);
}

TEST(Process, WallClockLimitStopsTheChild) {
  Spec s = child({"sleep", "30"});
  s.wall_seconds = 0.3;
  Result r = run(s);
  EXPECT_EQ(r.outcome, Outcome::timeout);
  EXPECT_EQ(r.signal, SIGTERM);
  EXPECT_LT(r.seconds, 3.0);
}

TEST(Process, IgnoredSigtermIsFollowedBySigkill) {
  Spec s = child({"ignore-term", "30"});
  s.wall_seconds = 0.3;
  s.grace_seconds = 0.2;
  Result r = run(s);
  EXPECT_EQ(r.outcome, Outcome::timeout);
  EXPECT_EQ(r.signal, SIGKILL);
  EXPECT_LT(r.seconds, 3.0);
}

TEST(Process, TheWholeProcessGroupIsKilled) {
  Spec s = child({"grandchild", "30"});
  s.wall_seconds = 0.5;
  Result r = run(s);
  EXPECT_EQ(r.outcome, Outcome::timeout);
  pid_t grandchild = std::atoi(r.out.c_str());
  ASSERT_GT(grandchild, 0) << r.out;
  EXPECT_TRUE(process_gone(grandchild));
  // The leader exiting normally does not leave its grandchild running either.
  Result quick = run(child({"grandchild", "0.05"}));
  EXPECT_EQ(quick.outcome, Outcome::ok);
  EXPECT_TRUE(process_gone(std::atoi(quick.out.c_str())));
}

TEST(Process, MemoryLimitIsOutOfMemory) {
  Spec s = child({"alloc", "400"});
  s.memory_mb = 200;
  Result r = run(s);
  EXPECT_EQ(r.outcome, Outcome::out_of_memory) << r.message << r.err;
  // The same child within its limit is fine.
  s.argv = child({"alloc", "20"}).argv;
  EXPECT_EQ(run(s).outcome, Outcome::ok);
}

TEST(Process, CpuLimitIsTimeout) {
  Spec s = child({"spin"});
  s.cpu_seconds = 1;
  s.wall_seconds = 20;
  Result r = run(s);
  EXPECT_EQ(r.outcome, Outcome::timeout);
  EXPECT_EQ(r.signal, SIGXCPU);
  EXPECT_NE(r.message.find("CPU"), std::string::npos);
}

TEST(Process, ASignalWeDidNotSendIsACrash) {
  Result r = run(child({"segv"}));
  EXPECT_EQ(r.outcome, Outcome::crashed);
  EXPECT_EQ(r.signal, SIGSEGV);
}

TEST(Process, AMissingExecutableIsASpawnError) {
  Spec s;
  s.argv = {"tcs-no-such-program-here"};
  Result r = run(s);
  EXPECT_EQ(r.outcome, Outcome::spawn_error);
  EXPECT_NE(r.message.find("tcs-no-such-program-here"), std::string::npos);
  EXPECT_TRUE(find_executable("tcs-no-such-program-here").empty());
  EXPECT_FALSE(find_executable("sh").empty());
}

TEST(Process, ArgumentsAreNeverSeenByAShell) {
  Spec s = child({"env", "TCS_TEST_VAR"});
  s.env = {"TCS_TEST_VAR=$(echo pwned); `id`"};
  Result r = run(s);
  EXPECT_EQ(r.out, "$(echo pwned); `id`\n");
  Spec p = child({"pwd"});
  p.cwd = "/tmp";
  EXPECT_EQ(run(p).out, "/tmp\n");
}

TEST(Process, AThousandSpawnsLeaveNoZombie) {
  const int before = count_children();
  for (int i = 0; i < 1000; ++i) {
    Result r = run(child({"exit", std::to_string(i % 2)}));
    ASSERT_EQ(r.outcome, i % 2 ? Outcome::failed : Outcome::ok) << i;
  }
  EXPECT_EQ(count_children(), before);
}

std::optional<size_t> until_blank_line(std::string_view buffer) {
  auto at = buffer.find("\n\n");
  if (at == std::string_view::npos) return std::nullopt;
  return at + 2;
}

TEST(Session, FramesComeBackInOrder) {
  auto session = Session::start(child({"lines"}));
  ASSERT_TRUE(session.ok()) << session.error().message;
  auto& s = **session;
  ASSERT_TRUE(s.send("one\ntwo\n").ok());
  EXPECT_EQ(s.read_frame(until_blank_line, 5).text, "one!\n\n");
  EXPECT_EQ(s.read_frame(until_blank_line, 5).text, "two!\n\n");
  auto none = s.read_frame(until_blank_line, 0.2);
  EXPECT_EQ(none.status, Session::ReadStatus::timeout);
  EXPECT_TRUE(s.running());
  Result r = s.stop();
  EXPECT_FALSE(s.running());
  EXPECT_EQ(s.stop().signal, r.signal);  // idempotent
  EXPECT_EQ(s.send("three\n").ok(), false);
}

TEST(Session, AnExitedChildIsReported) {
  auto session = Session::start(child({"exit", "0"}));
  ASSERT_TRUE(session.ok());
  auto frame = (*session)->read_frame(until_blank_line, 5);
  EXPECT_EQ(frame.status, Session::ReadStatus::exited);
}

}  // namespace
}  // namespace tcs::process
