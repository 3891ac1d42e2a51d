#include "provers/coq/lexer.hpp"

#include <cctype>

namespace tcs::coq {

namespace {

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '\'';
}
// Non-ASCII bytes (UTF-8 letters such as Greek) belong to identifiers too.
bool ident_byte(char c) { return ident_char(c) || static_cast<unsigned char>(c) >= 0x80; }

struct Lexer {
  std::string_view s;
  size_t i = 0;
  int line = 1;
  std::vector<Token> out;

  void advance(size_t n) {
    for (size_t k = 0; k < n && i < s.size(); ++k, ++i)
      if (s[i] == '\n') ++line;
  }
  // Coq comments nest, and a string inside a comment is lexed as a string.
  core::Status comment() {
    const int start = line;
    int depth = 0;
    while (i < s.size()) {
      if (s.compare(i, 2, "(*") == 0) {
        ++depth;
        advance(2);
      } else if (s.compare(i, 2, "*)") == 0) {
        advance(2);
        if (--depth == 0) return {};
      } else if (s[i] == '"') {
        if (auto st = string(); !st) return st;
      } else {
        advance(1);
      }
    }
    return core::bad_input("line " + std::to_string(start) + ": comment never closed");
  }
  core::Status string() {
    const int start = line;
    advance(1);
    while (i < s.size()) {
      if (s[i] == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        advance(2);
      } else if (s[i] == '"') {
        advance(1);
        return {};
      } else {
        advance(1);
      }
    }
    return core::bad_input("line " + std::to_string(start) + ": string never closed");
  }
  void ident() {
    size_t b = i;
    while (i < s.size()) {
      if (ident_byte(s[i])) {
        ++i;
      } else if (s[i] == '.' && i + 1 < s.size() && ident_start(s[i + 1])) {
        ++i;  // qualified name
      } else {
        break;
      }
    }
    out.push_back({Token::ident, s.substr(b, i - b), b, line});
  }
  core::Status run() {
    while (i < s.size()) {
      char c = s[i];
      if (std::isspace(static_cast<unsigned char>(c))) {
        advance(1);
      } else if (s.compare(i, 2, "(*") == 0) {
        if (auto st = comment(); !st) return st;
      } else if (c == '"') {
        size_t b = i;
        int l = line;
        if (auto st = string(); !st) return st;
        out.push_back({Token::string, s.substr(b, i - b), b, l});
      } else if (ident_start(c) || static_cast<unsigned char>(c) >= 0x80) {
        ident();
      } else if (c == '.' &&
                 (i + 1 == s.size() || std::isspace(static_cast<unsigned char>(s[i + 1])))) {
        out.push_back({Token::end, s.substr(i, 1), i, line});
        advance(1);
      } else {
        out.push_back({Token::symbol, s.substr(i, 1), i, line});
        advance(1);
      }
    }
    return {};
  }
};

}  // namespace

core::Expected<std::vector<Token>> lex(std::string_view text) {
  Lexer lexer{text};
  if (auto st = lexer.run(); !st) return st.error();
  return std::move(lexer.out);
}

std::vector<std::vector<Token>> sentences(const std::vector<Token>& tokens) {
  std::vector<std::vector<Token>> out(1);
  for (const Token& t : tokens) {
    out.back().push_back(t);
    if (t.kind == Token::end) out.emplace_back();
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

}  // namespace tcs::coq
