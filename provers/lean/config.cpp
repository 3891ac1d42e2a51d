#include "provers/lean/config.hpp"

#include <filesystem>
#include <sstream>

#include <toml++/toml.h>

#include "provers/process/process.hpp"

extern char** environ;

namespace tcs::lean {

namespace {

core::Expected<Mode> mode_from(const std::string& text, const std::string& where) {
  if (text == "file") return Mode::file;
  if (text == "repl") return Mode::repl;
  if (text == "server") return Mode::server;
  return core::bad_input(where + ": mode must be \"file\", \"repl\" or \"server\", not \"" + text +
                         "\"");
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

core::Expected<LeanConfig> read_config_file(const std::string& path) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return core::bad_input(path + ":" + std::to_string(e.source().begin.line) + ": " +
                           std::string(e.description()));
  }
  LeanConfig c;
  const toml::table* lean = table["lean"].as_table();
  if (!lean) return core::bad_input(path + ": no [lean] table");
  for (auto&& [key, value] : *lean) {
    const std::string k(key.str());
    const std::string where = path + ": lean." + k;
    if (k == "mode" && value.is_string()) {
      auto m = mode_from(*value.value<std::string>(), where);
      if (!m) return m.error();
      c.mode = *m;
    } else if (k == "project" && value.is_string())
      c.project = *value.value<std::string>();
    else if (k == "lake" && value.is_string())
      c.lake = *value.value<std::string>();
    else if (k == "server" && value.is_string())
      c.server = *value.value<std::string>();
    else if (k == "repl" && value.is_array()) {
      c.repl.clear();
      for (auto&& w : *value.as_array()) {
        if (!w.is_string()) return core::bad_input(where + ": expected an array of strings");
        c.repl.push_back(*w.value<std::string>());
      }
    } else if ((k == "pool_size" || k == "max_uses" || k == "max_rss_mb") && value.is_integer()) {
      int64_t n = *value.value<int64_t>();
      if (n < (k == "max_rss_mb" ? 0 : 1)) return core::bad_input(where + ": must be positive");
      if (k == "pool_size") c.pool_size = static_cast<int>(n);
      if (k == "max_uses") c.max_uses = static_cast<int>(n);
      if (k == "max_rss_mb") c.max_rss_mb = n;
    } else {
      return core::bad_input(where + ": unknown key or wrong type");
    }
  }
  return c;
}

core::Expected<LeanConfig> load_config(const std::map<std::string, std::string>& env) {
  auto get = [&env](const char* name) {
    auto it = env.find(name);
    return it == env.end() ? std::string() : it->second;
  };
  LeanConfig c;
  if (auto file = get("TCSPROVE_LEAN_CONFIG"); !file.empty()) {
    auto read = read_config_file(file);
    if (!read) return read.error();
    c = *read;
  }
  if (auto v = get("TCSPROVE_LEAN_PROJECT"); !v.empty()) c.project = v;
  if (auto v = get("TCSPROVE_LAKE"); !v.empty()) c.lake = v;
  if (auto v = get("TCSPROVE_LEAN_REPL"); !v.empty()) c.repl = words(v);
  if (auto v = get("TCSPROVE_LEAN_SERVER"); !v.empty()) {
    c.server = v;
    c.mode = Mode::server;
  }
  if (auto v = get("TCSPROVE_LEAN_SERVER_KEY"); !v.empty()) c.server_key = v;
  if (auto v = get("TCSPROVE_LEAN_MODE"); !v.empty()) {
    auto m = mode_from(v, "TCSPROVE_LEAN_MODE");
    if (!m) return m.error();
    c.mode = *m;
  }
  return c;
}

core::Expected<LeanConfig> load_config_from_environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string kv(*e);
    auto eq = kv.find('=');
    if (eq != std::string::npos && kv.rfind("TCSPROVE_", 0) == 0)
      env[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return load_config(env);
}

std::string unavailable_reason(const LeanConfig& c) {
  if (c.mode == Mode::server)
    return c.server.empty() ? "no checking server configured (TCSPROVE_LEAN_SERVER)" : "";
  if (c.project.empty())
    return "no Lean project configured (TCSPROVE_LEAN_PROJECT or lean.project)";
  if (!std::filesystem::is_directory(c.project))
    return "the Lean project " + c.project + " does not exist";
  const std::string tool = c.mode == Mode::repl ? (c.repl.empty() ? "" : c.repl[0]) : c.lake;
  if (tool.empty() || process::find_executable(tool).empty())
    return "`" + tool + "` not found on PATH";
  return "";
}

}  // namespace tcs::lean
