#include "harness/search/hypertree.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "harness/core/hash.hpp"
#include "harness/search/hypergraph.hpp"

namespace tcs::search {

namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

// One simulation: the nodes it went through (each once: a goal shared by two branches is one
// step, so a simulation is linear in the nodes it touches, not exponential in the DAG), the tactic chosen at each inner node and the
// steps below it (indices into steps), so backup can walk it bottom-up.
struct Simulation {
  struct Step {
    int64_t node = 0;
    int64_t edge = -1;  // -1: a leaf (or a node it did not descend from)
    std::vector<int32_t> children;
    bool backed_up = false;
    double logv = 0.0;
  };
  std::vector<Step> steps;
};

class Hypertree {
 public:
  Hypertree(const core::Problem& problem, Expander& expander, core::Policy& policy,
            const SearchConfig& config, int64_t pass, SearchStats& stats)
      : problem_(problem), expander_(expander), policy_(policy), config_(config), pass_(pass),
        stats_(stats) {}

  PassOutcome run(const core::Goal& root, const core::CancelToken& cancel);
  const Hypergraph& graph() const { return graph_; }

 private:
  bool anything_to_expand() const;
  bool collect_round(int64_t room, int64_t sim_cap);
  bool ready(const Simulation& sim) const;
  int32_t descend(int64_t n, Simulation& sim, bool& failed);
  int64_t choose(int64_t n, bool& failed);
  int64_t best_edge(int64_t n) const;
  void release(const Simulation& sim);
  double backup(Simulation& sim, int32_t step);
  core::Status expand_leaves(size_t count);
  void back_up_ready();
  void integrate(int64_t leaf, const std::vector<int64_t>& ancestors, Expansion& expansion);
  void set_priors(int64_t n);
  uint8_t& on_path(int64_t n);

  const core::Problem& problem_;
  Expander& expander_;
  core::Policy& policy_;
  const SearchConfig& config_;
  int64_t pass_;
  SearchStats& stats_;
  Hypergraph graph_;
  int64_t root_ = 0;
  std::vector<uint8_t> on_path_, in_batch_;  // per node flags
  std::vector<int32_t> sim_step_;            // per node: its step in the current simulation
  std::vector<int64_t> path_;                    // the descent's ancestors, root first
  std::vector<int64_t> leaves_;                  // selected goals not expanded yet, oldest first
  std::vector<std::vector<int64_t>> leaf_paths_;  // their ancestors when first reached
  std::vector<Simulation> sims_;                 // waiting for their leaves, oldest first
  int64_t expanded_ = 0;
};

uint8_t& Hypertree::on_path(int64_t n) {
  if (on_path_.size() <= static_cast<size_t>(n)) on_path_.resize(graph_.node_count() + 1, 0);
  return on_path_[static_cast<size_t>(n)];
}

int64_t Hypertree::best_edge(int64_t n) const {
  const HyperNode& x = graph_.node(n);
  const double vl = config_.virtual_loss;
  const double sqrt_n = std::sqrt(std::max(1.0, static_cast<double>(x.visits) + vl * static_cast<double>(x.pending)));
  int64_t best = -1;
  double best_score = kNegInf;
  for (int64_t eid : x.edges) {
    const HyperEdge& e = graph_.edge(eid);
    if (!graph_.live(e)) continue;
    // Pending simulations count as visits that returned 0: that is the virtual loss which
    // spreads the leaves in flight over different tactics.
    const double n_e = static_cast<double>(e.visits) + vl * static_cast<double>(e.pending);
    const double q = e.solved ? 1.0 : n_e > 0 ? e.value_sum / n_e : config_.value_prior;
    const double score = q + config_.cpuct * e.prior * sqrt_n / (1.0 + n_e);
    if (score > best_score) best_score = score, best = eid;
  }
  return best;
}

// The tactic to descend at n; kills tactics that lead back onto the path. -1 when none is left.
int64_t Hypertree::choose(int64_t n, bool& failed) {
  for (;;) {
    const int64_t e = best_edge(n);
    if (e < 0) {
      failed = true;
      return -1;
    }
    const HyperEdge& edge = graph_.edge(e);
    const bool cycle = std::any_of(edge.children.begin(), edge.children.end(),
                                   [&](int64_t c) { return on_path(c); });
    if (!cycle || edge.solved) return e;
    graph_.kill_edge(e);
    ++stats_.killed_edges;
  }
}

int32_t Hypertree::descend(int64_t n, Simulation& sim, bool& failed) {
  if (sim_step_.size() < graph_.node_count()) sim_step_.resize(graph_.node_count(), -1);
  if (sim_step_[static_cast<size_t>(n)] >= 0) return sim_step_[static_cast<size_t>(n)];
  const auto idx = static_cast<int32_t>(sim.steps.size());
  sim_step_[static_cast<size_t>(n)] = idx;
  sim.steps.push_back({n, -1, {}, false, 0.0});
  ++graph_.node(n).pending;
  if (!graph_.node(n).expanded) {
    if (in_batch_.size() <= static_cast<size_t>(n)) in_batch_.resize(graph_.node_count(), 0);
    if (!in_batch_[static_cast<size_t>(n)]) {
      in_batch_[static_cast<size_t>(n)] = 1;
      leaves_.push_back(n);
      leaf_paths_.push_back(path_);
    }
    return idx;
  }
  on_path(n) = 1;
  path_.push_back(n);
  const int64_t e = choose(n, failed);
  if (e >= 0) {
    sim.steps[static_cast<size_t>(idx)].edge = e;
    ++graph_.edge(e).pending;
    const std::vector<int64_t> children = graph_.edge(e).children;
    for (int64_t c : children) {
      if (on_path(c)) continue;  // only under a solved tactic: that child counts as proved
      const int32_t ci = descend(c, sim, failed);
      sim.steps[static_cast<size_t>(idx)].children.push_back(ci);
      if (failed) break;
    }
  }
  path_.pop_back();
  on_path(n) = 0;
  return idx;
}

// An unexpanded goal that a live tactic still needs (a goal reached only through killed or
// dead tactics can never be selected).
bool Hypertree::anything_to_expand() const {
  for (size_t n = 0; n < graph_.node_count(); ++n) {
    const HyperNode& x = graph_.node(static_cast<int64_t>(n));
    if (x.expanded) continue;
    if (static_cast<int64_t>(n) == root_) return true;
    for (int64_t e : x.parent_edges)
      if (graph_.live(graph_.edge(e))) return true;
  }
  return false;
}

void Hypertree::release(const Simulation& sim) {
  for (const Simulation::Step& s : sim.steps) {
    --graph_.node(s.node).pending;
    if (s.edge >= 0) --graph_.edge(s.edge).pending;
  }
}

// Returns the step's log value: sum of the children's under the chosen tactic, 0 when proved.
double Hypertree::backup(Simulation& sim, int32_t step) {
  if (sim.steps[static_cast<size_t>(step)].backed_up) return sim.steps[static_cast<size_t>(step)].logv;
  const Simulation::Step s = sim.steps[static_cast<size_t>(step)];
  HyperNode& x = graph_.node(s.node);
  double logv = 0.0;
  if (s.edge < 0) {
    logv = x.solved ? 0.0 : x.dead ? kNegInf : std::log(x.critic);
  } else {
    for (int32_t c : s.children) logv += backup(sim, c);
    HyperEdge& e = graph_.edge(s.edge);
    if (e.solved) logv = 0.0;
    e.visits += 1;
    e.value_sum += std::exp(logv);
    --e.pending;
  }
  if (x.solved) logv = 0.0;
  x.visits += 1;
  x.value_sum += std::exp(logv);
  --x.pending;
  sim.steps[static_cast<size_t>(step)].backed_up = true;
  sim.steps[static_cast<size_t>(step)].logv = logv;
  return logv;
}

// Selects until `room` goals wait for expansion, at most in_flight simulations that each end
// somewhere new (a new leaf, solved goals only, or a pruning failure). A simulation whose
// leaves all wait already (a collision) is kept — its virtual loss steers the next descent
// away — without using a try; simulations_per_expansion collisions in a row end the round (the
// open goals are all taken). Deterministic: nothing here depends on results not yet known.
// False when the round did nothing at all.
bool Hypertree::collect_round(int64_t room, int64_t sim_cap) {
  const int64_t tries = std::max<int64_t>(1, config_.in_flight);
  const int64_t max_collisions = std::max<int64_t>(1, config_.simulations_per_expansion);
  int64_t used = 0, collisions = 0;
  bool progress = false;  // a simulation kept, or a failed one that killed a tactic or goal
  while (used < tries && collisions < max_collisions && static_cast<int64_t>(leaves_.size()) < room) {
    if (stats_.simulations >= sim_cap || graph_.node(root_).dead) break;
    ++stats_.simulations;
    progress = true;
    Simulation sim;
    bool failed = false;
    const size_t leaves_before = leaves_.size();
    descend(root_, sim, failed);
    for (const Simulation::Step& step : sim.steps) sim_step_[static_cast<size_t>(step.node)] = -1;
    if (failed) {
      release(sim);
      ++used, collisions = 0;
      continue;
    }
    const bool collided = leaves_.size() == leaves_before && !ready(sim);
    if (collided) ++collisions;
    else ++used, collisions = 0;
    sims_.push_back(std::move(sim));
  }
  return progress || !leaves_.empty();
}

// A kept simulation's leaf steps are the goals it selected; it backs up once all are expanded.
bool Hypertree::ready(const Simulation& sim) const {
  return std::all_of(sim.steps.begin(), sim.steps.end(), [&](const Simulation::Step& s) {
    return s.edge >= 0 || graph_.node(s.node).expanded;
  });
}

void Hypertree::back_up_ready() {
  size_t kept = 0;
  for (size_t i = 0; i < sims_.size(); ++i) {
    if (ready(sims_[i])) backup(sims_[i], 0);
    else if (kept++ != i) sims_[kept - 1] = std::move(sims_[i]);
  }
  sims_.resize(kept);
}

void Hypertree::set_priors(int64_t n) {
  double max_lp = kNegInf;
  for (int64_t e : graph_.node(n).edges)
    if (graph_.live(graph_.edge(e))) max_lp = std::max(max_lp, graph_.edge(e).logprob.value_or(0.0));
  double total = 0.0;
  for (int64_t e : graph_.node(n).edges)
    if (graph_.live(graph_.edge(e))) total += std::exp(graph_.edge(e).logprob.value_or(0.0) - max_lp);
  for (int64_t e : graph_.node(n).edges)
    if (graph_.live(graph_.edge(e)))
      graph_.edge(e).prior = std::exp(graph_.edge(e).logprob.value_or(0.0) - max_lp) / total;
}

void Hypertree::integrate(int64_t leaf, const std::vector<int64_t>& ancestors, Expansion& expansion) {
  graph_.node(leaf).expanded = true;
  const int64_t depth = graph_.node(leaf).depth + 1;
  bool solved = false;
  for (TriedTactic& t : expansion.tried) {
    HyperEdge e;
    e.parent = leaf;
    e.tactic = std::move(t.candidate.text);
    e.logprob = t.candidate.provenance.logprob;
    e.verdict = t.result.verdict.kind;
    e.message = std::move(t.result.verdict.message);
    if (!t.result.verdict.ok()) {
      e.status = EdgeStatus::failed;
      ++stats_.failed_edges;
    } else {
      for (core::Goal& g : t.result.subgoals) e.children.push_back(graph_.intern(std::move(g), depth));
      auto reproduces = [&](int64_t c) {
        return c == leaf || std::find(ancestors.begin(), ancestors.end(), c) != ancestors.end();
      };
      if (std::any_of(e.children.begin(), e.children.end(), reproduces)) {
        e.status = EdgeStatus::killed;
        ++stats_.killed_edges;
      } else if (std::any_of(e.children.begin(), e.children.end(), [&](int64_t c) { return graph_.node(c).dead; })) {
        e.status = EdgeStatus::dead;
      } else {
        e.solved = std::all_of(e.children.begin(), e.children.end(), [&](int64_t c) { return graph_.node(c).solved; });
      }
    }
    solved = solved || e.solved;
    graph_.add_edge(std::move(e));
  }
  stats_.nodes = static_cast<int64_t>(graph_.node_count());
  set_priors(leaf);
  if (solved) graph_.mark_solved(leaf);
  else graph_.refresh_dead(leaf);
}

// Expands the oldest `count` waiting goals; the rest stay selected (and pending) for the next round.
core::Status Hypertree::expand_leaves(size_t count) {
  std::vector<const core::Goal*> goals;
  for (size_t i = 0; i < count; ++i) goals.push_back(&graph_.node(leaves_[i]).goal);
  const uint64_t seed = core::derive_seed(config_.seed, "pass", static_cast<uint64_t>(pass_));
  std::vector<Expansion> results = expander_.expand(goals, seed);
  for (size_t i = 0; i < count; ++i) {
    if (!results[i].status) return results[i].status;
    HyperNode& x = graph_.node(leaves_[i]);
    double critic = config_.value_prior;
    if (config_.use_policy_value)
      if (auto v = policy_.value(problem_, x.goal.text)) critic = *v;
    x.critic = std::clamp(critic, 1e-9, 1.0);  // log(0) would poison the backup sums
    integrate(leaves_[i], leaf_paths_[i], results[i]);
    in_batch_[static_cast<size_t>(leaves_[i])] = 0;
  }
  leaves_.erase(leaves_.begin(), leaves_.begin() + static_cast<std::ptrdiff_t>(count));
  leaf_paths_.erase(leaf_paths_.begin(), leaf_paths_.begin() + static_cast<std::ptrdiff_t>(count));
  expanded_ += static_cast<int64_t>(count);
  stats_.expansions += static_cast<int64_t>(count);
  return {};
}

// A round expands whole multiples of in_flight goals (all of them when fewer wait): one
// simulation can select many leaves at once (every subgoal of its tactic), and a batch of, say,
// 605 at 128 in flight would end on a wave of 93 with the other slots idle. The leftover
// goals wait, still selected, for the next round. Never more than the budget.
PassOutcome Hypertree::run(const core::Goal& root, const core::CancelToken& cancel) {
  root_ = graph_.intern(root, 0);
  graph_.node(root_).critic = std::clamp(config_.value_prior, 1e-9, 1.0);
  const int64_t sim_cap = std::max<int64_t>(1, config_.simulations_per_expansion) * config_.budget.expansions;
  const auto width = static_cast<size_t>(std::max<int64_t>(1, config_.in_flight));
  while (!cancel.cancelled() && !graph_.node(root_).dead && expanded_ < config_.budget.expansions &&
         !(graph_.node(root_).solved && config_.stop_at_first_proof)) {
    const int64_t left = config_.budget.expansions - expanded_;
    const size_t sims_before = sims_.size();
    if (!collect_round(std::min(static_cast<int64_t>(width), left), sim_cap)) break;
    if (leaves_.empty() && sims_.size() == sims_before) continue;  // only pruned: select again
    if (leaves_.empty() && !anything_to_expand()) break;  // searching on would learn nothing
    size_t count = leaves_.size() < width ? leaves_.size() : leaves_.size() / width * width;
    count = std::min(count, static_cast<size_t>(left));
    if (count > 0)
      if (core::Status s = expand_leaves(count); !s) return {false, {}, s};
    back_up_ready();
  }
  if (!graph_.node(root_).solved) return {};
  return {true, graph_.extract(root_, config_.minimize), {}};
}

}  // namespace

PassOutcome hypertree_pass(const core::Problem& problem, const core::Goal& root,
                           Expander& expander, core::Policy& policy, const SearchConfig& config,
                           int64_t pass, SearchRecorder* recorder, SearchStats& stats,
                           const core::CancelToken& cancel) {
  Hypertree search(problem, expander, policy, config, pass, stats);
  PassOutcome out = search.run(root, cancel);
  if (recorder) search.graph().record(*recorder, pass);
  return out;
}

}  // namespace tcs::search
