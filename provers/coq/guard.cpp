// Why a token list and not a regex: comments, strings and qualified names would otherwise
// hide or fake keywords (`(* Admitted. *)`, `"Axiom"`, `Foo.admit`), and a proof body is
// only ever a sequence of sentences, so banning by sentence and by token is exact enough and
// errs on the side of rejecting.
#include "provers/coq/guard.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "provers/coq/lexer.hpp"

namespace tcs::coq {

namespace {

// Tokens that may not appear anywhere in a body, with the reason key the corpus expects.
const std::map<std::string_view, std::string_view>& banned_tokens() {
  static const std::map<std::string_view, std::string_view> banned = [] {
    std::map<std::string_view, std::string_view> m;
    for (auto w : {"admit", "give_up", "Admitted"}) m[w] = "admit";
    m["Abort"] = "abort";
    for (auto w : {"Axiom", "Axioms", "Parameter", "Parameters", "Hypothesis", "Hypotheses",
                   "Variable", "Variables", "Conjecture", "Conjectures", "Context"})
      m[w] = "axiom";
    for (auto w :
         {"Definition", "Fixpoint",  "CoFixpoint", "Inductive",   "CoInductive", "Variant",
          "Record",     "Structure", "Class",      "Instance",    "Theorem",     "Lemma",
          "Fact",       "Remark",    "Corollary",  "Proposition", "Example",     "Let",
          "Program",    "Canonical", "Coercion",   "Existing",    "Primitive",   "Register"})
      m[w] = "definition";
    for (auto w : {"Notation", "Infix", "Reserved", "Delimit", "Bind"}) m[w] = "notation";
    for (auto w : {"Require", "Import", "Export", "Load", "Declare", "Reset", "Back", "BackTo",
                   "Redirect", "Cd", "Drop", "Module", "Section", "Extraction", "Extract"})
      m[w] = "environment";
    for (auto w : {"Qed", "Defined", "Save", "Goal", "Obligation", "Obligations"})
      m[w] = "proof-end";
    m["bypass_check"] = "attribute";
    return m;
  }();
  return banned;
}

// Vernacular that is only a command at the start of a sentence (`Set` is also a sort).
const std::map<std::string_view, std::string_view>& banned_commands() {
  static const std::map<std::string_view, std::string_view> banned = {
      {"Set", "option"},       {"Unset", "option"},        {"Local", "option"},
      {"Global", "option"},    {"Polymorphic", "option"},  {"Monomorphic", "option"},
      {"Add", "environment"},  {"Remove", "environment"},  {"End", "environment"},
      {"Proof", "proof-end"},  {"Open", "notation"},       {"Tactic", "notation"},
      {"Hint", "environment"}, {"Universe", "definition"}, {"Constraint", "definition"},
  };
  return banned;
}

const std::set<std::string_view> kNative = {"native_compute", "native_cast_no_check"};
const std::set<std::string_view> kTheoremWords = {"Theorem", "Lemma",     "Example",    "Fact",
                                                  "Remark",  "Corollary", "Proposition"};

// `word`, quoted as code. (Built by appending: g++ 12 warns falsely on "lit" + std::string.)
std::string code(std::string_view word) {
  std::string s(1, '`');
  s.append(word);
  s += '`';
  return s;
}

Rejection reject(std::string reason, int line, std::string what) {
  return {std::move(reason), "line " + std::to_string(line) + ": " + std::move(what)};
}

bool is_sentence(const std::vector<Token>& s, std::string_view word) {
  return s.size() == 2 && s[0].text == word && s[1].kind == Token::end;
}

// First word of a sentence after bullets and braces ("- split." / "{ auto. }").
const Token* first_word(const std::vector<Token>& s) {
  for (const Token& t : s)
    if (t.kind == Token::ident) return &t;
  return nullptr;
}

// `shift` turns body lines into candidate lines.
std::optional<Rejection> scan_body(const std::vector<Token>& tokens, const GuardRules& rules,
                                   const std::set<std::string>& statement_names, int shift) {
  auto reject = [shift](std::string reason, int line, std::string what) {
    return Rejection{std::move(reason), "line " + std::to_string(line + shift) + ": " + what};
  };
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.kind == Token::symbol && t.text == "#")
      return reject("attribute", t.line, "attributes (`#[...]`) are not allowed in a proof body");
    if (t.kind != Token::ident) continue;
    // `Coq.Init.Tactics.admit` is `admit`: judge a qualified name by its last part.
    const size_t dot = t.text.rfind('.');
    std::string_view last = dot == std::string_view::npos ? t.text : t.text.substr(dot + 1);
    if (kNative.count(last) && !rules.allow_native)
      return reject("native", t.line,
                    code(t.text) + " trusts the native compiler; this problem disallows it");
    auto it = banned_tokens().find(last);
    if (it == banned_tokens().end()) continue;
    std::string reason(it->second);
    if (reason == "definition" && k + 1 < tokens.size() &&
        statement_names.count(std::string(tokens[k + 1].text)))
      return reject(
          "redefinition", t.line,
          code(tokens[k + 1].text) + " is defined by the statement and may not be redefined");
    return reject(reason, t.line, code(last) + " is not allowed in a proof body");
  }
  for (const auto& s : sentences(tokens)) {
    const Token* w = first_word(s);
    if (!w || w != &s[0]) continue;  // commands start the sentence; bullets precede tactics
    auto it = banned_commands().find(w->text);
    if (it != banned_commands().end())
      return reject(std::string(it->second), w->line,
                    "the command " + code(w->text) + " is not allowed in a proof body");
  }
  return std::nullopt;
}

struct StatementParts {
  size_t admitted_offset = 0;  // where the body goes
  size_t proof_end = 0;        // tokens up to and including `Proof.`
  std::string theorem;
  std::set<std::string> names;
};

core::Expected<StatementParts> parse_statement(const std::vector<Token>& tokens) {
  auto ss = sentences(tokens);
  if (ss.size() < 3 || !is_sentence(ss[ss.size() - 2], "Proof") ||
      !is_sentence(ss.back(), "Admitted"))
    return core::bad_input("coq statement: does not end with `Proof. Admitted.`");
  const auto& thm = ss[ss.size() - 3];
  if (thm.size() < 2 || !kTheoremWords.count(thm[0].text) || thm[1].kind != Token::ident)
    return core::bad_input("coq statement: the sentence before `Proof.` is not a theorem");
  StatementParts parts;
  parts.admitted_offset = ss.back()[0].offset;
  parts.proof_end = tokens.size() - 2;
  parts.theorem = std::string(thm[1].text);
  for (const auto& s : ss)
    for (size_t k = 0; k + 1 < s.size(); ++k)
      if (banned_tokens().count(s[k].text) || s[k].text == "|" || s[k].text == ":=")
        if (s[k + 1].kind == Token::ident) parts.names.insert(std::string(s[k + 1].text));
  return parts;
}

}  // namespace

namespace {

int lines_before(std::string_view text, size_t offset) {
  return static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// When the candidate restates the theorem, where its body starts (npos when it does not), or a
// Rejection when what it restates differs from the problem's statement.
struct Split {
  size_t body_offset = std::string_view::npos;
  std::optional<Rejection> rejection;
};

Split split_whole_file(std::string_view candidate, const std::vector<Token>& cand,
                       const std::vector<Token>& stmt, const StatementParts& parts) {
  Split split;
  size_t at = 0;
  for (; at + 1 < cand.size(); ++at)
    if (kTheoremWords.count(cand[at].text) && cand[at + 1].text == parts.theorem) break;
  if (at + 1 >= cand.size()) return split;  // a body
  for (size_t k = 0; k < parts.proof_end; ++k) {
    if (k >= cand.size() || cand[k].text != stmt[k].text) {
      int line = k < cand.size() ? cand[k].line : lines_before(candidate, candidate.size()) + 1;
      split.rejection = reject("statement-mismatch", line,
                               "the restated file differs from the problem's statement at `" +
                                   std::string(stmt[k].text) + "` (line " +
                                   std::to_string(stmt[k].line) + " of the statement)");
      return split;
    }
  }
  split.body_offset = cand[parts.proof_end - 1].offset + 1;
  return split;
}

// Drops a leading `Proof.` and a trailing `Qed.`/`Defined.`: both are the statement's business.
std::string_view strip_body(std::string_view body, const std::vector<Token>& tokens,
                            std::vector<Token>& kept) {
  auto ss = sentences(tokens);
  size_t from = 0, to = ss.size();
  size_t begin = 0, end = body.size();
  if (to > 0 && is_sentence(ss[0], "Proof")) begin = ss[from++][1].offset + 1;
  if (to > from && (is_sentence(ss[to - 1], "Qed") || is_sentence(ss[to - 1], "Defined")))
    end = ss[--to][0].offset;
  for (size_t i = from; i < to; ++i) kept.insert(kept.end(), ss[i].begin(), ss[i].end());
  return body.substr(begin, end - begin);
}

}  // namespace

core::Expected<GuardResult> assemble(std::string_view statement, std::string_view candidate,
                                     const GuardRules& rules, std::string_view nonce) {
  auto stmt = lex(statement);
  if (!stmt) return stmt.error().with_context("coq statement");
  auto parts = parse_statement(*stmt);
  if (!parts) return parts.error();
  GuardResult result;
  auto cand = lex(candidate);
  if (!cand) {
    result.rejection = {"unterminated", cand.error().message};
    return result;
  }
  Split split = split_whole_file(candidate, *cand, *stmt, *parts);
  if (split.rejection) {
    result.rejection = *split.rejection;
    return result;
  }
  size_t offset = split.body_offset == std::string_view::npos ? 0 : split.body_offset;
  std::string_view raw = candidate.substr(offset);
  auto tokens = lex(raw);
  std::vector<Token> kept;
  std::string_view body = strip_body(raw, *tokens, kept);
  if (auto rejection = scan_body(kept, rules, parts->names, lines_before(candidate, offset))) {
    result.rejection = *rejection;
    return result;
  }
  Assembled& a = result.assembled;
  a.theorem = parts->theorem;
  a.marker = "tcs_marker_" + std::string(nonce);
  std::string prefix(statement.substr(0, parts->admitted_offset));
  a.body_line = lines_before(prefix, prefix.size()) + 1;
  a.file = prefix + std::string(body) + "\nQed.\n\nDefinition " + a.marker + " := 0.\nPrint " +
           a.marker + ".\nPrint Assumptions " + a.theorem + ".\n";
  result.ok = true;
  return result;
}

std::optional<Rejection> screen_body(std::string_view body, const GuardRules& rules) {
  auto tokens = lex(body);
  if (!tokens) return Rejection{"unterminated", tokens.error().message};
  return scan_body(*tokens, rules, {}, 0);
}

core::Expected<std::vector<std::string>> axioms_used(std::string_view output,
                                                     std::string_view marker) {
  size_t at = output.rfind(std::string(marker) + " = 0");
  if (at == std::string_view::npos)
    return core::Error{core::ErrorCode::internal, "coqc printed no Print Assumptions answer"};
  std::string_view rest = output.substr(at);
  if (rest.find("Closed under the global context") != std::string_view::npos)
    return std::vector<std::string>{};
  size_t axioms = rest.find("Axioms:\n");
  if (axioms == std::string_view::npos)
    return core::Error{core::ErrorCode::internal, "coqc's Print Assumptions answer is unreadable"};
  std::vector<std::string> names;
  rest = rest.substr(axioms + 8);
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    size_t colon = line.find(" : ");
    if (!line.empty() && line[0] != ' ' && colon != std::string_view::npos)
      names.emplace_back(line.substr(0, colon));
  }
  return names;
}

}  // namespace tcs::coq
