// The scanner follows nlohmann's lexer and parser (lexer.hpp / parser.hpp of 3.11.2) rule by
// rule, so that its events and its verdict are those of sax_parse; tests/unit/endpoints/
// json_events_test.cpp compares the two on hand-written, truncated, random and mutated texts.
// It is faster because strings are copied in runs (eight plain bytes at a time) instead of one
// push_back per byte, integers are accumulated directly, and floats use Clinger's exact fast
// path or std::from_chars.
#include "harness/endpoints/json_events.hpp"

#include <locale.h>

#include <array>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

namespace tcs::endpoints {

namespace {

using Sink = nlohmann::json_sax<nlohmann::json>;

constexpr std::size_t kUnknownSize = static_cast<std::size_t>(-1);
constexpr char kArray = 'a', kObject = 'o';

inline unsigned byte(char c) { return static_cast<unsigned char>(c); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Bytes that end a run of plain string content: the quote, the backslash, control characters
// (an error unescaped) and the bytes of multi-byte UTF-8 (to be validated).
constexpr std::array<bool, 256> kStringStop = [] {
  std::array<bool, 256> stop{};
  for (unsigned c = 0; c < 256; ++c) stop[c] = c < 0x20 || c >= 0x80 || c == '"' || c == '\\';
  return stop;
}();

// Whether none of the 8 bytes at p is a string stop byte (the word-at-a-time byte tests of
// "Bit Twiddling Hacks": haszero / hasless).
inline bool plain8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  constexpr uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  const auto has_zero = [](uint64_t x) { return (x - ones) & ~x & highs; };
  const uint64_t stops = ((v - ones * 0x20) & ~v & highs)  // a byte below 0x20
                         | has_zero(v ^ (ones * '"')) | has_zero(v ^ (ones * '\\')) | (v & highs);
  return stops == 0;
}

// The length of the UTF-8 sequence at s (with `left` bytes available), or 0 when it is not one
// nlohmann accepts: no overlong forms, no encoded surrogates, nothing above U+10FFFF.
int utf8_length(const char* s, std::size_t left) {
  const auto in = [&](std::size_t i, unsigned lo, unsigned hi) {
    return i < left && byte(s[i]) >= lo && byte(s[i]) <= hi;
  };
  const unsigned c = byte(s[0]);
  if (c >= 0xC2 && c <= 0xDF) return in(1, 0x80, 0xBF) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return in(1, lo, hi) && in(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return in(1, lo, hi) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// strtod in the "C" locale: nlohmann's conversion, used where from_chars reports a result out of
// range and leaves its output unset (the value then underflows to ±0 or overflows to ±inf).
double strtod_c(const std::string& text) {
  static const locale_t c_locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
  return strtod_l(text.c_str(), nullptr, c_locale);
}

class Scanner {
 public:
  Scanner(std::string_view text, Sink& sink)
      : p_(text.data()), end_(text.data() + text.size()), sink_(sink) {}

  bool run() {
    if (!skip_bom()) return false;
    for (;;) {
      Next next = value();
      // A complete value closes the containers it completes, up to the next element.
      if (next == Next::done) next = after_value();
      if (next == Next::error) return false;
      if (next == Next::done) return at_end();
    }
  }

 private:
  // What follows: another value, the end of the root value, or nothing (an error or a sink
  // that asked to stop).
  enum class Next { value, done, error };

  // A value starts here (the root, after '[', after ',' in an array, after ':'). An opened
  // container that is not empty asks for its first element next.
  Next value() {
    skip_whitespace();
    if (p_ == end_) return Next::error;
    bool ok;
    switch (*p_) {
      case '{':
        ++p_;
        if (!sink_.start_object(kUnknownSize)) return Next::error;
        skip_whitespace();
        if (p_ < end_ && *p_ == '}') {
          ++p_;
          ok = sink_.end_object();
          break;
        }
        stack_.push_back(kObject);
        return member_key() ? Next::value : Next::error;
      case '[':
        ++p_;
        if (!sink_.start_array(kUnknownSize)) return Next::error;
        skip_whitespace();
        if (p_ < end_ && *p_ == ']') {
          ++p_;
          ok = sink_.end_array();
          break;
        }
        stack_.push_back(kArray);
        return Next::value;
      case '"':
        ++p_;
        ok = string() && sink_.string(buffer_);
        break;
      case 't': ok = literal("true") && sink_.boolean(true); break;
      case 'f': ok = literal("false") && sink_.boolean(false); break;
      case 'n': ok = literal("null") && sink_.null(); break;
      default: ok = number(); break;
    }
    return ok ? Next::done : Next::error;
  }

  Next after_value() {
    while (!stack_.empty()) {
      skip_whitespace();
      if (p_ == end_) return Next::error;
      const char c = *p_++;
      const bool array = stack_.back() == kArray;
      if (c == ',') return (array || member_key()) ? Next::value : Next::error;
      if (c != (array ? ']' : '}')) return Next::error;
      stack_.pop_back();
      if (!(array ? sink_.end_array() : sink_.end_object())) return Next::error;
    }
    return Next::done;
  }

  // After the root value only whitespace; nlohmann also ends its input at a NUL byte.
  bool at_end() {
    skip_whitespace();
    return p_ == end_ || *p_ == '\0';
  }

  bool skip_bom() {
    if (p_ == end_ || byte(*p_) != 0xEF) return true;
    if (end_ - p_ < 3 || byte(p_[1]) != 0xBB || byte(p_[2]) != 0xBF) return false;
    p_ += 3;
    return true;
  }

  void skip_whitespace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  // `"key" :` inside an object, the key passed to the sink before the colon is checked.
  bool member_key() {
    skip_whitespace();
    if (p_ == end_ || *p_ != '"') return false;
    ++p_;
    if (!string() || !sink_.key(buffer_)) return false;
    skip_whitespace();
    if (p_ == end_ || *p_ != ':') return false;
    ++p_;
    return true;
  }

  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::memcmp(p_, word.data(), word.size()) != 0)
      return false;
    p_ += word.size();
    return true;
  }

  // The body of a string after its opening quote, decoded into buffer_; p_ ends after the
  // closing quote. Plain bytes and valid multi-byte UTF-8 are appended as one run.
  bool string() {
    buffer_.clear();
    const char* run = p_;
    for (;;) {
      while (end_ - p_ >= 8 && plain8(p_)) p_ += 8;
      while (p_ < end_ && !kStringStop[byte(*p_)]) ++p_;
      if (p_ == end_) return false;
      if (byte(*p_) >= 0x80) {
        const int n = utf8_length(p_, static_cast<std::size_t>(end_ - p_));
        if (n == 0) return false;
        p_ += n;
        continue;
      }
      buffer_.append(run, p_);
      if (*p_ == '"') {
        ++p_;
        return true;
      }
      if (*p_ != '\\' || !escape()) return false;  // else a raw control character
      run = p_;
    }
  }

  // An escape sequence at p_ (the backslash), its character appended to buffer_.
  bool escape() {
    if (end_ - p_ < 2) return false;
    const char c = p_[1];
    p_ += 2;
    switch (c) {
      case '"': buffer_ += '"'; return true;
      case '\\': buffer_ += '\\'; return true;
      case '/': buffer_ += '/'; return true;
      case 'b': buffer_ += '\b'; return true;
      case 'f': buffer_ += '\f'; return true;
      case 'n': buffer_ += '\n'; return true;
      case 'r': buffer_ += '\r'; return true;
      case 't': buffer_ += '\t'; return true;
      case 'u': return unicode_escape();
      default: return false;
    }
  }

  // \uXXXX after the "\u": a high surrogate must be followed by \u and a low one; a lone low
  // surrogate is an error.
  bool unicode_escape() {
    const int32_t high = hex4();
    if (high < 0 || (high >= 0xDC00 && high <= 0xDFFF)) return false;
    uint32_t cp = static_cast<uint32_t>(high);
    if (high >= 0xD800 && high <= 0xDBFF) {
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      const int32_t low = hex4();
      if (low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + static_cast<uint32_t>(low - 0xDC00);
    }
    append_utf8(buffer_, cp);
    return true;
  }

  // Four hex digits (either case) at p_, or -1.
  int32_t hex4() {
    if (end_ - p_ < 4) return -1;
    int32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else return -1;
      v = v * 16 + d;
    }
    return v;
  }

  bool skip_digits() {
    if (p_ == end_ || !is_digit(*p_)) return false;
    while (p_ < end_ && is_digit(*p_)) ++p_;
    return true;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? taken greedily, as nlohmann's lexer does:
  // what follows the number is the next token's business ("01" is 0 then 1).
  bool number() {
    Number n;
    n.text_first = p_;
    n.negative = *p_ == '-';
    if (n.negative) ++p_;
    if (p_ == end_ || !is_digit(*p_)) return false;
    const char* first = p_;
    if (*p_ == '0') ++p_;
    else skip_digits();
    n.integer = {first, static_cast<std::size_t>(p_ - first)};
    if (p_ < end_ && *p_ == '.') {
      first = ++p_;
      if (!skip_digits()) return false;
      n.fraction = {first, static_cast<std::size_t>(p_ - first)};
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) n.exponent_negative = *p_++ == '-';
      first = p_;
      if (!skip_digits()) return false;
      n.exponent = {first, static_cast<std::size_t>(p_ - first)};
      n.has_exponent = true;
    }
    uint64_t magnitude = 0;
    if (n.fraction.empty() && !n.has_exponent && accumulate(n.integer, magnitude)) {
      if (!n.negative) return sink_.number_unsigned(magnitude);
      // C++20 conversion is modular, so 2^63 becomes INT64_MIN.
      if (magnitude <= (uint64_t{1} << 63))
        return sink_.number_integer(static_cast<int64_t>(0 - magnitude));
    }
    // Fractions, exponents and integers beyond 64 bits (as nlohmann falls back to strtod).
    return number_float(n);
  }

  // A number's text and its parts (the sign and 'e' excluded).
  struct Number {
    const char* text_first = nullptr;
    bool negative = false, exponent_negative = false, has_exponent = false;
    std::string_view integer, fraction, exponent;
  };

  static bool accumulate(std::string_view digits, uint64_t& out) {
    uint64_t v = 0;
    for (const char d : digits)
      if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, d - '0', &v))
        return false;
    out = v;
    return true;
  }

  bool number_float(const Number& n) {
    number_text_.assign(n.text_first, p_);
    double v = 0;
    if (!exact_double(n, v) &&
        std::from_chars(n.text_first, p_, v).ec == std::errc::result_out_of_range)
      v = strtod_c(number_text_);
    if (!std::isfinite(v)) return false;  // nlohmann: "number overflow"
    return sink_.number_float(v, number_text_);
  }

  // Clinger's fast path: when the digits fit in 53 bits and the power of ten is at most 10^22,
  // both are exact doubles and one IEEE multiplication or division rounds the exact value once,
  // which is the correctly rounded result strtod returns. Most logprobs take this path.
  static bool exact_double(const Number& n, double& out) {
    static_assert(FLT_EVAL_METHOD == 0, "double arithmetic must round to double");
    static constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                              1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                              1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (n.integer.size() + n.fraction.size() > 19 || n.exponent.size() > 4) return false;
    uint64_t digits = 0;
    for (const char d : n.integer) digits = digits * 10 + static_cast<uint64_t>(d - '0');
    for (const char d : n.fraction) digits = digits * 10 + static_cast<uint64_t>(d - '0');
    if (digits > (uint64_t{1} << 53)) return false;
    int exponent = 0;
    for (const char d : n.exponent) exponent = exponent * 10 + (d - '0');
    exponent = (n.exponent_negative ? -exponent : exponent) - static_cast<int>(n.fraction.size());
    if (exponent < -22 || exponent > 22) return false;
    const double v = static_cast<double>(digits);
    const double scaled = exponent < 0 ? v / kPowersOfTen[-exponent] : v * kPowersOfTen[exponent];
    out = n.negative ? -scaled : scaled;
    return true;
  }

  const char* p_;
  const char* const end_;
  Sink& sink_;
  std::string stack_;  // kArray / kObject per open container
  std::string buffer_, number_text_;
};

}  // namespace

bool scan_json(std::string_view text, nlohmann::json_sax<nlohmann::json>& sink) {
  return Scanner(text, sink).run();
}

}  // namespace tcs::endpoints
