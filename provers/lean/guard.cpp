// Why tokens: comments, strings and «quoted» names would hide or fake keywords for a regex;
// a tactic body has no business with any command keyword, so refusing them by token is exact
// enough and errs on the side of rejecting.
#include "provers/lean/guard.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "harness/core/text.hpp"
#include "provers/lean/lexer.hpp"

namespace tcs::lean {

namespace {

const std::map<std::string_view, std::string_view>& banned_words() {
  static const std::map<std::string_view, std::string_view> banned = [] {
    std::map<std::string_view, std::string_view> m;
    for (auto w : {"sorry", "sorryAx"}) m[w] = "sorry";
    for (auto w : {"admit", "stop"}) m[w] = "admit";
    m["axiom"] = "axiom";
    m["variable"] = "axiom";
    for (auto w : {"def", "theorem", "lemma", "abbrev", "instance", "structure", "inductive",
                   "class", "opaque", "example", "noncomputable", "mutual", "private", "protected",
                   "universe", "deriving"})
      m[w] = "definition";
    for (auto w : {"macro", "macro_rules", "syntax", "notation", "infix", "infixl", "infixr",
                   "prefix", "postfix", "elab", "elab_rules", "declare_syntax_cat",
                   "binder_predicate", "scoped", "local"})
      m[w] = "notation";
    for (auto w : {"unsafe", "partial"}) m[w] = "unsafe";
    for (auto w : {"implemented_by", "extern", "csimp", "attribute"}) m[w] = "attribute";
    for (auto w : {"run_tac", "run_cmd", "run_elab", "import", "namespace", "section", "initialize",
                   "builtin_initialize", "open_private"})
      m[w] = "command";
    for (auto w :
         {"native_decide", "bv_decide", "ofReduceBool", "ofReduceNat", "reduceBool", "reduceNat"})
      m[w] = "native";
    return m;
  }();
  return banned;
}

const std::set<std::string_view> kDeclWords = {
    "def", "theorem", "lemma", "abbrev", "instance", "structure", "inductive", "class", "opaque"};

std::string code(std::string_view word) {
  std::string s(1, '`');
  s.append(word);
  s += '`';
  return s;
}

bool starts_with_debug(std::string_view option) { return core::starts_with(option, "debug."); }

std::string_view last_part(std::string_view name) {
  size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

std::optional<Rejection> scan(const std::vector<Token>& tokens, const GuardRules& rules,
                              const std::set<std::string>& names, int shift) {
  auto reject = [shift](std::string_view reason, int line, std::string what) {
    return Rejection{std::string(reason), "line " + std::to_string(line + shift) + ": " + what};
  };
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.kind == Token::symbol && t.text == "@[")
      return reject("attribute", t.line, "attributes are not allowed in a proof body");
    if (t.kind == Token::symbol && t.text.size() > 1 && t.text[0] == '#')
      return reject("command", t.line,
                    code(t.text) + " is a command; a proof body may not run one");
    if (t.kind != Token::ident) continue;
    if (t.text == "set_option" && k + 1 < tokens.size() && starts_with_debug(tokens[k + 1].text))
      return reject("option", t.line, code(tokens[k + 1].text) + " turns off a check");
    if (core::starts_with(t.text, "Lean.") && banned_words().count(last_part(t.text)) == 0)
      return reject("meta", t.line,
                    code(t.text) + ": metaprogramming is not allowed in a proof body");
    auto it = banned_words().find(last_part(t.text));
    if (it == banned_words().end()) continue;
    if (it->second == "native" && rules.allow_native) continue;
    if (it->second == "definition" && k + 1 < tokens.size() &&
        names.count(std::string(tokens[k + 1].text)))
      return reject(
          "redefinition", t.line,
          code(tokens[k + 1].text) + " is defined by the statement and may not be redefined");
    return reject(it->second, t.line, code(t.text) + " is not allowed in a proof body");
  }
  return std::nullopt;
}

}  // namespace

namespace {

struct StatementParts {
  size_t by_token = 0;    // index of the `by` before the final `sorry`
  size_t by_end = 0;      // offset just after it
  size_t header_end = 0;  // offset after the last `import` line
  std::string theorem;
  std::set<std::string> names;
};

core::Expected<StatementParts> parse_statement(std::string_view text, const std::vector<Token>& t) {
  if (t.size() < 4 || t.back().text != "sorry" || t[t.size() - 2].text != "by")
    return core::bad_input("lean statement: does not end with `:= by sorry`");
  StatementParts parts;
  parts.by_token = t.size() - 2;
  parts.by_end = t[parts.by_token].offset + 2;
  for (size_t k = 0; k + 1 < parts.by_token; ++k) {
    if (t[k].text == "theorem" || t[k].text == "lemma") parts.theorem = std::string(t[k + 1].text);
    if (kDeclWords.count(t[k].text) || t[k].text == "|")
      parts.names.insert(std::string(t[k + 1].text));
    if (t[k].text == "import") {
      size_t eol = text.find('\n', t[k + 1].offset);
      parts.header_end = eol == std::string_view::npos ? text.size() : eol + 1;
    }
  }
  if (parts.theorem.empty())
    return core::bad_input("lean statement: no theorem before `:= by sorry`");
  return parts;
}

int lines_before(std::string_view text, size_t offset) {
  return static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// The body re-indented under the statement's `by`: common indentation removed, two spaces
// added, so the candidate's layout survives and nothing sits at column 0.
// `whole_first_line`: the body starts at a line start (not right after a restated `by`).
std::string indent_body(std::string_view body, bool whole_first_line) {
  std::vector<std::string_view> lines = core::split(body, '\n');
  size_t common = std::string_view::npos;
  for (size_t i = whole_first_line ? 0 : 1; i < lines.size(); ++i) {
    size_t first = lines[i].find_first_not_of(" \t\r");
    if (first != std::string_view::npos) common = std::min(common, first);
  }
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (i == 0 && !whole_first_line)
      line = core::trim(line);
    else if (line.find_first_not_of(" \t\r") == std::string_view::npos)
      line = {};
    else
      line.remove_prefix(std::min(common, line.size()));
    if (i == 0 && core::trim(line).empty()) continue;
    if (!line.empty()) out += "  ";
    out += line;
    out += '\n';
  }
  while (out.size() >= 2 && out.compare(out.size() - 2, 2, "\n\n") == 0) out.pop_back();
  return out;
}

}  // namespace

core::Expected<GuardResult> assemble(std::string_view statement, std::string_view candidate,
                                     const GuardRules& rules) {
  auto stmt = lex(statement);
  if (!stmt) return stmt.error().with_context("lean statement");
  auto parts = parse_statement(statement, *stmt);
  if (!parts) return parts.error();
  GuardResult result;
  auto cand = lex(candidate);
  if (!cand) {
    result.rejection = {"unterminated", cand.error().message};
    return result;
  }
  size_t body_from = 0, body_token = 0;
  const auto& c = *cand;
  for (size_t k = 0; k + 1 < c.size(); ++k) {
    if ((c[k].text == "theorem" || c[k].text == "lemma") && c[k + 1].text == parts->theorem) {
      for (size_t j = 0; j <= parts->by_token; ++j) {
        if (j >= c.size() || c[j].text != (*stmt)[j].text) {
          int line = j < c.size() ? c[j].line : lines_before(candidate, candidate.size()) + 1;
          result.rejection = {"statement-mismatch",
                              "line " + std::to_string(line) +
                                  ": the restated file differs from the problem's statement at " +
                                  code((*stmt)[j].text) + " (statement line " +
                                  std::to_string((*stmt)[j].line) + ")"};
          return result;
        }
      }
      body_from = c[parts->by_token].offset + 2;
      body_token = parts->by_token + 1;
      break;
    }
  }
  std::vector<Token> body_tokens(c.begin() + body_token, c.end());
  if (auto r = scan(body_tokens, rules, parts->names, 0)) {
    result.rejection = *r;
    return result;
  }
  Assembled& a = result.assembled;
  a.theorem = parts->theorem;
  a.header = std::string(statement.substr(0, parts->header_end));
  a.body =
      std::string(statement.substr(parts->header_end, parts->by_end - parts->header_end)) + "\n";
  a.body_line = lines_before(a.header + a.body, a.header.size() + a.body.size()) + 1;
  a.body += indent_body(candidate.substr(body_from), body_from == 0) + "\n#print axioms " +
            a.theorem + "\n";
  a.axioms_line = lines_before(a.file(), a.file().size());
  result.ok = true;
  return result;
}

core::Expected<StatementSplit> split_statement(std::string_view statement) {
  auto tokens = lex(statement);
  if (!tokens) return tokens.error().with_context("lean statement");
  const auto& t = *tokens;
  if (t.size() < 2 || t.back().text != "sorry" || t[t.size() - 2].text != "by")
    return core::bad_input("lean statement: does not end with `by sorry`");
  size_t header_end = 0;
  for (size_t k = 0; k + 1 < t.size(); ++k)
    if (t[k].text == "import") {
      size_t eol = statement.find('\n', t[k + 1].offset);
      header_end = eol == std::string_view::npos ? statement.size() : eol + 1;
    }
  return StatementSplit{std::string(statement.substr(0, header_end)),
                        std::string(core::trim(statement.substr(header_end)))};
}

std::optional<Rejection> screen_body(std::string_view body, const GuardRules& rules) {
  auto tokens = lex(body);
  if (!tokens) return Rejection{"unterminated", tokens.error().message};
  return scan(*tokens, rules, {}, 0);
}

core::Expected<std::vector<std::string>> parse_axioms(std::string_view message) {
  if (message.find("does not depend on any axioms") != std::string_view::npos)
    return std::vector<std::string>{};
  size_t open = message.find("depends on axioms: [");
  size_t close = message.rfind(']');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return core::bad_input("not an answer of #print axioms: " + core::quote(message));
  std::vector<std::string> names;
  std::string_view list = message.substr(open + 20, close - open - 20);
  for (auto part : core::split(list, ','))
    if (auto name = core::trim(part); !name.empty()) names.emplace_back(name);
  return names;
}

}  // namespace tcs::lean
