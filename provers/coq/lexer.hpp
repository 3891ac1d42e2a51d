// Internal: Coq sentences as tokens, comments dropped, for the guard.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "harness/core/expected.hpp"

namespace tcs::coq {

struct Token {
  enum Kind { ident, string, symbol, end } kind = symbol;  // end = the '.' closing a sentence
  std::string_view text;
  size_t offset = 0;  // into the lexed text
  int line = 1;
};

// Identifiers include qualified names (`Coq.Lists.List`) and primes; a '.' followed by
// white space or the end closes a sentence. Unterminated comments and strings are Errors.
core::Expected<std::vector<Token>> lex(std::string_view text);

// Splits tokens into sentences (each ends with its `end` token, except maybe the last).
std::vector<std::vector<Token>> sentences(const std::vector<Token>& tokens);

}  // namespace tcs::coq
