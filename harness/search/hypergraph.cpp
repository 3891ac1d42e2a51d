#include "harness/search/hypergraph.hpp"

#include <algorithm>
#include <limits>

#include "harness/core/contract.hpp"

namespace tcs::search {

int64_t Hypergraph::intern(core::Goal goal, int64_t depth) {
  auto [it, inserted] = ids_.try_emplace(goal.key, static_cast<int64_t>(nodes_.size()));
  if (inserted) {
    HyperNode n;
    n.goal = std::move(goal);
    n.depth = depth;
    nodes_.push_back(std::move(n));
  }
  return it->second;
}

int64_t Hypergraph::add_edge(HyperEdge e) {
  const int64_t id = static_cast<int64_t>(edges_.size());
  node(e.parent).edges.push_back(id);
  if (e.status == EdgeStatus::applied)
    for (int64_t c : e.children) node(c).parent_edges.push_back(id);
  edges_.push_back(std::move(e));
  return id;
}

// A worklist rather than recursion: solved can ripple up a long chain of goals.
void Hypergraph::mark_solved(int64_t start) {
  std::vector<int64_t> work{start};
  while (!work.empty()) {
    const int64_t n = work.back();
    work.pop_back();
    if (node(n).solved) continue;
    node(n).solved = true;
    for (int64_t pe : node(n).parent_edges) {
      HyperEdge& e = edge(pe);
      if (!live(e) || e.solved) continue;
      if (std::all_of(e.children.begin(), e.children.end(), [&](int64_t c) { return node(c).solved; })) {
        e.solved = true;
        work.push_back(e.parent);
      }
    }
  }
}

void Hypergraph::refresh_dead(int64_t n) {
  const HyperNode& x = node(n);
  if (!x.expanded || x.solved || x.dead) return;
  for (int64_t e : x.edges)
    if (live(edge(e))) return;
  mark_dead(n);
}

// A dead goal makes every tactic that needs it dead, which may leave their goals with none.
void Hypergraph::mark_dead(int64_t start) {
  std::vector<int64_t> work{start};
  while (!work.empty()) {
    const int64_t n = work.back();
    work.pop_back();
    if (node(n).dead) continue;
    node(n).dead = true;
    for (int64_t pe : node(n).parent_edges) {
      HyperEdge& e = edge(pe);
      if (!live(e)) continue;
      e.status = EdgeStatus::dead;
      const HyperNode& p = node(e.parent);
      if (p.solved || p.dead) continue;
      if (std::none_of(p.edges.begin(), p.edges.end(), [&](int64_t x) { return live(edge(x)); }))
        work.push_back(e.parent);
    }
  }
}

void Hypergraph::kill_edge(int64_t e) {
  TCS_REQUIRE(!edge(e).solved, "a solved tactic is never killed");
  edge(e).status = EdgeStatus::killed;
  refresh_dead(edge(e).parent);
}

core::ProofTree Hypergraph::extract(int64_t root, Minimize by) const {
  TCS_REQUIRE(node(root).solved, "extract needs a solved root");
  constexpr int64_t kInf = std::numeric_limits<int64_t>::max();
  std::vector<int64_t> measure(nodes_.size(), kInf), choice(nodes_.size(), -1);
  // Least fixpoint over solved tactics (values only fall; each is a real proof's measure), so
  // every child of a chosen tactic has a strictly smaller measure and build() terminates.
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t n = 0; n < nodes_.size(); ++n) {
      if (!nodes_[n].solved) continue;
      for (int64_t eid : nodes_[n].edges) {
        const HyperEdge& e = edge(eid);
        if (!e.solved || !live(e)) continue;
        int64_t value = by == Minimize::size ? 1 : 0;
        bool all = true;
        for (int64_t c : e.children) {
          const int64_t m = measure[static_cast<size_t>(c)];
          if (m == kInf) { all = false; break; }
          value = by == Minimize::size ? std::min(kInf - 1, value + m) : std::max(value, m);
        }
        if (!all) continue;
        if (by == Minimize::depth) value += 1;
        if (value < measure[n]) measure[n] = value, choice[n] = eid, changed = true;
      }
    }
  }
  return build(root, measure, choice);
}

core::ProofTree Hypergraph::build(int64_t n, const std::vector<int64_t>& measure,
                                  const std::vector<int64_t>& choice) const {
  const HyperEdge& e = edge(choice[static_cast<size_t>(n)]);
  core::ProofTree tree{e.tactic, {}};
  tree.subproofs.reserve(e.children.size());
  for (int64_t c : e.children) tree.subproofs.push_back(build(c, measure, choice));
  return tree;
}

namespace {

const char* status_name(EdgeStatus s) {
  switch (s) {
    case EdgeStatus::applied: return "applied";
    case EdgeStatus::failed: return "failed";
    case EdgeStatus::killed: return "killed";
    case EdgeStatus::dead: return "dead";
  }
  return "applied";
}

}  // namespace

void Hypergraph::record(SearchRecorder& recorder, int64_t pass) const {
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const HyperNode& n = nodes_[i];
    NodeRecord r{pass, static_cast<int64_t>(i), n.goal.key, n.goal.text,
                 n.solved ? "solved" : n.dead ? "dead" : n.expanded ? "expanded" : "open",
                 n.visits > 0 ? n.value_sum / static_cast<double>(n.visits) : n.critic,
                 n.visits, n.depth};
    recorder.record_node(r);
  }
  for (size_t i = 0; i < edges_.size(); ++i) {
    const HyperEdge& e = edges_[i];
    EdgeRecord r{pass, static_cast<int64_t>(i), e.parent, e.tactic, e.logprob, e.verdict,
                 e.message, status_name(e.status), e.children, e.visits,
                 e.visits > 0 ? e.value_sum / static_cast<double>(e.visits) : 0.0};
    recorder.record_edge(r);
  }
}

}  // namespace tcs::search
