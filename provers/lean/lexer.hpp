// Internal: Lean 4 tokens for the guard, comments dropped.
#pragma once

#include <string_view>
#include <vector>

#include "harness/core/expected.hpp"

namespace tcs::lean {

struct Token {
  enum Kind { ident, string, symbol } kind = symbol;
  std::string_view text;  // an identifier keeps its dots: `Lean.ofReduceBool`, `#print` too
  size_t offset = 0;
  int line = 1;
  int column = 0;
};

// `--` line comments and nested `/- -/` block comments are skipped; strings ("..." with
// escapes) and «quoted» names are single tokens; `#word` and `@[` are one symbol token each.
core::Expected<std::vector<Token>> lex(std::string_view text);

}  // namespace tcs::lean
