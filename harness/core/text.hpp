// Small text helpers used across components.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tcs::core {

// The byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
size_t find_invalid_utf8(std::string_view text);
std::string_view trim(std::string_view text);
std::vector<std::string_view> split(std::string_view text, char separator);
bool starts_with(std::string_view text, std::string_view prefix);
// Quotes a string for messages: "x" with control characters escaped, cut at max bytes.
std::string quote(std::string_view text, size_t max = 60);

}  // namespace tcs::core
