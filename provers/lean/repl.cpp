#include "provers/lean/repl.hpp"

#include <nlohmann/json.hpp>

namespace tcs::lean {

namespace {

using Json = nlohmann::json;

template <class T>
core::Status get_optional(const Json& j, const char* key, std::optional<T>& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  try {
    out = it->get<T>();
  } catch (const Json::exception&) {
    return core::bad_input(std::string("REPL answer: \"") + key + "\" has the wrong type");
  }
  return {};
}

core::Expected<Message> parse_message(const Json& m) {
  if (!m.is_object() || !m.contains("severity") || !m.contains("data"))
    return core::bad_input("REPL answer: a message without severity or data");
  Message out;
  try {
    out.severity = m.at("severity").get<std::string>();
    out.data = m.at("data").get<std::string>();
    if (m.contains("pos") && m["pos"].is_object()) {
      out.line = m["pos"].value("line", 0);
      out.column = m["pos"].value("column", 0);
    }
  } catch (const Json::exception&) {
    return core::bad_input("REPL answer: a message field has the wrong type");
  }
  return out;
}

}  // namespace

bool Response::has_error() const {
  if (failure) return true;
  for (const auto& m : messages)
    if (m.severity == "error") return true;
  return false;
}

std::string Response::first_error(int line_offset) const {
  if (failure) return *failure;
  for (const auto& m : messages)
    if (m.severity == "error")
      return "line " + std::to_string(m.line - line_offset) + ": " + m.data;
  return {};
}

core::Expected<Response> parse_response(std::string_view text) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return core::bad_input("REPL answer: not a JSON object");
  Response r;
  for (auto st :
       {get_optional(j, "env", r.env), get_optional(j, "proofState", r.proof_state),
        get_optional(j, "proofStatus", r.proof_status), get_optional(j, "message", r.failure)})
    if (!st) return st.error();
  if (auto it = j.find("messages"); it != j.end() && it->is_array())
    for (const auto& m : *it) {
      auto msg = parse_message(m);
      if (!msg) return msg.error();
      r.messages.push_back(std::move(*msg));
    }
  if (auto it = j.find("sorries"); it != j.end() && it->is_array())
    for (const auto& s : *it)
      r.sorries.push_back({s.value("proofState", -1), s.value("goal", std::string())});
  if (auto it = j.find("goals"); it != j.end() && it->is_array())
    for (const auto& g : *it)
      if (g.is_string()) r.goals.push_back(g.get<std::string>());
  return r;
}

std::string command_request(std::string_view cmd, std::optional<int> env) {
  Json j = {{"cmd", std::string(cmd)}};
  if (env) j["env"] = *env;
  return j.dump() + "\n\n";
}

std::string tactic_request(std::string_view tactic, int proof_state) {
  return Json{{"tactic", std::string(tactic)}, {"proofState", proof_state}}.dump() + "\n\n";
}

std::optional<size_t> answer_frame(std::string_view buffer) {
  // Skip blank lines before an answer; an answer's JSON never holds a blank line (strings
  // escape their newlines).
  size_t start = buffer.find_first_not_of("\r\n");
  if (start == std::string_view::npos) return std::nullopt;
  size_t end = buffer.find("\n\n", start);
  if (end == std::string_view::npos) return std::nullopt;
  return end + 2;
}

core::Expected<std::unique_ptr<ReplClient>> ReplClient::start(const process::Spec& spec) {
  auto session = process::Session::start(spec);
  if (!session) return session.error();
  return std::unique_ptr<ReplClient>(new ReplClient(std::move(*session)));
}

ReplClient::Reply ReplClient::exchange(const std::string& request, double seconds) {
  Reply reply;
  ++uses_;
  if (auto st = session_->send(request, seconds); !st) {
    reply.status = Status::died;
    reply.problem = st.error().message + ": " + session_->stderr_text();
    return reply;
  }
  auto frame = session_->read_frame(answer_frame, seconds);
  if (frame.status != process::Session::ReadStatus::ok) {
    reply.status =
        frame.status == process::Session::ReadStatus::timeout ? Status::timeout : Status::died;
    reply.problem = reply.status == Status::timeout ? "the REPL did not answer in time"
                                                    : "the REPL exited: " + session_->stderr_text();
    return reply;
  }
  auto parsed = parse_response(frame.text);
  if (!parsed) {
    reply.status = Status::bad_answer;
    reply.problem = parsed.error().message;
    return reply;
  }
  reply.response = std::move(*parsed);
  return reply;
}

ReplClient::Reply ReplClient::command(std::string_view cmd, std::optional<int> env,
                                      double seconds) {
  return exchange(command_request(cmd, env), seconds);
}

ReplClient::Reply ReplClient::tactic(std::string_view tactic, int proof_state, double seconds) {
  return exchange(tactic_request(tactic, proof_state), seconds);
}

}  // namespace tcs::lean
