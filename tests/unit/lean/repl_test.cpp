// The REPL client against recorded transcripts of a real Lean REPL (replay double).
#include <gtest/gtest.h>

#include "provers/lean/repl.hpp"
#include "tests/unit/lean/replay.hpp"

namespace tcs::lean {
namespace {

std::unique_ptr<ReplClient> start(const std::string& name, int hang_at = -1) {
  auto client = ReplClient::start(testing::replay(name, hang_at));
  EXPECT_TRUE(client.ok()) << client.error().message;
  return client.ok() ? std::move(*client) : nullptr;
}

TEST(LeanRepl, ProofStepTranscript) {
  auto repl = start("proof_step");
  auto def = repl->command("def f : Nat := by sorry", std::nullopt, 5);
  ASSERT_EQ(def.status, ReplClient::Status::ok) << def.problem;
  EXPECT_EQ(def.response.env, 0);
  ASSERT_EQ(def.response.sorries.size(), 1u);
  EXPECT_EQ(def.response.sorries[0].proof_state, 0);
  EXPECT_EQ(def.response.sorries[0].goal, "⊢ Nat");
  ASSERT_EQ(def.response.messages.size(), 1u);
  EXPECT_EQ(def.response.messages[0].severity, "warning");
  EXPECT_EQ(def.response.messages[0].line, 1);
  EXPECT_FALSE(def.response.has_error());
  auto apply = repl->tactic("apply Int.natAbs", 0, 5);
  ASSERT_EQ(apply.status, ReplClient::Status::ok) << apply.problem;
  EXPECT_EQ(apply.response.goals, std::vector<std::string>{"⊢ Int"});
  EXPECT_FALSE(apply.response.completed());
  auto have = repl->tactic("have t : Nat := 42", 0, 5);
  EXPECT_EQ(have.response.proof_state, 2);
  auto exact = repl->tactic("exact t", 2, 5);
  EXPECT_TRUE(exact.response.completed());
  EXPECT_TRUE(exact.response.goals.empty());
  EXPECT_EQ(repl->uses(), 4);
  EXPECT_EQ(repl->stop().outcome, process::Outcome::ok);
}

TEST(LeanRepl, AFailedTacticWithNoGoalsIsNotCompleted) {
  auto repl = start("invalid_tactic");
  repl->command("theorem my_theorem (x : Nat) : x = x := by sorry", std::nullopt, 5);
  auto bad = repl->tactic("exact my_fake_premise", 0, 5);
  ASSERT_EQ(bad.status, ReplClient::Status::ok) << bad.problem;
  EXPECT_TRUE(bad.response.goals.empty());
  EXPECT_FALSE(bad.response.completed());
  EXPECT_TRUE(bad.response.has_error());
  EXPECT_NE(bad.response.first_error().find("my_fake_premise"), std::string::npos);
}

TEST(LeanRepl, ABareMessageIsAFailure) {
  auto repl = start("unknown_proof_state");
  repl->command("def f : Nat := by sorry", std::nullopt, 5);
  auto r = repl->tactic("exact 42", 1, 5);
  ASSERT_EQ(r.status, ReplClient::Status::ok);
  EXPECT_EQ(r.response.failure, "Unknown proof state.");
  EXPECT_TRUE(r.response.has_error());
}

TEST(LeanRepl, TheDoubleRefusesARequestItDidNotRecord) {
  auto repl = start("tactic_sorry");
  auto r = repl->command("def f : Nat := 0", std::nullopt, 5);
  EXPECT_EQ(r.status, ReplClient::Status::died);
  process::Result end = repl->stop();
  EXPECT_EQ(end.exit_code, 3);
  EXPECT_NE(end.err.find("differs"), std::string::npos) << end.err;
}

TEST(LeanRepl, ASilentReplTimesOut) {
  auto repl = start("tactic_sorry", 0);
  auto r = repl->command("def f : Nat := by sorry", std::nullopt, 0.3);
  EXPECT_EQ(r.status, ReplClient::Status::timeout);
}

TEST(LeanRepl, MalformedAnswersAreErrors) {
  EXPECT_FALSE(parse_response("not json").ok());
  EXPECT_FALSE(parse_response("[1]").ok());
  EXPECT_FALSE(parse_response(R"({"env": "zero"})").ok());
  EXPECT_FALSE(parse_response(R"({"messages": [{"pos": 1}]})").ok());
  EXPECT_EQ(command_request("a\nb", 3), "{\"cmd\":\"a\\nb\",\"env\":3}\n\n");
  EXPECT_EQ(answer_frame("{\"env\": 0}\n"), std::nullopt);
  EXPECT_EQ(answer_frame("\n{\"env\": 0}\n\n{"), 13u);
}

}  // namespace
}  // namespace tcs::lean
