// Where the Lean tools are. Lean is not bundled: users point tcsprove at their own `lake`,
// Lean project and REPL build, or at a checking server.
//
// Found, in order (later wins): defaults; the TOML file named by $TCSPROVE_LEAN_CONFIG;
// environment variables. The file:
//
//   [lean]
//   mode = "file"              # "file" (lake env lean), "repl" (a REPL pool) or "server"
//   project = "/path/to/lean/project"   # a Lake project whose dependencies are built
//   lake = "lake"              # or a path
//   repl = ["lake", "exe", "repl"]      # argv of one REPL, run in `project`
//   server = "http://127.0.0.1:8000"    # kimina-lean-server
//   pool_size = 2
//   max_uses = 200             # restart a REPL after this many commands
//   max_rss_mb = 8192          # restart a REPL above this resident memory
//
// Environment: TCSPROVE_LEAN_PROJECT, TCSPROVE_LAKE, TCSPROVE_LEAN_REPL (a command line split
// on spaces), TCSPROVE_LEAN_SERVER (sets mode "server" unless TCSPROVE_LEAN_MODE says
// otherwise), TCSPROVE_LEAN_MODE, TCSPROVE_LEAN_SERVER_KEY (never logged or stored).
// Without any of these the "lean" back-end is not registered.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "harness/core/expected.hpp"

namespace tcs::lean {

enum class Mode { file, repl, server };

struct LeanConfig {
  Mode mode = Mode::file;
  std::string project;
  std::string lake = "lake";
  std::vector<std::string> repl = {"lake", "exe", "repl"};
  std::string server;
  std::string server_key;
  int pool_size = 1;
  int max_uses = 200;
  int64_t max_rss_mb = 0;
};

// `env` is the process environment as a map (tests pass their own).
core::Expected<LeanConfig> load_config(const std::map<std::string, std::string>& env);
core::Expected<LeanConfig> load_config_from_environment();
core::Expected<LeanConfig> read_config_file(const std::string& path);

// Empty when this configuration can check: the mode's tools exist. Otherwise why not.
std::string unavailable_reason(const LeanConfig& config);

}  // namespace tcs::lean
