// Prompts and statements for RegexMin and RegexEQ, in RegexPSPACE's terms.
#include "generators/regex/problems.hpp"

namespace tcs::regex {

namespace {

std::string syntax(const Alphabet& alphabet) {
  std::string letters;
  for (char c : alphabet.letters) letters += (letters.empty() ? "" : ", ") + std::string(1, c);
  return "Regular expressions are over the alphabet {" + letters +
         "}. Union is written `+`, concatenation by juxtaposition, `*` is the Kleene star and `?` "
         "means \"optional\" (zero or one); postfix operators bind tighter than concatenation, "
         "which binds tighter than `+`. There is no symbol for the empty word or the empty set, "
         "and `|` is not allowed.";
}

const char* kSize =
    "The size of a regular expression is the number of nodes of its syntax tree: letters, `+`, "
    "`*`, `?` and one node per concatenation of two parts; parentheses do not count. For "
    "example `a*b*` has size 5 and `(a+d)c*b*` has size 9.";

}  // namespace

std::string min_prompt(const std::string& query, const Alphabet& alphabet) {
  return syntax(alphabet) + "\n\n" + kSize +
         "\n\nFind a regular expression of minimum size that denotes the same language as\n\n    " + query +
         "\n\nThink step by step, then write the final regular expression as \\boxed{...}. An answer that "
         "does not parse, or is more than twice as long as the given expression, counts as a failure.";
}

std::string eq_prompt(const std::string& left, const std::string& right, const Alphabet& alphabet) {
  return syntax(alphabet) + "\n\nDo these two regular expressions denote the same language?\n\n    " + left +
         "\n    " + right +
         "\n\nThink step by step, then answer \\boxed{True} if they are equivalent and \\boxed{False} if not.";
}

std::string min_informal(const std::string& query, const Alphabet& alphabet) {
  return "## Minimal regular expression (RegexMin)\n\n" + syntax(alphabet) + "\n\n" + kSize +
         "\n\nGive a regular expression of minimum size equivalent to `" + query + "`.\n";
}

std::string eq_informal(const std::string& left, const std::string& right, const Alphabet& alphabet) {
  return "## Regular-expression equivalence (RegexEQ)\n\n" + syntax(alphabet) + "\n\nDo `" + left +
         "` and `" + right + "` denote the same language?\n";
}

std::string eq_smt2(const Regex& left, const Regex& right, const Alphabet& alphabet) {
  return "; RegexEQ: unsat iff the two regular expressions denote the same language\n"
         "(set-logic QF_S)\n(declare-const w String)\n(assert (not (= (str.in_re w " +
         smt_regex(left, alphabet) + ")\n                (str.in_re w " + smt_regex(right, alphabet) +
         "))))\n(check-sat)\n";
}

}  // namespace tcs::regex
