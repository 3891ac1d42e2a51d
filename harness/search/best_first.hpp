// best_first (BFS-Prover): one priority queue of proof states. A state is the list of open
// goals; a tactic applies to the first goal and the state becomes its subgoals followed by
// the other goals; the empty state is a proof. Priority = sum of the tactics' log p divided by
// L^alpha (L = tactics from the root), ties to the older state. States are deduplicated by
// their goals' keys (the graph is a DAG); refused tactics are kept as failed edges.
#pragma once

#include "harness/search/expander.hpp"
#include "harness/search/prove.hpp"

namespace tcs::search {

struct PassOutcome {
  bool found = false;
  core::ProofTree tree;
  core::Status status;  // a policy error ends the pass
};

// One pass with its own policy seed. Records its graph when recorder is non-null.
PassOutcome best_first_pass(const core::Goal& root, Expander& expander, const SearchConfig& config,
                            int64_t pass, SearchRecorder* recorder, SearchStats& stats,
                            const core::CancelToken& cancel);

}  // namespace tcs::search
