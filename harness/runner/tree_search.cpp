#include "harness/runner/tree_search.hpp"

#include "harness/core/hash.hpp"
#include "harness/search/prove.hpp"

namespace tcs::runner {

namespace {

// Joins a search's graph to the store under (run, problem).
class StoreRecorder final : public search::SearchRecorder {
 public:
  StoreRecorder(store::Store& store, int64_t run_id, std::string problem_id)
      : store_(store), run_id_(run_id), problem_id_(std::move(problem_id)) {}
  void record_node(const search::NodeRecord& n) override {
    store_.enqueue_node({run_id_, problem_id_, n.pass, n.id, n.key, n.text, n.status, n.score,
                         n.visits, n.depth});
  }
  void record_edge(const search::EdgeRecord& e) override {
    store_.enqueue_edge({run_id_, problem_id_, e.pass, e.id, e.parent, e.tactic, e.logprob,
                         e.verdict, e.message, e.status, e.children, e.visits, e.value});
  }

 private:
  store::Store& store_;
  int64_t run_id_;
  std::string problem_id_;
};

search::SearchConfig search_config(const RunConfig& config, const core::Problem& problem) {
  search::SearchConfig sc;
  sc.strategy = *search::parse_strategy(config.strategy);  // validated with the config
  sc.budget = *search::parse_budget(config.budget);
  sc.alpha = config.alpha;
  sc.cpuct = config.cpuct;
  sc.seed = core::derive_seed(config.seed, problem.id);
  sc.step_limits = config.limits;
  sc.check_limits = config.limits;
  return sc;
}

}  // namespace

TreeAttempt tree_search_attempt(const core::Problem& problem, const RunConfig& config,
                                core::ProofEnv& env, core::Policy& policy,
                                core::Checker* rechecker, store::Store& store, int64_t run_id,
                                const core::CancelToken& cancel) {
  StoreRecorder recorder(store, run_id, problem.id);
  search::SearchResult r =
      search::prove(problem, env, policy, search_config(config, problem), &recorder, rechecker,
                    cancel);
  TreeAttempt out;
  out.retry_later = (r.cancelled && !r.found) || r.policy_failed;
  store::AttemptRow& row = out.row;
  row.run_id = run_id;
  row.problem_id = problem.id;
  row.attempt_index = 0;
  row.policy = config.policy;
  row.backend = env.proof_backend();
  row.mode = "whole";
  row.candidate = r.found ? r.proof.text : "";
  row.verdict = r.recheck ? r.recheck->kind : core::VerdictKind::rejected;
  row.message = r.solved ? (r.recheck ? r.recheck->message : "") : r.message;
  row.seconds = r.stats.seconds;
  row.work = r.stats.expansions;
  core::Json detail = {{"strategy", config.strategy},     {"budget", config.budget},
                       {"expansions", r.stats.expansions}, {"policy_calls", r.stats.policy_calls},
                       {"env_calls", r.stats.env_calls},   {"failed_edges", r.stats.failed_edges},
                       {"nodes", r.stats.nodes}};
  if (r.found) {
    detail["proof_size"] = r.tree.size();
    detail["proof_depth"] = r.tree.depth();
  }
  // The re-check's own detail (e.g. z3's "steps" and "leaves"), so family metrics read a tree
  // search's proof as they read a sampled one.
  if (r.recheck && r.recheck->detail.is_object())
    for (const auto& [key, value] : r.recheck->detail.items())
      if (!detail.contains(key)) detail[key] = value;
  row.detail_json = detail.dump();
  if (r.solved && r.rechecked)
    out.proof = store::ProofRow{run_id, problem.id, 0, row.backend, r.proof.text};
  return out;
}

}  // namespace tcs::runner
