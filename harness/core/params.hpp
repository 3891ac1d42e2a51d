// Strict reading of generator params: every key known, every value typed and in range, and
// every error naming the key. Shared by every family's generator.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "harness/core/expected.hpp"
#include "harness/core/problem.hpp"

namespace tcs::core {

// An error naming the first key of `params` not in `known`; also rejects non-objects.
core::Status check_known_keys(const core::Json& params,
                              std::initializer_list<std::string_view> known);
// Reads params[key] into out when present (out keeps its default otherwise); the value must be
// an integer in [lo, hi].
core::Status read_int(const core::Json& params, std::string_view key, int lo, int hi, int& out);
// Requires lo <= hi for two already-read knobs, naming both keys.
core::Status check_order(std::string_view lo_key, int lo, std::string_view hi_key, int hi);

}  // namespace tcs::core
