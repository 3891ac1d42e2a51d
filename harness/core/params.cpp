#include "harness/core/params.hpp"

namespace tcs::core {

core::Status check_known_keys(const core::Json& params,
                              std::initializer_list<std::string_view> known) {
  if (params.is_null()) return {};
  if (!params.is_object()) return bad_input("params must be a JSON object");
  for (const auto& [key, value] : params.items()) {
    bool found = false;
    for (auto k : known) found = found || k == key;
    if (found) continue;
    std::string list;
    for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    return bad_input("unknown parameter \"" + key + "\" (known: " + list + ")");
  }
  return {};
}

core::Status read_int(const core::Json& params, std::string_view key, int lo, int hi, int& out) {
  if (!params.is_object()) return {};
  auto it = params.find(std::string(key));
  if (it == params.end()) return {};
  const std::string where = "parameter \"" + std::string(key) + "\"";
  if (!it->is_number_integer())
    return bad_input(where + " must be an integer, got " + it->dump());
  const int64_t value = it->get<int64_t>();
  if (value < lo || value > hi)
    return bad_input(where + " must be in [" + std::to_string(lo) + ", " + std::to_string(hi) +
                     "], got " + std::to_string(value));
  out = static_cast<int>(value);
  return {};
}

core::Status check_order(std::string_view lo_key, int lo, std::string_view hi_key, int hi) {
  if (lo <= hi) return {};
  return bad_input("parameter \"" + std::string(lo_key) + "\" (" + std::to_string(lo) +
                   ") must not exceed \"" + std::string(hi_key) + "\" (" + std::to_string(hi) +
                   ")");
}

}  // namespace tcs::core
