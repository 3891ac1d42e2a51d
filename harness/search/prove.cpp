#include "harness/search/prove.hpp"

#include "harness/core/contract.hpp"
#include "harness/search/best_first.hpp"
#include "harness/search/expander.hpp"
#include "harness/search/hypertree.hpp"

namespace tcs::search {

namespace {

// Never trust the search: the whole proof goes to the back-end's Checker, which knows nothing
// of the env that produced it. Only its verdict makes the result solved.
void recheck(const core::Problem& problem, core::ProofEnv& env, core::Checker* rechecker,
             const SearchConfig& config, SearchResult& result) {
  auto script = env.assemble_proof(problem, result.tree);
  if (!script) {
    result.message = "could not assemble the whole proof: " + script.error().message;
    return;
  }
  result.proof.text = std::move(*script);
  result.proof.backend = env.proof_backend();
  result.proof.mode = core::CandidateMode::whole;
  result.proof.provenance.endpoint = "search:" + std::string(to_string(config.strategy));
  if (!rechecker) {
    result.solved = true;
    result.message = "found (not re-checked)";
    return;
  }
  core::Stopwatch watch;
  result.recheck = rechecker->check(problem, result.proof, config.check_limits);
  result.recheck->seconds = watch.seconds();
  result.rechecked = result.recheck->ok();
  result.solved = result.rechecked;
  result.message = result.rechecked ? "proved and re-checked"
                                    : "soundness alarm: the search found a proof the re-check " +
                                          std::string(core::to_string(result.recheck->kind)) +
                                          ": " + result.recheck->message;
}

}  // namespace

SearchResult prove(const core::Problem& problem, core::ProofEnv& env, core::Policy& policy,
                   const SearchConfig& config, SearchRecorder* recorder,
                   core::Checker* rechecker, const core::CancelToken& cancel) {
  TCS_REQUIRE(config.budget.passes >= 1 && config.budget.width >= 1 && config.budget.expansions >= 1,
              "search budget fields must be >= 1");
  core::Stopwatch watch;
  SearchResult result;
  auto root = env.open(problem);
  if (!root) {
    result.message = root.error().message;
    return result;
  }
  Expander expander(problem, env, policy, config, result.stats);
  for (int64_t pass = 0; pass < config.budget.passes && !cancel.cancelled(); ++pass) {
    PassOutcome out =
        config.strategy == Strategy::best_first
            ? best_first_pass(*root, expander, config, pass, recorder, result.stats, cancel)
            : hypertree_pass(problem, *root, expander, policy, config, pass, recorder, result.stats, cancel);
    ++result.stats.passes_run;
    if (!out.status) {
      result.message = "policy failed: " + out.status.error().message;
      result.policy_failed = true;
      break;
    }
    if (out.found) {
      result.found = true;
      result.tree = std::move(out.tree);
      result.pass = pass;
      break;
    }
  }
  result.cancelled = cancel.cancelled();
  if (result.found) recheck(problem, env, rechecker, config, result);
  else if (result.message.empty())
    result.message = result.cancelled ? "cancelled" : "no proof within the budget";
  result.stats.seconds = watch.seconds();
  return result;
}

}  // namespace tcs::search
