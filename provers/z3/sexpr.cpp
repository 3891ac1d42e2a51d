#include "provers/z3/sexpr.hpp"

namespace tcs::z3b {

std::string Sexpr::where() const {
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

namespace {

bool symbol_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '~': case '!': case '@': case '$': case '%': case '^': case '&': case '*': case '_':
    case '-': case '+': case '=': case '<': case '>': case '.': case '?': case '/': case '#':
    case ':':
      return true;
    default:
      return false;
  }
}

class Reader {
 public:
  Reader(std::string_view text, const SexprLimits& limits) : text_(text), limits_(limits) {}

  core::Expected<std::vector<Sexpr>> all() {
    std::vector<Sexpr> out;
    if (text_.size() > limits_.max_bytes)
      return core::bad_input("text is " + std::to_string(text_.size()) + " bytes, more than the " +
                             std::to_string(limits_.max_bytes) + " allowed");
    for (;;) {
      if (auto s = skip_space(); !s.ok()) return s.error();
      if (pos_ >= text_.size()) return out;
      auto e = read(0);
      if (!e) return e.error();
      out.push_back(std::move(*e));
    }
  }

 private:
  core::Error error_here(const std::string& what) const {
    return core::bad_input("line " + std::to_string(line_) + ", column " + std::to_string(col_) +
                           ": " + what);
  }

  void advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    ++pos_;
  }

  // Whitespace and comments; any byte outside printable ASCII is refused here or in read().
  core::Status skip_space() {
    while (pos_ < text_.size()) {
      const unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == ';') {
        while (pos_ < text_.size() && text_[pos_] != '\n') {
          if (static_cast<unsigned char>(text_[pos_]) >= 0x80) return non_ascii();
          advance();
        }
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance();
      } else {
        return {};
      }
    }
    return {};
  }

  core::Error non_ascii() const {
    return error_here("byte 0x" + hex(static_cast<unsigned char>(text_[pos_])) +
                      " is not ASCII (look-alike characters are not accepted)");
  }

  static std::string hex(unsigned char c) {
    const char* d = "0123456789abcdef";
    return {d[c >> 4], d[c & 15]};
  }

  core::Expected<Sexpr> read(int depth) {
    if (++nodes_ > limits_.max_nodes)
      return error_here("more than " + std::to_string(limits_.max_nodes) + " nodes");
    Sexpr e;
    e.line = line_;
    e.column = col_;
    const unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c >= 0x80) return non_ascii();
    if (c == ')') return error_here("unexpected ')'");
    if (c == '(') return read_list(std::move(e), depth);
    if (c == '|' || c == '"')
      return error_here(std::string("quoted ") + (c == '|' ? "symbols" : "strings") +
                        " are not accepted");
    if (!symbol_char(static_cast<char>(c)))
      return error_here("unexpected character 0x" + hex(c));
    while (pos_ < text_.size() && symbol_char(text_[pos_])) {
      e.atom.push_back(text_[pos_]);
      advance();
    }
    if (pos_ < text_.size() && static_cast<unsigned char>(text_[pos_]) >= 0x80) return non_ascii();
    return e;
  }

  core::Expected<Sexpr> read_list(Sexpr e, int depth) {
    if (depth + 1 > limits_.max_depth)
      return error_here("nesting deeper than " + std::to_string(limits_.max_depth));
    e.is_list = true;
    advance();  // '('
    for (;;) {
      if (auto s = skip_space(); !s.ok()) return s.error();
      if (pos_ >= text_.size())
        return core::bad_input("line " + std::to_string(e.line) + ", column " +
                               std::to_string(e.column) + ": '(' is never closed");
      if (text_[pos_] == ')') {
        advance();
        return e;
      }
      auto child = read(depth + 1);
      if (!child) return child.error();
      e.items.push_back(std::move(*child));
    }
  }

  std::string_view text_;
  SexprLimits limits_;
  size_t pos_ = 0, nodes_ = 0;
  int line_ = 1, col_ = 1;
};

void print(const Sexpr& e, std::string& out) {
  if (!e.is_list) {
    out += e.atom;
    return;
  }
  out += '(';
  for (size_t i = 0; i < e.items.size(); ++i) {
    if (i) out += ' ';
    print(e.items[i], out);
  }
  out += ')';
}

}  // namespace

core::Expected<std::vector<Sexpr>> parse_sexprs(std::string_view text, const SexprLimits& limits) {
  return Reader(text, limits).all();
}

std::string to_string(const Sexpr& e) {
  std::string out;
  print(e, out);
  return out;
}

}  // namespace tcs::z3b
