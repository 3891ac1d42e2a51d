// SearchRecorder: where a search writes its graph (every node, edge, tactic, verdict, score
// and visit count) — the runner joins it to the store; search itself never sees the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/core/verdict.hpp"

namespace tcs::search {

// A search node. Best-first: a proof state (the list of open goals; key and text join the
// goals'); hypertree: one goal.
struct NodeRecord {
  int64_t pass = 0;
  int64_t id = 0;         // dense within (problem, pass), from 0 = the root
  std::string key;
  std::string text;
  std::string status;     // "open" (never expanded), "expanded", "solved", "dead"
  double score = 0.0;     // best-first priority; hypertree: mean backed-up value
  int64_t visits = 0;     // best-first: 1 once expanded; hypertree: simulations through it
  int64_t depth = 0;      // tactic applications from the root on the path that created it
};

// A tactic tried on a node. Applied edges lead to child nodes (none: the tactic closed the
// goal); failed edges keep the back-end's verdict (they are training data too).
struct EdgeRecord {
  int64_t pass = 0;
  int64_t id = 0;
  int64_t parent = 0;
  std::string tactic;
  std::optional<double> logprob;
  core::VerdictKind verdict = core::VerdictKind::verified;  // of ProofEnv::apply
  std::string message;
  std::string status;          // "applied", "failed", "killed" (cycle), "dead" (a child is dead)
  std::vector<int64_t> children;
  int64_t visits = 0;          // hypertree simulations through the edge
  double value = 0.0;          // hypertree mean value (Q)
};

class SearchRecorder {
 public:
  virtual ~SearchRecorder() = default;
  // Called once per node and edge when a pass ends (so visit counts are final), nodes first.
  virtual void record_node(const NodeRecord& node) = 0;
  virtual void record_edge(const EdgeRecord& edge) = 0;
};

// Keeps everything in memory (tests, search-bench).
class MemoryRecorder final : public SearchRecorder {
 public:
  void record_node(const NodeRecord& node) override { nodes.push_back(node); }
  void record_edge(const EdgeRecord& edge) override { edges.push_back(edge); }
  std::vector<NodeRecord> nodes;
  std::vector<EdgeRecord> edges;
};

}  // namespace tcs::search
