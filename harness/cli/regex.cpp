// tcsprove regex: the regex family's tools — size, equivalence (with an optional Z3 cross-check),
// minimisation from the enumeration table, building the table's cache, and the differential
// soundness run.
#include <sys/resource.h>

#include <cstdio>
#include <iostream>
#include <memory>

#include "generators/regex/differential.hpp"
#include "generators/regex/equivalence.hpp"
#include "generators/regex/minimal_search.hpp"
#include "generators/regex/z3_check.hpp"
#include "harness/cli/command.hpp"
#include "harness/core/text.hpp"

namespace tcs::cli {

namespace {

namespace rx = tcs::regex;

struct RegexOptions {
  std::string left, right, alphabet = "abcd", cache;
  int table_size = 0;
  int64_t max_states = 1 << 20, pairs = 10000, z3_every = 10;
  int max_length = 5;
  unsigned z3_timeout_ms = 5000;
  uint64_t seed = 1;
  bool json = false, z3 = false, no_cache = false;
};

core::Expected<rx::Alphabet> alphabet(const RegexOptions& o) {
  auto a = rx::make_alphabet(o.alphabet);
  if (!a) return a.error().with_context("--alphabet");
  return a;
}

core::Expected<rx::Regex> read_regex(const std::string& text, const rx::Alphabet& a, const char* which) {
  auto r = rx::parse(text, a);
  if (!r) return r.error().with_context(std::string(which) + " " + core::quote(text));
  return r;
}

int size(const RegexOptions& o) {
  auto a = alphabet(o);
  if (!a) return fail(a.error());
  auto r = read_regex(o.left, *a, "regex");
  if (!r) return fail(r.error());
  if (o.json) std::cout << core::OrderedJson{{"size", r->size()}, {"depth", rx::depth(*r)}}.dump() << '\n';
  else std::cout << "size " << r->size() << ", depth " << rx::depth(*r) << '\n';
  return kOk;
}

int equiv(const RegexOptions& o) {
  auto a = alphabet(o);
  if (!a) return fail(a.error());
  auto l = read_regex(o.left, *a, "first regex");
  if (!l) return fail(l.error());
  auto r = read_regex(o.right, *a, "second regex");
  if (!r) return fail(r.error());
  rx::EquivalenceChecker checker(o.max_states);
  const rx::EquivalenceResult e =
      checker.check(rx::position_automaton(*l, a->size()), rx::position_automaton(*r, a->size()));
  if (e.answer == rx::Equivalence::limit) {
    std::cerr << "tcsprove: undecided: the automata passed the state limit of " << o.max_states
              << " DFA states (raise --max-states)\n";
    return kUnchecked;
  }
  const bool same = e.answer == rx::Equivalence::equivalent;
  core::OrderedJson out{{"equivalent", same}};
  if (!same) out["witness"] = rx::word_text(e.witness, *a);
  int code = kOk;
  if (o.z3) {
    const rx::Z3Answer z = rx::z3_equivalence(*l, *r, *a, o.z3_timeout_ms);
    out["z3"] = z.kind == rx::Z3Answer::equivalent ? "equivalent" : z.kind == rx::Z3Answer::different ? "different" : "unknown";
    if (z.kind == rx::Z3Answer::unknown) out["z3_reason"] = z.reason;
    if (z.kind != rx::Z3Answer::unknown && (z.kind == rx::Z3Answer::equivalent) != same) {
      std::cerr << "tcsprove: DISAGREEMENT: Z3 and the automata engine differ on " << o.left << " vs " << o.right << '\n';
      code = kFailure;
    }
  }
  if (o.json) std::cout << out.dump() << '\n';
  else if (same) std::cout << "equivalent\n";
  else std::cout << "not equivalent: \"" << out["witness"].get<std::string>() << "\" is in exactly one language\n";
  return code;
}

core::Expected<std::unique_ptr<rx::MinimalTable>> table_for(const RegexOptions& o, const rx::Alphabet& a, int size) {
  rx::BuildOptions build;
  build.progress = size >= 10;
  const std::string dir = o.no_cache ? "" : o.cache.empty() ? rx::default_cache_dir() : o.cache;
  return rx::open_table(a, size, dir, build);
}

int minimize(const RegexOptions& o) {
  auto a = alphabet(o);
  if (!a) return fail(a.error());
  auto r = read_regex(o.left, *a, "regex");
  if (!r) return fail(r.error());
  if (o.table_size < 0 || o.table_size > 12)
    return fail(core::bad_input("--table-size must be in [1, 12] (0 = automatic), got " + std::to_string(o.table_size)));
  // Enough to decide the answer exactly for queries up to size 12.
  const int want = o.table_size > 0 ? o.table_size : std::max(1, std::min(11, r->size() - 1));
  auto table = table_for(o, *a, want);
  if (!table) return fail(table.error());
  auto m = rx::minimize_regex(*r, **table);
  if (!m) return fail(m.error());
  const std::string text = rx::print(m->minimal, *a);
  if (o.json) {
    core::OrderedJson out{{"minimal", text}, {"size", m->size}, {"query_size", r->size()}, {"exact", m->exact}};
    if (!m->exact) out["lower_bound"] = m->lower_bound;
    out["depth"] = rx::depth(m->minimal);
    std::cout << out.dump() << '\n';
  } else if (m->exact) {
    std::cout << text << "  (size " << m->size << ", minimal; query size " << r->size() << ")\n";
  } else {
    std::cout << text << "  (size " << m->size << "; the minimal size is at least " << m->lower_bound
              << ": raise --table-size to decide)\n";
  }
  return kOk;
}

int table(const RegexOptions& o) {
  auto a = alphabet(o);
  if (!a) return fail(a.error());
  if (o.table_size < 1 || o.table_size > 12)
    return fail(core::bad_input("--size must be in [1, 12], got " + std::to_string(o.table_size)));
  core::Stopwatch clock;
  std::vector<rx::LevelStats> levels;
  rx::BuildOptions build;
  build.progress = !o.json;
  auto t = rx::build_table(*a, o.table_size, build, &levels);
  if (!t) return fail(t.error());
  const double seconds = clock.seconds();
  std::string path;
  if (!o.no_cache) {
    path = rx::cache_file(o.cache.empty() ? rx::default_cache_dir() : o.cache, *a, o.table_size);
    if (auto s = rx::save_table(**t, path); !s) return fail(s.error());
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  core::OrderedJson out{{"size", o.table_size}, {"languages", (*t)->languages()}, {"seconds", seconds},
                        {"peak_rss_mb", static_cast<double>(usage.ru_maxrss) / 1024.0}};
  core::OrderedJson per = core::OrderedJson::array();
  for (const auto& l : levels)
    per.push_back({{"size", l.size}, {"languages", l.languages}, {"candidates", l.candidates}, {"seconds", l.seconds}});
  out["levels"] = per;
  if (!path.empty()) out["cache"] = path;
  if (o.json) std::cout << out.dump() << '\n';
  else
    std::printf("%lld languages up to size %d in %.2f s, peak RSS %.0f MB%s%s\n",
                static_cast<long long>((*t)->languages()), o.table_size, seconds,
                static_cast<double>(usage.ru_maxrss) / 1024.0, path.empty() ? "" : ", cached in ", path.c_str());
  return kOk;
}

int differential(const RegexOptions& o) {
  auto a = alphabet(o);
  if (!a) return fail(a.error());
  if (o.pairs < 1 || o.max_length < 0 || o.max_length > 8)
    return fail(core::bad_input("--pairs must be positive and --length in [0, 8]"));
  rx::DifferentialOptions d;
  d.pairs = o.pairs;
  d.seed = o.seed;
  d.max_length = o.max_length;
  d.z3_every = o.z3_every;
  d.z3_timeout_ms = o.z3_timeout_ms;
  d.alphabet = *a;
  const rx::DifferentialReport r = rx::run_differential(d);
  core::OrderedJson out{{"pairs", r.pairs}, {"equivalent", r.equivalent}, {"different", r.different},
                        {"z3_asked", r.z3_asked}, {"z3_unknown", r.z3_unknown}, {"disagreements", r.disagreements},
                        {"automata_seconds", r.automata_seconds}, {"brute_force_seconds", r.brute_seconds},
                        {"z3_seconds", r.z3_seconds}, {"examples", r.examples}};
  std::cout << (o.json ? out.dump() : out.dump(2)) << '\n';
  for (const auto& e : r.examples) std::cerr << "tcsprove: DISAGREEMENT: " << e << '\n';
  return r.disagreements == 0 ? kOk : kFailure;
}

}  // namespace

void add_regex(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<RegexOptions>();
  auto* regex = app.add_subcommand("regex", "The RegexPSPACE family's tools");
  regex->require_subcommand(1);
  auto alphabet_opt = [o](CLI::App* c) {
    c->add_option("--alphabet", o->alphabet, "Letters of the alphabet")->capture_default_str();
  };
  auto* sz = regex->add_subcommand("size", "Size (FAdo's treeLength) and depth of a regex");
  sz->add_option("regex", o->left, "The regex")->required();
  sz->add_flag("--json", o->json, "Print {\"size\",\"depth\"}");
  alphabet_opt(sz);
  sz->callback([o, &ctx] { ctx.action = [o] { return size(*o); }; });

  auto* eq = regex->add_subcommand("equiv", "Decide whether two regexes denote the same language");
  eq->add_option("left", o->left, "First regex")->required();
  eq->add_option("right", o->right, "Second regex")->required();
  eq->add_flag("--json", o->json, "Print {\"equivalent\",\"witness\"} (witness only when not equivalent)");
  eq->add_flag("--z3", o->z3, "Also ask Z3; a disagreement is reported and exits 3");
  eq->add_option("--z3-timeout-ms", o->z3_timeout_ms, "Z3's time limit")->capture_default_str();
  eq->add_option("--max-states", o->max_states, "DFA state limit (both sides)")->capture_default_str();
  alphabet_opt(eq);
  eq->callback([o, &ctx] { ctx.action = [o] { return equiv(*o); }; });

  auto* mn = regex->add_subcommand("minimize", "A minimal equivalent regex, from the enumeration table");
  mn->add_option("regex", o->left, "The regex")->required();
  mn->add_flag("--json", o->json, "Print {\"minimal\",\"size\",\"query_size\",\"exact\",...}");
  mn->add_option("--table-size", o->table_size, "Enumeration depth (0 = size-1, at most 11)")->capture_default_str();
  mn->add_option("--cache", o->cache, "Cache directory (default $XDG_CACHE_HOME/tcsprove)");
  mn->add_flag("--no-cache", o->no_cache, "Neither read nor write the cache");
  alphabet_opt(mn);
  mn->callback([o, &ctx] { ctx.action = [o] { return minimize(*o); }; });

  auto* tb = regex->add_subcommand("table", "Build the minimal-regex table and write its cache");
  tb->add_option("--size", o->table_size, "Complete up to this size (1..12)")->required();
  tb->add_option("--cache", o->cache, "Cache directory (default $XDG_CACHE_HOME/tcsprove)");
  tb->add_flag("--no-cache", o->no_cache, "Do not write the cache");
  tb->add_flag("--json", o->json, "Print the figures as JSON");
  alphabet_opt(tb);
  tb->callback([o, &ctx] { ctx.action = [o] { return table(*o); }; });

  auto* df = regex->add_subcommand("differential", "Automata vs brute force vs Z3 on random pairs");
  df->add_option("--pairs", o->pairs, "How many pairs")->capture_default_str();
  df->add_option("--seed", o->seed, "Seed")->capture_default_str();
  df->add_option("--length", o->max_length, "Brute force: every word up to this length")->capture_default_str();
  df->add_option("--z3-every", o->z3_every, "Ask Z3 on every N-th pair (0 = never)")->capture_default_str();
  df->add_option("--z3-timeout-ms", o->z3_timeout_ms, "Z3's time limit per pair")->capture_default_str();
  df->add_flag("--json", o->json, "One-line JSON");
  alphabet_opt(df);
  df->callback([o, &ctx] { ctx.action = [o] { return differential(*o); }; });
}

}  // namespace tcs::cli
