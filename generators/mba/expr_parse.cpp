// parse_smt: the family's reader for its own expressions (params "lhs"/"rhs" and the sides of
// a user's goal), and identity_from_goal: the identity in a goal's text (what the built-in
// policy is shown in step mode). They accept only what an MBA side can be; the z3 back-end has
// its own, stricter reader for candidate text, and nothing read here is ever executed.
#include <charconv>

#include "generators/mba/expr.hpp"
#include "generators/mba/identity.hpp"
#include "harness/core/text.hpp"

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

namespace tcs::mba {

namespace {

// The items of one list "(a (b c) d)" as text, or an Error; atoms and lists alike.
core::Expected<std::vector<std::string_view>> list_items(std::string_view text) {
  text = core::trim(text);
  if (text.size() < 2 || text.front() != '(' || text.back() != ')')
    return core::bad_input("expected a list, got \"" + std::string(text.substr(0, 40)) + "\"");
  std::vector<std::string_view> out;
  const std::string_view body = text.substr(1, text.size() - 2);
  size_t i = 0;
  while (i < body.size()) {
    const char c = body[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    const size_t start = i;
    if (c == '(') {
      int depth = 0;
      for (; i < body.size(); ++i) {
        depth += body[i] == '(' ? 1 : body[i] == ')' ? -1 : 0;
        if (depth == 0) break;
      }
      if (i == body.size()) return core::bad_input("unbalanced '(' at offset " + std::to_string(start + 1));
      out.push_back(body.substr(start, ++i - start));
      continue;
    }
    if (c == ')' || c == ';' || c == '"' || c == '|')
      return core::bad_input("unexpected '" + std::string(1, c) + "' at offset " + std::to_string(start + 1));
    while (i < body.size() && body[i] != '(' && body[i] != ')' && body[i] != ' ' && body[i] != '\n' &&
           body[i] != '\t' && body[i] != '\r')
      ++i;
    out.push_back(body.substr(start, i - start));
  }
  return out;
}

core::Expected<int> bitvec_width(std::string_view sort) {
  auto s = list_items(sort);
  int w = 0;
  if (!s || s->size() != 3 || (*s)[0] != "_" || (*s)[1] != "BitVec" ||
      std::from_chars((*s)[2].data(), (*s)[2].data() + (*s)[2].size(), w).ec != std::errc() ||
      w < 1 || w > 64)
    return core::bad_input("sort " + std::string(sort) + " is not a bit-vector sort (_ BitVec 1..64)");
  return w;
}

}  // namespace

core::Expected<Identity> identity_from_goal(std::string_view goal_text) {
  std::string all;  // the commands as one list
  all.reserve(goal_text.size() + 2);
  all.append(1, '(').append(goal_text).append(1, ')');
  auto commands = list_items(all);
  if (!commands) return commands.error();
  Identity id;
  id.width = 0;
  std::string_view last_assert;
  for (std::string_view command : *commands) {
    auto items = list_items(command);
    if (!items || items->empty()) return core::bad_input("expected a command, got " + std::string(command.substr(0, 40)));
    const std::string_view head = (*items)[0];
    if (head == "declare-const" || head == "declare-fun") {
      const size_t sort_at = head == "declare-fun" ? 3 : 2;
      if (items->size() != sort_at + 1) return core::bad_input("malformed " + std::string(head));
      auto w = bitvec_width((*items)[sort_at]);
      if (!w) return w.error().with_context(std::string((*items)[1]));
      if (id.width != 0 && *w != id.width) return core::bad_input("declarations of different widths");
      id.width = *w;
      id.names.emplace_back((*items)[1]);
    } else if (head == "assert") {
      if (items->size() != 2) return core::bad_input("assert takes one term");
      last_assert = (*items)[1];
    }
  }
  if (last_assert.empty() || id.names.empty()) return core::bad_input("the goal declares no bit-vector or has no assert");
  auto negation = list_items(last_assert);
  if (!negation || negation->size() != 2 || (*negation)[0] != "not")
    return core::bad_input("the last assert is not (not TARGET)");
  auto eq = list_items((*negation)[1]);
  if (!eq || eq->size() != 3 || (*eq)[0] != "=") return core::bad_input("the target is not (= L R)");
  auto lhs = parse_smt((*eq)[1], id.names, id.width);
  if (!lhs) return lhs.error().with_context("left side");
  auto rhs = parse_smt((*eq)[2], id.names, id.width);
  if (!rhs) return rhs.error().with_context("right side");
  id.lhs = *lhs;
  id.rhs = *rhs;
  id.cls = classify(*id.lhs, *id.rhs, id.width);
  return id;
}

}  // namespace tcs::mba
