#include "provers/lean/kimina.hpp"

#include <chrono>
#include <cmath>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace tcs::lean {

namespace {

using Json = nlohmann::json;

RemoteResult read_result(const Json& j) {
  RemoteResult r;
  r.id = j.value("id", std::string());
  if (auto t = j.find("time"); t != j.end() && t->is_number()) r.seconds = t->get<double>();
  if (auto e = j.find("error"); e != j.end() && !e->is_null()) {
    r.problem = e->is_string() ? e->get<std::string>() : e->dump();
    bool timed_out = r.problem.find("timed out") != std::string::npos ||
                     r.problem.find("timeout") != std::string::npos;
    r.status = timed_out ? RemoteResult::Status::timeout : RemoteResult::Status::failed;
    return r;
  }
  auto response = j.find("response");
  if (response == j.end() || !response->is_object()) {
    r.problem = "the server's result has no response";
    return r;
  }
  auto parsed = parse_response(response->dump());
  if (!parsed) {
    r.problem = parsed.error().message;
    return r;
  }
  r.response = std::move(*parsed);
  r.status = RemoteResult::Status::ok;
  return r;
}

}  // namespace

core::Expected<std::vector<RemoteResult>> KiminaClient::check(const std::vector<Snippet>& snippets,
                                                              double timeout_seconds) {
  Json body = {{"snippets", Json::array()}, {"timeout", timeout_seconds}};
  for (const auto& s : snippets) body["snippets"].push_back({{"id", s.id}, {"code", s.code}});
  httplib::Client http(options_.url);
  http.set_connection_timeout(
      std::chrono::milliseconds(static_cast<int>(options_.connect_seconds * 1000)));
  // The server may take the whole check timeout per snippet, plus queueing.
  http.set_read_timeout(std::chrono::seconds(static_cast<int>(std::ceil(timeout_seconds)) + 30));
  httplib::Headers headers;
  if (!options_.api_key.empty()) headers.emplace("Authorization", "Bearer " + options_.api_key);
  for (int attempt = 0;; ++attempt) {
    auto res = http.Post("/check", headers, body.dump(), "application/json");
    if (!res)
      return core::Error{core::ErrorCode::io,
                         options_.url + "/check: " + httplib::to_string(res.error())};
    if (res->status == 429 && attempt < options_.max_retries) {
      ++retries_;
      std::this_thread::sleep_for(
          std::chrono::duration<double>(options_.backoff_seconds * (1 << attempt)));
      continue;
    }
    if (res->status == 429) {
      std::vector<RemoteResult> busy(snippets.size());
      for (size_t i = 0; i < snippets.size(); ++i) {
        busy[i].id = snippets[i].id;
        busy[i].status = RemoteResult::Status::busy;
        busy[i].problem = "the server stayed busy (HTTP 429) after " +
                          std::to_string(options_.max_retries) + " retries";
      }
      return busy;
    }
    if (res->status != 200)
      return core::Error{core::ErrorCode::io,
                         options_.url + "/check: HTTP " + std::to_string(res->status)};
    Json answer = Json::parse(res->body, nullptr, false);
    if (answer.is_discarded() || !answer.contains("results") || !answer["results"].is_array())
      return core::Error{core::ErrorCode::io, options_.url + "/check: the answer has no results"};
    std::vector<RemoteResult> out;
    for (const auto& s : snippets) {
      RemoteResult r;
      r.id = s.id;
      r.problem = "the server returned no result for this snippet";
      for (const auto& j : answer["results"])
        if (j.is_object() && j.value("id", std::string()) == s.id) r = read_result(j);
      out.push_back(std::move(r));
    }
    return out;
  }
}

}  // namespace tcs::lean
