// Options written after a policy's name, "builtin:noise=0.05,strategy=smt": one parser for
// every family, so they all reject the same mistakes with the same words.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "harness/core/expected.hpp"

namespace tcs::core {

// "name=value,name=value" → {name: value}. Errors name the item: a missing '=', a name not in
// `known`, a name given twice. Blank text is no options.
Expected<std::map<std::string, std::string>> parse_options(
    std::string_view text, std::initializer_list<std::string_view> known,
    std::string_view what = "builtin option");

// A probability in [0, 1], written as a plain decimal; the error names the option.
Expected<double> parse_probability(std::string_view name, std::string_view value,
                                   std::string_view what = "builtin option");

}  // namespace tcs::core
