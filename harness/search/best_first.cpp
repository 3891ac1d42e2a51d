#include "harness/search/best_first.hpp"

#include <cmath>
#include <optional>
#include <queue>
#include <string>
#include <unordered_map>

#include "harness/core/hash.hpp"

namespace tcs::search {

namespace {

struct State {
  std::vector<int32_t> goals;  // indices into the goal table; goals[0] is worked on
  double logp = 0.0;           // sum of the tactics' log p on the creating path
  int64_t depth = 0;
  double score = 0.0;
  int64_t parent_edge = -1;    // the edge that created it
  bool expanded = false;
};

// Only what the record needs: a whole Candidate and Verdict per tactic would double the
// engine's allocations.
struct Edge {
  int64_t parent = 0;
  std::string tactic;
  std::optional<double> logprob;
  core::VerdictKind verdict = core::VerdictKind::verified;
  std::string message;
  int64_t child = -1;  // -1: failed
  size_t subgoals = 0;
};

class BestFirst {
 public:
  BestFirst(Expander& expander, const SearchConfig& config, int64_t pass, SearchStats& stats)
      : expander_(expander), config_(config), pass_(pass), stats_(stats) {}

  PassOutcome run(const core::Goal& root, const core::CancelToken& cancel);
  void record(SearchRecorder& recorder) const;

 private:
  using Entry = std::pair<double, int64_t>;  // (score, -id): larger first, then older
  int32_t intern(core::Goal goal);
  double score(double logp, int64_t depth) const;
  int64_t add_state(std::vector<int32_t> goals, double logp, int64_t depth, int64_t parent_edge);
  void integrate(int64_t sid, Expansion& expansion);
  core::ProofTree extract(int64_t solved) const;
  std::string state_key(const std::vector<int32_t>& goals) const;

  Expander& expander_;
  const SearchConfig& config_;
  int64_t pass_;
  SearchStats& stats_;
  std::vector<core::Goal> goals_;
  std::unordered_map<std::string, int32_t> goal_ids_;
  std::vector<State> states_;
  std::unordered_map<std::string, int64_t> state_ids_;
  std::vector<Edge> edges_;
  std::priority_queue<Entry> queue_;
  int64_t solved_ = -1;
};

int32_t BestFirst::intern(core::Goal goal) {
  auto [it, inserted] = goal_ids_.try_emplace(goal.key, static_cast<int32_t>(goals_.size()));
  if (inserted) goals_.push_back(std::move(goal));
  return it->second;
}

std::string BestFirst::state_key(const std::vector<int32_t>& goals) const {
  return std::string(reinterpret_cast<const char*>(goals.data()), goals.size() * sizeof(int32_t));
}

double BestFirst::score(double logp, int64_t depth) const {
  return depth == 0 ? 0.0 : logp / std::pow(static_cast<double>(depth), config_.alpha);
}

// A state seen before keeps one creating path. A new path replaces it only when it scores
// strictly better and the state is not expanded yet (so no path runs through it): with
// L^alpha normalisation a longer path can score better, and keeping the first one would
// leave a state the policy likes buried at a poor priority. The old queue entry goes stale.
int64_t BestFirst::add_state(std::vector<int32_t> goals, double logp, int64_t depth,
                             int64_t parent_edge) {
  auto [it, inserted] = state_ids_.try_emplace(state_key(goals), static_cast<int64_t>(states_.size()));
  const int64_t id = it->second;
  if (!inserted) {
    State& old = states_[static_cast<size_t>(id)];
    const double better = score(logp, depth);
    if (!old.expanded && !old.goals.empty() && better > old.score) {
      old.logp = logp;
      old.depth = depth;
      old.score = better;
      old.parent_edge = parent_edge;
      queue_.push({better, -id});
    }
    return id;
  }
  State s{std::move(goals), logp, depth, score(logp, depth), parent_edge, false};
  if (s.goals.empty() && solved_ < 0) solved_ = id;
  if (!s.goals.empty()) queue_.push({s.score, -id});
  states_.push_back(std::move(s));
  ++stats_.nodes;
  return id;
}

void BestFirst::integrate(int64_t sid, Expansion& expansion) {
  states_[static_cast<size_t>(sid)].expanded = true;
  for (TriedTactic& t : expansion.tried) {
    Edge e{sid, std::move(t.candidate.text), t.candidate.provenance.logprob, t.result.verdict.kind,
           std::move(t.result.verdict.message), -1, t.result.subgoals.size()};
    const int64_t eid = static_cast<int64_t>(edges_.size());
    if (t.result.verdict.ok()) {
      const State& parent = states_[static_cast<size_t>(sid)];
      std::vector<int32_t> goals;
      goals.reserve(t.result.subgoals.size() + parent.goals.size() - 1);
      for (core::Goal& g : t.result.subgoals) goals.push_back(intern(std::move(g)));
      goals.insert(goals.end(), parent.goals.begin() + 1, parent.goals.end());
      const double logp = parent.logp + e.logprob.value_or(0.0);
      const int64_t depth = parent.depth + 1;
      edges_.push_back(std::move(e));
      edges_.back().child = add_state(std::move(goals), logp, depth, eid);
    } else {
      ++stats_.failed_edges;
      edges_.push_back(std::move(e));
    }
  }
}

PassOutcome BestFirst::run(const core::Goal& root, const core::CancelToken& cancel) {
  add_state({intern(root)}, 0.0, 0, -1);
  const uint64_t seed = core::derive_seed(config_.seed, "pass", static_cast<uint64_t>(pass_));
  int64_t expanded = 0;
  std::vector<int64_t> batch;
  std::vector<const core::Goal*> batch_goals;
  while (solved_ < 0 && !queue_.empty() && expanded < config_.budget.expansions &&
         !cancel.cancelled()) {
    batch.clear();
    batch_goals.clear();
    const int64_t room = std::min(config_.in_flight, config_.budget.expansions - expanded);
    while (!queue_.empty() && static_cast<int64_t>(batch.size()) < room) {
      const auto [entry_score, negative_id] = queue_.top();
      queue_.pop();
      const State& s = states_[static_cast<size_t>(-negative_id)];
      if (s.expanded || entry_score != s.score) continue;  // stale: re-parented since
      batch.push_back(-negative_id);
      batch_goals.push_back(&goals_[static_cast<size_t>(states_[static_cast<size_t>(batch.back())].goals[0])]);
    }
    if (batch.empty()) break;  // only stale entries were left
    std::vector<Expansion> results = expander_.expand(batch_goals, seed);
    for (size_t i = 0; i < batch.size(); ++i) {
      if (!results[i].status) return {false, {}, results[i].status};
      integrate(batch[i], results[i]);
    }
    expanded += static_cast<int64_t>(batch.size());
    stats_.expansions += static_cast<int64_t>(batch.size());
  }
  if (solved_ < 0) return {};
  return {true, extract(solved_), {}};
}

// Replays the creating path: each tactic fills the first open hole and opens one hole per
// subgoal in front of the rest — the same order the states kept their goals in.
core::ProofTree BestFirst::extract(int64_t solved) const {
  std::vector<int64_t> path;
  for (int64_t s = solved; states_[static_cast<size_t>(s)].parent_edge >= 0;) {
    const Edge& e = edges_[static_cast<size_t>(states_[static_cast<size_t>(s)].parent_edge)];
    path.push_back(states_[static_cast<size_t>(s)].parent_edge);
    s = e.parent;
  }
  core::ProofTree root;
  std::vector<core::ProofTree*> holes{&root};  // back = the first open goal
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    const Edge& e = edges_[static_cast<size_t>(*it)];
    core::ProofTree* hole = holes.back();
    holes.pop_back();
    hole->tactic = e.tactic;
    hole->subproofs.resize(e.subgoals);
    for (size_t i = e.subgoals; i-- > 0;) holes.push_back(&hole->subproofs[i]);
  }
  return root;
}

void BestFirst::record(SearchRecorder& recorder) const {
  for (size_t i = 0; i < states_.size(); ++i) {
    const State& s = states_[i];
    NodeRecord r{pass_, static_cast<int64_t>(i), {}, {}, {}, s.score, s.expanded ? 1 : 0, s.depth};
    for (size_t g = 0; g < s.goals.size(); ++g) {
      const core::Goal& goal = goals_[static_cast<size_t>(s.goals[g])];
      r.key += (g ? " | " : "") + goal.key;
      r.text += (g ? "\n\n" : "") + goal.text;
    }
    r.status = s.goals.empty() ? "solved" : s.expanded ? "expanded" : "open";
    recorder.record_node(r);
  }
  for (size_t i = 0; i < edges_.size(); ++i) {
    const Edge& e = edges_[i];
    EdgeRecord r{pass_, static_cast<int64_t>(i), e.parent, e.tactic, e.logprob, e.verdict, e.message,
                 e.child >= 0 ? "applied" : "failed", {}, 0, 0.0};
    if (e.child >= 0) r.children.push_back(e.child);
    recorder.record_edge(r);
  }
}

}  // namespace

PassOutcome best_first_pass(const core::Goal& root, Expander& expander, const SearchConfig& config,
                            int64_t pass, SearchRecorder* recorder, SearchStats& stats,
                            const core::CancelToken& cancel) {
  BestFirst search(expander, config, pass, stats);
  PassOutcome out = search.run(root, cancel);
  if (recorder) search.record(*recorder);
  return out;
}

}  // namespace tcs::search
