// A small, strict s-expression reader for candidate text and goal files. It never hands text to
// Z3: the step language builds Z3 terms from the tree this produces (see term.hpp).
//
// Accepted: printable ASCII, whitespace, `;` comments to the end of the line, atoms (symbols,
// numerals, #b/#x literals) and parenthesised lists. Everything else — non-ASCII bytes (so no
// Unicode look-alikes of `(` or `x`), control characters, `|quoted|` symbols, "strings",
// unbalanced parentheses, nesting deeper than SexprLimits::max_depth, more nodes than
// SexprLimits::max_nodes — is an Error naming the line and column.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/expected.hpp"

namespace tcs::z3b {

struct Sexpr {
  std::string atom;            // set for atoms, empty for lists
  std::vector<Sexpr> items;    // children of a list
  bool is_list = false;
  int line = 1, column = 1;    // where it starts

  bool is_atom(std::string_view name) const { return !is_list && atom == name; }
  // "line L, column C"
  std::string where() const;
};

struct SexprLimits {
  int max_depth = 128;
  size_t max_nodes = 200000;
  size_t max_bytes = 1 << 20;
};

// Every top-level expression in the text, in order.
core::Expected<std::vector<Sexpr>> parse_sexprs(std::string_view text,
                                                const SexprLimits& limits = {});

// Prints back in canonical form (single spaces, no comments).
std::string to_string(const Sexpr& e);

}  // namespace tcs::z3b
