// The same equivalence question through Z3's theory of regular expressions, for cross-checks.
// The regexes are built with Z3's C++ API from the parsed tree, never from text, so nothing a
// candidate wrote can reach Z3 as a command. Kept in its own library (tcs_regex_z3) so the
// family itself does not depend on Z3; the CLI, tests and benchmarks link it.
#pragma once

#include <optional>
#include <string>

#include "generators/regex/regex.hpp"

namespace tcs::regex {

struct Z3Answer {
  enum Kind { equivalent, different, unknown } kind = unknown;
  std::string witness;  // when different: Z3's word in exactly one language
  std::string reason;   // when unknown: Z3's reason (timeout, ...)
};

// Asks Z3 whether some string lies in exactly one of the two languages (unsat = equivalent).
Z3Answer z3_equivalence(const Regex& a, const Regex& b, const Alphabet& alphabet, unsigned timeout_ms);

}  // namespace tcs::regex
