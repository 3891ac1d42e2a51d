#include "generators/regex/problems.hpp"

#include <algorithm>
#include <set>

#include "generators/regex/automaton.hpp"
#include "generators/regex/equivalence.hpp"
#include "harness/core/hash.hpp"
#include "harness/core/params.hpp"

namespace tcs::regex {

namespace {

// Largest size a tree of depth <= d can have when every node has at most two children.
int max_size_at_depth(int d) { return (1 << (d + 1)) - 1; }

int32_t random_tree(int size, int d, int k, core::Rng& rng, std::vector<Node>& out) {
  if (size == 1 || d == 0) {
    out.push_back({Op::letter, static_cast<uint8_t>(rng.uniform(0, k - 1)), -1, -1});
    return static_cast<int32_t>(out.size()) - 1;
  }
  const int rest = size - 1, cap = max_size_at_depth(d - 1);
  const bool can_unary = rest <= cap;
  const bool can_binary = rest >= 2 && rest <= 2 * cap;
  const int64_t pick = rng.uniform(0, 9);
  if (can_unary && (!can_binary || pick < 3)) {
    const int32_t a = random_tree(rest, d - 1, k, rng, out);
    out.push_back({rng.bernoulli(0.6) ? Op::star : Op::option, 0, a, -1});
  } else {
    const int lo = std::max(1, rest - cap), hi = std::min(cap, rest - 1);
    const int s1 = static_cast<int>(rng.uniform(lo, hi));
    const int32_t a = random_tree(s1, d - 1, k, rng, out);
    const int32_t b = random_tree(rest - s1, d - 1, k, rng, out);
    out.push_back({rng.bernoulli(0.5) ? Op::concat : Op::choice, 0, a, b});
  }
  return static_cast<int32_t>(out.size()) - 1;
}

// The subtree rooted at node i as a regex of its own.
Regex subtree(const Regex& r, int32_t i) {
  const Node& n = r.nodes[i];
  if (n.op == Op::letter) return letter(n.letter);
  if (n.op == Op::star || n.op == Op::option) return unary(n.op, subtree(r, n.a));
  return binary(n.op, subtree(r, n.a), subtree(r, n.b));
}

// r with the subtree at node `at` replaced.
Regex substitute(const Regex& r, int32_t i, int32_t at, const Regex& replacement) {
  if (i == at) return replacement;
  const Node& n = r.nodes[i];
  if (n.op == Op::letter) return letter(n.letter);
  if (n.op == Op::star || n.op == Op::option) return unary(n.op, substitute(r, n.a, at, replacement));
  return binary(n.op, substitute(r, n.a, at, replacement), substitute(r, n.b, at, replacement));
}

// One random local change: a letter replaced or starred, a star turned into an option or
// dropped, a union turned into a concatenation or back, or a concatenation's operands swapped.
Regex mutate(const Regex& r, int k, core::Rng& rng) {
  const int32_t i = static_cast<int32_t>(rng.uniform(0, r.size() - 1));
  const Node& n = r.nodes[i];
  Regex part = subtree(r, i);
  Node& top = part.nodes.back();
  switch (n.op) {
    case Op::letter:
      if (k > 1 && rng.bernoulli(0.7)) top.letter = static_cast<uint8_t>((n.letter + rng.uniform(1, k - 1)) % k);
      else part = unary(Op::star, part);
      break;
    case Op::star:
    case Op::option:
      if (rng.bernoulli(0.5)) top.op = n.op == Op::star ? Op::option : Op::star;
      else part = subtree(r, n.a);
      break;
    case Op::concat:
      if (rng.bernoulli(0.5)) top.op = Op::choice;
      else part = binary(Op::concat, subtree(r, n.b), subtree(r, n.a));
      break;
    case Op::choice: top.op = Op::concat; break;
  }
  return substitute(r, r.root(), i, part);
}

}  // namespace

core::Expected<Knobs> knobs_from_json(const core::Json& params) {
  Knobs k;
  if (auto s = core::check_known_keys(params, {"alphabet", "min_size", "max_size", "depth", "table_size"}); !s)
    return s.error();
  if (params.is_object() && params.contains("alphabet")) {
    if (!params["alphabet"].is_string()) return core::bad_input("regex parameter \"alphabet\" must be a string");
    auto a = make_alphabet(params["alphabet"].get<std::string>());
    if (!a) return a.error().with_context("regex parameter \"alphabet\"");
    k.alphabet = *a;
  }
  for (auto s : {core::read_int(params, "min_size", 1, 63, k.min_size), core::read_int(params, "max_size", 1, 63, k.max_size),
                 core::read_int(params, "depth", 0, 5, k.depth), core::read_int(params, "table_size", 1, 12, k.table_size),
                 core::check_order("min_size", k.min_size, "max_size", k.max_size)})
    if (!s) return s.error();
  if (k.max_size > max_size_at_depth(k.depth) || k.min_size < k.depth + 1)
    return core::bad_input("no regex of depth " + std::to_string(k.depth) + " has a size in [" +
                           std::to_string(k.min_size) + ", " + std::to_string(k.max_size) + "]");
  if (k.table_size < 0) k.table_size = std::max(1, std::min(11, k.max_size - 1));
  return k;
}

Regex random_query(const Knobs& knobs, core::Rng& rng) {
  for (;;) {
    const int size = static_cast<int>(rng.uniform(knobs.min_size, knobs.max_size));
    Regex r;
    random_tree(size, knobs.depth, knobs.alphabet.size(), rng, r.nodes);
    r = left_associated(r);
    if (depth(r) == knobs.depth && r.size() == size) return r;
  }
}

std::optional<Regex> near_miss(const Regex& r, const Alphabet& alphabet, core::Rng& rng) {
  for (int attempt = 0; attempt < 64; ++attempt) {
    Regex m = left_associated(mutate(r, alphabet.size(), rng));
    if (!same_language(m, r, alphabet.size())) return m;
  }
  return std::nullopt;
}

Regex equivalent_variant(const Regex& r, const Regex& minimal, const Alphabet& alphabet, core::Rng& rng) {
  const std::string text = print(r, alphabet);
  std::vector<Regex> options;
  if (print(minimal, alphabet) != text) options.push_back(minimal);
  for (int32_t i = 0; i < r.size(); ++i) {  // L + M = M + L
    const Node& n = r.nodes[i];
    if (n.op != Op::choice) continue;
    Regex v = left_associated(substitute(r, r.root(), i, binary(Op::choice, subtree(r, n.b), subtree(r, n.a))));
    if (print(v, alphabet) != text) options.push_back(v);
  }
  if (options.empty()) {  // r** = r*, r? = r when r accepts the empty word, else r + r = r
    const Op top = r.nodes.back().op;
    options.push_back(top == Op::star ? unary(Op::star, r)
                      : top == Op::option ? unary(Op::option, r)
                                          : binary(Op::choice, r, r));
  }
  Regex pick = options[static_cast<size_t>(rng.uniform(0, static_cast<int64_t>(options.size()) - 1))];
  return same_language(pick, r, alphabet.size()) ? pick : minimal;
}

std::optional<std::string> example_word(const Regex& r, const Alphabet& alphabet, bool member, core::Rng& rng) {
  const PositionAutomaton a = position_automaton(r, alphabet.size());
  std::vector<std::string> found;
  struct Item { uint64_t states; std::string word; };
  std::vector<Item> layer{{kInitial, ""}};
  for (int length = 0; length <= 6; ++length) {
    std::vector<Item> next;
    for (const Item& it : layer) {
      if (a.accepts(it.states) == member) found.push_back(it.word);
      if (length == 6) continue;
      const uint64_t s = a.successors(it.states);
      for (int x = 0; x < alphabet.size(); ++x) next.push_back({s & a.letter_set[x], it.word + alphabet.letters[x]});
    }
    layer.swap(next);
  }
  if (found.empty()) return std::nullopt;
  return found[static_cast<size_t>(rng.uniform(0, static_cast<int64_t>(found.size()) - 1))];
}

namespace {

core::Difficulty difficulty(int score) {
  return {score < 14 ? "easy" : score < 20 ? "medium" : "hard", static_cast<double>(score)};
}

core::Json optional_word(const std::optional<std::string>& w) { return w ? core::Json(*w) : core::Json(nullptr); }

}  // namespace

core::Problem make_min_problem(const MinFacts& f, const Alphabet& alphabet) {
  core::Problem p;
  const std::string query = print(f.query, alphabet);
  p.family = kFamily;
  p.kind = "min";
  p.id = "regex/min/s" + std::to_string(f.query.size()) + "-" +
         core::hex64(core::fnv1a64(alphabet.letters + ":" + query)).substr(0, 12);
  p.params = core::Json{{"alphabet", alphabet.letters}, {"query", query}, {"table_size", f.table_size}};
  const int gap = f.query.size() - f.minimal.size();
  p.difficulty = difficulty(f.query.size() + 2 * gap);
  p.statements = {{"native", query}};
  p.informal = min_informal(query, alphabet);
  p.answer = core::Json{{"minimal", print(f.minimal, alphabet)},
                        {"minimal_size", f.minimal.size()},
                        {"minimal_depth", depth(f.minimal)},
                        {"query_size", f.query.size()},
                        {"query_depth", depth(f.query)},
                        {"equivalent_regex", print(f.equivalent, alphabet)},
                        {"not_equivalent_regex", print(f.not_equivalent, alphabet)},
                        {"positive_example", optional_word(f.positive)},
                        {"negative_example", optional_word(f.negative)}};
  return p;
}

core::Problem make_eq_problem(const Regex& left, const Regex& right, const Alphabet& alphabet) {
  core::Problem p;
  const std::string l = print(left, alphabet), r = print(right, alphabet);
  p.family = kFamily;
  p.kind = "eq";
  p.id = "regex/eq/" + core::hex64(core::fnv1a64(alphabet.letters + ":" + l + "=" + r)).substr(0, 16);
  p.params = core::Json{{"alphabet", alphabet.letters}, {"left", l}, {"right", r}};
  EquivalenceChecker checker;
  const EquivalenceResult e =
      checker.check(position_automaton(left, alphabet.size()), position_automaton(right, alphabet.size()));
  const bool same = e.answer == Equivalence::equivalent;
  p.difficulty = difficulty(std::max(left.size(), right.size()) + (same ? 6 : 0));
  p.statements = {{"native", l + "\n" + r}, {"smt2", eq_smt2(left, right, alphabet)}};
  p.informal = eq_informal(l, r, alphabet);
  p.answer = core::Json{{"equivalent", same}};
  if (e.answer == Equivalence::different) p.answer["witness"] = word_text(e.witness, alphabet);
  return p;
}

core::Expected<std::vector<core::Problem>> generate(const std::string& kind, const core::Json& params,
                                                    uint64_t seed, int64_t count) {
  if (kind != "min" && kind != "eq") return core::bad_input("regex has no kind \"" + kind + "\" (kinds: min, eq)");
  auto knobs = knobs_from_json(params);
  if (!knobs) return knobs.error();
  if (count < 0 || count > 10'000'000)
    return core::bad_input("count must be in [0, 10000000], got " + std::to_string(count));
  if (count == 0) return std::vector<core::Problem>{};
  // Small tables are built in memory in milliseconds; from size 10 on the disk cache pays.
  const std::string dir = knobs->table_size >= 10 ? default_cache_dir() : std::string();
  BuildOptions options;
  options.progress = knobs->table_size >= 10;
  auto opened = open_table(knobs->alphabet, knobs->table_size, dir, options);
  if (!opened) return opened.error();
  // A larger cached table must not change what is generated.
  const std::unique_ptr<MinimalTable> table = cap_table(**opened, knobs->table_size);
  const Alphabet& alphabet = knobs->alphabet;
  std::vector<core::Problem> out;
  std::set<std::string> ids;
  const std::string label = "regex/" + kind;
  for (uint64_t j = 0; static_cast<int64_t>(out.size()) < count; ++j) {
    if (j > static_cast<uint64_t>(count) * 200 + 1000)
      return core::bad_input("could not find " + std::to_string(count) +
                             " distinct queries with an exactly known minimal size; raise table_size or lower max_size");
    core::Rng rng(core::derive_seed(seed, label, j));
    MinFacts f;
    f.query = random_query(*knobs, rng);
    f.table_size = table->complete_size();
    auto m = minimize_regex(f.query, *table);
    if (!m) return m.error();
    if (!m->exact) continue;
    f.minimal = m->minimal;
    auto miss = near_miss(f.query, alphabet, rng);
    if (!miss) continue;
    f.not_equivalent = *miss;
    f.equivalent = equivalent_variant(f.query, f.minimal, alphabet, rng);
    std::vector<core::Problem> made;
    if (kind == "min") {
      f.positive = example_word(f.query, alphabet, true, rng);  // only min problems show them
      f.negative = example_word(f.query, alphabet, false, rng);
      made.push_back(make_min_problem(f, alphabet));
    } else
      made = {make_eq_problem(f.query, f.equivalent, alphabet), make_eq_problem(f.query, f.not_equivalent, alphabet)};
    // Both of a pair or neither, so the set stays balanced.
    if (std::any_of(made.begin(), made.end(), [&](const core::Problem& p) { return ids.count(p.id) > 0; })) continue;
    for (auto& p : made)
      if (static_cast<int64_t>(out.size()) < count) {
        ids.insert(p.id);
        out.push_back(std::move(p));
      }
  }
  return out;
}

core::Expected<Alphabet> problem_alphabet(const core::Problem& p) {
  if (!p.params.is_object() || !p.params.contains("alphabet") || !p.params["alphabet"].is_string())
    return core::bad_input(p.id + ": params.alphabet must be a string");
  auto a = make_alphabet(p.params["alphabet"].get<std::string>());
  if (!a) return a.error().with_context(p.id + ": params.alphabet");
  return a;
}

core::Expected<Regex> problem_regex(const core::Problem& p, const char* field, const Alphabet& alphabet) {
  if (!p.params.is_object() || !p.params.contains(field) || !p.params[field].is_string())
    return core::bad_input(p.id + ": params." + field + " must be a string");
  auto r = parse(p.params[field].get<std::string>(), alphabet);
  if (!r) return r.error().with_context(p.id + ": params." + field);
  return r;
}

}  // namespace tcs::regex
