// An m-tag system simulator written again for tests, sharing no code with the family's.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tcs::testing {

// TMBench's m-tag system: states 0..steps, stopping at the first state shorter than m (which
// then halts). Symbols are single ASCII characters.
inline std::vector<std::string> simulate_tag(size_t m, const std::map<char, std::string>& rules,
                                             const std::string& init, int steps, bool& halts) {
  std::vector<std::string> states = {init};
  for (int i = 0; i < steps && states.back().size() >= m; ++i) {
    const std::string& q = states.back();
    states.push_back((q + rules.at(q[0])).substr(m));
  }
  halts = states.back().size() < m;
  return states;
}

// The same from a problem's params {"m", "rules", "init", "steps"}.
inline std::vector<std::string> simulate_tag(const nlohmann::json& params, bool& halts) {
  std::map<char, std::string> rules;
  for (const auto& [symbol, word] : params["rules"].items()) rules[symbol.at(0)] = word;
  return simulate_tag(params["m"].get<size_t>(), rules, params["init"].get<std::string>(),
                      params["steps"].get<int>(), halts);
}

}  // namespace tcs::testing
