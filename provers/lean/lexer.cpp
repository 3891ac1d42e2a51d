#include "provers/lean/lexer.hpp"

#include <cctype>

namespace tcs::lean {

namespace {

// ASCII only: a non-ASCII byte is a symbol of its own, so `→sorry` or `αsorry` still shows
// the word `sorry` to the guard (rejecting the odd honest Greek-suffixed name is the safe error).
bool ident_start(unsigned char c) { return std::isalpha(c) || c == '_'; }
bool ident_char(unsigned char c) { return std::isalnum(c) || c == '_' || c == '\''; }

struct Lexer {
  std::string_view s;
  size_t i = 0;
  int line = 1;
  size_t line_start = 0;
  std::vector<Token> out;

  void advance(size_t n) {
    for (size_t k = 0; k < n && i < s.size(); ++k, ++i)
      if (s[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
  }
  void emit(Token::Kind kind, size_t b, int l, size_t ls) {
    out.push_back({kind, s.substr(b, i - b), b, l, static_cast<int>(b - ls)});
  }
  core::Status block_comment() {
    const int start = line;
    int depth = 0;
    while (i < s.size()) {
      if (s.compare(i, 2, "/-") == 0) {
        ++depth;
        advance(2);
      } else if (s.compare(i, 2, "-/") == 0) {
        advance(2);
        if (--depth == 0) return {};
      } else {
        advance(1);
      }
    }
    return core::bad_input("line " + std::to_string(start) + ": comment never closed");
  }
  core::Status quoted(char open, std::string_view close) {
    const int l = line;
    size_t b = i, ls = line_start;
    advance(open == '"' ? 1 : 2);  // « is two bytes
    while (i < s.size() && s.compare(i, close.size(), close) != 0)
      advance(s[i] == '\\' && open == '"' ? 2 : 1);
    if (i >= s.size())
      return core::bad_input("line " + std::to_string(l) +
                             (open == '"' ? ": string never closed" : ": name never closed"));
    advance(close.size());
    emit(open == '"' ? Token::string : Token::ident, b, l, ls);
    return {};
  }
  void ident(size_t b) {
    while (i < s.size()) {
      if (ident_char(s[i]))
        ++i;
      else if (s[i] == '.' && i + 1 < s.size() && ident_start(s[i + 1]))
        ++i;
      else
        break;
    }
    emit(Token::ident, b, line, line_start);
  }
  core::Status step() {
    unsigned char c = s[i];
    if (std::isspace(c)) {
      advance(1);
    } else if (s.compare(i, 2, "--") == 0) {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (s.compare(i, 2, "/-") == 0) {
      return block_comment();
    } else if (c == '"') {
      return quoted('"', "\"");
    } else if (s.compare(i, 2, "\xC2\xAB") == 0) {
      return quoted('<', "\xC2\xBB");
    } else if (c == '#' && i + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[i + 1]))) {
      size_t b = i++;
      ident(b);
      out.back().kind = Token::symbol;
    } else if (s.compare(i, 2, "@[") == 0) {
      size_t b = i;
      i += 2;
      emit(Token::symbol, b, line, line_start);
    } else if (ident_start(c)) {
      ident(i);
    } else {
      size_t b = i++;
      emit(Token::symbol, b, line, line_start);
    }
    return {};
  }
};

}  // namespace

core::Expected<std::vector<Token>> lex(std::string_view text) {
  Lexer lexer{text};
  while (lexer.i < text.size())
    if (auto st = lexer.step(); !st) return st.error();
  return std::move(lexer.out);
}

}  // namespace tcs::lean
