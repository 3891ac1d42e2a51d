// Recursive descent over:  union := concat ('+' concat)* ; concat := postfix postfix* ;
// postfix := atom ('*' | '?')* ; atom := letter | '(' union ')'.
#include "generators/regex/regex.hpp"

namespace tcs::regex {

namespace {

class Parser {
 public:
  Parser(std::string_view text, const Alphabet& alphabet, const ParseLimits& limits)
      : text_(text), alphabet_(alphabet), limits_(limits) {}

  core::Expected<Regex> run() {
    if (text_.size() > limits_.max_chars)
      return core::bad_input("regex too long: " + std::to_string(text_.size()) +
                             " characters, the limit is " + std::to_string(limits_.max_chars));
    skip_spaces();
    if (at_end()) return core::bad_input("empty regex");
    parse_union(0);  // the root is the last node added
    if (!error_.empty()) return core::bad_input(error_);
    if (!at_end()) {
      const char c = text_[pos_];
      fail(c == ')' ? "')' at column " + column() + " has no matching '('"
                    : unexpected(c));
      return core::bad_input(error_);
    }
    return std::move(out_);
  }

 private:
  std::string_view text_;
  const Alphabet& alphabet_;
  const ParseLimits& limits_;
  size_t pos_ = 0;
  int letters_ = 0;
  Regex out_;
  std::string error_;

  bool at_end() const { return pos_ >= text_.size(); }
  std::string column() const { return std::to_string(pos_ + 1); }
  void skip_spaces() {
    while (!at_end() && text_[pos_] == ' ') ++pos_;
  }
  void fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  std::string unexpected(char c) const {
    if (c == '|') return "'|' at column " + column() + " is not RegexPSPACE syntax: union is written '+'";
    if (c == '*' || c == '?')
      return std::string("'") + c + "' at column " + column() + " has nothing to apply to";
    if (c == '+') return "'+' at column " + column() + " needs a regex on both sides";
    if (c >= 'a' && c <= 'z') return std::string("unknown letter '") + c + "' at column " + column() +
                                     " (alphabet: " + alphabet_.letters + ")";
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f)
      return "unexpected byte " + std::to_string(static_cast<unsigned char>(c)) + " at column " + column();
    return std::string("unexpected '") + c + "' at column " + column();
  }

  int32_t add(Node n) {
    if (static_cast<int>(out_.nodes.size()) >= limits_.max_size) {
      fail("regex too large: more than " + std::to_string(limits_.max_size) + " nodes (size limit)");
      return 0;
    }
    out_.nodes.push_back(n);
    return static_cast<int32_t>(out_.nodes.size()) - 1;
  }

  bool starts_atom() const {
    return !at_end() && (text_[pos_] == '(' || alphabet_.index(text_[pos_]) >= 0);
  }

  int32_t parse_union(int nesting) {
    int32_t left = parse_concat(nesting);
    while (error_.empty() && !at_end() && text_[pos_] == '+') {
      ++pos_;
      skip_spaces();
      if (!starts_atom()) {
        --pos_;
        fail("'+' at column " + column() + " needs a regex on both sides");
        return 0;
      }
      const int32_t right = parse_concat(nesting);
      left = add({Op::choice, 0, left, right});
    }
    return left;
  }

  int32_t parse_concat(int nesting) {
    if (!starts_atom()) {
      fail(at_end() ? "regex ends where a letter or '(' was expected (column " + column() + ")"
                    : unexpected(text_[pos_]));
      return 0;
    }
    int32_t left = parse_postfix(nesting);
    while (error_.empty() && starts_atom()) {
      const int32_t right = parse_postfix(nesting);
      left = add({Op::concat, 0, left, right});
    }
    if (error_.empty() && !at_end() && text_[pos_] != '+' && text_[pos_] != ')') fail(unexpected(text_[pos_]));
    return left;
  }

  int32_t parse_postfix(int nesting) {
    int32_t r = parse_atom(nesting);
    while (error_.empty() && !at_end() && (text_[pos_] == '*' || text_[pos_] == '?')) {
      r = add({text_[pos_] == '*' ? Op::star : Op::option, 0, r, -1});
      ++pos_;
      skip_spaces();
    }
    return r;
  }

  int32_t parse_atom(int nesting) {
    const char c = text_[pos_];
    if (c != '(') {
      if (++letters_ > limits_.max_letters) {
        fail("regex too large: more than " + std::to_string(limits_.max_letters) +
             " letter occurrences (engine limit), at column " + column());
        return 0;
      }
      ++pos_;
      skip_spaces();
      return add({Op::letter, static_cast<uint8_t>(alphabet_.index(c)), -1, -1});
    }
    if (nesting >= limits_.max_nesting) {
      fail("parentheses nested deeper than " + std::to_string(limits_.max_nesting) + " at column " + column());
      return 0;
    }
    const size_t open = pos_;
    ++pos_;
    skip_spaces();
    if (!at_end() && text_[pos_] == ')') {
      fail("empty parentheses at column " + std::to_string(open + 1));
      return 0;
    }
    if (at_end()) {
      fail("unclosed '(' opened at column " + std::to_string(open + 1));
      return 0;
    }
    const int32_t inner = parse_union(nesting + 1);
    if (!error_.empty()) return 0;
    if (at_end()) {
      fail("unclosed '(' opened at column " + std::to_string(open + 1));
      return 0;
    }
    ++pos_;  // parse_concat stops only at '+', ')' or the end, and parse_union consumed '+'
    skip_spaces();
    return inner;
  }
};

}  // namespace

core::Expected<Regex> parse(std::string_view text, const Alphabet& alphabet, const ParseLimits& limits) {
  return Parser(text, alphabet, limits).run();
}

}  // namespace tcs::regex
