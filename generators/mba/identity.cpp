#include "generators/mba/identity.hpp"

#include <algorithm>

namespace tcs::mba {

std::string_view to_string(MbaClass c) {
  switch (c) {
    case MbaClass::linear: return "linear";
    case MbaClass::polynomial: return "polynomial";
    case MbaClass::nonpoly: return "nonpoly";
  }
  return "?";
}

std::vector<uint64_t> signature(const Expr& e, int vars, int width) {
  std::vector<uint64_t> sig;
  const uint64_t m = mask(width);
  for (uint32_t beta = 0; beta < (1u << vars); ++beta) {
    uint64_t values[8] = {};
    for (int j = 0; j < vars; ++j) values[j] = (beta >> j) & 1 ? m : 0;
    sig.push_back((~eval(e, values, width) + 1) & m);
  }
  return sig;
}

ExprPtr monomial(uint32_t m, int vars) {
  ExprPtr out;
  for (int j = 0; j < vars; ++j)
    if ((m >> j) & 1) out = out ? op(Kind::band, out, var(j)) : var(j);
  return out;
}

namespace {

ExprPtr add(ExprPtr acc, ExprPtr term) { return acc ? op(Kind::add, acc, term) : term; }

ExprPtr scaled(uint64_t c, ExprPtr e, int width) {
  c &= mask(width);
  return c == 1 ? e : op(Kind::mul, cst(c), e);
}

// Möbius transform over the subset lattice: c_M = Σ_{T⊆M} (−1)^{|M∖T|} sig(T).
std::vector<uint64_t> mobius(std::vector<uint64_t> v, int vars, int width) {
  for (int j = 0; j < vars; ++j)
    for (uint32_t m = 0; m < v.size(); ++m)
      if ((m >> j) & 1) v[m] = (v[m] - v[m ^ (1u << j)]) & mask(width);
  return v;
}

}  // namespace

ExprPtr linear_basis(const std::vector<uint64_t>& sig, int vars, int width) {
  const auto c = mobius(sig, vars, width);
  ExprPtr out;
  for (uint32_t m = 1; m < c.size(); ++m)
    if (c[m] != 0) out = add(out, scaled(c[m], monomial(m, vars), width));
  if (c[0] != 0) out = add(out, cst((~c[0] + 1) & mask(width)));  // c_∅ · (all-ones) = −c_∅
  return out ? out : cst(0);
}

namespace {

ExprPtr random_bitwise(core::Rng& rng, int vars, int depth) {
  if (depth == 0 || rng.bernoulli(0.25)) return var(static_cast<int>(rng.uniform(0, vars - 1)));
  const int64_t pick = rng.uniform(0, 3);
  if (pick == 3) return op(Kind::bnot, random_bitwise(rng, vars, depth - 1));
  const Kind k = pick == 0 ? Kind::band : pick == 1 ? Kind::bor : Kind::bxor;
  return op(k, random_bitwise(rng, vars, depth - 1), random_bitwise(rng, vars, depth - 1));
}

// A random bitwise expression with the truth table of monomial m, or the monomial itself.
ExprPtr disguise(uint32_t m, int vars, int width, core::Rng& rng) {
  const auto want = signature(*monomial(m, vars), vars, width);
  for (int tries = 0; tries < 300; ++tries) {
    ExprPtr e = random_bitwise(rng, vars, 2);
    if (e->kind != Kind::var && signature(*e, vars, width) == want) return e;
  }
  return monomial(m, vars);
}

// A simple linear target: one or two terms c·b, b a variable or one bitwise operation.
ExprPtr simple_target(core::Rng& rng, int vars, int width) {
  ExprPtr out;
  const int64_t n = rng.uniform(1, 2);
  for (int64_t i = 0; i < n; ++i) {
    ExprPtr b = random_bitwise(rng, vars, 1);
    if (b->kind == Kind::var && vars > 1 && rng.bernoulli(0.5))
      b = op(Kind::bxor, var(0), var(1));
    out = add(out, scaled(static_cast<uint64_t>(rng.uniform(1, 3)), b, width));
  }
  return out;
}

// Σ r_i e_i + Σ c_M disguise(m_M) − c_∅, equal to `target` (a linear MBA expression).
ExprPtr obfuscate(const Expr& target, int vars, int terms, int width, core::Rng& rng) {
  auto resid = signature(target, vars, width);
  std::vector<ExprPtr> parts;
  for (int i = 0; i < terms; ++i) {
    ExprPtr e = random_bitwise(rng, vars, 2);
    int64_t r = rng.uniform(1, 5) * (rng.bernoulli(0.5) ? 1 : -1);
    const auto s = signature(*e, vars, width);
    for (size_t b = 0; b < s.size(); ++b) resid[b] = (resid[b] - static_cast<uint64_t>(r) * s[b]) & mask(width);
    parts.push_back(scaled(static_cast<uint64_t>(r), e, width));
  }
  const auto c = mobius(resid, vars, width);
  for (uint32_t m = 1; m < c.size(); ++m)
    if (c[m] != 0) parts.push_back(scaled(c[m], disguise(m, vars, width, rng), width));
  if (c[0] != 0) parts.push_back(cst((~c[0] + 1) & mask(width)));
  for (size_t i = parts.size(); i > 1; --i)  // Fisher–Yates with our own Rng
    std::swap(parts[i - 1], parts[static_cast<size_t>(rng.uniform(0, static_cast<int64_t>(i) - 1))]);
  ExprPtr out;
  for (auto& p : parts) out = add(out, p);
  return out ? out : cst(0);
}

ExprPtr substitute(const ExprPtr& e, const std::vector<ExprPtr>& atoms) {
  if (e->kind == Kind::var) return atoms[e->var];
  if (e->args.empty()) return e;
  return op(e->kind, substitute(e->args[0], atoms), e->args.size() > 1 ? substitute(e->args[1], atoms) : nullptr);
}

}  // namespace

Identity make_identity(MbaClass cls, const Knobs& k, core::Rng& rng) {
  Identity id;
  id.cls = cls;
  id.width = k.width;
  for (int j = 0; j < k.vars; ++j) id.names.push_back(std::string(1, "xyzw"[j]));
  auto obf = [&](const ExprPtr& s, int terms) { return obfuscate(*s, k.vars, terms, k.width, rng); };
  if (cls == MbaClass::polynomial) {
    const ExprPtr s1 = simple_target(rng, k.vars, k.width), s2 = simple_target(rng, k.vars, k.width);
    const int half = std::max(1, k.terms / 2);
    id.lhs = op(Kind::mul, obf(s1, half), obf(s2, half));
    id.rhs = k.obfuscate_both ? op(Kind::mul, obf(s2, half), obf(s1, half)) : op(Kind::mul, s1, s2);
    return id;
  }
  const ExprPtr s = simple_target(rng, k.vars, k.width);
  id.lhs = obf(s, k.terms);
  id.rhs = k.obfuscate_both ? obf(s, k.terms) : s;
  if (cls == MbaClass::nonpoly) {
    std::vector<ExprPtr> atoms;
    for (int j = 0; j < k.vars; ++j)
      atoms.push_back(op(Kind::mul, var(j), op(Kind::add, var((j + 1) % k.vars), cst(static_cast<uint64_t>(rng.uniform(1, 9))))));
    id.lhs = substitute(id.lhs, atoms);
    id.rhs = substitute(id.rhs, atoms);
  }
  return id;
}

namespace {

bool has_nonlinear_mul(const Expr& e) {
  if (e.kind == Kind::mul && e.args[0]->kind != Kind::cst && e.args[1]->kind != Kind::cst) return true;
  for (const auto& a : e.args)
    if (has_nonlinear_mul(*a)) return true;
  return false;
}

bool has_bitwise_over_arith(const Expr& e, int width) {
  if (is_bitwise_op(e.kind))
    for (const auto& a : e.args)
      if (!is_bitwise_op(a->kind) && !is_pure_bitwise(*a, width)) return true;
  for (const auto& a : e.args)
    if (has_bitwise_over_arith(*a, width)) return true;
  return false;
}

}  // namespace

MbaClass classify(const Expr& lhs, const Expr& rhs, int width) {
  if (has_bitwise_over_arith(lhs, width) || has_bitwise_over_arith(rhs, width)) return MbaClass::nonpoly;
  if (has_nonlinear_mul(lhs) || has_nonlinear_mul(rhs)) return MbaClass::polynomial;
  return MbaClass::linear;
}

bool holds_exhaustive8(const Identity& id) {
  const int n = static_cast<int>(id.names.size());
  uint8_t vals[8] = {};
  const uint64_t outer = uint64_t{1} << (8 * (n - 1));
  for (uint64_t o = 0; o < outer; ++o) {
    for (int j = 1; j < n; ++j) vals[j] = static_cast<uint8_t>(o >> (8 * (j - 1)));
    if (eval_lanes8(*id.lhs, vals, 0) != eval_lanes8(*id.rhs, vals, 0)) return false;
  }
  return true;
}

}  // namespace tcs::mba
