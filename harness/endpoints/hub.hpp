// EndpointHub: the endpoints of one endpoints file, sharing one HttpPool and one response
// cache, and the LLM policies built on them. The CLI makes one hub per process and hands
// `make_policy` to the runner as its PolicyMaker:
//
//   auto hub = EndpointHub::open(*load_endpoints("endpoints.toml"));
//   parts.make_policy = [&](const std::string& p, const core::Family& f) {
//     return is_endpoint_policy(p) ? (*hub)->make_policy(p, f) : runner::make_builtin_policy(p, f);
//   };
//
// Thread-safe: policies from one hub may run on many threads at once.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "harness/core/expected.hpp"
#include "harness/core/family.hpp"
#include "harness/endpoints/cache.hpp"
#include "harness/endpoints/config.hpp"
#include "harness/endpoints/endpoint.hpp"
#include "harness/endpoints/http_pool.hpp"

namespace tcs::endpoints {

// "endpoint:NAME" names an endpoint policy.
bool is_endpoint_policy(const std::string& policy);

class EndpointHub {
 public:
  // The pool starts here, and the response cache when the config names one (its file appears
  // with the first stored response, so bad input found later leaves nothing behind).
  static core::Expected<std::unique_ptr<EndpointHub>> open(EndpointsConfig config);
  ~EndpointHub();

  // The endpoint called NAME, created on first use. Errors: unknown name (listing the known
  // ones), or its api_key_env variable unset.
  core::Expected<Endpoint*> endpoint(const std::string& name);
  // "endpoint:NAME" -> an LlmPolicy for the family (prompt templates loaded and checked now).
  core::Expected<std::unique_ptr<core::Policy>> make_policy(const std::string& policy,
                                                            const core::Family& family);
  const EndpointsConfig& config() const { return config_; }
  ResponseCache* cache() { return cache_.get(); }  // null when the config names no cache

 private:
  EndpointHub() = default;
  EndpointsConfig config_;
  std::unique_ptr<ResponseCache> cache_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Endpoint>> endpoints_;
  std::unique_ptr<HttpPool> pool_;
};

}  // namespace tcs::endpoints
