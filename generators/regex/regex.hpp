// RegexPSPACE regular expressions: the syntax, the tree, its size and depth.
//
// Syntax (RegexPSPACE / FAdo): letters of a configurable alphabet (default "abcd"); union `+`;
// concatenation by juxtaposition; postfix `*` and `?`, which may stack (`b*?`, `c**`);
// parentheses. There is no literal for the empty word or the empty set (RegexPSPACE queries
// have none), so every regex denotes a non-empty language. `|` is refused with a message.
// ASCII spaces are ignored; any other character is an error naming its column.
//
// Size = FAdo's treeLength: the number of tree nodes (letters + `*` + `?` + `+` + binary
// concatenation nodes); parentheses do not count. `a*b*` = 5, `(a+d)c*b*` = 9.
// Depth: a letter has depth 0, an operator node 1 + its deepest child. `+` and concatenation
// chains parse left-associated, as FAdo does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/expected.hpp"

namespace tcs::regex {

// The letters a regex may use, in a fixed order (letter index = position in `letters`).
struct Alphabet {
  std::string letters = "abcd";
  int size() const { return static_cast<int>(letters.size()); }
  int index(char c) const;  // -1 when not a letter of this alphabet
};
// 1..16 distinct characters from [a-z0-9]; errors say which character is wrong.
core::Expected<Alphabet> make_alphabet(std::string_view letters);

enum class Op : uint8_t { letter, star, option, concat, choice };

struct Node {
  Op op = Op::letter;
  uint8_t letter = 0;  // for Op::letter
  int32_t a = -1;      // first child (unary and binary nodes)
  int32_t b = -1;      // second child (binary nodes)
  bool operator==(const Node&) const = default;
};

// A tree stored children-first: every child index is smaller than its parent's; the root is
// the last node. Never empty once built by the parser or the builders below.
struct Regex {
  std::vector<Node> nodes;
  int32_t root() const { return static_cast<int32_t>(nodes.size()) - 1; }
  int size() const { return static_cast<int>(nodes.size()); }
  bool operator==(const Regex&) const = default;
};

int depth(const Regex& r);
int letter_count(const Regex& r);

// Builders (each copies its operands).
Regex letter(int index);
Regex unary(Op op, const Regex& r);
Regex binary(Op op, const Regex& left, const Regex& right);

// Re-associates `+` and concatenation chains to the left (as the parser builds them); the
// language and the size are unchanged.
Regex left_associated(const Regex& r);

// The shortest text: parentheses only where precedence (postfix > concatenation > `+`) or a
// right-nested chain needs them, so parse(print(r)) == r.
std::string print(const Regex& r, const Alphabet& alphabet);

// The SMT-LIB term in the regex sort of the strings theory: (re.++ (str.to_re "a") (re.* ...)).
std::string smt_regex(const Regex& r, const Alphabet& alphabet);

struct ParseLimits {
  int max_size = 512;      // tree nodes
  int max_letters = 63;    // letter occurrences: the position automaton's bitset width
  int max_nesting = 200;   // parentheses nesting
  size_t max_chars = 100000;
};

// Strict: errors say what is wrong at which 1-based column.
core::Expected<Regex> parse(std::string_view text, const Alphabet& alphabet,
                            const ParseLimits& limits = {});

}  // namespace tcs::regex
