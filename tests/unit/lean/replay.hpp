// Starts the replay double (lean_repl_replay) on a transcript in tests/fixtures/lean-repl.
#pragma once

#include <string>

#include "provers/process/process.hpp"

namespace tcs::lean::testing {

inline process::Spec replay(const std::string& name, int hang_at = -1, int cycle_from = -1) {
  const std::string dir = std::string(TCSPROVE_SOURCE_DIR) + "/tests/fixtures/lean-repl/";
  process::Spec spec;
  spec.argv = {LEAN_REPL_REPLAY, dir + name + ".in", dir + name + ".expected.out"};
  if (hang_at >= 0) {
    spec.argv.push_back("--hang-at");
    spec.argv.push_back(std::to_string(hang_at));
  }
  if (cycle_from >= 0) {
    spec.argv.push_back("--cycle-from");
    spec.argv.push_back(std::to_string(cycle_from));
  }
  spec.grace_seconds = 0.1;
  return spec;
}

}  // namespace tcs::lean::testing
