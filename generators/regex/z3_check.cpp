#include "generators/regex/z3_check.hpp"

#include <z3++.h>

#include <vector>

namespace tcs::regex {

namespace {

z3::expr to_z3(z3::context& ctx, const Regex& r, const Alphabet& alphabet) {
  std::vector<z3::expr> e;
  e.reserve(r.nodes.size());
  for (const Node& n : r.nodes) {
    switch (n.op) {
      case Op::letter: e.push_back(z3::to_re(ctx.string_val(std::string(1, alphabet.letters[n.letter])))); break;
      case Op::star: e.push_back(z3::star(e[n.a])); break;
      case Op::option: e.push_back(z3::option(e[n.a])); break;
      case Op::concat: e.push_back(z3::concat(e[n.a], e[n.b])); break;
      case Op::choice: e.push_back(e[n.a] + e[n.b]); break;
    }
  }
  return e.back();
}

}  // namespace

Z3Answer z3_equivalence(const Regex& a, const Regex& b, const Alphabet& alphabet, unsigned timeout_ms) {
  Z3Answer out;
  try {
    z3::context ctx;
    z3::solver solver(ctx);
    z3::params p(ctx);
    p.set("timeout", timeout_ms);
    solver.set(p);
    const z3::expr w = ctx.string_const("w");
    // w in the symmetric difference: the same question as in_re(w, A) != in_re(w, B), but Z3
    // (4.8) decides it by regex derivatives at once, where the Boolean form often times out.
    const z3::expr ra = to_z3(ctx, a, alphabet), rb = to_z3(ctx, b, alphabet);
    z3::expr_vector left(ctx), right(ctx);
    left.push_back(ra);
    left.push_back(z3::re_complement(rb));
    right.push_back(rb);
    right.push_back(z3::re_complement(ra));
    solver.add(z3::in_re(w, z3::re_intersect(left) + z3::re_intersect(right)));
    switch (solver.check()) {
      case z3::unsat: out.kind = Z3Answer::equivalent; break;
      case z3::sat: {
        out.kind = Z3Answer::different;
        const z3::expr v = solver.get_model().eval(w, true);
        out.witness = v.is_string_value() ? v.get_string() : v.to_string();
        break;
      }
      case z3::unknown: out.reason = solver.reason_unknown(); break;
    }
  } catch (const z3::exception& e) {
    out.kind = Z3Answer::unknown;
    out.reason = e.msg();
  }
  return out;
}

}  // namespace tcs::regex
