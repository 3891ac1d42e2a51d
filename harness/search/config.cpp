#include "harness/search/config.hpp"

#include <charconv>
#include <cmath>
#include <string>

namespace tcs::search {

std::string_view to_string(Strategy strategy) {
  return strategy == Strategy::best_first ? "best_first" : "hypertree";
}

core::Expected<Strategy> parse_strategy(std::string_view text) {
  if (text == "best_first") return Strategy::best_first;
  if (text == "hypertree") return Strategy::hypertree;
  return core::bad_input("search strategy \"" + std::string(text) +
                         "\": expected \"best_first\" or \"hypertree\"");
}

core::Expected<Minimize> parse_minimize(std::string_view text) {
  if (text == "size") return Minimize::size;
  if (text == "depth") return Minimize::depth;
  return core::bad_input("minimize \"" + std::string(text) + "\": expected \"size\" or \"depth\"");
}

namespace {

core::Expected<int64_t> positive_part(std::string_view part, std::string_view budget,
                                      std::string_view name) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
  if (part.empty() || ec != std::errc() || end != part.data() + part.size() || value <= 0)
    return core::bad_input("budget \"" + std::string(budget) + "\": " + std::string(name) +
                           " must be a positive integer, got \"" + std::string(part) + "\"");
  return value;
}

}  // namespace

core::Expected<core::Budget> parse_budget(std::string_view text) {
  static constexpr std::string_view kNames[] = {"passes", "width", "expansions"};
  int64_t values[3] = {0, 0, 0};
  std::string_view rest = text;
  for (int i = 0; i < 3; ++i) {
    size_t x = i < 2 ? rest.find('x') : std::string_view::npos;
    if (i < 2 && x == std::string_view::npos)
      return core::bad_input("budget \"" + std::string(text) +
                             "\": expected passes x width x expansions, e.g. 1x8x200");
    auto value = positive_part(rest.substr(0, x), text, kNames[i]);
    if (!value) return value.error();
    values[i] = *value;
    rest = x == std::string_view::npos ? std::string_view() : rest.substr(x + 1);
  }
  core::Budget budget;
  budget.samples = 1;
  budget.passes = values[0];
  budget.width = values[1];
  budget.expansions = values[2];
  return budget;
}

core::Expected<double> parse_nonnegative(std::string_view text, std::string_view what) {
  std::string copy(text);
  char* end = nullptr;
  double value = std::strtod(copy.c_str(), &end);
  if (copy.empty() || end != copy.c_str() + copy.size() || !std::isfinite(value) || value < 0)
    return core::bad_input(std::string(what) + ": expected a number >= 0, got \"" + copy + "\"");
  return value;
}

}  // namespace tcs::search
