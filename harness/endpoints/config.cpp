#include "harness/endpoints/config.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>

#include <toml++/toml.h>

namespace tcs::endpoints {

using core::bad_input;
using core::Status;

std::string_view to_string(Protocol protocol) {
  return protocol == Protocol::openai ? "openai" : "anthropic";
}

const EndpointConfig* EndpointsConfig::find(const std::string& name) const {
  auto it = endpoints.find(name);
  return it == endpoints.end() ? nullptr : &it->second;
}

namespace {

struct Reader {
  const std::string& source;
  const toml::table& table;
  std::string where;  // "[endpoints.NAME]"

  core::Error at(const toml::node& node, const std::string& message) const {
    return bad_input(source + ":" + std::to_string(node.source().begin.line) + ": " + where +
                     ": " + message);
  }
  template <class T>
  Status get(const char* key, T& out, const char* type_name) const {
    const toml::node* node = table.get(key);
    if (!node) return {};
    std::optional<T> value;
    if constexpr (std::is_same_v<T, double>) value = node->value<double>();
    else value = node->value_exact<T>();
    if (!value) return at(*node, std::string("\"") + key + "\" must be " + type_name);
    out = *value;
    return {};
  }
  Status str(const char* key, std::string& out) const { return get(key, out, "a string"); }
  Status flag(const char* key, bool& out) const { return get(key, out, "true or false"); }
  Status num(const char* key, double& out, double min) const {
    if (auto s = get(key, out, "a number"); !s) return s;
    if (table.get(key) && !(out >= min))
      return at(*table.get(key), std::string("\"") + key + "\" must be at least " +
                                     std::to_string(min));
    return {};
  }
  Status opt_num(const char* key, std::optional<double>& out) const {
    if (!table.get(key)) return {};
    double v = 0;
    if (auto s = num(key, v, 0); !s) return s;
    out = v;
    return {};
  }
  Status integer(const char* key, int64_t& out, int64_t min) const {
    if (auto s = get(key, out, "an integer"); !s) return s;
    if (table.get(key) && out < min)
      return at(*table.get(key), std::string("\"") + key + "\" must be at least " +
                                     std::to_string(min));
    return {};
  }
  Status strings(const char* key, std::vector<std::string>& out) const {
    const toml::node* node = table.get(key);
    if (!node) return {};
    const toml::array* array = node->as_array();
    if (!array) return at(*node, std::string("\"") + key + "\" must be an array of strings");
    out.clear();
    for (const auto& item : *array) {
      auto s = item.value_exact<std::string>();
      if (!s) return at(item, std::string("\"") + key + "\" must hold strings only");
      out.push_back(*s);
    }
    return {};
  }
  Status only(const std::set<std::string>& allowed) const {
    for (const auto& [key, value] : table)
      if (!allowed.count(std::string(key.str())))
        return at(value, "unknown key \"" + std::string(key.str()) + "\"");
    return {};
  }
};

const std::set<std::string> kKeys = {
    "kind", "protocol", "api", "base_url", "model", "api_key_env", "anthropic_version",
    "temperature", "top_p", "max_tokens", "max_tokens_field", "stop", "supports_n", "logprobs",
    "send_seed", "stream", "concurrency", "rate_per_second", "burst", "max_attempts",
    "backoff_initial_s", "backoff_max_s", "retry_after_max_s", "connect_timeout_s", "timeout_s",
    "stream_idle_s", "max_body_bytes", "prompts_dir", "system", "backend", "extract"};

Status read_kind(const Reader& r, EndpointConfig& c) {
  std::string kind, protocol;
  if (auto s = r.str("kind", kind); !s) return s;
  if (auto s = r.str("protocol", protocol); !s) return s;
  const toml::node& anchor = r.table.get("kind") ? *r.table.get("kind") : r.table;
  if (kind.empty()) return r.at(anchor, "\"kind\" is required (openai, anthropic or replay)");
  if (kind == "replay") {
    c.replay = true;
    kind = protocol.empty() ? "openai" : protocol;  // the recorded endpoint's protocol
  } else if (!protocol.empty()) {
    return r.at(*r.table.get("protocol"), "\"protocol\" is only for kind = \"replay\"");
  }
  if (kind == "openai") c.protocol = Protocol::openai;
  else if (kind == "anthropic") c.protocol = Protocol::anthropic;
  else return r.at(anchor, "unknown kind \"" + kind + "\" (expected openai, anthropic, replay)");
  c.supports_n = c.protocol == Protocol::openai;
  c.logprobs = c.protocol == Protocol::openai;
  return {};
}

Status read_strings(const Reader& r, EndpointConfig& c) {
  for (auto [key, out] : std::initializer_list<std::pair<const char*, std::string*>>{
           {"api", &c.api}, {"base_url", &c.base_url}, {"model", &c.model},
           {"api_key_env", &c.api_key_env}, {"anthropic_version", &c.anthropic_version},
           {"max_tokens_field", &c.max_tokens_field}, {"prompts_dir", &c.prompts_dir},
           {"system", &c.system}, {"backend", &c.backend}, {"extract", &c.extract}})
    if (auto s = r.str(key, *out); !s) return s;
  if (auto s = r.strings("stop", c.stop); !s) return s;
  for (auto [key, out] : std::initializer_list<std::pair<const char*, bool*>>{
           {"supports_n", &c.supports_n}, {"logprobs", &c.logprobs},
           {"send_seed", &c.send_seed}, {"stream", &c.stream}})
    if (auto s = r.flag(key, *out); !s) return s;
  return {};
}

Status read_numbers(const Reader& r, EndpointConfig& c) {
  Status s;
  if (!(s = r.opt_num("temperature", c.temperature)) || !(s = r.opt_num("top_p", c.top_p)) ||
      !(s = r.integer("max_tokens", c.max_tokens, 1)) ||
      !(s = r.integer("concurrency", c.concurrency, 1)) ||
      !(s = r.num("rate_per_second", c.rate_per_second, 0)) || !(s = r.num("burst", c.burst, 0)) ||
      !(s = r.integer("max_attempts", c.max_attempts, 1)) ||
      !(s = r.num("backoff_initial_s", c.backoff_initial_s, 0)) ||
      !(s = r.num("backoff_max_s", c.backoff_max_s, 0)) ||
      !(s = r.num("retry_after_max_s", c.retry_after_max_s, 0)) ||
      !(s = r.num("connect_timeout_s", c.connect_timeout_s, 0.001)) ||
      !(s = r.num("timeout_s", c.timeout_s, 0.001)) ||
      !(s = r.num("stream_idle_s", c.stream_idle_s, 0.001)) ||
      !(s = r.integer("max_body_bytes", c.max_body_bytes, 1024)))
    return s;
  return {};
}

Status check_values(const Reader& r, const EndpointConfig& c) {
  auto bad = [&](const char* key, const std::string& what) {
    return r.at(r.table.get(key) ? *r.table.get(key) : r.table, what);
  };
  if (c.base_url.rfind("http://", 0) != 0 && c.base_url.rfind("https://", 0) != 0)
    return bad("base_url", "\"base_url\" is required and must start with http:// or https://");
  if (c.model.empty()) return bad("model", "\"model\" is required");
  if (c.api != "chat" && c.api != "completions")
    return bad("api", "\"api\" must be \"chat\" or \"completions\"");
  if (c.api == "completions" && c.protocol != Protocol::openai)
    return bad("api", "\"api\" = \"completions\" exists for openai endpoints only");
  if (c.max_tokens_field != "max_tokens" && c.max_tokens_field != "max_completion_tokens")
    return bad("max_tokens_field", "\"max_tokens_field\" must be max_tokens or "
                                   "max_completion_tokens");
  if (c.extract != "whole" && c.extract != "last_code_block")
    return bad("extract", "\"extract\" must be \"whole\" or \"last_code_block\"");
  if (c.protocol == Protocol::anthropic && (c.supports_n || c.logprobs))
    return bad(c.supports_n ? "supports_n" : "logprobs",
               "the Anthropic Messages API has neither n nor logprobs");
  return {};
}

core::Expected<EndpointConfig> read_endpoint(const std::string& source, const std::string& name,
                                             const toml::table& table, const std::string& dir) {
  Reader r{source, table, "[endpoints." + name + "]"};
  EndpointConfig c;
  c.name = name;
  Status s;
  if (!(s = r.only(kKeys)) || !(s = read_kind(r, c)) || !(s = read_strings(r, c)) ||
      !(s = read_numbers(r, c)) || !(s = check_values(r, c)))
    return s.error();
  while (!c.base_url.empty() && c.base_url.back() == '/') c.base_url.pop_back();
  if (!c.prompts_dir.empty() && std::filesystem::path(c.prompts_dir).is_relative())
    c.prompts_dir = (std::filesystem::path(dir) / c.prompts_dir).string();
  return c;
}

}  // namespace

core::Expected<EndpointsConfig> parse_endpoints(const std::string& text, const std::string& source) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    return bad_input(source + ":" + std::to_string(e.source().begin.line) + ": " +
                     std::string(e.description()));
  }
  EndpointsConfig out;
  out.source = source;
  const std::string dir = std::filesystem::path(source).parent_path().string();
  Reader top{source, root, "top level"};
  if (auto s = top.only({"cache", "endpoints"}); !s) return s.error();
  out.cache_path = "endpoints-cache.db";
  if (auto s = top.str("cache", out.cache_path); !s) return s.error();
  if (!out.cache_path.empty() && std::filesystem::path(out.cache_path).is_relative())
    out.cache_path = (std::filesystem::path(dir) / out.cache_path).string();
  const toml::node* list = root.get("endpoints");
  if (!list || !list->as_table())
    return bad_input(source + ": expected [endpoints.NAME] tables");
  for (const auto& [key, node] : *list->as_table()) {
    const std::string name(key.str());
    if (!node.as_table()) return top.at(node, "endpoints." + name + " must be a table");
    auto endpoint = read_endpoint(source, name, *node.as_table(), dir);
    if (!endpoint) return endpoint.error();
    out.endpoints.emplace(name, std::move(*endpoint));
  }
  return out;
}

core::Expected<EndpointsConfig> load_endpoints(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error{core::ErrorCode::bad_input, path + ": cannot open endpoints file"};
  return parse_endpoints(std::string(std::istreambuf_iterator<char>(in), {}), path);
}

core::Expected<std::string> api_key(const EndpointConfig& config) {
  if (config.api_key_env.empty()) return std::string();
  const char* value = std::getenv(config.api_key_env.c_str());
  if (!value || !*value)
    return bad_input("endpoint " + config.name + ": environment variable " + config.api_key_env +
                     " (api_key_env) is not set");
  return std::string(value);
}

}  // namespace tcs::endpoints
