// A replay double of the Lean REPL: plays one recorded transcript (NAME.in / NAME.expected.out)
// over stdin/stdout with the REPL's framing. Each request must equal (as JSON) the recorded one
// at the same position; anything else ends the process with status 3 and a message naming the
// request. `--hang-at K` never answers request K (0-based), to test timeouts.
// `--cycle-from K`: after the last request, the transcript continues again from request K, so a
// client may repeat requests K.. (e.g. bodies checked in one loaded header) more than once.
// The answers are the recorded ones; only the real REPL's env counter would differ.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

// Blocks of text separated by blank lines.
std::vector<std::string> blocks(std::istream& in) {
  std::vector<std::string> out;
  std::string line, block;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      if (!block.empty()) out.push_back(block);
      block.clear();
    } else {
      block += line + "\n";
    }
  }
  if (!block.empty()) out.push_back(block);
  return out;
}

std::vector<std::string> file_blocks(const char* path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "replay: cannot read " << path << "\n";
    std::exit(2);
  }
  return blocks(in);
}

bool next_request(std::string& block) {
  std::string line;
  block.clear();
  while (std::getline(std::cin, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      if (!block.empty()) return true;
    } else {
      block += line + "\n";
    }
  }
  return !block.empty();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: lean_repl_replay NAME.in NAME.expected.out [--hang-at K]\n";
    return 2;
  }
  const auto requests = file_blocks(argv[1]);
  const auto answers = file_blocks(argv[2]);
  long hang_at = -1, cycle_from = -1;
  for (int a = 3; a + 1 < argc; a += 2) {
    if (std::string(argv[a]) == "--hang-at") hang_at = std::atol(argv[a + 1]);
    if (std::string(argv[a]) == "--cycle-from") cycle_from = std::atol(argv[a + 1]);
  }
  std::string block;
  for (size_t k = 0; next_request(block); ++k) {
    if (cycle_from >= 0 && k == requests.size()) k = static_cast<size_t>(cycle_from);
    auto got = nlohmann::json::parse(block, nullptr, false);
    if (k >= requests.size() || k >= answers.size()) {
      std::cerr << "replay: unexpected request #" << k << " (the transcript has " << requests.size()
                << "): " << block;
      return 3;
    }
    auto want = nlohmann::json::parse(requests[k]);
    if (got.is_discarded() || got != want) {
      std::cerr << "replay: request #" << k << " differs.\n  expected: " << want.dump()
                << "\n  got:      " << block;
      return 3;
    }
    if (static_cast<long>(k) == hang_at)
      for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
    std::cout << answers[k] << "\n" << std::flush;
  }
  return 0;
}
