#include "generators/mba/expr.hpp"

#include <charconv>

#include "harness/core/contract.hpp"

namespace tcs::mba {

ExprPtr var(int index) {
  auto e = std::make_shared<Expr>();
  e->kind = Kind::var;
  e->var = index;
  return e;
}

ExprPtr cst(uint64_t value) {
  auto e = std::make_shared<Expr>();
  e->kind = Kind::cst;
  e->value = value;
  return e;
}

ExprPtr op(Kind kind, ExprPtr a, ExprPtr b) {
  auto e = std::make_shared<Expr>();
  e->kind = kind;
  e->args.push_back(std::move(a));
  if (b) e->args.push_back(std::move(b));
  TCS_REQUIRE(e->args.size() == ((kind == Kind::neg || kind == Kind::bnot) ? 1u : 2u), "arity");
  return e;
}

bool is_bitwise_op(Kind k) {
  return k == Kind::band || k == Kind::bor || k == Kind::bxor || k == Kind::bnot;
}

uint64_t mask(int width) { return width >= 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1; }

bool is_pure_bitwise(const Expr& e, int width) {
  if (e.kind == Kind::var) return true;
  if (e.kind == Kind::cst) return e.value == 0 || e.value == mask(width);
  if (!is_bitwise_op(e.kind)) return false;
  for (const auto& a : e.args)
    if (!is_pure_bitwise(*a, width)) return false;
  return true;
}

size_t expr_size(const Expr& e) {
  size_t n = 1;
  for (const auto& a : e.args) n += expr_size(*a);
  return n;
}

uint64_t eval(const Expr& e, const uint64_t* vars, int width) {
  const uint64_t m = mask(width);
  auto arg = [&](int i) { return eval(*e.args[i], vars, width); };
  switch (e.kind) {
    case Kind::var: return vars[e.var] & m;
    case Kind::cst: return e.value & m;
    case Kind::add: return (arg(0) + arg(1)) & m;
    case Kind::sub: return (arg(0) - arg(1)) & m;
    case Kind::mul: return (arg(0) * arg(1)) & m;
    case Kind::neg: return (~arg(0) + 1) & m;
    case Kind::band: return arg(0) & arg(1);
    case Kind::bor: return arg(0) | arg(1);
    case Kind::bxor: return arg(0) ^ arg(1);
    case Kind::bnot: return ~arg(0) & m;
  }
  return 0;
}

std::array<uint8_t, 256> eval_lanes8(const Expr& e, const uint8_t* vars, int lane_var) {
  std::array<uint8_t, 256> out{};
  if (e.kind == Kind::var || e.kind == Kind::cst) {
    for (int i = 0; i < 256; ++i)
      out[i] = e.kind == Kind::cst ? static_cast<uint8_t>(e.value)
               : e.var == lane_var ? static_cast<uint8_t>(i) : vars[e.var];
    return out;
  }
  const auto a = eval_lanes8(*e.args[0], vars, lane_var);
  const auto b = e.args.size() > 1 ? eval_lanes8(*e.args[1], vars, lane_var) : a;
  // One loop per operator (not a switch per lane) so the compiler vectorises each.
  auto each = [&](auto f) {
    for (int i = 0; i < 256; ++i) out[i] = static_cast<uint8_t>(f(a[i], b[i]));
  };
  switch (e.kind) {
    case Kind::add: each([](uint8_t x, uint8_t y) { return x + y; }); break;
    case Kind::sub: each([](uint8_t x, uint8_t y) { return x - y; }); break;
    case Kind::mul: each([](uint8_t x, uint8_t y) { return x * y; }); break;
    case Kind::neg: each([](uint8_t x, uint8_t) { return -x; }); break;
    case Kind::band: each([](uint8_t x, uint8_t y) { return x & y; }); break;
    case Kind::bor: each([](uint8_t x, uint8_t y) { return x | y; }); break;
    case Kind::bxor: each([](uint8_t x, uint8_t y) { return x ^ y; }); break;
    default: each([](uint8_t x, uint8_t) { return ~x; }); break;
  }
  return out;
}

namespace {

// Concatenation without `"literal" + std::string`, which trips GCC 12's -Wrestrict false positive.
std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) out += p;
  return out;
}

const char* smt_name(Kind k) {
  switch (k) {
    case Kind::add: return "bvadd";
    case Kind::sub: return "bvsub";
    case Kind::mul: return "bvmul";
    case Kind::neg: return "bvneg";
    case Kind::band: return "bvand";
    case Kind::bor: return "bvor";
    case Kind::bxor: return "bvxor";
    case Kind::bnot: return "bvnot";
    default: return "?";
  }
}

// Infix operator spellings per language: + - * & | ^ (the unary ones are handled apart).
struct Spelling {
  const char *add, *sub, *mul, *band, *bor, *bxor, *neg, *bnot;
};
constexpr Spelling kLean{" + ", " - ", " * ", " &&& ", " ||| ", " ^^^ ", "-", "~~~"};
constexpr Spelling kInfix{" + ", " - ", " * ", " & ", " | ", " ^ ", "-", "~"};

const char* infix(const Spelling& s, Kind k) {
  switch (k) {
    case Kind::add: return s.add;
    case Kind::sub: return s.sub;
    case Kind::mul: return s.mul;
    case Kind::band: return s.band;
    case Kind::bor: return s.bor;
    default: return s.bxor;
  }
}

std::string print_infix(const Expr& e, const Names& names, const Spelling& s,
                        const std::string& suffix) {
  switch (e.kind) {
    case Kind::var: return names[e.var];
    case Kind::cst: return cat({std::to_string(e.value), suffix});
    case Kind::neg: return cat({"(", s.neg, print_infix(*e.args[0], names, s, suffix), ")"});
    case Kind::bnot: return cat({"(", s.bnot, print_infix(*e.args[0], names, s, suffix), ")"});
    default:
      return cat({"(", print_infix(*e.args[0], names, s, suffix), infix(s, e.kind),
                  print_infix(*e.args[1], names, s, suffix), ")"});
  }
}

}  // namespace

std::string to_smt(const Expr& e, const Names& names, int width) {
  if (e.kind == Kind::var) return names[e.var];
  if (e.kind == Kind::cst)
    return cat({"(_ bv", std::to_string(e.value & mask(width)), " ", std::to_string(width), ")"});
  std::string out = cat({"(", smt_name(e.kind)});
  for (const auto& a : e.args) {
    out += ' ';
    out += to_smt(*a, names, width);
  }
  out += ')';
  return out;
}

std::string to_lean(const Expr& e, const Names& names, int width) {
  return print_infix(e, names, kLean, cat({"#", std::to_string(width)}));
}

std::string to_infix(const Expr& e, const Names& names, int width) {
  return print_infix(e, names, kInfix, "");
}

std::string to_coq(const Expr& e, const Names& names) {
  auto a = [&](int i) { return to_coq(*e.args[i], names); };
  switch (e.kind) {
    case Kind::var: return names[e.var];
    case Kind::cst: return std::to_string(e.value);
    case Kind::add: return cat({"(", a(0), " + ", a(1), ")"});
    case Kind::sub: return cat({"(", a(0), " - ", a(1), ")"});
    case Kind::mul: return cat({"(", a(0), " * ", a(1), ")"});
    case Kind::neg: return cat({"(- ", a(0), ")"});
    case Kind::band: return cat({"(Z.land ", a(0), " ", a(1), ")"});
    case Kind::bor: return cat({"(Z.lor ", a(0), " ", a(1), ")"});
    case Kind::bxor: return cat({"(Z.lxor ", a(0), " ", a(1), ")"});
    case Kind::bnot: return cat({"(Z.lnot ", a(0), ")"});
  }
  return "?";
}

}  // namespace tcs::mba
