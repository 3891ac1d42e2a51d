// parse_smt: the family's reader for its own expressions (params "lhs"/"rhs" and the sides of
// a user's goal). It accepts only what an MBA side can be; the z3 back-end has its own,
// stricter reader for candidate text.
#include <charconv>

#include "generators/mba/expr.hpp"

namespace tcs::mba {

namespace {

class Reader {
 public:
  Reader(std::string_view text, const Names& names, int width)
      : text_(text), names_(names), width_(width) {}

  core::Expected<ExprPtr> whole() {
    auto e = read(0);
    if (!e) return e;
    skip();
    if (pos_ != text_.size()) return fail("text after the expression");
    return e;
  }

 private:
  core::Error fail(const std::string& what) const {
    return core::bad_input("at offset " + std::to_string(pos_) + ": " + what);
  }
  void skip() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\t' || text_[pos_] == '\r')) ++pos_;
  }
  std::string_view token() {
    skip();
    const size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != '(' && text_[pos_] != ')' && text_[pos_] != ' ' &&
           text_[pos_] != '\n' && text_[pos_] != '\t' && text_[pos_] != '\r')
      ++pos_;
    return text_.substr(start, pos_ - start);
  }
  bool eat(char c) {
    skip();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  core::Expected<ExprPtr> atom() {
    const std::string_view t = token();
    if (t.empty()) return fail("expected a variable or a list");
    for (size_t i = 0; i < names_.size(); ++i)
      if (names_[i] == t) return var(static_cast<int>(i));
    return fail("unknown variable \"" + std::string(t) + "\"");
  }

  core::Expected<ExprPtr> constant() {
    const std::string_view v = token(), w = token();
    uint64_t value = 0, width = 0;
    if (v.size() < 3 || v.substr(0, 2) != "bv" ||
        std::from_chars(v.data() + 2, v.data() + v.size(), value).ec != std::errc() ||
        std::from_chars(w.data(), w.data() + w.size(), width).ec != std::errc() ||
        width != static_cast<uint64_t>(width_))
      return fail("expected (_ bvN " + std::to_string(width_) + ")");
    if (!eat(')')) return fail("expected ')'");
    return cst(value & mask(width_));
  }

  core::Expected<ExprPtr> read(int depth) {
    if (depth > 200) return fail("nesting deeper than 200");
    if (!eat('(')) return atom();
    const std::string_view head = token();
    if (head == "_") return constant();
    static const std::pair<std::string_view, Kind> kOps[] = {
        {"bvadd", Kind::add}, {"bvsub", Kind::sub}, {"bvmul", Kind::mul}, {"bvneg", Kind::neg},
        {"bvand", Kind::band}, {"bvor", Kind::bor}, {"bvxor", Kind::bxor}, {"bvnot", Kind::bnot}};
    const Kind* kind = nullptr;
    for (const auto& [name, k] : kOps)
      if (name == head) kind = &k;
    if (!kind) return fail("unknown operator \"" + std::string(head) + "\"");
    std::vector<ExprPtr> args;
    while (!eat(')')) {
      if (pos_ >= text_.size()) return fail("unclosed '('");
      auto a = read(depth + 1);
      if (!a) return a;
      args.push_back(std::move(*a));
    }
    const bool unary = *kind == Kind::neg || *kind == Kind::bnot;
    if (unary ? args.size() != 1 : args.size() < 2 || (*kind == Kind::sub && args.size() != 2))
      return fail(std::string(head) + ": wrong number of arguments");
    if (unary) return op(*kind, args[0]);
    ExprPtr acc = args[0];
    for (size_t i = 1; i < args.size(); ++i) acc = op(*kind, acc, args[i]);
    return acc;
  }

  std::string_view text_;
  const Names& names_;
  int width_;
  size_t pos_ = 0;
};

}  // namespace

core::Expected<ExprPtr> parse_smt(std::string_view text, const Names& names, int width) {
  return Reader(text, names, width).whole();
}

}  // namespace tcs::mba
