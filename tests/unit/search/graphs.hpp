// Hand-made goal graphs for the search tests, written as data.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "harness/search/synthetic.hpp"

namespace tcs::search::testing {

struct T {  // one tactic: kind, subgoals, logprob
  synthetic::TacticKind kind = synthetic::TacticKind::ok;
  std::vector<int32_t> subgoals;
  double logprob = -1.0;
};

inline T ok(std::vector<int32_t> subgoals, double logprob = -1.0) {
  return {synthetic::TacticKind::ok, std::move(subgoals), logprob};
}
inline T error(double logprob = -0.5) { return {synthetic::TacticKind::error, {}, logprob}; }
inline T lie(double logprob = 0.0) { return {synthetic::TacticKind::lie, {}, logprob}; }

inline synthetic::Graph graph(const std::vector<std::vector<T>>& goals) {
  synthetic::Graph g;
  for (size_t i = 0; i < goals.size(); ++i) {
    std::vector<synthetic::Tactic> tactics;
    for (size_t j = 0; j < goals[i].size(); ++j) {
      const T& t = goals[i][j];
      std::string text(1, 'g');
      text += std::to_string(i);
      text += t.kind == synthetic::TacticKind::lie ? std::string(".lie") : ".t" + std::to_string(j);
      tactics.push_back({text, t.kind, t.subgoals, t.logprob});
    }
    g.goals.push_back(std::move(tactics));
  }
  synthetic::compute_minimal(g);
  return g;
}

}  // namespace tcs::search::testing
