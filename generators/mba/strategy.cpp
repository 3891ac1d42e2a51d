#include "generators/mba/strategy.hpp"

#include <algorithm>
#include <functional>

namespace tcs::mba {

namespace {

using AtomFn = std::function<uint64_t(const std::string&)>;

// Mirrors the (linear-mba) tactic's layers: evaluates a side with every atom replaced by
// value(atom text); with a null `value`, only collects the atoms.
class Layers {
 public:
  Layers(const Identity& id, AtomFn value) : id_(id), value_(std::move(value)) {}

  uint64_t linear(const Expr& e) {
    const uint64_t m = mask(id_.width);
    switch (e.kind) {
      case Kind::cst: return e.value & m;
      case Kind::add: return (linear(*e.args[0]) + linear(*e.args[1])) & m;
      case Kind::sub: return (linear(*e.args[0]) - linear(*e.args[1])) & m;
      case Kind::neg: return (~linear(*e.args[0]) + 1) & m;
      case Kind::mul:
        if (e.args[0]->kind == Kind::cst || e.args[1]->kind == Kind::cst)
          return (linear(*e.args[0]) * linear(*e.args[1])) & m;
        return atom(e);
      default: return bitwise(e);
    }
  }

  const std::vector<std::string>& atoms() const { return atoms_; }

 private:
  uint64_t bitwise(const Expr& e) {
    const uint64_t m = mask(id_.width);
    switch (e.kind) {
      case Kind::band: return bitwise(*e.args[0]) & bitwise(*e.args[1]);
      case Kind::bor: return bitwise(*e.args[0]) | bitwise(*e.args[1]);
      case Kind::bxor: return bitwise(*e.args[0]) ^ bitwise(*e.args[1]);
      case Kind::bnot: return ~bitwise(*e.args[0]) & m;
      case Kind::cst:
        if (e.value == 0 || e.value == m) return e.value;
        return atom(e);
      default: return atom(e);
    }
  }

  uint64_t atom(const Expr& e) {
    const std::string text = to_smt(e, id_.names, id_.width);
    if (std::find(atoms_.begin(), atoms_.end(), text) == atoms_.end()) atoms_.push_back(text);
    return value_ ? value_(text) : 0;
  }

  const Identity& id_;
  AtomFn value_;
  std::vector<std::string> atoms_;
};

constexpr size_t kMaxAtoms = 10;

// The number of ground instances when (linear-mba) proves lhs = rhs, or 0 when it does not.
size_t linear_instances(const Identity& id, const Expr& lhs, const Expr& rhs) {
  Layers collect(id, nullptr);
  collect.linear(lhs);
  collect.linear(rhs);
  const auto atoms = collect.atoms();
  if (atoms.size() > kMaxAtoms) return 0;
  for (uint64_t bits = 0; bits < (uint64_t{1} << atoms.size()); ++bits) {
    Layers eval(id, [&](const std::string& a) {
      const auto i = std::find(atoms.begin(), atoms.end(), a) - atoms.begin();
      return (bits >> i) & 1 ? mask(id.width) : 0;
    });
    if (eval.linear(lhs) != eval.linear(rhs)) return 0;
  }
  return size_t{1} << atoms.size();
}

void append_linear(std::string& out, size_t instances, const std::string& indent) {
  out += indent + "(linear-mba)\n" + indent;
  for (size_t i = 0; i < instances; ++i) out += i ? " (smt)" : "(smt)";
  out += "\n";
}

bool is_monomial(const Expr& e, const Identity& id) {
  const auto n = static_cast<int>(id.names.size());
  for (uint32_t m = 1; m < (1u << n); ++m)
    if (to_smt(*monomial(m, n), id.names, id.width) == to_smt(e, id.names, id.width)) return true;
  return false;
}

// Maximal pure-bitwise subterms that are neither variables, constants nor AND-monomials.
void collect_bitwise(const ExprPtr& e, const Identity& id, std::vector<ExprPtr>& out) {
  if (e->kind == Kind::var || e->kind == Kind::cst) return;
  if (is_pure_bitwise(*e, id.width)) {
    if (is_monomial(*e, id)) return;
    const std::string text = to_smt(*e, id.names, id.width);
    for (const auto& x : out)
      if (to_smt(*x, id.names, id.width) == text) return;
    out.push_back(e);
    return;
  }
  for (const auto& a : e->args) collect_bitwise(a, id, out);
}

bool has_var(const Expr& e) {
  if (e.kind == Kind::var) return true;
  for (const auto& a : e.args)
    if (has_var(*a)) return true;
  return false;
}

// The bitwise subterms the rewriting step works on, largest first.
std::vector<ExprPtr> rewrite_parts(const Identity& id) {
  std::vector<ExprPtr> parts;
  collect_bitwise(id.lhs, id, parts);
  collect_bitwise(id.rhs, id, parts);
  // A subterm maximal in one place may sit inside a larger one elsewhere; rewriting the larger
  // first keeps every later `a` present in the target.
  std::stable_sort(parts.begin(), parts.end(),
                   [](const ExprPtr& a, const ExprPtr& b) { return expr_size(*a) > expr_size(*b); });
  return parts;
}

ExprPtr basis_of(const Expr& e, const Identity& id) {
  const int n = static_cast<int>(id.names.size());
  return linear_basis(signature(e, n, id.width), n, id.width);
}

std::string rewrite_text(const Expr& from, const Expr& to, const Identity& id) {
  return "(rewrite " + to_smt(from, id.names, id.width) + " " + to_smt(to, id.names, id.width) + ")";
}

// Goals this small are cheap for (smt), so trying it costs little.
constexpr size_t kSmallGoal = 12;

}  // namespace

std::vector<std::string> next_tactics(const Identity& id) {
  if (!has_var(*id.lhs) && !has_var(*id.rhs)) return {"(smt)"};
  std::vector<std::string> out;
  if (linear_instances(id, *id.lhs, *id.rhs) > 0) out.push_back("(linear-mba)");
  if (out.empty()) {
    for (const auto& e : rewrite_parts(id)) out.push_back(rewrite_text(*e, *basis_of(*e, id), id));
    if (out.empty()) out.push_back("(ring)");
  }
  const bool small = expr_size(*id.lhs) + expr_size(*id.rhs) <= kSmallGoal;
  const bool only_ring = out.size() == 1 && out[0] == "(ring)";  // (ring) may not apply
  if (small || only_ring) out.push_back("(smt)");
  return out;
}

std::vector<std::string> decoy_tactics(const Identity& id, const std::vector<std::string>& next) {
  std::vector<std::string> out;
  const uint64_t m = mask(id.width);
  for (const auto& e : rewrite_parts(id))
    out.push_back(rewrite_text(*e, *op(Kind::add, basis_of(*e, id), cst(1 & m)), id));
  const std::string one = "(_ bv1 " + std::to_string(id.width) + ")";
  const std::string zero = "(_ bv0 " + std::to_string(id.width) + ")";
  for (const auto& v : id.names) out.push_back("(cases (= (bvand " + v + " " + one + ") " + zero + "))");
  for (const char* t : {"(ring)", "(linear-mba)"})
    if (std::find(next.begin(), next.end(), t) == next.end()) out.emplace_back(t);
  return out;
}

size_t count_tactics(std::string_view script) {
  size_t count = 0;
  int depth = 0;
  bool comment = false;
  for (const char c : script) {
    if (comment) {
      comment = c != '\n';
      continue;
    }
    if (c == ';') comment = true;
    else if (c == '(') count += depth++ == 0;
    else if (c == ')') --depth;
  }
  return count;
}

StepScript step_script(const Identity& id) {
  StepScript s;
  if (size_t n = linear_instances(id, *id.lhs, *id.rhs)) {
    s.strategy = "linear-mba";
    s.text = "; width reduction: the identity is linear in bitwise expressions of its atoms\n";
    append_linear(s.text, n, "");
    return s;
  }
  const std::vector<ExprPtr> parts = rewrite_parts(id);
  std::string text = "; rewrite each bitwise subterm to its AND-monomial basis, then (ring)\n";
  for (const auto& e : parts) {
    const ExprPtr basis = basis_of(*e, id);
    const size_t inst = linear_instances(id, *e, *basis);
    if (inst == 0) return {plain_smt_script(), "smt"};  // cannot happen for pure-bitwise e
    text += rewrite_text(*e, *basis, id) + "\n";
    append_linear(text, inst, "  ");
  }
  if (parts.empty()) return {plain_smt_script(), "smt"};
  s.text = text + "(ring)\n";
  s.strategy = "rewrite+ring";
  return s;
}

std::optional<bool> decide_by_evaluation(const Identity& id) {
  if (id.width == 8 && id.names.size() <= 3) return holds_exhaustive8(id);
  Layers collect(id, nullptr);
  collect.linear(*id.lhs);
  collect.linear(*id.rhs);
  for (const auto& a : collect.atoms())
    if (std::find(id.names.begin(), id.names.end(), a) == id.names.end()) return std::nullopt;
  if (collect.atoms().size() > kMaxAtoms) return std::nullopt;
  return linear_instances(id, *id.lhs, *id.rhs) > 0;
}

}  // namespace tcs::mba
