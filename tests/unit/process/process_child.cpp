// A small program the process tests start: each mode exercises one thing the runner must
// handle (exit codes, floods on both pipes, ignored SIGTERM, grandchildren, memory, CPU).
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace {

void sleep_s(double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); }

int flood(long bytes) {
  std::string chunk(4096, 'x');
  for (long done = 0; done < bytes; done += 4096) {
    std::fwrite(chunk.data(), 1, chunk.size(), stdout);
    std::fwrite(chunk.data(), 1, chunk.size(), stderr);
  }
  return 0;
}

// Prints the grandchild's pid, then sleeps; the grandchild sleeps longer.
int grandchild(double s) {
  pid_t pid = fork();
  if (pid == 0) {
    sleep_s(s * 10);
    _exit(0);
  }
  std::printf("%d\n", static_cast<int>(pid));
  std::fflush(stdout);
  sleep_s(s);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  double arg = argc > 2 ? std::atof(argv[2]) : 0;
  if (mode == "exit") return static_cast<int>(arg);
  if (mode == "echo") {
    std::cout << std::cin.rdbuf();
    return 0;
  }
  if (mode == "lines") {  // answers each line with "<line>!" and a blank line
    std::string line;
    while (std::getline(std::cin, line)) std::cout << line << "!\n\n" << std::flush;
    return 0;
  }
  if (mode == "sleep") sleep_s(arg);
  if (mode == "ignore-term") {
    signal(SIGTERM, SIG_IGN);
    sleep_s(arg);
  }
  if (mode == "flood") return flood(static_cast<long>(arg));
  if (mode == "grandchild") return grandchild(arg);
  if (mode == "alloc") {  // MB, touched page by page
    std::vector<char*> blocks;
    for (int i = 0; i < arg; ++i) {
      blocks.push_back(new char[1 << 20]);
      std::memset(blocks.back(), 1, 1 << 20);
    }
    std::printf("allocated %zu MB\n", blocks.size());
    return 0;
  }
  if (mode == "spin") {
    volatile unsigned long x = 0;
    for (;;) x = x + 1;
  }
  if (mode == "segv") raise(SIGSEGV);
  if (mode == "env") std::printf("%s\n", std::getenv(argv[2]) ? std::getenv(argv[2]) : "");
  if (mode == "pwd") std::printf("%s\n", get_current_dir_name());
  return 0;
}
