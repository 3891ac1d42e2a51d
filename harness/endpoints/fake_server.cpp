#include "harness/endpoints/fake_server.hpp"

#include <algorithm>
#include <chrono>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "harness/core/hash.hpp"
#include "harness/core/rng.hpp"

namespace tcs::endpoints {

using Json = nlohmann::json;

namespace {

struct Token {
  std::string text;
  double logprob;
};

// The reply for choice i: words of a deterministic text, each with a deterministic logprob.
std::vector<Token> reply_tokens(const FakeServerOptions& o, uint64_t h, int64_t i) {
  std::string text = o.reply.empty() ? "fake reply " + core::hex64(h).substr(0, 8) + " " +
                                           std::to_string(i)
                                     : o.reply;
  if (o.reply_bytes > static_cast<int64_t>(text.size()))
    text.append(static_cast<size_t>(o.reply_bytes) - text.size(), 'x');
  std::vector<Token> out;
  size_t start = 0;
  for (size_t k = 0; k <= text.size(); ++k) {
    if (k < text.size() && text[k] != ' ') continue;
    const size_t end = k < text.size() ? k + 1 : k;  // a token keeps its trailing space
    if (end > start) {
      const uint64_t th = core::mix64(h + static_cast<uint64_t>(i) * 7919 + out.size());
      out.push_back({text.substr(start, end - start), -static_cast<double>(th % 200) / 100.0});
    }
    start = end;
  }
  return out;
}

std::string joined(const std::vector<Token>& tokens) {
  std::string s;
  for (const auto& t : tokens) s += t.text;
  return s;
}

enum class Api { chat, completions, messages };

Json openai_body(const FakeServerOptions& o, Api api, const Json& req, uint64_t h) {
  const int64_t n = req.value("n", int64_t{1});
  const bool logprobs = req.contains("logprobs") && !req["logprobs"].is_null() &&
                        req["logprobs"] != false && req["logprobs"] != 0;
  Json choices = Json::array();
  int64_t completion_tokens = 0;
  std::vector<Token> tokens;
  for (int64_t i = 0; i < std::clamp<int64_t>(n, 1, 128); ++i) {
    tokens = reply_tokens(o, h, i);
    completion_tokens += static_cast<int64_t>(tokens.size());
    Json c = Json::object();
    c["index"] = i;
    c["finish_reason"] = "stop";
    if (api == Api::chat) c["message"] = {{"role", "assistant"}, {"content", joined(tokens)}};
    else c["text"] = joined(tokens);
    if (logprobs) {
      Json lp = Json::array(), flat = Json::array(), words = Json::array();
      for (const auto& t : tokens) {
        lp.push_back({{"token", t.text}, {"logprob", t.logprob}});
        flat.push_back(t.logprob);
        words.push_back(t.text);
      }
      c["logprobs"] = api == Api::chat ? Json{{"content", lp}}
                                       : Json{{"tokens", words}, {"token_logprobs", flat}};
    }
    choices.push_back(std::move(c));
  }
  Json out = Json::object();
  out["id"] = "fake-" + core::hex64(h);
  out["object"] = "chat.completion";
  out["model"] = req.value("model", "");
  out["choices"] = std::move(choices);
  out["usage"]["prompt_tokens"] = 10;
  out["usage"]["completion_tokens"] = completion_tokens;
  return out;
}

Json anthropic_body(const FakeServerOptions& o, const Json& req, uint64_t h) {
  auto tokens = reply_tokens(o, h, 0);
  return {{"id", "msg_fake" + core::hex64(h)}, {"type", "message"}, {"role", "assistant"},
          {"model", req.value("model", "")},
          {"content", {{{"type", "text"}, {"text", joined(tokens)}}}},
          {"stop_reason", "end_turn"},
          {"usage", {{"input_tokens", 10}, {"output_tokens", tokens.size()}}}};
}

std::string event(const Json& data, const char* name = nullptr) {
  return (name ? std::string("event: ") + name + "\n" : "") + "data: " + data.dump() + "\n\n";
}

// The same answer as the whole body, cut into server-sent events.
std::vector<std::string> stream_events(const Json& whole, Api api) {
  std::vector<std::string> out;
  if (api == Api::messages) {
    Json start = whole;
    start["content"] = Json::array();
    out.push_back(event({{"type", "message_start"}, {"message", start}}, "message_start"));
    out.push_back(event({{"type", "content_block_start"}, {"index", 0},
                         {"content_block", {{"type", "text"}, {"text", ""}}}}, "content_block_start"));
    for (const auto& block : whole["content"])
      out.push_back(event({{"type", "content_block_delta"}, {"index", 0},
                           {"delta", {{"type", "text_delta"}, {"text", block["text"]}}}},
                          "content_block_delta"));
    out.push_back(event({{"type", "message_delta"}, {"delta", {{"stop_reason", "end_turn"}}},
                         {"usage", {{"output_tokens", whole["usage"]["output_tokens"]}}}},
                        "message_delta"));
    out.push_back(event({{"type", "message_stop"}}, "message_stop"));
    return out;
  }
  for (const Json& c : whole["choices"]) {
    Json delta = c;
    delta.erase("message");
    if (api == Api::chat) delta["delta"] = {{"content", c["message"]["content"]}};
    out.push_back(event({{"id", whole["id"]}, {"model", whole["model"]}, {"choices", {delta}}}));
  }
  out.push_back(event({{"id", whole["id"]}, {"choices", Json::array()}, {"usage", whole["usage"]}}));
  out.push_back("data: [DONE]\n\n");
  return out;
}

}  // namespace

struct FakeServer::Impl {
  httplib::Server server;
  std::mutex mutex;
  std::map<std::string, int64_t> faults;
  int64_t unauthorized = 0;
  std::atomic<uint64_t> counter{0};
};

FakeServer::FakeServer(FakeServerOptions options)
    : impl_(std::make_unique<Impl>()), options_(std::move(options)) {}

FakeServer::~FakeServer() { stop(); }

std::string FakeServer::base_url() const {
  return "http://" + options_.host + ":" + std::to_string(port_) + "/v1";
}

std::map<std::string, int64_t> FakeServer::faults() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->faults;
}

int64_t FakeServer::unauthorized() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->unauthorized;
}

namespace {

// Which fault, if any, this request gets.
std::string draw_fault(const FakeServerOptions& o, uint64_t draw) {
  double u = core::Rng(core::mix64(o.seed ^ core::mix64(draw))).unit();
  const std::pair<const char*, double> kinds[] = {
      {"429", o.p_429},       {"500", o.p_500},         {"529", o.p_529}, {"reset", o.p_reset},
      {"truncated", o.p_truncated}, {"malformed", o.p_malformed}, {"html", o.p_html}};
  for (const auto& [name, p] : kinds) {
    if (u < p) return name;
    u -= p;
  }
  return "";
}

bool key_ok(const FakeServerOptions& o, const httplib::Request& req) {
  if (o.require_key.empty()) return true;
  return req.get_header_value("Authorization") == "Bearer " + o.require_key ||
         req.get_header_value("x-api-key") == o.require_key;
}

void error_reply(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(Json{{"error", {{"type", "fake"}, {"message", message}}}}.dump(),
                  "application/json");
}

// Returns false when the fault leaves nothing more to do.
void inject(const FakeServerOptions& o, const std::string& fault, const std::string& body,
            httplib::Response& res) {
  if (fault == "429") {
    const std::string wait = o.retry_after_ms ? std::to_string(int64_t(o.retry_after_s * 1000))
                                              : std::to_string(o.retry_after_s);
    res.set_header(o.retry_after_ms ? "retry-after-ms" : "Retry-After", wait);
    error_reply(res, 429, o.spend_limit ? "You exceeded your spend limit (insufficient_quota)"
                                        : "rate limit exceeded, slow down");
  } else if (fault == "500" || fault == "529") {
    error_reply(res, fault == "500" ? 500 : 529, fault == "500" ? "internal error" : "overloaded");
  } else if (fault == "reset" || fault == "truncated") {
    const size_t half = fault == "reset" ? 0 : body.size() / 2;
    res.set_content_provider(body.size(), "application/json",
                             [body, half](size_t offset, size_t, httplib::DataSink& sink) {
                               if (offset < half) sink.write(body.data(), half);
                               return false;  // closes the connection mid-answer
                             });
  } else if (fault == "malformed") {
    res.set_content(body.substr(0, body.size() / 3) + "}}garbage", "application/json");
  } else {  // html
    res.set_content("<html><body>502 Bad Gateway</body></html>", "text/html");
  }
}

void stream_reply(const FakeServerOptions& o, std::vector<std::string> events,
                  httplib::Response& res) {
  auto shared = std::make_shared<std::vector<std::string>>(std::move(events));
  auto next = std::make_shared<size_t>(0);
  const double delay = o.stream_chunk_delay_s;
  res.set_chunked_content_provider(
      "text/event-stream", [shared, next, delay](size_t, httplib::DataSink& sink) {
        if (*next >= shared->size()) {
          sink.done();
          return true;
        }
        if (delay > 0 && *next > 0)
          std::this_thread::sleep_for(std::chrono::duration<double>(delay));
        const std::string& e = (*shared)[(*next)++];
        return sink.write(e.data(), e.size());
      });
}

}  // namespace

// cpp-httplib listens with a backlog of 5, compiled into the library: hundreds of clients
// connecting at once then overflow the accept queue, and each dropped handshake costs a 1 s
// retransmission. listen() again on the bound socket raises the backlog (Linux allows it); the
// socket is found by its port since httplib does not expose it.
void widen_backlog(int port) {
  for (int fd = 3; fd < 4096; ++fd) {
    int accepting = 0;
    socklen_t len = sizeof accepting;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &len) != 0 || !accepting) continue;
    sockaddr_storage addr{};
    socklen_t alen = sizeof addr;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &alen) != 0) continue;
    const int bound = addr.ss_family == AF_INET
                          ? ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port)
                          : addr.ss_family == AF_INET6
                                ? ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port)
                                : -1;
    if (bound == port) ::listen(fd, 4096);
  }
}

core::Status FakeServer::start() {
  auto handle = [this](Api api) {
    return [this, api](const httplib::Request& req, httplib::Response& res) {
      ++requests_;
      const uint64_t draw = impl_->counter++;
      if (options_.latency_s > 0)
        std::this_thread::sleep_for(std::chrono::duration<double>(options_.latency_s));
      if (!key_ok(options_, req)) {
        std::lock_guard lock(impl_->mutex);
        ++impl_->unauthorized;
        return error_reply(res, 401, "invalid api key");
      }
      Json body = Json::parse(req.body, nullptr, false);
      if (body.is_discarded() || !body.is_object())
        return error_reply(res, 400, "the request body is not a JSON object");
      const uint64_t h = core::fnv1a64(req.body);
      Json whole = api == Api::messages ? anthropic_body(options_, body, h)
                                        : openai_body(options_, api, body, h);
      const std::string fault = draw_fault(options_, draw);
      if (!fault.empty()) {
        {
          std::lock_guard lock(impl_->mutex);
          ++impl_->faults[fault];
        }
        return inject(options_, fault, whole.dump(), res);
      }
      if (body.value("stream", false)) return stream_reply(options_, stream_events(whole, api), res);
      res.set_content(whole.dump(), "application/json");
    };
  };
  auto& svr = impl_->server;
  const size_t threads = options_.threads;
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  svr.set_tcp_nodelay(true);  // headers and body go out as two writes: no Nagle delay
  svr.set_keep_alive_max_count(1000000);
  svr.set_keep_alive_timeout(5);
  svr.Post(R"(.*/chat/completions)", handle(Api::chat));
  svr.Post(R"(.*/completions)", handle(Api::completions));
  svr.Post(R"(.*/messages)", handle(Api::messages));
  port_ = options_.port > 0 ? (svr.bind_to_port(options_.host, options_.port) ? options_.port : -1)
                            : svr.bind_to_any_port(options_.host);
  if (port_ <= 0)
    return core::Error{core::ErrorCode::io, "fake server: cannot listen on " + options_.host +
                                                ":" + std::to_string(options_.port)};
  widen_backlog(port_);
  thread_ = std::thread([this] { impl_->server.listen_after_bind(); });
  while (!svr.is_running())  // so that a stop() right after start() is not lost
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return {};
}

void FakeServer::stop() {
  if (!thread_.joinable()) return;
  impl_->server.stop();
  thread_.join();
}

}  // namespace tcs::endpoints
