// coqtop in -emacs mode ends every answer with `<prompt>NAME < N |..| M < </prompt>`, where N
// is the state id a later `BackTo N.` returns to; one sentence in, one prompt out (a bullet is
// a sentence of its own, which is why steps may not carry bullets: the prompt count would be
// the candidate's to choose).
#include "provers/coq/coqtop_env.hpp"

#include <cstdlib>
#include <cstring>

#include "harness/core/env.hpp"
#include "harness/core/text.hpp"
#include "provers/coq/lexer.hpp"

namespace tcs::coq {

namespace {

std::optional<size_t> until_prompt(std::string_view buffer) {
  size_t at = buffer.find("</prompt>");
  if (at == std::string_view::npos) return std::nullopt;
  return at + 9;
}

std::string strip_tags(std::string text) {
  for (const char* tag : {"<infomsg>", "</infomsg>", "<warning>", "</warning>"})
    for (size_t at; (at = text.find(tag)) != std::string::npos;) text.erase(at, std::strlen(tag));
  return std::string(core::trim(text));
}

// Coq numbers goals per session ("(ID 17)"); equal states must get equal keys.
std::string goal_key(std::string text) {
  for (size_t at; (at = text.find(" (ID ")) != std::string::npos;) {
    size_t close = text.find(')', at);
    text.erase(at, close == std::string::npos ? std::string::npos : close - at + 1);
  }
  return text;
}

// The statement's sentences up to and including `Proof.`, as text.
core::Expected<std::vector<std::string>> preamble_of(std::string_view statement) {
  auto checked = assemble(statement, "", {}, "x");
  if (!checked) return checked.error();
  auto tokens = lex(statement);
  std::vector<std::string> out;
  size_t from = 0;
  for (const auto& s : sentences(*tokens)) {
    size_t end = s.back().offset + 1;
    out.emplace_back(core::trim(statement.substr(from, end - from)));
    from = end;
  }
  out.pop_back();  // Admitted.
  return out;
}

core::Verdict rejected(std::string reason, std::string message) {
  core::Verdict v = core::Verdict::rejected(reason + ": " + message);
  v.detail = {{"reason", reason}};
  return v;
}

// A step is one tactic sentence: no bullets, braces or strings (see the file comment).
std::optional<std::string> step_problem(const std::string& tactic) {
  auto tokens = lex(tactic);
  if (!tokens || tokens->empty()) return "a step must be one tactic ending in '.'";
  auto ss = sentences(*tokens);
  if (ss.size() != 1 || ss[0].back().kind != Token::end)
    return "a step must be exactly one tactic ending in '.'";
  const Token& first = ss[0].front();
  if (first.kind == Token::symbol &&
      std::string_view("-+*{}").find(first.text) != std::string_view::npos)
    return "a step may not start with a bullet or brace";
  for (const Token& t : ss[0])
    if (t.kind == Token::string) return "a step may not contain a string literal";
  return std::nullopt;
}

}  // namespace

core::Status CoqtopEnv::restart() {
  if (session_) session_->stop();
  session_.reset();
  process::Spec spec;
  spec.argv = {config_.coqtop, "-q", "-emacs"};
  spec.merge_stderr = true;  // coqtop prints its prompts on stderr, answers on stdout
  auto started = process::Session::start(spec);
  if (!started) return started.error();
  session_ = std::move(*started);
  ++starts_;
  auto first = session_->read_frame(until_prompt, open_seconds_);
  if (first.status != process::Session::ReadStatus::ok)
    return core::Error{core::ErrorCode::io, "coqtop did not start: " + session_->stderr_text()};
  Reply reply;
  for (const auto& s : preamble_) {
    if (sentence(s, open_seconds_, reply) != SendStatus::ok || reply.error)
      return core::Error{core::ErrorCode::bad_input,
                         "coq statement: coqtop refused `" + s.substr(0, 60) + "`: " + reply.text};
  }
  line_.clear();
  line_states_ = {reply.state};
  return {};
}

CoqtopEnv::SendStatus CoqtopEnv::sentence(const std::string& text, double seconds, Reply& reply) {
  if (!session_->send(text + "\n").ok()) return SendStatus::died;
  auto frame = session_->read_frame(until_prompt, seconds);
  if (frame.status == process::Session::ReadStatus::timeout) return SendStatus::timeout;
  if (frame.status == process::Session::ReadStatus::exited) return SendStatus::died;
  size_t prompt = frame.text.rfind("<prompt>");
  size_t lt = frame.text.find(" < ", prompt);
  reply.state = std::atoi(frame.text.c_str() + lt + 3);
  reply.text = strip_tags(frame.text.substr(0, prompt));
  reply.error =
      reply.text.find("Error:") != std::string::npos &&
      (reply.text.rfind("Error:", 0) == 0 || reply.text.find("\nError:") != std::string::npos ||
       reply.text.find("Toplevel input") != std::string::npos);
  return SendStatus::ok;
}

core::Goal CoqtopEnv::remember(const std::string& text, std::vector<std::string> path) {
  core::Goal goal{goal_key(text), text};
  auto [it, fresh] = nodes_.try_emplace(goal.key);
  if (fresh || it->second.path.size() > path.size()) it->second.path = std::move(path);
  return goal;
}

core::Expected<core::Goal> CoqtopEnv::open(const core::Problem& problem) {
  const core::Statement* statement = problem.statement("coq");
  if (!statement)
    return core::Error{core::ErrorCode::unsupported,
                       problem.id + ": the problem has no coq statement"};
  auto preamble = preamble_of(statement->text);
  if (!preamble) return preamble.error().with_context(problem.id);
  preamble_ = std::move(*preamble);
  rules_ = rules_for(problem);
  nodes_.clear();
  // The theorem sentence prints the goal; replay it apart from the rest to keep its answer.
  std::string proof = preamble_.back(), theorem = preamble_[preamble_.size() - 2];
  preamble_.resize(preamble_.size() - 2);
  auto st = restart();
  Reply shown, after;
  if (st.ok() && (sentence(theorem, open_seconds_, shown) != SendStatus::ok || shown.error ||
                  sentence(proof, open_seconds_, after) != SendStatus::ok || after.error))
    st = core::Error{core::ErrorCode::bad_input,
                     problem.id + ": coqtop refused the theorem: " + shown.text + after.text};
  preamble_.push_back(theorem);
  preamble_.push_back(proof);
  if (!st.ok()) return st.error();
  line_.clear();
  line_states_ = {after.state};
  return remember(shown.text, {});
}

core::Status CoqtopEnv::reach(const std::vector<std::string>& path, double seconds) {
  size_t common = 0;
  while (common < line_.size() && common < path.size() && line_[common] == path[common]) ++common;
  Reply reply;
  if (common < line_.size()) {
    const std::string back = "BackTo " + std::to_string(line_states_[common]) + ".";
    if (sentence(back, seconds, reply) != SendStatus::ok || reply.error)
      return core::Error{core::ErrorCode::io, "coqtop: `" + back + "` failed: " + reply.text};
    line_.resize(common);
    line_states_.resize(common + 1);
  }
  for (size_t i = common; i < path.size(); ++i) {
    if (sentence(path[i], seconds, reply) != SendStatus::ok || reply.error)
      return core::Error{core::ErrorCode::io,
                         "coqtop: replaying `" + path[i] + "` failed: " + reply.text};
    line_.push_back(path[i]);
    line_states_.push_back(reply.state);
  }
  return {};
}

core::StepResult CoqtopEnv::apply(const core::Goal& goal, const std::string& tactic,
                                  const core::Limits& limits) {
  core::Stopwatch watch;
  core::StepResult out;
  auto it = nodes_.find(goal.key);
  if (it == nodes_.end()) {
    out.verdict = core::Verdict::failed("coqtop: a goal this env did not return since open()");
    return out;
  }
  if (auto bad = step_problem(tactic)) {
    out.verdict = rejected("step", *bad);
    return out;
  }
  if (auto cheat = screen_body(tactic, rules_)) {
    out.verdict = rejected(cheat->reason, cheat->message);
    return out;
  }
  if (!session_) {
    if (auto st = restart(); !st.ok()) {
      out.verdict = core::Verdict::failed(st.error().message);
      return out;
    }
  }
  const std::vector<std::string> path = it->second.path;
  if (auto st = reach(path, open_seconds_); !st.ok()) {
    out.verdict = core::Verdict::failed(st.error().message);
    return out;
  }
  Reply reply;
  switch (sentence(tactic, limits.wall_seconds, reply)) {
    case SendStatus::timeout:
      session_.reset();  // the destructor stops coqtop; the next apply() restarts it
      out.verdict =
          core::Verdict::make(core::VerdictKind::timeout, "coqtop: the tactic ran out of time");
      return out;
    case SendStatus::died:
      out.verdict = core::Verdict::failed("coqtop died: " + session_->stderr_text());
      session_.reset();
      return out;
    case SendStatus::ok:
      break;
  }
  if (reply.error) {
    out.verdict = rejected("coq-error", reply.text);
    out.verdict.seconds = watch.seconds();
    return out;
  }
  // Tactics print goals only when they change them; Show prints them always.
  Reply shown;
  if (sentence("Show.", open_seconds_, shown) != SendStatus::ok || shown.error) {
    out.verdict =
        core::Verdict::failed("coqtop: Show failed after `" + tactic + "`: " + shown.text);
    session_.reset();
    return out;
  }
  auto next = path;
  next.push_back(tactic);
  line_.push_back(tactic);
  line_states_.push_back(shown.state);
  out.verdict = core::Verdict::verified();
  if (shown.text.find("No more goals") == std::string::npos)
    out.subgoals.push_back(remember(shown.text, std::move(next)));
  out.verdict.seconds = watch.seconds();
  return out;
}

}  // namespace tcs::coq
