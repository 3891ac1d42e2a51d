#include "harness/core/problem.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace tcs::core {
namespace {

Problem sample_problem(const std::string& id) {
  Problem p;
  p.id = id;
  p.family = "tm_trace";
  p.kind = "tag";
  p.params = {{"m", 2}, {"rules", {{"A", "BC"}}}};
  p.difficulty = {"easy", 1.5};
  p.statements = {{"coq", "Theorem t : True."}, {"lean", "theorem t : True := by sorry"}};
  p.informal = "# Problem\nTrace the system.";
  p.answer = {{"states", {"AB", "BC"}}};
  return p;
}

TEST(Problem, JsonlRoundTripIsExactAndByteStable) {
  std::vector<Problem> problems = {sample_problem("a/1"), sample_problem("a/2")};
  std::stringstream first;
  for (const auto& p : problems) write_problem_jsonl(first, p);
  auto read = read_problems_jsonl(first);
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read->size(), 2u);
  EXPECT_EQ((*read)[0], problems[0]);
  EXPECT_EQ((*read)[1], problems[1]);
  std::stringstream second;
  for (const auto& p : *read) write_problem_jsonl(second, p);
  EXPECT_EQ(first.str(), second.str());
}

TEST(Problem, StatementLookupByBackend) {
  Problem p = sample_problem("x");
  ASSERT_NE(p.statement("lean"), nullptr);
  EXPECT_EQ(p.statement("lean")->text, "theorem t : True := by sorry");
  EXPECT_EQ(p.statement("smt2"), nullptr);
}

struct BadLine {
  std::string line;
  std::string expected_message_part;
};

class ProblemBadInput : public ::testing::TestWithParam<BadLine> {};

TEST_P(ProblemBadInput, NamesTheLineAndTheField) {
  std::stringstream in;
  write_problem_jsonl(in, sample_problem("ok/1"));
  in << GetParam().line << '\n';
  auto read = read_problems_jsonl(in);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, ErrorCode::bad_input);
  EXPECT_NE(read.error().message.find("line 2"), std::string::npos) << read.error().message;
  EXPECT_NE(read.error().message.find(GetParam().expected_message_part), std::string::npos)
      << read.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Lines, ProblemBadInput,
    ::testing::Values(
        BadLine{"{not json", "not valid JSON"},
        BadLine{"[1,2]", "must be a JSON object"},
        BadLine{R"({"family":"f","kind":"k","informal":"","difficulty":{"level":"e","score":1}})",
                "missing field \"id\""},
        BadLine{R"({"id":5,"family":"f","kind":"k","informal":"","difficulty":{"level":"e","score":1}})",
                "field \"id\" has type number"},
        BadLine{R"({"id":"x","family":"f","kind":"k","informal":"","difficulty":{"level":"e","score":1},"oops":1})",
                "unknown field \"oops\""},
        BadLine{R"({"id":"x","family":"f","kind":"k","informal":"","difficulty":{"level":"e"}})",
                "difficulty: missing field \"score\""},
        BadLine{R"({"id":"ok/1","family":"f","kind":"k","informal":"","difficulty":{"level":"e","score":1}})",
                "duplicate problem id"}));

TEST(Problem, WriteFileIsAtomicAndReadable) {
  auto dir = std::filesystem::temp_directory_path() / ("tcs_core_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::string path = (dir / "p.jsonl").string();
  ASSERT_TRUE(write_problems_file(path, {sample_problem("f/1")}).ok());
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  auto read = read_problems_file(path);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->at(0).id, "f/1");
  auto missing = read_problems_file((dir / "nope.jsonl").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("nope.jsonl"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tcs::core
