// SearchConfig: which strategy, how much budget and the knobs of each strategy, parsed from the
// strings users write in suites and flags ("best_first", "1x8x200", "0.5").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "harness/core/expected.hpp"
#include "harness/core/limits.hpp"

namespace tcs::search {

enum class Strategy { best_first, hypertree };
std::string_view to_string(Strategy strategy);
// "best_first" | "hypertree"; anything else is a bad_input error listing both.
core::Expected<Strategy> parse_strategy(std::string_view text);

// Which proof hypertree extracts when a goal has several: fewest tactic applications or the
// shallowest tree (ties broken by the other measure, then by edge creation order).
enum class Minimize { size, depth };
core::Expected<Minimize> parse_minimize(std::string_view text);

struct SearchConfig {
  Strategy strategy = Strategy::best_first;
  // passes x width x expansions: independent passes (each with its own policy seed), tactics
  // asked per expansion, goal expansions allowed per pass.
  core::Budget budget{1, 1, 8, 200};
  double alpha = 0.5;          // best-first: score = sum log p / L^alpha
  double cpuct = 5.0;          // hypertree: PUCT exploration constant
  double value_prior = 0.5;    // hypertree: leaf value when the policy has no value()
  bool use_policy_value = true;  // hypertree: ask Policy::value() for leaf values
  double virtual_loss = 1.0;   // hypertree: visits a pending simulation adds along its path
  int64_t in_flight = 1;       // goals expanded together (one batched policy call; hypertree
                               // sends whole multiples of it, see README)
  int64_t env_threads = 1;     // >1: ProofEnv::apply runs on this many threads (env must allow it)
  // hypertree: stop when the root is solved; false keeps searching to the budget so extraction
  // can pick a smaller proof.
  bool stop_at_first_proof = true;
  // hypertree: simulations allowed per expansion of budget (a selection that ends on solved or
  // in-flight goals expands nothing; this bounds such rounds), and the collisions in a row
  // (selections ending only on goals already queued) that end a round.
  int64_t simulations_per_expansion = 16;
  Minimize minimize = Minimize::size;
  uint64_t seed = 0;
  core::Limits step_limits;    // limits for each ProofEnv::apply
  core::Limits check_limits;   // limits for the whole-proof re-check
};

// "PxWxE" with positive integers, e.g. "1x8x200". Errors name what is wrong.
core::Expected<core::Budget> parse_budget(std::string_view text);
// A finite real >= 0 for `what` (e.g. "--alpha"); errors say which flag.
core::Expected<double> parse_nonnegative(std::string_view text, std::string_view what);

}  // namespace tcs::search
