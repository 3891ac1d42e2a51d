// tcsprove search-bench: the search engine on generated goal graphs with known minimal proofs,
// a zero-latency policy and an in-memory env. Prints engine speed, solved (re-checked) and how
// many of the proofs were minimal.
#include <iostream>
#include <memory>

#include "harness/cli/command.hpp"
#include "harness/search/bench.hpp"

namespace tcs::cli {

namespace {

struct SearchBenchOptions {
  std::string env = "synthetic", strategy = "best_first", budget, minimize = "size";
  std::string alpha = "0.5", cpuct = "5";
  int64_t problems = 50, goals = 40, in_flight = 1, threads = 1;
  uint64_t seed = 1;
  double noise = 1.0;
  bool first = false, json = false;
};

// Hypertree keeps searching after the first proof unless --first, so that extraction can return
// a minimal proof; its default budget covers every goal of a graph.
core::Expected<search::BenchOptions> bench_options(const SearchBenchOptions& o) {
  if (o.env != "synthetic")
    return core::bad_input("--env " + o.env + ": only \"synthetic\" exists for search-bench");
  if (o.problems < 1 || o.goals < 2 || o.in_flight < 1 || o.threads < 1)
    return core::bad_input("--problems, --in-flight, --threads must be >= 1 and --goals >= 2");
  search::BenchOptions b;
  auto strategy = search::parse_strategy(o.strategy);
  if (!strategy) return strategy.error().with_context("--strategy");
  b.config.strategy = *strategy;
  const bool hypertree = *strategy == search::Strategy::hypertree;
  auto budget = search::parse_budget(!o.budget.empty() ? o.budget : hypertree ? "1x8x" + std::to_string(o.goals) : "1x8x2000");
  if (!budget) return budget.error().with_context("--budget");
  b.config.budget = *budget;
  auto alpha = search::parse_nonnegative(o.alpha, "--alpha");
  if (!alpha) return alpha.error();
  auto cpuct = search::parse_nonnegative(o.cpuct, "--cpuct");
  if (!cpuct) return cpuct.error();
  auto minimize = search::parse_minimize(o.minimize);
  if (!minimize) return minimize.error().with_context("--minimize");
  b.config.alpha = *alpha;
  b.config.cpuct = *cpuct;
  b.config.minimize = *minimize;
  b.config.in_flight = o.in_flight;
  b.config.env_threads = o.threads;
  b.config.seed = o.seed;
  b.config.stop_at_first_proof = !hypertree || o.first;
  if (hypertree && !o.first) b.config.simulations_per_expansion = 64;
  b.problems = o.problems;
  b.shape.goals = static_cast<int32_t>(o.goals);
  b.noise = o.noise;
  return b;
}

int search_bench(const SearchBenchOptions& o) {
  auto options = bench_options(o);
  if (!options) return fail(options.error());
  search::BenchReport r = search::run_synthetic_bench(*options);
  if (o.json) {
    core::OrderedJson out = {{"expansions_per_s", r.expansions_per_s},
                             {"solved", r.solved},
                             {"minimal", r.minimal},
                             {"problems", r.problems},
                             {"expansions", r.expansions},
                             {"search_seconds", r.search_seconds},
                             {"strategy", o.strategy},
                             {"budget", options->config.budget.to_string()}};
    std::cout << out.dump() << '\n';
  } else {
    std::cout << o.strategy << " " << options->config.budget.to_string() << ": solved " << r.solved
              << "/" << r.problems << " (minimal " << r.minimal << "), " << r.expansions
              << " expansions, " << static_cast<int64_t>(r.expansions_per_s) << " expansions/s\n";
  }
  return kOk;
}

}  // namespace

void add_search_bench(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<SearchBenchOptions>();
  auto* cmd = app.add_subcommand(
      "search-bench", "Run the search engine on generated goal graphs with known minimal proofs");
  cmd->add_option("--env", o->env, "Environment: synthetic")->capture_default_str();
  cmd->add_option("--strategy", o->strategy, "best_first | hypertree")->capture_default_str();
  cmd->add_option("--budget", o->budget,
                  "passes x width x expansions (default 1x8x2000; hypertree 1x8x<goals>)");
  cmd->add_option("--alpha", o->alpha, "best-first: score = sum log p / L^alpha")->capture_default_str();
  cmd->add_option("--cpuct", o->cpuct, "hypertree: PUCT exploration constant")->capture_default_str();
  cmd->add_option("--minimize", o->minimize, "hypertree proof extraction: size | depth")->capture_default_str();
  cmd->add_option("--problems", o->problems, "Number of goal graphs")->capture_default_str();
  cmd->add_option("--goals", o->goals, "Goals per graph")->capture_default_str();
  cmd->add_option("--in-flight", o->in_flight, "Goals expanded together")->capture_default_str();
  cmd->add_option("--threads", o->threads, "Threads applying tactics")->capture_default_str();
  cmd->add_option("--noise", o->noise, "Policy noise on tactic log-probabilities")->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed of the graphs and the policy")->capture_default_str();
  cmd->add_flag("--first", o->first, "hypertree: stop at the first proof (no minimality)");
  cmd->add_flag("--json", o->json, "Print {\"expansions_per_s\",\"solved\",\"minimal\",...}");
  cmd->callback([o, &ctx] { ctx.action = [o] { return search_bench(*o); }; });
}

}  // namespace tcs::cli
