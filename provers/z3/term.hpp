// Terms of the SMT step language: a sort-checked subset of SMT-LIB QF_BV over declared
// constants. Candidate text becomes a Term only through parse_term(), which accepts exactly:
//
//   Bool:   true false (not p) (and p q ..) (or p q ..) (xor p q) (=> p q)
//           (= a b ..) (distinct a b ..) (ite c a b)
//           (bvult a b) (bvule a b) (bvugt a b) (bvuge a b) (bvslt a b) (bvsle a b)
//           (bvsgt a b) (bvsge a b)
//   BitVec: #b0101  #xff  (_ bvN w)  (bvadd a b ..) (bvsub a b) (bvmul a b ..) (bvneg a)
//           (bvand a b ..) (bvor a b ..) (bvxor a b ..) (bvnot a) (bvshl a b) (bvlshr a b)
//
// with bit-vector widths 1..64 and symbols from the goal's declarations. Commands (assert,
// push, declare-fun, set-option, ...), binders (let, forall, exists), annotations (!) and
// undeclared or ill-sorted terms are Errors naming the position and the reason.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/expected.hpp"
#include "provers/z3/sexpr.hpp"

namespace tcs::z3b {

enum class Op {
  var, bv_const, bool_const,
  eq, distinct, not_, and_, or_, xor_, implies, ite,
  bvadd, bvsub, bvmul, bvneg, bvand, bvor, bvxor, bvnot, bvshl, bvlshr,
  bvult, bvule, bvugt, bvuge, bvslt, bvsle, bvsgt, bvsge,
};

constexpr int kBool = 0;  // the width of a Bool term
constexpr int kMaxWidth = 64;

struct Term;
using TermPtr = std::shared_ptr<const Term>;

struct Term {
  Op op = Op::var;
  int width = kBool;       // 0 = Bool, else the bit-vector width
  uint64_t value = 0;      // bv_const (masked to width), bool_const (0/1)
  std::string name;        // var
  std::vector<TermPtr> args;
};

struct Decl {
  std::string name;
  int width = kBool;
  bool operator==(const Decl&) const = default;
};
using Decls = std::vector<Decl>;

const Decl* find_decl(const Decls& decls, std::string_view name);
// True for names a declaration may use: SMT-LIB simple symbols that are not reserved words,
// operator names or command names.
bool valid_symbol_name(std::string_view name);
// "(_ BitVec 8)" or "Bool"; an Error for anything else.
core::Expected<int> parse_sort(const Sexpr& e);
std::string sort_text(int width);

core::Expected<TermPtr> parse_term(const Sexpr& e, const Decls& decls);
// Parses one term from text (exactly one s-expression).
core::Expected<TermPtr> parse_term_text(std::string_view text, const Decls& decls);

// Canonical SMT-LIB text: equal text = equal term.
std::string to_smt(const Term& t);
inline std::string to_smt(const TermPtr& t) { return to_smt(*t); }
size_t term_size(const Term& t);

// Constructors that keep widths consistent (contract-checked).
TermPtr make_var(std::string name, int width);
TermPtr make_bv(uint64_t value, int width);
TermPtr make_bool(bool value);
TermPtr make_op(Op op, std::vector<TermPtr> args);

uint64_t width_mask(int width);
// Replaces every occurrence of `from` (compared by canonical text) with `to`.
TermPtr replace(const TermPtr& t, const std::string& from_text, const TermPtr& to);

}  // namespace tcs::z3b
