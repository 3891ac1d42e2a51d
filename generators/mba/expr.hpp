// MBA expressions: + − × and & | ^ ~ over w-bit variables (w ≤ 64), with printers for every
// statement language, evaluation, and a reader for the family's own SMT-LIB subset.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/expected.hpp"

namespace tcs::mba {

enum class Kind { var, cst, add, sub, mul, neg, band, bor, bxor, bnot };

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

struct Expr {
  Kind kind = Kind::var;
  uint64_t value = 0;  // cst, already masked to the width it is used at
  int var = 0;         // index into the variable names
  std::vector<ExprPtr> args;
};

ExprPtr var(int index);
ExprPtr cst(uint64_t value);
ExprPtr op(Kind kind, ExprPtr a, ExprPtr b = nullptr);

bool is_bitwise_op(Kind k);
// True when the expression uses only variables, 0/all-ones constants and & | ^ ~.
bool is_pure_bitwise(const Expr& e, int width);
size_t expr_size(const Expr& e);

uint64_t mask(int width);
uint64_t eval(const Expr& e, const uint64_t* vars, int width);
// 256 lanes at 8 bits: variable `lane_var` takes value i in lane i, the others `vars`.
std::array<uint8_t, 256> eval_lanes8(const Expr& e, const uint8_t* vars, int lane_var);

using Names = std::vector<std::string>;
// SMT-LIB text exactly as the z3 back-end prints terms canonically: binary operators,
// constants as (_ bvN w).
std::string to_smt(const Expr& e, const Names& names, int width);
std::string to_lean(const Expr& e, const Names& names, int width);
std::string to_coq(const Expr& e, const Names& names);  // over Z; the caller reduces mod 2^w
std::string to_infix(const Expr& e, const Names& names, int width);

// Reads to_smt's output (n-ary applications allowed) over the given variable names.
core::Expected<ExprPtr> parse_smt(std::string_view text, const Names& names, int width);

}  // namespace tcs::mba
