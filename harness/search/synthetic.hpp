// Synthetic goal graphs: an in-memory ProofEnv, a zero-latency Policy and an independent whole-
// proof Checker over generated AND/OR graphs with known minimal proofs. They exist so the search
// engine can be tested and measured without any back-end, and they speak the real interfaces.
//
// A goal is an index; each goal has tactics. A tactic is `ok` (maps the goal to its subgoals,
// none = closes it), `error` (the env refuses it) or `lie` (the env claims it closes the goal,
// the checker knows better). Graphs contain AND-nodes, dead ends (unprovable goals), cycles
// (tactics back to lower goals) and duplicate states (two tactics with the same subgoals).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/core/checker.hpp"
#include "harness/core/policy.hpp"
#include "harness/core/proof_env.hpp"

namespace tcs::search::synthetic {

enum class TacticKind { ok, error, lie };

struct Tactic {
  std::string text;           // "g<goal>.t<index>"
  TacticKind kind = TacticKind::ok;
  std::vector<int32_t> subgoals;
  double logprob = 0.0;       // what the policy reports for it
};

inline constexpr int64_t kUnprovable = INT64_MAX;

struct Graph {
  std::vector<std::vector<Tactic>> goals;  // goals[g] = the tactics of goal g
  int32_t root = 0;
  // Per goal: the least proof-tree size (tactic applications) and depth, kUnprovable if none.
  std::vector<int64_t> min_size, min_depth;
};

struct Shape {
  int32_t goals = 40;        // >= 2
  int32_t max_tactics = 5;   // per goal, >= 1
  double trap_fraction = 0.2;   // unprovable goals (dead ends)
  double close_fraction = 0.3;  // goals that have a closing tactic
  double error_rate = 0.15;     // tactics the env refuses
  double cycle_rate = 0.15;     // tactics back to a lower goal
  double duplicate_rate = 0.1;  // tactics repeating another's subgoals
  bool lie = false;             // add a lying closing tactic to the root (best logprob)
  bool provable = true;         // regenerate until the root is provable (false: until it is not)
};

// Deterministic in (seed, shape). Computes min_size/min_depth by least fixpoint.
Graph generate(uint64_t seed, const Shape& shape);
// A deep unprovable graph: goal i -> {i+1} | {i+2} | {i+1, i+3} | refused; the last three
// goals have no tactic. A search spends whatever budget it gets (tests, benchmarks).
Graph ladder(int32_t goals);
// Recomputes min_size and min_depth from the tactics (used by generate and by hand-made graphs).
void compute_minimal(Graph& graph);

// The problem that carries the graph (params) so the checker can work from scratch.
core::Problem make_problem(const Graph& graph, const std::string& name);
core::Expected<Graph> graph_from_params(const core::Json& params);

// Goals are "g<index>" (key and text). Stateless per call: apply may run on several threads.
class Env final : public core::ProofEnv {
 public:
  explicit Env(const Graph& graph) : graph_(graph) {}
  core::Expected<core::Goal> open(const core::Problem& problem) override;
  core::StepResult apply(const core::Goal& goal, const std::string& tactic,
                         const core::Limits& limits) override;
  // The whole tactic tree as JSON, which the synthetic checker reads.
  core::Expected<std::string> assemble_proof(const core::Problem&, const core::ProofTree& proof) override {
    return core::proof_tree_to_json(proof).dump();
  }

 private:
  const Graph& graph_;
};

// Proposes a goal's tactics, best logprob first (ties by index), with `noise` added to each
// logprob from the query seed; pads with tactics the env refuses when count exceeds them.
class Policy final : public core::Policy {
 public:
  Policy(const Graph& graph, double noise) : graph_(graph), noise_(noise) {}
  std::string name() const override { return "synthetic"; }
  core::Expected<std::vector<core::Candidate>> propose(const core::PolicyQuery& query) override;
  int64_t calls() const { return calls_; }

 private:
  const Graph& graph_;
  double noise_;
  int64_t calls_ = 0;
};

// Re-checks a whole proof (the generic JSON tactic tree) against the graph in the problem's
// params, from scratch: a lie or unknown tactic, a wrong number of subproofs, or an open goal
// is a rejection naming the JSON path.
class Checker final : public core::Checker {
 public:
  std::string_view backend() const override { return "native"; }
  core::Verdict check(const core::Problem& problem, const core::Candidate& candidate,
                      const core::Limits& limits) override;
};

}  // namespace tcs::search::synthetic
