#include "harness/endpoints/prompt.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "harness/core/text.hpp"

namespace tcs::endpoints {

core::Expected<PromptTemplate> parse_template(const std::string& text, const std::string& source) {
  PromptTemplate t;
  t.source = source;
  size_t at = 0;
  int line = 1;
  while (text.compare(at, 3, "#! ") == 0) {
    const size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view header(text.data() + at + 3, end - at - 3);
    const size_t colon = header.find(':');
    const std::string key(core::trim(header.substr(0, colon == header.npos ? 0 : colon)));
    const std::string value(colon == header.npos ? "" : core::trim(header.substr(colon + 1)));
    if (key == "backend" && !value.empty()) t.backend = value;
    else if (key == "extract" && (value == "whole" || value == "last_code_block")) t.extract = value;
    else
      return core::bad_input(source + ":" + std::to_string(line) + ": expected `#! backend: NAME`"
                             " or `#! extract: whole|last_code_block`");
    at = end + (end < text.size());
    ++line;
  }
  t.text = text.substr(at);
  return t;
}

core::Expected<PromptTemplate> load_template(const std::string& dir, const std::string& family,
                                             core::CandidateMode mode) {
  if (dir.empty()) return PromptTemplate{};
  const auto path = std::filesystem::path(dir) / family / (std::string(core::to_string(mode)) + ".txt");
  std::ifstream in(path, std::ios::binary);
  if (!in) return PromptTemplate{};
  return parse_template(std::string(std::istreambuf_iterator<char>(in), {}), path.string());
}

namespace {

core::Expected<std::string> value_of(const std::string& name, const core::PolicyQuery& q) {
  const core::Problem& p = *q.problem;
  if (name == "prompt" || name == "goal") return q.prompt;
  if (name == "informal") return p.informal;
  if (name == "problem_id") return p.id;
  if (name == "family") return p.family;
  if (name == "kind") return p.kind;
  if (core::starts_with(name, "statement.")) {
    const std::string backend = name.substr(10);
    if (const core::Statement* s = p.statement(backend)) return s->text;
    return core::bad_input("problem " + p.id + " has no " + backend + " statement");
  }
  return core::bad_input("unknown placeholder {{" + name + "}}");
}

}  // namespace

core::Expected<std::string> render(const PromptTemplate& t, const core::PolicyQuery& query) {
  std::string out;
  size_t at = 0;
  for (;;) {
    const size_t open = t.text.find("{{", at);
    if (open == std::string::npos) break;
    const size_t close = t.text.find("}}", open + 2);
    if (close == std::string::npos) break;
    out.append(t.text, at, open - at);
    auto value = value_of(std::string(core::trim(std::string_view(t.text).substr(open + 2, close - open - 2))), query);
    if (!value) return value.error().with_context(t.source);
    out += *value;
    at = close + 2;
  }
  out.append(t.text, at);
  return out;
}

std::string extract_answer(const std::string& reply, const std::string& how) {
  if (how != "last_code_block") return reply;
  const size_t close = reply.rfind("```");
  if (close == std::string::npos || close == 0) return reply;
  const size_t open = reply.rfind("```", close - 1);
  if (open == std::string::npos) return reply;
  const size_t body = reply.find('\n', open);  // skips the ``` line and its language tag
  if (body == std::string::npos || body >= close) return reply;
  return reply.substr(body + 1, close - body - 1);
}

}  // namespace tcs::endpoints
