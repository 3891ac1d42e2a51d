// hypertree (HTPS): goals are nodes, a tactic is a hyperedge to the set of subgoals that must
// all be proved. A simulation descends from the root: at each node PUCT picks one tactic
// (Q + cpuct * P * sqrt(N) / (1 + n), virtual loss counting pending simulations as zero-value
// visits) and the descent continues into *every* child of it; unexpanded goals reached are the
// leaves. Up to config.in_flight leaves are collected, expanded in one batch (Expander), then
// each simulation is backed up: a leaf's value is 1 if solved, 0 if dead, else Policy::value()
// or config.value_prior; an inner node's is the product of its chosen tactic's children's
// values (a sum of logs). Solved and dead propagate up the DAG; a tactic whose subgoals
// reproduce its goal or a goal on the descent path is killed. The extracted proof is minimal
// (by size or depth, ties to the older tactic) among the proofs in the explored graph.
#pragma once

#include "harness/search/best_first.hpp"
#include "harness/search/expander.hpp"

namespace tcs::search {

PassOutcome hypertree_pass(const core::Problem& problem, const core::Goal& root,
                           Expander& expander, core::Policy& policy, const SearchConfig& config,
                           int64_t pass, SearchRecorder* recorder, SearchStats& stats,
                           const core::CancelToken& cancel);

}  // namespace tcs::search
