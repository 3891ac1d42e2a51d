// Compiles generated Coq statements with coqc: with `Admitted.` replaced by a real proof
// (`vm_compute. reflexivity. Qed.`) they must be accepted, and with one state changed the same
// proof must fail. Skipped, saying so, when coqc is not installed.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "generators/tm_trace/problems.hpp"
#include "provers/process/process.hpp"

namespace tcs::tm_trace {
namespace {

namespace fs = std::filesystem;

bool have_coqc() { return !process::find_executable("coqc").empty(); }

// Runs coqc on `text` through the project's subprocess runner (argv only, no shell); true
// when it compiles.
bool coq_accepts(const std::string& name, const std::string& text) {
  const fs::path dir =
      fs::temp_directory_path() / ("tm_trace_coq_" + name + "_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / (name + ".v");
  std::ofstream(file) << text;
  process::Spec spec;
  spec.argv = {"coqc", "-q", file.string()};
  spec.cwd = dir.string();
  spec.wall_seconds = 120;
  const bool ok = process::run(spec).outcome == process::Outcome::ok;
  fs::remove_all(dir);
  return ok;
}

std::string proved(std::string statement) {
  const std::string admitted = "Proof.\nAdmitted.\n";
  const size_t at = statement.rfind(admitted);
  EXPECT_NE(at, std::string::npos);
  return statement.replace(at, admitted.size(), "Proof.\nvm_compute. reflexivity.\nQed.\n");
}

// Replaces the first `from` after the theorem's name.
std::string mutated(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from, text.find("Theorem"));
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(CoqStatement, TagTraceIsProvableAndAWrongOneIsNot) {
  if (!have_coqc()) GTEST_SKIP() << "coqc not found on PATH; install Coq to run this test";
  TagInstance inst;
  inst.system.m = 2;
  inst.system.alphabet = {"A", "B", "C"};
  for (const char* w : {"CAC", "A", "B"}) inst.system.rules.push_back(*read_word(inst.system.alphabet, w));
  inst.init = *read_word(inst.system.alphabet, "BCA");
  inst.steps = 6;
  const std::string coq = proved(make_tag_problem(inst, {}).statement("coq")->text);
  EXPECT_TRUE(coq_accepts("tag_ok", coq)) << coq;
  EXPECT_FALSE(coq_accepts("tag_wrong", mutated(coq, "[sC; sA; sC]", "[sC; sA; sA]")));
}

TEST(CoqStatement, TapeTraceIsProvableAndAWrongOneIsNot) {
  if (!have_coqc()) GTEST_SKIP() << "coqc not found on PATH; install Coq to run this test";
  for (const char* machine : {"1RB1LB_1LA1RZ", "1RB---_1LA0RB", "1RB2LA1RA_2LA---0RB"}) {
    TapeInstance inst{*parse_machine(machine), 12, 2};
    const std::string coq = proved(make_tape_problem(inst, {}).statement("coq")->text);
    EXPECT_TRUE(coq_accepts("tape_ok", coq)) << coq;
    EXPECT_FALSE(coq_accepts("tape_wrong", mutated(coq, "(Some qB, 1%Z", "(Some qA, 1%Z")));
  }
}

TEST(CoqStatement, GeneratedProblemsCompile) {
  if (!have_coqc()) GTEST_SKIP() << "coqc not found on PATH; install Coq to run this test";
  auto tags = generate_tag({{"steps", 10}}, 99, 2);
  auto tapes = generate_tape({{"steps", 10}, {"symbols", 3}}, 99, 2);
  ASSERT_TRUE(tags.ok() && tapes.ok());
  for (const auto* set : {&*tags, &*tapes})
    for (const auto& p : *set)
      EXPECT_TRUE(coq_accepts("generated", proved(p.statement("coq")->text))) << p.id;
}

}  // namespace
}  // namespace tcs::tm_trace
