// The MBA generator: determinism, parameters, statements, and the differential check of every
// generated identity against exhaustive evaluation at 8 bits.
#include <gtest/gtest.h>

#include <sstream>

#include "generators/mba/family.hpp"
#include "generators/mba/problems.hpp"
#include "generators/mba/strategy.hpp"

namespace tcs::mba {
namespace {

std::vector<core::Problem> make(const std::string& kind, core::Json params, int64_t count, uint64_t seed = 7) {
  auto f = make_family();
  auto ps = f->generate({kind, std::move(params), seed, count});
  EXPECT_TRUE(ps.ok()) << (ps.ok() ? "" : ps.error().message);
  return ps.ok() ? *ps : std::vector<core::Problem>{};
}

std::string jsonl(const std::vector<core::Problem>& ps) {
  std::ostringstream out;
  for (const auto& p : ps) core::write_problem_jsonl(out, p);
  return out.str();
}

TEST(Generator, SameSeedSameBytesAndALargerCountExtends) {
  for (const char* kind : {"linear", "polynomial", "nonpoly"}) {
    const auto a = make(kind, {{"width", 64}}, 6), b = make(kind, {{"width", 64}}, 6);
    EXPECT_EQ(jsonl(a), jsonl(b)) << kind;
    const auto more = make(kind, {{"width", 64}}, 8);
    ASSERT_EQ(more.size(), 8u);
    EXPECT_EQ(jsonl(std::vector<core::Problem>(more.begin(), more.begin() + 6)), jsonl(a)) << kind;
    EXPECT_NE(jsonl(make(kind, {{"width", 64}}, 6, 8)), jsonl(a)) << kind;
  }
}

// The differential test: every identity holds on all 256^vars inputs at 8 bits (identities are
// built for every width, so 64-bit ones are evaluated with their constants mod 2^8), and a
// changed constant breaks it — so the check can fail.
TEST(Generator, EveryIdentityHoldsExhaustivelyAt8Bits) {
  for (const char* kind : {"linear", "polynomial", "nonpoly"})
    for (int vars : {2, 3})
      for (int width : {8, 64}) {
        // 3 variables cost 256^3 evaluations each: one per class keeps the test fast.
        const int64_t count = vars == 3 ? (width == 64 ? 1 : 0) : 6;
        for (const auto& p : make(kind, {{"width", width}, {"vars", vars}, {"terms", 5}}, count)) {
          auto id = identity_from_problem(p);
          ASSERT_TRUE(id.ok()) << id.error().message;
          EXPECT_TRUE(holds_exhaustive8(*id)) << p.id;
          Identity broken = *id;
          broken.rhs = op(Kind::add, broken.rhs, cst(1));
          EXPECT_FALSE(holds_exhaustive8(broken)) << p.id;
        }
      }
}

TEST(Generator, ClassesHaveTheirShape) {
  for (const auto& p : make("linear", {{"width", 32}}, 5)) {
    auto id = *identity_from_problem(p);
    EXPECT_EQ(classify(*id.lhs, *id.rhs, id.width), MbaClass::linear) << p.id;
  }
  for (const auto& p : make("polynomial", {{"width", 32}}, 5))
    EXPECT_EQ(classify(*identity_from_problem(p)->lhs, *identity_from_problem(p)->rhs, 32), MbaClass::polynomial) << p.id;
  for (const auto& p : make("nonpoly", {{"width", 32}}, 5))
    EXPECT_EQ(classify(*identity_from_problem(p)->lhs, *identity_from_problem(p)->rhs, 32), MbaClass::nonpoly) << p.id;
}

TEST(Generator, BadParametersNameTheKey) {
  auto f = make_family();
  auto bad = [&](core::Json params, const std::string& kind = "linear") {
    auto r = f->generate({kind, std::move(params), 1, 1});
    return r.ok() ? std::string("ok") : r.error().message;
  };
  EXPECT_NE(bad({{"width", 12}}).find("width"), std::string::npos);
  EXPECT_NE(bad({{"vars", 9}}).find("vars"), std::string::npos);
  EXPECT_NE(bad({{"terms", "many"}}).find("terms"), std::string::npos);
  EXPECT_NE(bad({{"depth", 3}}).find("unknown parameter \"depth\""), std::string::npos);
  EXPECT_NE(bad({}, "cubic").find("kinds: linear, polynomial, nonpoly"), std::string::npos);
}

TEST(Statements, EveryBackendHasOneAndTheyAgree) {
  const auto p = make("nonpoly", {{"width", 16}, {"bv_decide", true}}, 1).front();
  ASSERT_EQ(p.statements.size(), 3u);
  const auto* lean = p.statement("lean");
  ASSERT_NE(lean, nullptr);
  EXPECT_NE(lean->text.find("BitVec 16"), std::string::npos);
  EXPECT_NE(lean->text.find("bv_decide may be used"), std::string::npos);
  EXPECT_NE(lean->text.find("sorry"), std::string::npos);
  EXPECT_NE(lean->text.find("&&&"), std::string::npos);
  EXPECT_NE(p.statement("coq")->text.find("mod 2^16"), std::string::npos);
  EXPECT_NE(p.statement("smt2")->text.find("(assert (not (= "), std::string::npos);
  EXPECT_NE(p.informal.find("16-bit"), std::string::npos);
  EXPECT_EQ(p.answer, core::Json({{"holds", true}}));
  EXPECT_NE(make_family()->prompt(p).find("(linear-mba)"), std::string::npos);
}

TEST(NativeChecker, DecidesOnlyWhereEvaluationIsSound) {
  auto checker = make_native_checker();
  auto verdict = [&](const core::Problem& p, const std::string& answer) {
    return checker->check(p, {answer, "native", core::CandidateMode::answer, {}}, {}).kind;
  };
  const auto small = make("polynomial", {{"width", 8}}, 1).front();
  EXPECT_EQ(verdict(small, "true"), core::VerdictKind::verified);
  EXPECT_EQ(verdict(small, "false"), core::VerdictKind::rejected);
  EXPECT_EQ(verdict(small, "maybe"), core::VerdictKind::rejected);
  const auto linear64 = make("linear", {{"width", 64}}, 1).front();
  EXPECT_EQ(verdict(linear64, "true"), core::VerdictKind::verified);  // the linear MBA theorem
  const auto poly64 = make("polynomial", {{"width", 64}}, 1).front();
  EXPECT_EQ(verdict(poly64, "true"), core::VerdictKind::error);  // evaluation cannot decide
}

TEST(Parser, ReadsItsOwnOutputAndRefusesOtherText) {
  const Names names{"x", "y"};
  auto e = parse_smt("(bvadd x (bvmul (_ bv3 8) (bvnot y)) x)", names, 8);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(to_smt(**e, names, 8), "(bvadd (bvadd x (bvmul (_ bv3 8) (bvnot y))) x)");
  EXPECT_FALSE(parse_smt("(bvadd x z)", names, 8).ok());
  EXPECT_FALSE(parse_smt("(bvudiv x y)", names, 8).ok());
  EXPECT_FALSE(parse_smt("(bvadd x (_ bv1 16))", names, 8).ok());
  EXPECT_FALSE(parse_smt("(bvadd x y", names, 8).ok());
}

}  // namespace
}  // namespace tcs::mba
