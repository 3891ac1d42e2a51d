// tcsprove endpoints list | probe NAME: the endpoints file's endpoints, and one tiny request to
// one of them. tcsprove serve-fake: the loopback fake model server, for dry runs of a suite.
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "harness/cli/command.hpp"
#include "harness/endpoints/fake_server.hpp"
#include "harness/endpoints/hub.hpp"

namespace tcs::cli {

namespace {

using Json = nlohmann::ordered_json;

struct EndpointsOptions {
  std::string file = "endpoints.toml";
  std::string name;
  bool json = false;
};

Json describe(const endpoints::EndpointConfig& e) {
  // The variable's name and whether it is set; never its value.
  const bool key_set = !e.api_key_env.empty() && std::getenv(e.api_key_env.c_str()) != nullptr;
  return {{"name", e.name},
          {"kind", e.replay ? "replay" : std::string(endpoints::to_string(e.protocol))},
          {"base_url", e.base_url},
          {"model", e.model},
          {"api_key_env", e.api_key_env},
          {"key_set", key_set},
          {"concurrency", e.concurrency},
          {"n", e.supports_n},
          {"logprobs", e.logprobs},
          {"stream", e.stream}};
}

int list(const EndpointsOptions& o) {
  auto config = endpoints::load_endpoints(o.file);
  if (!config) return fail(config.error());
  Json all = Json::array();
  for (const auto& [name, e] : config->endpoints) all.push_back(describe(e));
  if (o.json) {
    std::cout << all.dump(2) << '\n';
    return kOk;
  }
  for (const auto& e : all)
    std::cout << e["name"].get<std::string>() << "\t" << e["kind"].get<std::string>() << "\t"
              << e["model"].get<std::string>() << "\t" << e["base_url"].get<std::string>()
              << (e["api_key_env"].get<std::string>().empty()
                      ? ""
                      : "\tkey from " + e["api_key_env"].get<std::string>() +
                            (e["key_set"].get<bool>() ? "" : " (unset)"))
              << '\n';
  return kOk;
}

// With --json a probe always answers in JSON, even when it never got as far as a request.
int probe_failed(const EndpointsOptions& o, const core::Error& error) {
  if (o.json)
    std::cout << Json{{"ok", false}, {"latency_ms", 0}, {"model", ""}, {"logprobs", false},
                      {"n", 0}, {"error", error.message}}.dump() << '\n';
  return fail(error);
}

// One tiny request, past the response cache (a probe is about the server, not the recording).
int probe(const EndpointsOptions& o) {
  auto config = endpoints::load_endpoints(o.file);
  if (!config) return probe_failed(o, config.error());
  const endpoints::EndpointConfig* e = config->find(o.name);
  if (e && !e->replay) config->cache_path.clear();
  auto hub = endpoints::EndpointHub::open(std::move(*config));
  if (!hub) return probe_failed(o, hub.error());
  auto endpoint = (*hub)->endpoint(o.name);
  if (!endpoint) return probe_failed(o, endpoint.error());
  endpoints::CompletionRequest request;
  request.messages = {{"user", "Reply with the single word: ready"}};
  request.prompt = "Reply with the single word: ready";
  request.max_tokens = 16;
  request.n = (*endpoint)->config().supports_n ? 2 : 1;
  const auto start = std::chrono::steady_clock::now();
  auto r = (*endpoint)->complete(request).get();
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  Json out = {{"ok", r.ok()}, {"latency_ms", std::round(ms * 10) / 10}, {"model", ""},
              {"logprobs", false}, {"n", 0}};
  if (r) {
    out["model"] = r->model.empty() ? (*endpoint)->config().model : r->model;
    out["logprobs"] = !r->choices.empty() && r->choices[0].logprob.has_value();
    out["n"] = r->choices.size();
    out["reply"] = r->choices.empty() ? "" : r->choices[0].text;
  } else {
    out["error"] = r.error().message;
  }
  if (o.json) std::cout << out.dump() << '\n';
  else std::cout << out.dump(2) << '\n';
  return r ? kOk : kUnchecked;
}

struct FakeOptions {
  endpoints::FakeServerOptions server;
  double latency_ms = 0, retry_after_ms = 50, stream_delay_ms = 0;
  std::string require_key_env;
};

int serve_fake(FakeOptions o, Context& ctx) {
  o.server.latency_s = o.latency_ms / 1000;
  o.server.retry_after_s = o.retry_after_ms / 1000;
  o.server.stream_chunk_delay_s = o.stream_delay_ms / 1000;
  if (!o.require_key_env.empty()) {
    const char* key = std::getenv(o.require_key_env.c_str());
    if (!key) return fail(core::bad_input("--require-key-env: " + o.require_key_env + " is not set"));
    o.server.require_key = key;
  }
  const double faults = o.server.p_429 + o.server.p_500 + o.server.p_529 + o.server.p_reset +
                        o.server.p_truncated + o.server.p_malformed + o.server.p_html;
  if (faults > 1) return fail(core::bad_input("the fault probabilities add up to more than 1"));
  endpoints::FakeServer server(o.server);
  if (auto s = server.start(); !s) return fail(s.error());
  std::cout << "serving the OpenAI and Anthropic wire formats at " << server.base_url()
            << " (Ctrl-C stops)" << std::endl;
  while (!ctx.env.cancel.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  server.stop();
  std::cout << server.requests() << " requests";
  for (const auto& [kind, n] : server.faults()) std::cout << ", " << n << " " << kind;
  std::cout << '\n';
  return kOk;
}

void add_fake_flags(CLI::App* cmd, FakeOptions& o) {
  cmd->add_option("--host", o.server.host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", o.server.port, "Port (0 = any free port)")->capture_default_str();
  cmd->add_option("--latency-ms", o.latency_ms, "Delay before every answer");
  cmd->add_option("--p429", o.server.p_429, "Probability of a 429 with Retry-After")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--p500", o.server.p_500, "Probability of a 500")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--p529", o.server.p_529, "Probability of a 529 (overloaded)")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--reset", o.server.p_reset, "Probability of a connection reset")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--truncated", o.server.p_truncated, "Probability of a truncated body")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--malformed", o.server.p_malformed, "Probability of a non-JSON body")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--html", o.server.p_html, "Probability of a text/html error page")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--retry-after-ms", o.retry_after_ms, "What 429s ask the client to wait")->capture_default_str();
  cmd->add_flag("--spend-limit", o.server.spend_limit, "429s say the spend limit is reached");
  cmd->add_option("--stream-delay-ms", o.stream_delay_ms, "Pause between streamed events");
  cmd->add_option("--reply", o.server.reply, "Fixed reply text (default: derived from the request)");
  cmd->add_option("--require-key-env", o.require_key_env, "Refuse requests without the key in this variable");
  cmd->add_option("--seed", o.server.seed, "Seed of the fault draws")->capture_default_str();
}

}  // namespace

void add_endpoints(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("endpoints", "List the configured model endpoints or probe one");
  cmd->require_subcommand(1);
  auto o = std::make_shared<EndpointsOptions>();
  auto* ls = cmd->add_subcommand("list", "The endpoints of the endpoints file");
  auto* pr = cmd->add_subcommand("probe", "Send one tiny request: ok, latency_ms, model, logprobs, n");
  for (auto* sub : {ls, pr}) {
    sub->add_option("--endpoints", o->file, "Endpoints file")->capture_default_str();
    sub->add_flag("--json", o->json, "JSON output");
  }
  pr->add_option("NAME", o->name, "Endpoint name")->required();
  ls->callback([&ctx, o] { ctx.action = [o] { return list(*o); }; });
  pr->callback([&ctx, o] { ctx.action = [o] { return probe(*o); }; });

  auto f = std::make_shared<FakeOptions>();
  auto* fake = app.add_subcommand("serve-fake", "Run the loopback fake model server (OpenAI and "
                                                "Anthropic formats, injectable faults)");
  add_fake_flags(fake, *f);
  fake->callback([&ctx, f] { ctx.action = [&ctx, f] { return serve_fake(*f, ctx); }; });
}

}  // namespace tcs::cli
