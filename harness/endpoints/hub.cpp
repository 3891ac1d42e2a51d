#include "harness/endpoints/hub.hpp"

#include "harness/endpoints/llm_policy.hpp"

namespace tcs::endpoints {

bool is_endpoint_policy(const std::string& policy) { return policy.rfind("endpoint:", 0) == 0; }

core::Expected<std::unique_ptr<EndpointHub>> EndpointHub::open(EndpointsConfig config) {
  std::unique_ptr<EndpointHub> hub(new EndpointHub());
  if (!config.cache_path.empty()) {  // creates no file until a response is stored
    auto cache = ResponseCache::open(config.cache_path);
    if (!cache) return cache.error();
    hub->cache_ = std::move(*cache);
  }
  for (const auto& [name, e] : config.endpoints)
    if (e.replay && config.cache_path.empty())
      return core::bad_input(config.source + ": endpoint " + name +
                             " is a replay endpoint, which needs the response cache (cache = \"\")");
  long per_host = 0;
  for (const auto& [name, e] : config.endpoints) per_host += static_cast<long>(e.concurrency);
  hub->config_ = std::move(config);
  hub->pool_ = std::make_unique<HttpPool>(HttpPoolOptions{per_host, std::max(per_host, 64L) + 64});
  return hub;
}

// Endpoints first: each waits on the I/O thread until nothing queued there can touch it.
EndpointHub::~EndpointHub() {
  endpoints_.clear();
  pool_.reset();
}

core::Expected<Endpoint*> EndpointHub::endpoint(const std::string& name) {
  std::lock_guard lock(mutex_);
  if (auto it = endpoints_.find(name); it != endpoints_.end()) return it->second.get();
  const EndpointConfig* c = config_.find(name);
  if (!c) {
    std::string known;
    for (const auto& [n, e] : config_.endpoints) known += (known.empty() ? "" : ", ") + n;
    return core::Error{core::ErrorCode::not_found, config_.source + ": no endpoint named \"" +
                                                       name + "\" (known: " + known + ")"};
  }
  std::string key;
  if (!c->replay) {
    auto k = api_key(*c);
    if (!k) return k.error();
    key = std::move(*k);
  }
  auto e = std::make_unique<Endpoint>(*c, *pool_, cache_.get(), std::move(key));
  Endpoint* raw = e.get();
  endpoints_.emplace(name, std::move(e));
  return raw;
}

core::Expected<std::unique_ptr<core::Policy>> EndpointHub::make_policy(const std::string& policy,
                                                                       const core::Family& family) {
  if (!is_endpoint_policy(policy))
    return core::bad_input("policy \"" + policy + "\" is not an endpoint policy (endpoint:NAME)");
  auto e = endpoint(policy.substr(9));
  if (!e) return e.error();
  const std::string& prompts_dir = (*e)->config().prompts_dir;
  auto answer = load_template(prompts_dir, std::string(family.name()), core::CandidateMode::answer);
  if (!answer) return answer.error();
  auto step = load_template(prompts_dir, std::string(family.name()), core::CandidateMode::step);
  if (!step) return step.error();
  return std::unique_ptr<core::Policy>(
      std::make_unique<LlmPolicy>(**e, std::move(*answer), std::move(*step)));
}

}  // namespace tcs::endpoints
