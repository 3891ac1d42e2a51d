#include "harness/runner/run.hpp"

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

#include "harness/core/hash.hpp"
#include "harness/runner/progress.hpp"
#include "harness/runner/tree_search.hpp"
#include "harness/search/sample.hpp"

namespace tcs::runner {

using core::Error;
using core::ErrorCode;

core::Expected<std::unique_ptr<core::Policy>> make_builtin_policy(const std::string& policy,
                                                                  const core::Family& family) {
  if (policy == "builtin") return family.builtin_policy("");
  if (policy.rfind("builtin:", 0) == 0) return family.builtin_policy(policy.substr(8));
  return core::bad_input("policy: \"" + policy +
                         "\" is not available in this build (expected builtin or builtin:OPTIONS)");
}

namespace {

// `origin`, when given, receives each problem's source index (its group's search settings).
core::Expected<std::vector<core::Problem>> collect_problems(const RunConfig& config,
                                                            const core::FamilyRegistry& families,
                                                            std::map<std::string, size_t>* origin = nullptr) {
  std::vector<core::Problem> all;
  std::set<std::string> seen;
  for (size_t i = 0; i < config.sources.size(); ++i) {
    const ProblemSource& source = config.sources[i];
    std::string where = "problems[" + std::to_string(i) + "]";
    core::Expected<std::vector<core::Problem>> batch = Error{};
    if (!source.file.empty()) {
      batch = core::read_problems_file(source.file);
    } else {
      const core::Family* family = families.find(source.family);
      if (!family)
        return core::bad_input(where + ".family: unknown family \"" + source.family + "\"");
      // Each source has its own seed so adding a source does not change the others.
      batch = family->generate({source.kind, source.params,
                                core::derive_seed(config.seed, "source", i), source.count});
    }
    if (!batch) return batch.error().with_context(where);
    for (auto& p : *batch) {
      if (!families.find(p.family))
        return core::bad_input(where + ": problem \"" + p.id + "\" has unknown family \"" +
                               p.family + "\"");
      if (!seen.insert(p.id).second) continue;
      if (origin) (*origin)[p.id] = i;
      all.push_back(std::move(p));
    }
  }
  return all;
}

}  // namespace

// A tree search needs a step environment; say so before any work starts.
core::Status check_search_backend(const RunConfig& config, const RunParts& parts,
                                  const std::vector<core::Problem>& problems) {
  if (!config.any_tree_search() || (parts.backends && parts.backends->find_env(config.search_backend)))
    return {};
  if (config.search_backend == "native") {
    // The families' own environments: every family in a tree-searching run must have one
    // (asked once per family, not per problem: asking builds an environment).
    std::set<std::string> names;
    for (const auto& p : problems) names.insert(p.family);
    for (const auto& name : names) {
      const core::Family* family = parts.families.find(name);
      if (family && !family->native_step_env())
        return core::bad_input("search.backend: the " + name +
                               " family has no native step environment (use z3, coq or lean)");
    }
    return {};
  }
  return core::bad_input("search.backend: no step environment \"" + config.search_backend +
                         "\" in this build (tree searches need one: native, z3, coq, lean)");
}

core::Expected<std::vector<core::Problem>> prepare_run(const RunConfig& config,
                                                       const RunParts& parts) {
  if (auto s = config.validate(); !s) return s.error();
  auto problems = collect_problems(config, parts.families);
  if (!problems) return problems.error();
  if (problems->empty()) return core::bad_input("the run has no problems");
  if (auto s = check_search_backend(config, parts, *problems); !s) return s.error();
  std::set<std::string> family_names;
  for (const auto& p : *problems) family_names.insert(p.family);
  for (const auto& name : family_names)
    if (auto policy = parts.make_policy(config.policy, *parts.families.find(name)); !policy)
      return policy.error().with_context("policy \"" + config.policy + "\"");
  return problems;
}

core::Expected<int64_t> create_run(store::Store& store, const RunConfig& config,
                                   const std::vector<core::Problem>& problems,
                                   const std::string& git_describe) {
  auto run_id = store.create_run(config.name, config.to_json().dump(), config.seed, git_describe);
  if (!run_id) return run_id.error();
  if (auto s = store.add_problems(*run_id, problems); !s) return s.error();
  return run_id;
}

namespace {

// What one worker thread owns: a policy per family and a checker per back-end (neither need
// be thread-safe).
class WorkerTools : public search::CheckerSource {
 public:
  WorkerTools(const RunParts& parts) : parts_(parts) {}
  void set_family(const core::Family& family) { family_ = &family; }
  core::Checker* reused(std::string_view backend) override {
    std::string key = backend == "native" ? "native:" + std::string(family_->name())
                                          : std::string(backend);
    auto& checker = checkers_[key];
    if (!checker) checker = fresh(backend);
    return checker.get();
  }
  std::unique_ptr<core::Checker> fresh(std::string_view backend) override {
    if (backend == "native") return family_->native_checker();
    const auto* factory = parts_.backends ? parts_.backends->find(backend) : nullptr;
    return factory ? (*factory)() : nullptr;
  }
  std::map<std::string, std::unique_ptr<core::Policy>> policies;

 private:
  const RunParts& parts_;
  const core::Family* family_ = nullptr;
  std::map<std::string, std::unique_ptr<core::Checker>> checkers_;
};

struct Shared {
  store::Store& store;
  const RunParts& parts;
  const RunConfig& config;
  const std::vector<RunConfig>& group_configs;        // per source, when groups differ
  const std::map<std::string, size_t>& group_of;      // problem id -> index in group_configs
  const std::vector<core::Problem>& problems;
  const std::set<std::pair<std::string, int64_t>>& done;
  int64_t run_id;
  core::Env& env;
  Progress* progress;
  std::atomic<size_t> next{0};
  std::atomic<int64_t> attempts_new{0}, policy_failures{0};
};

store::AttemptRow to_row(int64_t run_id, const core::Problem& p, const std::string& policy,
                         const search::SampleOutcome& o, int64_t max_bytes) {
  store::AttemptRow row;
  row.run_id = run_id;
  row.problem_id = p.id;
  row.attempt_index = o.index;
  row.policy = policy;
  row.backend = o.candidate.backend;
  row.mode = std::string(core::to_string(o.candidate.mode));
  row.candidate = o.candidate.text.substr(0, static_cast<size_t>(max_bytes));
  row.verdict = o.verdict.kind;
  row.message = o.verdict.message;
  row.detail_json = o.verdict.detail.is_null() ? "" : o.verdict.detail.dump();
  row.seconds = o.verdict.seconds;
  row.work = o.verdict.work;
  row.logprob = o.candidate.provenance.logprob;
  row.prompt_tokens = o.candidate.provenance.prompt_tokens;
  row.completion_tokens = o.candidate.provenance.completion_tokens;
  return row;
}

// One tree search as the problem's only attempt.
void search_problem(Shared& sh, WorkerTools& tools, const core::Problem& p, core::Policy& policy,
                    const RunConfig& config) {
  if (sh.done.count({p.id, 0})) return;
  const auto* shared_env =
      sh.parts.backends ? sh.parts.backends->find_env(config.search_backend) : nullptr;
  const core::Family* family = sh.parts.families.find(p.family);
  auto env = shared_env ? (*shared_env)() : family->native_step_env();  // checked up front
  auto rechecker = tools.fresh(env->proof_backend());
  TreeAttempt t = tree_search_attempt(p, config, *env, policy, rechecker.get(), sh.store,
                                      sh.run_id, sh.env.cancel);
  if (t.retry_later) {
    ++sh.policy_failures;
    return;
  }
  sh.store.enqueue_attempt(std::move(t.row));
  if (t.proof) sh.store.enqueue_proof(std::move(*t.proof));
  ++sh.attempts_new;
  if (sh.progress) sh.progress->add(1, t.proof ? 1 : 0);
}

void run_problem(Shared& sh, WorkerTools& tools, const core::Problem& p) {
  const core::Family& family = *sh.parts.families.find(p.family);
  auto& policy = tools.policies[p.family];
  if (!policy) policy = std::move(sh.parts.make_policy(sh.config.policy, family).value());
  tools.set_family(family);
  const auto group = sh.group_of.find(p.id);
  const RunConfig& config = group == sh.group_of.end() ? sh.config : sh.group_configs[group->second];
  if (config.tree_search()) return search_problem(sh, tools, p, *policy, config);
  std::vector<int64_t> missing;
  for (int64_t i = 0; i < sh.config.samples; ++i)
    if (!sh.done.count({p.id, i})) missing.push_back(i);
  if (missing.empty()) return;
  std::vector<search::SampleOutcome> outcomes;
  auto status = search::sample_problem(p, family.prompt(p), missing, sh.config.seed, *policy,
                                       tools, sh.config.limits, outcomes);
  int64_t verified = 0;
  for (const auto& o : outcomes) {
    sh.store.enqueue_attempt(to_row(sh.run_id, p, sh.config.policy, o, sh.config.limits.max_answer_bytes));
    if (o.rechecked) {
      sh.store.enqueue_proof({sh.run_id, p.id, o.index, o.candidate.backend, o.candidate.text});
      ++verified;
    }
  }
  sh.attempts_new += static_cast<int64_t>(outcomes.size());
  if (!status) {
    sh.policy_failures += static_cast<int64_t>(missing.size() - outcomes.size());
    sh.env.log.warn("problem " + p.id + ": policy failed: " + status.error().message);
  }
  if (sh.progress) sh.progress->add(static_cast<int64_t>(outcomes.size()), verified);
}

void worker(Shared& sh) {
  WorkerTools tools(sh.parts);
  while (!sh.env.cancel.cancelled()) {
    size_t i = sh.next.fetch_add(1);
    if (i >= sh.problems.size()) return;
    run_problem(sh, tools, sh.problems[i]);
  }
}

}  // namespace

core::Expected<RunSummary> execute_run(store::Store& store, int64_t run_id, const RunParts& parts,
                                       core::Env& env, const ExecuteOptions& options) {
  auto info = store.run(run_id);
  if (!info) return info.error();
  auto config = RunConfig::from_json(core::Json::parse(info->config_json));
  if (!config) return config.error().with_context("run " + std::to_string(run_id));
  auto problems = store.run_problems(run_id);
  if (!problems) return problems.error();
  for (const auto& p : *problems)
    if (!parts.families.find(p.family))
      return core::bad_input("run " + std::to_string(run_id) + ": problem " + p.id +
                             " has family \"" + p.family + "\" that this build lacks");
  if (auto s = check_search_backend(*config, parts, *problems); !s) return s.error();
  std::set<std::string> family_names;
  for (const auto& p : *problems) family_names.insert(p.family);
  for (const auto& name : family_names)  // fail now, not in a worker, when it cannot be built
    if (auto policy = parts.make_policy(config->policy, *parts.families.find(name)); !policy)
      return policy.error().with_context("policy \"" + config->policy + "\"");
  const auto done = store.attempt_keys(run_id);

  RunSummary summary;
  summary.run_id = run_id;
  summary.problems = static_cast<int64_t>(problems->size());
  // Groups with their own search: map each problem to its group (regenerating the sources is
  // deterministic; a problem no group claims runs under the suite's [search]).
  std::vector<RunConfig> group_configs;
  std::map<std::string, size_t> group_of;
  bool grouped = false;
  for (const auto& s : config->sources) grouped |= !s.strategy.empty() || !s.budget.empty();
  if (grouped) {
    auto regenerated = collect_problems(*config, parts.families, &group_of);
    if (!regenerated) return regenerated.error().with_context("run " + std::to_string(run_id));
    for (const auto& s : config->sources) group_configs.push_back(config->for_source(s));
  }
  for (const auto& p : *problems) {
    const auto g = group_of.find(p.id);
    summary.attempts_total += (g == group_of.end() ? *config : group_configs[g->second]).attempts_per_problem();
  }
  std::optional<Progress> progress;
  if (options.progress)
    progress.emplace(*options.progress, options.live_progress,
                     summary.attempts_total - static_cast<int64_t>(done.size()));
  Shared shared{store, parts, *config, group_configs, group_of, *problems, done, run_id, env,
                progress ? &*progress : nullptr};
  int64_t jobs = options.jobs > 0 ? options.jobs : config->jobs;
  jobs = std::min<int64_t>(jobs, std::max<size_t>(1, problems->size()));
  std::vector<std::thread> threads;
  for (int64_t t = 1; t < jobs; ++t) threads.emplace_back(worker, std::ref(shared));
  worker(shared);
  for (auto& t : threads) t.join();
  if (progress) progress->finish();

  if (auto s = store.flush(); !s) return s.error();
  summary.attempts_new = shared.attempts_new;
  summary.policy_failures = shared.policy_failures;
  summary.interrupted = env.cancel.cancelled();
  summary.attempts_done = store.attempt_count(run_id);
  for (const auto& a : store.attempts(run_id))
    if (core::is_unchecked(a.verdict)) ++summary.unchecked;
  bool complete = summary.attempts_done == summary.attempts_total;
  if (auto s = store.finish_run(run_id, complete ? "finished" : "interrupted"); !s)
    return s.error();
  return summary;
}

}  // namespace tcs::runner
