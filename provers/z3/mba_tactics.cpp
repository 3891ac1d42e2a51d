#include "provers/z3/mba_tactics.hpp"

#include <algorithm>
#include <functional>
#include <map>

namespace tcs::z3b {

namespace {

bool is_const(const TermPtr& t) { return t->op == Op::bv_const; }

// Rebuilds a side with each atom replaced by atom_value(text); collects atoms when
// atom_value is null. The traversal is the definition of the two layers in the header.
class LinearWalk {
 public:
  using AtomValue = std::function<TermPtr(const std::string&, const TermPtr&)>;
  explicit LinearWalk(AtomValue value) : value_(std::move(value)) {}

  TermPtr linear(const TermPtr& t) {
    switch (t->op) {
      case Op::bv_const: return t;
      case Op::bvadd: case Op::bvsub: case Op::bvneg: return rebuild(t, [&](auto& a) { return linear(a); });
      case Op::bvmul: {
        int non_const = 0;
        for (const auto& a : t->args) non_const += !is_const(a);
        if (non_const <= 1) return rebuild(t, [&](auto& a) { return linear(a); });
        return atom(t);
      }
      default: return bitwise(t);
    }
  }

  TermPtr bitwise(const TermPtr& t) {
    switch (t->op) {
      case Op::bvand: case Op::bvor: case Op::bvxor: case Op::bvnot:
        return rebuild(t, [&](auto& a) { return bitwise(a); });
      case Op::bv_const:
        if (t->value == 0 || t->value == width_mask(t->width)) return t;
        return atom(t);
      default: return atom(t);
    }
  }

  const std::vector<std::string>& atoms() const { return atoms_; }

 private:
  template <class F>
  TermPtr rebuild(const TermPtr& t, F f) {
    std::vector<TermPtr> args;
    for (const auto& a : t->args) args.push_back(f(a));
    return make_op(t->op, std::move(args));
  }

  TermPtr atom(const TermPtr& t) {
    const std::string text = to_smt(t);
    if (std::find(atoms_.begin(), atoms_.end(), text) == atoms_.end()) atoms_.push_back(text);
    return value_ ? value_(text, t) : t;
  }

  AtomValue value_;
  std::vector<std::string> atoms_;
};

core::Status check_equation(const SmtGoal& goal, const char* tactic) {
  if (!is_equation(goal))
    return core::bad_input(std::string(tactic) + " needs a target (= a b) between bit-vectors");
  return {};
}

}  // namespace

core::Expected<std::vector<std::string>> linear_mba_atoms(const TermPtr& a, const TermPtr& b) {
  LinearWalk walk(nullptr);
  walk.linear(a);
  walk.linear(b);
  return walk.atoms();
}

core::Expected<std::vector<SmtGoal>> linear_mba_instances(const SmtGoal& goal) {
  if (auto s = check_equation(goal, "(linear-mba)"); !s.ok()) return s.error();
  const TermPtr& lhs = goal.target->args[0];
  const TermPtr& rhs = goal.target->args[1];
  auto atoms = linear_mba_atoms(lhs, rhs);
  const int k = static_cast<int>(atoms->size());
  if (k > kMaxLinearAtoms)
    return core::bad_input("(linear-mba): " + std::to_string(k) + " atoms, at most " +
                           std::to_string(kMaxLinearAtoms) + " allowed");
  const int w = lhs->width;
  std::vector<SmtGoal> out;
  for (uint64_t bits = 0; bits < (uint64_t{1} << k); ++bits) {
    LinearWalk walk([&](const std::string& text, const TermPtr&) {
      const auto i = std::find(atoms->begin(), atoms->end(), text) - atoms->begin();
      return make_bv((bits >> i) & 1 ? width_mask(w) : 0, w);
    });
    SmtGoal g;
    g.decls = goal.decls;
    g.target = make_op(Op::eq, {walk.linear(lhs), walk.linear(rhs)});
    out.push_back(std::move(g));
  }
  return out;
}

namespace {

// A polynomial over Z/2^w: monomial (sorted atom texts, with repetition) -> coefficient.
using Monomial = std::vector<std::string>;
using Poly = std::map<Monomial, uint64_t>;
constexpr size_t kMaxMonomials = 20000;

struct Ring {
  uint64_t mask;
  bool too_big = false;

  void add_to(Poly& p, const Monomial& m, uint64_t c) {
    uint64_t& slot = p[m];
    slot = (slot + c) & mask;
    if (slot == 0) p.erase(m);
  }
  Poly scale(const Poly& p, uint64_t c) {
    Poly out;
    for (const auto& [m, k] : p) add_to(out, m, k * c);
    return out;
  }
  Poly mul(const Poly& a, const Poly& b) {
    Poly out;
    for (const auto& [ma, ka] : a)
      for (const auto& [mb, kb] : b) {
        Monomial m = ma;
        m.insert(m.end(), mb.begin(), mb.end());
        std::sort(m.begin(), m.end());
        add_to(out, m, ka * kb);
        if (out.size() > kMaxMonomials) {
          too_big = true;
          return out;
        }
      }
    return out;
  }
  Poly normal(const TermPtr& t) {
    Poly out;
    switch (t->op) {
      case Op::bv_const: add_to(out, {}, t->value); return out;
      case Op::bvadd:
        for (const auto& a : t->args)
          for (const auto& [m, k] : normal(a)) add_to(out, m, k);
        return out;
      case Op::bvsub:
        out = normal(t->args[0]);
        for (const auto& [m, k] : normal(t->args[1])) add_to(out, m, (~k + 1) & mask);
        return out;
      case Op::bvneg: return scale(normal(t->args[0]), mask);  // × (2^w − 1) = × −1
      case Op::bvmul:
        out = normal(t->args[0]);
        for (size_t i = 1; i < t->args.size() && !too_big; ++i) out = mul(out, normal(t->args[i]));
        return out;
      default: add_to(out, {to_smt(t)}, 1); return out;
    }
  }
};

std::string poly_text(const Poly& p) {
  std::string out;
  for (const auto& [m, k] : p) {
    if (!out.empty()) out += " + ";
    out += std::to_string(k);
    for (const auto& a : m) out += "*" + a;
    if (out.size() > 300) return out + " ...";
  }
  return out.empty() ? "0" : out;
}

}  // namespace

core::Status ring_equal(const SmtGoal& goal) {
  if (auto s = check_equation(goal, "(ring)"); !s.ok()) return s;
  Ring ring{width_mask(goal.target->args[0]->width)};
  const Poly diff = [&] {
    Poly l = ring.normal(goal.target->args[0]);
    for (const auto& [m, k] : ring.normal(goal.target->args[1])) ring.add_to(l, m, (~k + 1) & ring.mask);
    return l;
  }();
  if (ring.too_big) return core::bad_input("(ring): more than " + std::to_string(kMaxMonomials) + " monomials");
  if (!diff.empty()) return core::bad_input("(ring): the sides differ by " + poly_text(diff));
  return {};
}

}  // namespace tcs::z3b
