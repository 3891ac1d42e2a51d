#include "harness/search/expander.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "harness/core/contract.hpp"

namespace tcs::search {

std::vector<Expansion> Expander::expand(const std::vector<const core::Goal*>& goals,
                                        uint64_t seed) {
  queries_.clear();
  for (const core::Goal* goal : goals)
    queries_.push_back({&problem_, goal->text, core::CandidateMode::step, 0,
                        config_.budget.width, seed});
  auto answers = policy_.propose_batch(queries_);
  TCS_REQUIRE(answers.size() == goals.size(), "propose_batch returned the wrong number of answers");
  stats_.policy_calls += static_cast<int64_t>(goals.size());
  std::vector<Expansion> out(goals.size());
  for (size_t i = 0; i < goals.size(); ++i) {
    if (!answers[i]) {
      out[i].status = answers[i].error();
      continue;
    }
    TCS_REQUIRE(answers[i]->size() == static_cast<size_t>(config_.budget.width),
                "policy returned the wrong number of tactics");
    for (core::Candidate& c : *answers[i]) out[i].tried.push_back({std::move(c), {}});
  }
  apply_all(goals, out);
  return out;
}

// Each result lands in its own pre-sized slot, so the order never depends on scheduling.
void Expander::apply_all(const std::vector<const core::Goal*>& goals, std::vector<Expansion>& out) {
  std::vector<std::pair<size_t, size_t>> jobs;
  for (size_t i = 0; i < out.size(); ++i)
    for (size_t j = 0; j < out[i].tried.size(); ++j) jobs.emplace_back(i, j);
  stats_.env_calls += static_cast<int64_t>(jobs.size());
  auto run = [&](size_t k) {
    auto [i, j] = jobs[k];
    out[i].tried[j].result = env_.apply(*goals[i], out[i].tried[j].candidate.text, config_.step_limits);
  };
  const size_t threads = std::min<size_t>(static_cast<size_t>(std::max<int64_t>(1, config_.env_threads)), jobs.size());
  if (threads <= 1) {
    for (size_t k = 0; k < jobs.size(); ++k) run(k);
    return;
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t k; (k = next.fetch_add(1)) < jobs.size();) run(k);
  };
  std::vector<std::jthread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
}

}  // namespace tcs::search
