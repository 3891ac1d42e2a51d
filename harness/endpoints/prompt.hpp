// Prompt templates: files a user can copy and override, one per family and mode, at
// <prompts_dir>/<family>/<mode>.txt (mode: answer, whole, step). Without a file the prompt is the
// family's own (`{{prompt}}`).
//
// A template is plain text with placeholders:
//   {{prompt}}       the family's prompt for the problem (or the goal's text in step mode)
//   {{informal}}     the Markdown statement       {{goal}}  the current goal (step mode)
//   {{statement.B}}  the formal statement for back-end B (lean, coq, smt2, native)
//   {{problem_id}} {{family}} {{kind}}
// and optional header lines first:  `#! backend: lean`  `#! extract: last_code_block`.
#pragma once

#include <string>

#include "harness/core/expected.hpp"
#include "harness/core/policy.hpp"

namespace tcs::endpoints {

struct PromptTemplate {
  std::string source = "built-in";  // the file, for messages
  std::string text = "{{prompt}}";
  std::string backend;  // "" = the endpoint's setting
  std::string extract;  // "" = the endpoint's setting; "whole" or "last_code_block"
};

core::Expected<PromptTemplate> parse_template(const std::string& text, const std::string& source);
// The family's file under `dir`, or the built-in template when `dir` is empty or has none.
core::Expected<PromptTemplate> load_template(const std::string& dir, const std::string& family,
                                             core::CandidateMode mode);
// Fills the placeholders; an unknown placeholder or a missing statement is an Error naming it.
core::Expected<std::string> render(const PromptTemplate& t, const core::PolicyQuery& query);
// The candidate in a reply: all of it, or the body of its last ``` fenced block (all of it when
// it has none).
std::string extract_answer(const std::string& reply, const std::string& how);

}  // namespace tcs::endpoints
