#include "generators/regex/differential.hpp"

#include "generators/regex/brute_force.hpp"
#include "generators/regex/equivalence.hpp"
#include "generators/regex/problems.hpp"
#include "generators/regex/z3_check.hpp"
#include "harness/core/env.hpp"
#include "harness/core/hash.hpp"

namespace tcs::regex {

namespace {

std::pair<Regex, Regex> random_pair(const DifferentialOptions& o, int64_t i, core::Rng& rng) {
  Knobs knobs;
  knobs.alphabet = o.alphabet;
  knobs.min_size = o.min_size;
  knobs.max_size = o.max_size;
  knobs.depth = static_cast<int>(rng.uniform(3, 5));
  if (knobs.max_size > (1 << (knobs.depth + 1)) - 1) knobs.max_size = (1 << (knobs.depth + 1)) - 1;
  Regex a = random_query(knobs, rng);
  switch (i % 3) {
    case 0:
      if (auto m = near_miss(a, o.alphabet, rng)) return {a, *m};
      break;
    case 1: return {a, equivalent_variant(a, a, o.alphabet, rng)};
    default: break;
  }
  return {a, random_query(knobs, rng)};
}

}  // namespace

DifferentialReport run_differential(const DifferentialOptions& o) {
  DifferentialReport rep;
  EquivalenceChecker checker;
  const int k = o.alphabet.size();
  auto disagree = [&](const std::string& what, const Regex& a, const Regex& b) {
    ++rep.disagreements;
    if (rep.examples.size() < 10)
      rep.examples.push_back(what + ": " + print(a, o.alphabet) + " vs " + print(b, o.alphabet));
  };
  for (int64_t i = 0; i < o.pairs; ++i) {
    core::Rng rng(core::derive_seed(o.seed, "regex/differential", static_cast<uint64_t>(i)));
    const auto [a, b] = random_pair(o, i, rng);
    ++rep.pairs;
    core::Stopwatch t1;
    const EquivalenceResult e = checker.check(position_automaton(a, k), position_automaton(b, k));
    rep.automata_seconds += t1.seconds();
    core::Stopwatch t2;
    const bool brute_same = words_upto(a, k, o.max_length) == words_upto(b, k, o.max_length);
    if (e.answer == Equivalence::equivalent && !brute_same) disagree("automata equivalent, brute force differs", a, b);
    if (e.answer == Equivalence::different) {
      if (brute_member(a, e.witness) == brute_member(b, e.witness))
        disagree("automata witness \"" + word_text(e.witness, o.alphabet) + "\" is not in exactly one language", a, b);
      if (brute_same && static_cast<int>(e.witness.size()) <= o.max_length)
        disagree("automata witness within the brute-force length, yet brute force agrees", a, b);
    }
    rep.brute_seconds += t2.seconds();
    if (e.answer == Equivalence::limit) disagree("automata state limit", a, b);
    rep.equivalent += e.answer == Equivalence::equivalent;
    rep.different += e.answer == Equivalence::different;
    if (o.z3_every <= 0 || i % o.z3_every != 0) continue;
    ++rep.z3_asked;
    core::Stopwatch t3;
    const Z3Answer z = z3_equivalence(a, b, o.alphabet, o.z3_timeout_ms);
    rep.z3_seconds += t3.seconds();
    if (z.kind == Z3Answer::unknown) {
      ++rep.z3_unknown;
      continue;
    }
    if ((z.kind == Z3Answer::equivalent) != (e.answer == Equivalence::equivalent))
      disagree(std::string("Z3 says ") + (z.kind == Z3Answer::equivalent ? "equivalent" : "different") +
                   ", automata the opposite",
               a, b);
    if (z.kind == Z3Answer::different) {
      const auto w = word_letters(z.witness, o.alphabet);
      if (!w || brute_member(a, *w) == brute_member(b, *w))
        disagree("Z3 witness \"" + z.witness + "\" is not in exactly one language", a, b);
    }
  }
  return rep;
}

}  // namespace tcs::regex
