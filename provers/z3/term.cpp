#include "provers/z3/term.hpp"

#include <array>
#include <charconv>

#include "harness/core/contract.hpp"

namespace tcs::z3b {

namespace {

// What an operator takes and gives. `any` = all arguments share one sort (Bool or BitVec).
enum class Args { boolean, bv, any, ite };
enum class Result { boolean, bv };

struct OpInfo {
  std::string_view name;
  Op op;
  int min_args, max_args;  // max -1 = unbounded
  Args args;
  Result result;
};

constexpr std::array<OpInfo, 26> kOps{{
    {"=", Op::eq, 2, -1, Args::any, Result::boolean},
    {"distinct", Op::distinct, 2, -1, Args::any, Result::boolean},
    {"not", Op::not_, 1, 1, Args::boolean, Result::boolean},
    {"and", Op::and_, 2, -1, Args::boolean, Result::boolean},
    {"or", Op::or_, 2, -1, Args::boolean, Result::boolean},
    {"xor", Op::xor_, 2, 2, Args::boolean, Result::boolean},
    {"=>", Op::implies, 2, 2, Args::boolean, Result::boolean},
    {"ite", Op::ite, 3, 3, Args::ite, Result::bv},
    {"bvadd", Op::bvadd, 2, -1, Args::bv, Result::bv},
    {"bvsub", Op::bvsub, 2, 2, Args::bv, Result::bv},
    {"bvmul", Op::bvmul, 2, -1, Args::bv, Result::bv},
    {"bvneg", Op::bvneg, 1, 1, Args::bv, Result::bv},
    {"bvand", Op::bvand, 2, -1, Args::bv, Result::bv},
    {"bvor", Op::bvor, 2, -1, Args::bv, Result::bv},
    {"bvxor", Op::bvxor, 2, -1, Args::bv, Result::bv},
    {"bvnot", Op::bvnot, 1, 1, Args::bv, Result::bv},
    {"bvshl", Op::bvshl, 2, 2, Args::bv, Result::bv},
    {"bvlshr", Op::bvlshr, 2, 2, Args::bv, Result::bv},
    {"bvult", Op::bvult, 2, 2, Args::bv, Result::boolean},
    {"bvule", Op::bvule, 2, 2, Args::bv, Result::boolean},
    {"bvugt", Op::bvugt, 2, 2, Args::bv, Result::boolean},
    {"bvuge", Op::bvuge, 2, 2, Args::bv, Result::boolean},
    {"bvslt", Op::bvslt, 2, 2, Args::bv, Result::boolean},
    {"bvsle", Op::bvsle, 2, 2, Args::bv, Result::boolean},
    {"bvsgt", Op::bvsgt, 2, 2, Args::bv, Result::boolean},
    {"bvsge", Op::bvsge, 2, 2, Args::bv, Result::boolean},
}};

const OpInfo* find_op(std::string_view name) {
  for (const auto& info : kOps)
    if (info.name == name) return &info;
  return nullptr;
}
const OpInfo& op_info(Op op) {
  for (const auto& info : kOps)
    if (info.op == op) return info;
  TCS_REQUIRE(false, "operator without an entry in kOps");
  return kOps[0];
}

// SMT-LIB commands and binders: named in the error so a reader sees what was refused.
constexpr std::array<std::string_view, 30> kRefused{
    "assert", "reset", "reset-assertions", "push", "pop", "declare-fun", "declare-const",
    "declare-sort", "declare-datatype", "declare-datatypes", "define-fun", "define-fun-rec",
    "define-funs-rec", "define-sort", "define-const", "set-option", "set-logic", "set-info",
    "check-sat", "check-sat-assuming", "get-model", "get-value", "get-assertions", "get-proof",
    "get-option", "get-info", "echo", "exit", "eval", "simplify"};
constexpr std::array<std::string_view, 6> kBinders{"let", "forall", "exists", "!", "match", "lambda"};

template <class A>
bool contains(const A& a, std::string_view s) {
  for (auto x : a)
    if (x == s) return true;
  return false;
}

core::Error at(const Sexpr& e, const std::string& what) {
  return core::bad_input(e.where() + ": " + what);
}

core::Expected<TermPtr> parse_literal(const Sexpr& e) {
  const std::string& a = e.atom;
  const bool bin = a.size() > 2 && a[1] == 'b', hexa = a.size() > 2 && a[1] == 'x';
  if (!bin && !hexa) return at(e, "malformed literal " + a);
  const int bits_per = bin ? 1 : 4;
  const size_t digits = a.size() - 2;
  if (digits * bits_per > static_cast<size_t>(kMaxWidth))
    return at(e, "literal " + a + " is wider than " + std::to_string(kMaxWidth) + " bits");
  uint64_t v = 0;
  for (size_t i = 2; i < a.size(); ++i) {
    const char c = a[i];
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    if (d < 0 || d >= (bin ? 2 : 16)) return at(e, "bad digit in literal " + a);
    v = (v << bits_per) | static_cast<uint64_t>(d);
  }
  return make_bv(v, static_cast<int>(digits) * bits_per);
}

core::Expected<uint64_t> parse_numeral(const Sexpr& e, std::string_view what) {
  if (e.is_list || e.atom.empty()) return at(e, std::string(what) + " must be a numeral");
  uint64_t v = 0;
  auto [end, ec] = std::from_chars(e.atom.data(), e.atom.data() + e.atom.size(), v);
  if (ec != std::errc() || end != e.atom.data() + e.atom.size())
    return at(e, std::string(what) + " must be a numeral, got " + e.atom);
  return v;
}

// (_ bvN w)
core::Expected<TermPtr> parse_indexed(const Sexpr& e) {
  if (e.items.size() != 3 || e.items[1].is_list || e.items[1].atom.rfind("bv", 0) != 0)
    return at(e, "only (_ bvN w) literals are accepted among indexed terms");
  auto w = parse_numeral(e.items[2], "a bit-vector width");
  if (!w) return w.error();
  if (*w < 1 || *w > static_cast<uint64_t>(kMaxWidth))
    return at(e, "bit-vector width must be 1.." + std::to_string(kMaxWidth));
  Sexpr digits = e.items[1];
  digits.atom = digits.atom.substr(2);
  auto v = parse_numeral(digits, "the value of (_ bvN w)");
  if (!v) return v.error();
  if (*w < 64 && *v >> *w) return at(e, "value does not fit in " + std::to_string(*w) + " bits");
  return make_bv(*v, static_cast<int>(*w));
}

core::Expected<TermPtr> parse_atom(const Sexpr& e, const Decls& decls) {
  if (e.atom == "true" || e.atom == "false") return make_bool(e.atom == "true");
  if (e.atom[0] == '#') return parse_literal(e);
  if (e.atom[0] >= '0' && e.atom[0] <= '9')
    return at(e, "bare numeral " + e.atom + " has no sort; write (_ bv" + e.atom + " w)");
  if (const Decl* d = find_decl(decls, e.atom)) return make_var(d->name, d->width);
  if (find_op(e.atom) || contains(kRefused, e.atom))
    return at(e, e.atom + " is an operator or command, not a term");
  return at(e, "undeclared symbol " + e.atom);
}

core::Status check_args(const Sexpr& e, const OpInfo& info, const std::vector<TermPtr>& args) {
  const int n = static_cast<int>(args.size());
  if (n < info.min_args || (info.max_args >= 0 && n > info.max_args))
    return at(e, std::string(info.name) + " takes " + std::to_string(info.min_args) +
                     (info.max_args < 0 ? " or more" : info.max_args == info.min_args ? "" : "..") +
                     " arguments, got " + std::to_string(n));
  size_t first = 0;
  if (info.args == Args::ite) {
    if (args[0]->width != kBool) return at(e.items[1], "the condition of ite must be Bool");
    first = 1;
  }
  for (size_t i = first; i < args.size(); ++i) {
    const int w = args[i]->width;
    const Sexpr& where = e.items[i + 1];
    if (info.args == Args::boolean && w != kBool)
      return at(where, std::string(info.name) + " expects Bool, got " + sort_text(w));
    if (info.args == Args::bv && w == kBool)
      return at(where, std::string(info.name) + " expects a bit-vector, got Bool");
    if (w != args[first]->width)
      return at(where, std::string(info.name) + ": argument sorts differ (" +
                           sort_text(args[first]->width) + " vs " + sort_text(w) + ")");
  }
  return {};
}

core::Expected<TermPtr> parse_app(const Sexpr& e, const Decls& decls) {
  if (e.items.empty()) return at(e, "empty list is not a term");
  const Sexpr& head = e.items[0];
  if (head.is_list) return at(head, "the head of an application must be an operator name");
  if (head.atom == "_") return parse_indexed(e);
  if (contains(kRefused, head.atom))
    return at(head, "command " + head.atom + " is not allowed inside a term");
  if (contains(kBinders, head.atom))
    return at(head, head.atom + " is not supported in the step language");
  const OpInfo* info = find_op(head.atom);
  if (!info) {
    if (find_decl(decls, head.atom)) return at(head, head.atom + " is a constant, not a function");
    return at(head, "unknown operator " + head.atom);
  }
  std::vector<TermPtr> args;
  for (size_t i = 1; i < e.items.size(); ++i) {
    auto a = parse_term(e.items[i], decls);
    if (!a) return a.error();
    args.push_back(std::move(*a));
  }
  if (auto s = check_args(e, *info, args); !s.ok()) return s.error();
  return make_op(info->op, std::move(args));
}

void print(const Term& t, std::string& out) {
  switch (t.op) {
    case Op::var: out += t.name; return;
    case Op::bool_const: out += t.value ? "true" : "false"; return;
    case Op::bv_const:
      out += "(_ bv" + std::to_string(t.value) + " " + std::to_string(t.width) + ")";
      return;
    default: break;
  }
  out += '(';
  out += op_info(t.op).name;
  for (const auto& a : t.args) {
    out += ' ';
    print(*a, out);
  }
  out += ')';
}

}  // namespace

const Decl* find_decl(const Decls& decls, std::string_view name) {
  for (const auto& d : decls)
    if (d.name == name) return &d;
  return nullptr;
}

bool valid_symbol_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  const char c = name[0];
  if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) return false;
  for (char ch : name)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
          ch == '_' || ch == '.' || ch == '\''))
      return false;
  return name != "_" && name != "true" && name != "false" && !find_op(name) &&
         !contains(kRefused, name) && !contains(kBinders, name) && name != "ite";
}

core::Expected<int> parse_sort(const Sexpr& e) {
  if (e.is_atom("Bool")) return kBool;
  if (e.is_list && e.items.size() == 3 && e.items[0].is_atom("_") && e.items[1].is_atom("BitVec")) {
    auto w = parse_numeral(e.items[2], "a bit-vector width");
    if (!w) return w.error();
    if (*w >= 1 && *w <= static_cast<uint64_t>(kMaxWidth)) return static_cast<int>(*w);
  }
  return at(e, "sort must be Bool or (_ BitVec w) with w in 1.." + std::to_string(kMaxWidth));
}

std::string sort_text(int width) {
  return width == kBool ? "Bool" : "(_ BitVec " + std::to_string(width) + ")";
}

core::Expected<TermPtr> parse_term(const Sexpr& e, const Decls& decls) {
  return e.is_list ? parse_app(e, decls) : parse_atom(e, decls);
}

core::Expected<TermPtr> parse_term_text(std::string_view text, const Decls& decls) {
  auto es = parse_sexprs(text);
  if (!es) return es.error();
  if (es->size() != 1)
    return core::bad_input("expected exactly one term, got " + std::to_string(es->size()));
  return parse_term(es->front(), decls);
}

std::string to_smt(const Term& t) {
  std::string out;
  print(t, out);
  return out;
}

size_t term_size(const Term& t) {
  size_t n = 1;
  for (const auto& a : t.args) n += term_size(*a);
  return n;
}

uint64_t width_mask(int width) {
  return width >= 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
}

TermPtr make_var(std::string name, int width) {
  auto t = std::make_shared<Term>();
  t->op = Op::var;
  t->name = std::move(name);
  t->width = width;
  return t;
}

TermPtr make_bv(uint64_t value, int width) {
  TCS_REQUIRE(width >= 1 && width <= kMaxWidth, "bad width");
  auto t = std::make_shared<Term>();
  t->op = Op::bv_const;
  t->width = width;
  t->value = value & width_mask(width);
  return t;
}

TermPtr make_bool(bool value) {
  auto t = std::make_shared<Term>();
  t->op = Op::bool_const;
  t->value = value ? 1 : 0;
  return t;
}

TermPtr make_op(Op op, std::vector<TermPtr> args) {
  const OpInfo& info = op_info(op);
  TCS_REQUIRE(!args.empty(), "operator without arguments");
  auto t = std::make_shared<Term>();
  t->op = op;
  if (info.result == Result::boolean) t->width = kBool;
  else t->width = args[info.args == Args::ite ? 1 : 0]->width;
  t->args = std::move(args);
  return t;
}

TermPtr replace(const TermPtr& t, const std::string& from_text, const TermPtr& to) {
  if (to_smt(*t) == from_text) return to;
  if (t->args.empty()) return t;
  std::vector<TermPtr> args;
  bool changed = false;
  for (const auto& a : t->args) {
    args.push_back(replace(a, from_text, to));
    changed |= args.back() != a;
  }
  if (!changed) return t;
  auto copy = std::make_shared<Term>(*t);
  copy->args = std::move(args);
  return copy;
}

}  // namespace tcs::z3b
