// The explored hypergraph of one hypertree pass: goal nodes (deduplicated by key), tactic
// edges, solved/dead propagation and minimal proof extraction. Selection and backup live in
// hypertree.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "harness/core/proof_env.hpp"
#include "harness/search/config.hpp"
#include "harness/search/recorder.hpp"

namespace tcs::search {

enum class EdgeStatus : uint8_t { applied, failed, killed, dead };

struct HyperNode {
  core::Goal goal;
  std::vector<int64_t> edges;         // tactics tried on it, in policy order
  std::vector<int64_t> parent_edges;  // applied edges that need it
  int64_t depth = 0;
  bool expanded = false;
  bool solved = false;
  bool dead = false;                  // expanded and no live tactic left
  double critic = 0.5;                // leaf value given at expansion
  int64_t visits = 0;
  double value_sum = 0.0;
  int64_t pending = 0;                // simulations in flight through it (virtual loss)
};

struct HyperEdge {
  int64_t parent = 0;
  std::string tactic;
  std::optional<double> logprob;
  core::VerdictKind verdict = core::VerdictKind::verified;
  std::string message;
  EdgeStatus status = EdgeStatus::applied;
  std::vector<int64_t> children;
  bool solved = false;
  double prior = 0.0;                 // P, normalised over the node's applied tactics
  int64_t visits = 0;
  double value_sum = 0.0;
  int64_t pending = 0;
};

class Hypergraph {
 public:
  int64_t intern(core::Goal goal, int64_t depth);  // a node id, new or existing
  HyperNode& node(int64_t id) { return nodes_[static_cast<size_t>(id)]; }
  HyperEdge& edge(int64_t id) { return edges_[static_cast<size_t>(id)]; }
  const HyperNode& node(int64_t id) const { return nodes_[static_cast<size_t>(id)]; }
  const HyperEdge& edge(int64_t id) const { return edges_[static_cast<size_t>(id)]; }
  int64_t add_edge(HyperEdge edge);  // links it to its parent (and children, when applied)
  size_t node_count() const { return nodes_.size(); }

  // Marks the node solved and propagates to every edge whose children are now all solved.
  void mark_solved(int64_t node);
  // Re-examines a node whose edges changed: dead when it is expanded and none is live.
  void refresh_dead(int64_t node);
  void kill_edge(int64_t edge);  // a cycle: the edge is removed from selection
  bool live(const HyperEdge& e) const { return e.status == EdgeStatus::applied; }

  // The smallest (or shallowest) proof of `root` using solved edges; requires root solved.
  core::ProofTree extract(int64_t root, Minimize by) const;
  void record(SearchRecorder& recorder, int64_t pass) const;

 private:
  void mark_dead(int64_t node);
  core::ProofTree build(int64_t node, const std::vector<int64_t>& measure,
                        const std::vector<int64_t>& choice) const;

  std::vector<HyperNode> nodes_;
  std::vector<HyperEdge> edges_;
  std::unordered_map<std::string, int64_t> ids_;
};

}  // namespace tcs::search
