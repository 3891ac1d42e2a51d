#include "generators/regex/answer.hpp"

#include <algorithm>
#include <cctype>

#include "harness/core/text.hpp"

namespace tcs::regex {

std::optional<std::string> last_boxed(std::string_view text) {
  static constexpr std::string_view kOpen = "\\boxed{";
  std::optional<std::string> out;
  for (size_t at = text.find(kOpen); at != std::string_view::npos; at = text.find(kOpen, at + 1)) {
    int depth = 1;
    size_t i = at + kOpen.size();
    for (; i < text.size() && depth > 0; ++i) depth += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
    if (depth == 0) out = std::string(text.substr(at + kOpen.size(), i - 1 - at - kOpen.size()));
  }
  return out;
}

namespace {

size_t visible_length(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return c != ' '; }));
}

}  // namespace

RegexAnswer read_regex_answer(std::string_view text, std::string_view query, const Alphabet& alphabet) {
  RegexAnswer out;
  auto boxed = last_boxed(text);
  if (!boxed) {
    out.reason = "no \\boxed{...} answer";
    return out;
  }
  const std::string_view answer = core::trim(*boxed);
  if (visible_length(answer) > 2 * visible_length(query)) {
    out.reason = "the answer is more than twice as long as the query (" + std::to_string(visible_length(answer)) +
                 " > 2 x " + std::to_string(visible_length(query)) + " characters)";
    return out;
  }
  auto parsed = parse(answer, alphabet);
  if (!parsed) {
    out.reason = "the boxed answer does not parse: " + parsed.error().message;
    return out;
  }
  out.valid = true;
  out.regex = std::move(*parsed);
  return out;
}

std::optional<bool> read_bool_answer(std::string_view text) {
  auto boxed = last_boxed(text);
  if (!boxed) return std::nullopt;
  std::string word(core::trim(*boxed));
  std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
  if (word == "true" || word == "yes" || word == "equivalent") return true;
  if (word == "false" || word == "no" || word == "not equivalent") return false;
  return std::nullopt;
}

}  // namespace tcs::regex
