// Reading answers exactly as RegexPSPACE does: the answer is the content of the LAST
// `\boxed{...}` (braces balanced inside), and a regex answer is invalid when it fails strict
// parsing or is more than twice as long (in characters, spaces not counted) as the query.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "generators/regex/regex.hpp"

namespace tcs::regex {

// The content of the last balanced \boxed{...}, or nullopt when there is none.
std::optional<std::string> last_boxed(std::string_view text);

struct RegexAnswer {
  bool valid = false;
  Regex regex;
  std::string reason;  // why invalid
};
RegexAnswer read_regex_answer(std::string_view text, std::string_view query, const Alphabet& alphabet);

// RegexEQ answers: True/False, Yes/No, Equivalent/Not equivalent (any case); nullopt = invalid.
std::optional<bool> read_bool_answer(std::string_view text);

}  // namespace tcs::regex
