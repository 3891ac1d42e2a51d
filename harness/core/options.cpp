#include "harness/core/options.hpp"

#include <charconv>

#include "harness/core/text.hpp"

namespace tcs::core {

Expected<std::map<std::string, std::string>> parse_options(
    std::string_view text, std::initializer_list<std::string_view> known, std::string_view what) {
  std::map<std::string, std::string> out;
  if (trim(text).empty()) return out;
  std::string names;
  for (auto name : known) names += (names.empty() ? "" : ", ") + std::string(name);
  for (std::string_view item : split(text, ',')) {
    item = trim(item);
    const size_t eq = item.find('=');
    if (eq == std::string_view::npos)
      return bad_input(std::string(what) + " " + quote(item) + " must be written name=value");
    const std::string name(trim(item.substr(0, eq)));
    bool is_known = false;
    for (auto k : known) is_known = is_known || k == name;
    if (!is_known)
      return bad_input("unknown " + std::string(what) + " " + quote(name) + " (known: " + names +
                       ")");
    if (!out.emplace(name, std::string(trim(item.substr(eq + 1)))).second)
      return bad_input(std::string(what) + " " + quote(name) + " is given twice");
  }
  return out;
}

Expected<double> parse_probability(std::string_view name, std::string_view value,
                                   std::string_view what) {
  double p = -1;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), p);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size() ||
      !(p >= 0.0 && p <= 1.0))
    return bad_input(std::string(what) + " " + std::string(name) +
                     " must be a number in [0, 1], got " + quote(value));
  return p;
}

}  // namespace tcs::core
