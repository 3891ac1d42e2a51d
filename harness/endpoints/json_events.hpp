// A strict JSON scanner that drives an nlohmann SAX sink, for response bodies on the I/O thread.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace tcs::endpoints {

// Reads `text` as one JSON value and calls `sink` for each token, in the order and with the
// arguments nlohmann::json::sax_parse(text.begin(), text.end(), &sink) would use (nlohmann
// 3.11.2, default arguments), for a sink whose parse_error returns false:
//  - accepts exactly what that call accepts: an optional UTF-8 BOM at the very start, RFC 8259
//    values, strings of valid UTF-8 only, and after the root value only whitespace, optionally
//    followed by a NUL byte and anything after it (nlohmann ends its input at a NUL byte);
//  - integers without fraction or exponent: number_unsigned when >= 0 and below 2^64,
//    number_integer when negative and fitting int64_t, otherwise number_float with the text;
//    a float that rounds to infinity is an error;
//  - start_object / start_array receive std::size_t(-1); string and key receive one reused
//    buffer, so a sink may move from it.
// Returns true when the text is one complete valid value and every sink call returned true.
// On an error it returns false at once and never calls sink.parse_error. Nesting depth is
// bounded only by memory (an explicit stack, no recursion).
bool scan_json(std::string_view text, nlohmann::json_sax<nlohmann::json>& sink);

}  // namespace tcs::endpoints
