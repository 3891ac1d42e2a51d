#include "harness/search/synthetic.hpp"

#include <algorithm>
#include <charconv>
#include <numeric>

#include "harness/core/hash.hpp"
#include "harness/core/rng.hpp"

namespace tcs::search::synthetic {

namespace {

constexpr int64_t kCap = int64_t{1} << 40;  // sizes saturate here (still "provable")

// (Appending rather than "g" + to_string(g): GCC 12 warns falsely about the latter.)
std::string goal_name(int32_t g) {
  std::string out(1, 'g');
  out += std::to_string(g);
  return out;
}

// A trap's every tactic needs a trap (possibly itself), and traps never close: so no trap has
// a finite proof, whatever else the tactic needs.
std::vector<int32_t> trap_subgoals(core::Rng& rng, const std::vector<int32_t>& traps) {
  std::vector<int32_t> out{traps[static_cast<size_t>(rng.uniform(0, int64_t(traps.size()) - 1))]};
  if (rng.bernoulli(0.5)) out.push_back(static_cast<int32_t>(rng.uniform(0, out[0])));
  return out;
}

std::vector<int32_t> and_subgoals(core::Rng& rng, int32_t g, int32_t n) {
  std::vector<int32_t> out;
  const int64_t k = rng.uniform(1, 3);
  for (int64_t i = 0; i < k; ++i) out.push_back(static_cast<int32_t>(rng.uniform(g + 1, n - 1)));
  return out;
}

// One tactic of a non-trap goal g: an error, a cycle back to a goal <= g, a duplicate of an
// earlier tactic's subgoals, a closing tactic, or an AND-step to higher goals.
Tactic ordinary_tactic(core::Rng& rng, const Shape& shape, int32_t g,
                       const std::vector<Tactic>& earlier, bool& closed) {
  Tactic t;
  const double r = rng.unit();
  const bool last = g == shape.goals - 1;
  if (r < shape.error_rate) {
    t.kind = TacticKind::error;
  } else if (r < shape.error_rate + shape.cycle_rate) {
    // Back to a goal <= g, and to g itself: a cycle in the graph that no finite proof can use,
    // so the known minimal proofs stay valid whatever cycle-killing removes.
    t.subgoals = {static_cast<int32_t>(rng.uniform(0, g)), g};
  } else if (r < shape.error_rate + shape.cycle_rate + shape.duplicate_rate && !earlier.empty() &&
             earlier.back().kind == TacticKind::ok) {
    t.subgoals = earlier.back().subgoals;
  } else if (last || (!closed && rng.bernoulli(shape.close_fraction))) {
    closed = true;  // empty subgoals
  } else {
    t.subgoals = and_subgoals(rng, g, shape.goals);
  }
  return t;
}

Graph try_generate(core::Rng& rng, const Shape& shape) {
  Graph graph;
  const int32_t n = shape.goals;
  std::vector<bool> trap(static_cast<size_t>(n), false);
  std::vector<int32_t> traps;
  for (int32_t g = 1; g < n - 1; ++g)
    if (rng.bernoulli(shape.trap_fraction)) trap[static_cast<size_t>(g)] = true, traps.push_back(g);
  graph.goals.resize(static_cast<size_t>(n));
  for (int32_t g = 0; g < n; ++g) {
    auto& tactics = graph.goals[static_cast<size_t>(g)];
    bool closed = false;
    const int64_t count = rng.uniform(1, shape.max_tactics);
    for (int64_t j = 0; j < count; ++j) {
      Tactic t = trap[static_cast<size_t>(g)] ? Tactic{{}, TacticKind::ok, trap_subgoals(rng, traps), 0}
                                              : ordinary_tactic(rng, shape, g, tactics, closed);
      t.text = goal_name(g) + ".t" + std::to_string(j);
      t.logprob = -3.0 * rng.unit();
      tactics.push_back(std::move(t));
    }
  }
  if (shape.lie) graph.goals[0].push_back({"g0.lie", TacticKind::lie, {}, 0.0});
  compute_minimal(graph);
  return graph;
}

}  // namespace

void compute_minimal(Graph& graph) {
  const size_t n = graph.goals.size();
  graph.min_size.assign(n, kUnprovable);
  graph.min_depth.assign(n, kUnprovable);
  // Least fixpoint from "unprovable": every finite value is the measure of a real proof tree,
  // and values only fall, so this stops at the minimum (each pass is O(edges)).
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t g = 0; g < n; ++g) {
      for (const Tactic& t : graph.goals[g]) {
        if (t.kind != TacticKind::ok) continue;
        int64_t size = 1, depth = 0;
        bool all = true;
        for (int32_t c : t.subgoals) {
          if (graph.min_size[static_cast<size_t>(c)] == kUnprovable) { all = false; break; }
          size = std::min(kCap, size + graph.min_size[static_cast<size_t>(c)]);
          depth = std::max(depth, graph.min_depth[static_cast<size_t>(c)]);
        }
        if (!all) continue;
        if (size < graph.min_size[g]) graph.min_size[g] = size, changed = true;
        if (depth + 1 < graph.min_depth[g]) graph.min_depth[g] = depth + 1, changed = true;
      }
    }
  }
}

Graph generate(uint64_t seed, const Shape& shape) {
  TCS_REQUIRE(shape.goals >= 2 && shape.max_tactics >= 1, "synthetic shape too small");
  for (uint64_t attempt = 0;; ++attempt) {
    core::Rng rng(core::derive_seed(seed, "synthetic-graph", attempt));
    Graph graph = try_generate(rng, shape);
    const bool provable = graph.min_size[0] != kUnprovable;
    if (provable == shape.provable || attempt >= 10000) return graph;
  }
}

Graph ladder(int32_t goals) {
  Graph graph;
  graph.goals.resize(static_cast<size_t>(std::max(goals, 1)));
  for (int32_t i = 0; i + 3 < goals; ++i) {
    const std::string g = goal_name(i);
    graph.goals[static_cast<size_t>(i)] = {{g + ".t0", TacticKind::ok, {i + 1}, -0.5},
                                           {g + ".t1", TacticKind::ok, {i + 2}, -0.7},
                                           {g + ".t2", TacticKind::ok, {i + 1, i + 3}, -0.6},
                                           {g + ".t3", TacticKind::error, {}, -0.1}};
  }
  compute_minimal(graph);
  return graph;
}

core::Problem make_problem(const Graph& graph, const std::string& name) {
  core::Json goals = core::Json::array();
  for (const auto& tactics : graph.goals) {
    core::Json list = core::Json::array();
    for (const Tactic& t : tactics) {
      const char* kind = t.kind == TacticKind::ok ? "ok" : t.kind == TacticKind::error ? "error" : "lie";
      list.push_back({{"text", t.text}, {"kind", kind}, {"subgoals", t.subgoals}, {"logprob", t.logprob}});
    }
    goals.push_back(std::move(list));
  }
  core::Problem p;
  p.family = "synthetic";
  p.kind = "goal_graph";
  p.id = "synthetic/goal_graph/" + name;
  p.params = {{"root", graph.root}, {"goals", std::move(goals)}};
  p.difficulty = {"synthetic", static_cast<double>(graph.goals.size())};
  p.statements = {{"native", "prove goal g" + std::to_string(graph.root)}};
  p.answer = {{"min_size", graph.min_size[static_cast<size_t>(graph.root)]},
              {"min_depth", graph.min_depth[static_cast<size_t>(graph.root)]}};
  return p;
}

core::Expected<Graph> graph_from_params(const core::Json& params) {
  if (!params.is_object() || !params.contains("goals") || !params["goals"].is_array() ||
      !params.contains("root") || !params["root"].is_number_integer())
    return core::bad_input("synthetic params: expected {\"root\": int, \"goals\": [...]}");
  Graph graph;
  const auto n = static_cast<int64_t>(params["goals"].size());
  graph.root = params["root"].get<int32_t>();
  if (graph.root < 0 || graph.root >= n) return core::bad_input("synthetic params: root out of range");
  for (int64_t g = 0; g < n; ++g) {
    std::vector<Tactic> tactics;
    for (const core::Json& j : params["goals"][static_cast<size_t>(g)]) {
      Tactic t;
      t.text = j.value("text", "");
      const std::string kind = j.value("kind", "");
      t.kind = kind == "ok" ? TacticKind::ok : kind == "lie" ? TacticKind::lie : TacticKind::error;
      for (const core::Json& c : j.value("subgoals", core::Json::array())) {
        if (!c.is_number_integer() || c.get<int64_t>() < 0 || c.get<int64_t>() >= n)
          return core::bad_input("synthetic params: goal " + std::to_string(g) + ": bad subgoal");
        t.subgoals.push_back(c.get<int32_t>());
      }
      t.logprob = j.value("logprob", 0.0);
      tactics.push_back(std::move(t));
    }
    graph.goals.push_back(std::move(tactics));
  }
  compute_minimal(graph);
  return graph;
}

namespace {

// "g<digits>" -> index, or -1.
int32_t goal_index(std::string_view key, size_t goals) {
  if (key.size() < 2 || key[0] != 'g') return -1;
  int32_t g = -1;
  auto [end, ec] = std::from_chars(key.data() + 1, key.data() + key.size(), g);
  if (ec != std::errc() || end != key.data() + key.size() || g < 0 || size_t(g) >= goals) return -1;
  return g;
}

const Tactic* find_tactic(const Graph& graph, int32_t g, std::string_view text) {
  for (const Tactic& t : graph.goals[static_cast<size_t>(g)])
    if (t.text == text) return &t;
  return nullptr;
}

}  // namespace

core::Expected<core::Goal> Env::open(const core::Problem& problem) {
  if (problem.family != "synthetic")
    return core::Error{core::ErrorCode::unsupported, "synthetic env: problem " + problem.id +
                                                         " is not a synthetic goal graph"};
  return core::Goal{goal_name(graph_.root), goal_name(graph_.root)};
}

core::StepResult Env::apply(const core::Goal& goal, const std::string& tactic, const core::Limits&) {
  const int32_t g = goal_index(goal.key, graph_.goals.size());
  if (g < 0) return {core::Verdict::failed("synthetic env: unknown goal " + goal.key), {}};
  const Tactic* t = find_tactic(graph_, g, tactic);
  if (!t || t->kind == TacticKind::error)
    return {core::Verdict::rejected("tactic \"" + tactic + "\" does not apply to " + goal.key), {}};
  core::StepResult out{core::Verdict::verified(), {}};
  out.subgoals.reserve(t->subgoals.size());  // a lie "closes" the goal: no subgoals
  for (int32_t c : t->subgoals) out.subgoals.push_back({goal_name(c), goal_name(c)});
  return out;
}

core::Expected<std::vector<core::Candidate>> Policy::propose(const core::PolicyQuery& query) {
  ++calls_;
  const int32_t g = goal_index(query.prompt, graph_.goals.size());
  if (g < 0) return core::bad_input("synthetic policy: prompt is not a goal: " + query.prompt);
  const auto& tactics = graph_.goals[static_cast<size_t>(g)];
  core::Rng rng(core::derive_seed(query.seed, query.prompt, static_cast<uint64_t>(query.first_index)));
  std::vector<std::pair<double, size_t>> order;
  order.reserve(tactics.size());
  for (size_t i = 0; i < tactics.size(); ++i)
    order.emplace_back(tactics[i].logprob + noise_ * (rng.unit() - 0.5), i);
  std::sort(order.begin(), order.end(),
            [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
  std::vector<core::Candidate> out(static_cast<size_t>(query.count));
  for (size_t j = 0; j < out.size(); ++j) {
    core::Candidate& c = out[j];
    c.backend = "native";
    c.mode = core::CandidateMode::step;
    c.provenance.endpoint = "synthetic";
    if (j < order.size()) {
      c.text = tactics[order[j].second].text;
      c.provenance.logprob = std::min(0.0, order[j].first);
    } else {  // more asked than the goal has: tactics the env refuses
      c.text = query.prompt + ".x" + std::to_string(j);
      c.provenance.logprob = -10.0;
    }
  }
  return out;
}

namespace {

core::Verdict replay(const Graph& graph, int32_t g, const core::ProofTree& proof,
                     const std::string& where, size_t depth) {
  if (depth > 100000) return core::Verdict::rejected(where + ": proof deeper than 100000");
  const Tactic* t = find_tactic(graph, g, proof.tactic);
  if (!t || t->kind != TacticKind::ok)
    return core::Verdict::rejected(where + ": \"" + proof.tactic + "\" is not a valid tactic for g" +
                                   std::to_string(g));
  if (proof.subproofs.size() != t->subgoals.size())
    return core::Verdict::rejected(where + ": \"" + proof.tactic + "\" leaves " +
                                   std::to_string(t->subgoals.size()) + " subgoals, proof gives " +
                                   std::to_string(proof.subproofs.size()));
  for (size_t i = 0; i < t->subgoals.size(); ++i) {
    core::Verdict v = replay(graph, t->subgoals[i], proof.subproofs[i],
                             where + ".subgoals[" + std::to_string(i) + "]", depth + 1);
    if (!v.ok()) return v;
  }
  return core::Verdict::verified();
}

}  // namespace

core::Verdict Checker::check(const core::Problem& problem, const core::Candidate& candidate,
                             const core::Limits&) {
  auto graph = graph_from_params(problem.params);
  if (!graph) return core::Verdict::failed(problem.id + ": " + graph.error().message);
  core::Json json = core::Json::parse(candidate.text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return core::Verdict::rejected("proof is not JSON");
  auto tree = core::proof_tree_from_json(json);
  if (!tree) return core::Verdict::rejected(tree.error().message);
  core::Verdict v = replay(*graph, graph->root, *tree, "proof", 0);
  if (v.ok()) v.work = static_cast<int64_t>(tree->size());
  return v;
}

}  // namespace tcs::search::synthetic
