// scan_json against its reference, nlohmann::json::sax_parse: the same verdict and the same
// events on hand-written, truncated, random and mutated texts.
#include "harness/endpoints/json_events.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace tcs::endpoints {
namespace {

using Json = nlohmann::json;
using namespace std::string_literals;

// Every event as one line; numbers with their kind, strings with their bytes made visible.
// After `limit` events every call returns false (to check that both stop where the sink says).
class Recorder : public nlohmann::json_sax<Json> {
 public:
  explicit Recorder(size_t limit = SIZE_MAX) : limit_(limit) {}

  std::string events;
  int parse_errors = 0;

  bool null() override { return add("null"); }
  bool boolean(bool b) override { return add(b ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return add("int " + std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return add("uint " + std::to_string(v)); }
  bool number_float(number_float_t v, const string_t& text) override {
    char value[40];
    std::snprintf(value, sizeof value, "%.17g", v);
    return add("float " + std::string(value) + " " + text);
  }
  bool string(string_t& s) override { return add("string " + visible(s)); }
  bool binary(binary_t&) override { return add("binary"); }
  bool start_object(std::size_t n) override { return add("{ " + std::to_string(n)); }
  bool end_object() override { return add("}"); }
  bool start_array(std::size_t n) override { return add("[ " + std::to_string(n)); }
  bool end_array() override { return add("]"); }
  bool key(string_t& s) override { return add("key " + visible(s)); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    ++parse_errors;
    return false;
  }

  static std::string visible(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
      const auto u = static_cast<unsigned char>(c);
      if (u >= 0x20 && u < 0x7F && c != '\\') {
        out += c;
      } else {
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\x%02X", u);
        out += hex;
      }
    }
    return out + "\"";
  }

 private:
  bool add(const std::string& line) {
    if (count_++ >= limit_) return false;
    events += line;
    events += '\n';
    return true;
  }

  size_t limit_;
  size_t count_ = 0;
};

struct Outcome {
  bool accepted;
  std::string events;
};

Outcome reference(std::string_view text, size_t limit = SIZE_MAX) {
  Recorder r(limit);
  const bool accepted = Json::sax_parse(text.begin(), text.end(), &r);
  return {accepted, r.events};
}

Outcome scanned(std::string_view text, size_t limit = SIZE_MAX) {
  Recorder r(limit);
  const bool accepted = scan_json(text, r);
  EXPECT_EQ(r.parse_errors, 0) << Recorder::visible(text);
  return {accepted, r.events};
}

// Whether scan_json and sax_parse agree on `text`; on a difference, adds a failure naming it.
bool agree(std::string_view text, size_t limit = SIZE_MAX) {
  const Outcome want = reference(text, limit), got = scanned(text, limit);
  if (want.accepted == got.accepted && want.events == got.events) return true;
  ADD_FAILURE() << "text " << Recorder::visible(text)
                << (limit == SIZE_MAX ? "" : ", sink stops after " + std::to_string(limit)) << "\n"
                << "nlohmann: " << (want.accepted ? "accepts" : "rejects") << "\n" << want.events
                << "scan_json: " << (got.accepted ? "accepts" : "rejects") << "\n" << got.events;
  return false;
}

struct Case {
  std::string text;
  bool valid;
};

// One or more texts per rule; `valid` is what RFC 8259 plus nlohmann's quirks say.
const std::vector<Case>& hand_written() {
  static const std::vector<Case> cases = {
      // structure and whitespace
      {"{}", true}, {"[]", true}, {" \t\n\r[ \t\n\r] \t\n\r", true}, {"", false},
      {" \t\n\r", false}, {"[1,2 , 3]", true}, {"[1,]", false}, {"[,1]", false},
      {"[1 2]", false}, {"[", false}, {"]", false}, {"{", false}, {"}", false},
      {"[1}", false}, {"{\"a\":1]", false}, {"{\"a\":1,}", false}, {"{,}", false},
      {"{\"a\" 1}", false}, {"{\"a\":}", false}, {"{\"a\"}", false}, {"{1:2}", false},
      {"{null:2}", false}, {"{\"a\":1 \"b\":2}", false}, {"{\"a\":1,\"a\":2}", true},
      {"{\"a\":[1,{\"b\":null}],\"c\":{\"d\":[[],{}]},\"e\":[[[[\"x\"]]]]}", true},
      {"[\f]", false}, {"\v1", false}, {"1\u00A0"s, false},
      // after the root: only whitespace, and nlohmann ends its input at a NUL byte
      {"{} x", false}, {"{}{}", false}, {"1 2", false}, {"[1]\x01", false},
      {"1 \0 garbage"s, true}, {"[1]\0x"s, true}, {"\0"s, false}, {"[\0]"s, false},
      {"[1\0]"s, false},
      // byte order mark: skipped at the very start only
      {"\xEF\xBB\xBF{}", true}, {"\xEF\xBB\xBF 1 ", true}, {"\xEF\xBB\xBF", false},
      {"\xEF\xBB", false}, {"\xEF{}", false}, {" \xEF\xBB\xBF{}", false},
      {"\xEF\xBB\xBF\xEF\xBB\xBF{}", false}, {"[\xEF\xBB\xBF]", false},
      // literals
      {"true", true}, {"false", true}, {"null", true}, {"tru", false}, {"truex", false},
      {"nul", false}, {"True", false}, {"NaN", false}, {"Infinity", false}, {"-Infinity", false},
      {"[true,false,null]", true}, {"[truefalse]", false},
      // numbers
      {"0", true}, {"-0", true}, {"-0.0", true}, {"0.0", true}, {"123", true}, {"-123", true},
      {"1.5e3", true}, {"1E+2", true}, {"1e-2", true}, {"0e0", true}, {"01", false},
      {"-01", false}, {"00", false}, {"-", false}, {"1.", false}, {".5", false}, {"1e", false},
      {"1e+", false}, {"1E-", false}, {"-a", false}, {"+1", false}, {"1.e5", false},
      {"--1", false}, {"0x10", false}, {"1.5.3", false}, {"[01]", false}, {"[-]", false},
      {"[1.]", false}, {"18446744073709551615", true}, {"18446744073709551616", true},
      {"9223372036854775807", true}, {"9223372036854775808", true},
      {"-9223372036854775808", true}, {"-9223372036854775809", true},
      {"-18446744073709551616", true}, {"99999999999999999999999999999", true},
      {"1e308", true}, {"1.7976931348623157e308", true}, {"1.7976931348623159e308", false},
      {"1e400", false}, {"-1e400", false}, {"[1e400]", false}, {"1e-400", true},
      {"-1e-400", true}, {"4.9e-324", true}, {"2.4e-324", true},
      {"0." + std::string(400, '0') + "1e5", true}, {"1" + std::string(400, '0') + "e-5", false},
      {"1" + std::string(400, '0') + ".5e-100", true}, {"1e99999999999999999999", false},
      {"1e-99999999999999999999", true},
      // strings and escapes
      {"\"\"", true}, {"\"abc", false}, {"\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", true},
      {"\"\\x\"", false}, {"\"\\'\"", false}, {"\"\\", false}, {"\"\\u\"", false},
      {"\"\\u12\"", false}, {"\"\\u12G4\"", false}, {"\"\\u0041\\u00e9\\u00E9\\u20AC\"", true},
      {"\"\\u0000\"", true}, {"\"\\uD83D\\uDE00\"", true}, {"\"\\ud83d\\ude00\"", true},
      {"\"\\uDBFF\\uDFFF\"", true}, {"\"\\uD800\"", false}, {"\"\\uD800\\u0041\"", false},
      {"\"\\uDC00\"", false}, {"\"\\uDFFF\\uD800\"", false}, {"\"\\uD800\\uD800\"", false},
      {"\"\\uD800x\"", false}, {"\"\\uD800\\\"", false}, {"\"\\uD800\\uDC0\"", false},
      {"\"\\uFFFF\\uE000\\uD7FF\"", true},
      // control characters raw inside a string
      {"\"\x01\"", false}, {"\"\t\"", false}, {"\"\n\"", false}, {"\"\x1F\"", false},
      {"\"\0\""s, false}, {"\"\x7F\"", true}, {"\" ~\"", true},
      // raw UTF-8: the boundaries nlohmann's lexer accepts
      {"\"\xC2\x80\xDF\xBF\"", true},
      {"\"\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF\"", true},
      {"\"\xF0\x90\x80\x80\xF4\x8F\xBF\xBF\xF3\xBF\xBF\xBF\"", true},
      {"\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"", true},
      // and every class of invalid UTF-8
      {"\"\x80\"", false}, {"\"\xBF\"", false},                      // lone continuation
      {"\"\xC0\x80\"", false}, {"\"\xC1\xBF\"", false},              // overlong 2-byte
      {"\"\xE0\x80\x80\"", false}, {"\"\xE0\x9F\xBF\"", false},      // overlong 3-byte
      {"\"\xF0\x80\x80\x80\"", false}, {"\"\xF0\x8F\xBF\xBF\"", false},  // overlong 4-byte
      {"\"\xED\xA0\x80\"", false}, {"\"\xED\xBF\xBF\"", false},      // encoded surrogates
      {"\"\xF4\x90\x80\x80\"", false}, {"\"\xF5\x80\x80\x80\"", false},  // above U+10FFFF
      {"\"\xF8\x88\x80\x80\x80\"", false}, {"\"\xFE\"", false}, {"\"\xFF\"", false},
      {"\"\xC2\"", false}, {"\"\xC2" "A\"", false}, {"\"\xE1\x80\"", false},  // truncated
      {"\"\xE1\x80" "A\"", false}, {"\"\xF0\x90\x80\"", false}, {"\"\xF1\x80\x80" "A\"", false},
      {"\"\xC2\xC2\x80\"", false}, {"\xC3\xA9", false}, {"[\x80]", false},
      {"\"\xF0\x90\x80", false},
      // a long plain run (the word-at-a-time path) with a stop byte at every offset
      {"\"" + std::string(40, 'x') + "\"", true}, {"\"" + std::string(17, 'y') + "\x01\"", false},
      {"\"" + std::string(23, 'z') + "\\n" + std::string(9, 'z') + "\"", true},
      {"\"" + std::string(31, 'w') + "\xC3\xA9" + std::string(13, 'w') + "\"", true},
      {"\"" + std::string(15, 'v') + "\x80" + std::string(13, 'v') + "\"", false},
  };
  return cases;
}

TEST(JsonEvents, HandWrittenCasesMatchNlohmann) {
  for (const Case& c : hand_written()) {
    agree(c.text);
    EXPECT_EQ(reference(c.text).accepted, c.valid) << "nlohmann on " << Recorder::visible(c.text);
    EXPECT_EQ(scanned(c.text).accepted, c.valid) << Recorder::visible(c.text);
  }
}

TEST(JsonEvents, NumbersAreClassifiedLikeNlohmann) {
  const Outcome got = scanned(
      "[-0,0,18446744073709551615,18446744073709551616,-9223372036854775808,"
      "-9223372036854775809,1.5,-0.0,1E2,1e-400]");
  ASSERT_TRUE(got.accepted);
  EXPECT_EQ(got.events,
            "[ 18446744073709551615\n"
            "int 0\n"
            "uint 0\n"
            "uint 18446744073709551615\n"
            "float 1.8446744073709552e+19 18446744073709551616\n"
            "int -9223372036854775808\n"
            "float -9.2233720368547758e+18 -9223372036854775809\n"
            "float 1.5 1.5\n"
            "float -0 -0.0\n"
            "float 100 1E2\n"
            "float 0 1e-400\n"
            "]\n");
  const Outcome strings = scanned("{\"k\\u00e9\":\"\\uD83D\\uDE00\\u0000\\t\xC3\xA9\"}");
  ASSERT_TRUE(strings.accepted);
  EXPECT_EQ(strings.events,
            "{ 18446744073709551615\n"
            "key \"k\\xC3\\xA9\"\n"
            "string \"\\xF0\\x9F\\x98\\x80\\x00\\x09\\xC3\\xA9\"\n"
            "}\n");
}

// Realistic bodies cut at every length (a connection dropped mid-answer), and the events up to
// a sink that stops early.
TEST(JsonEvents, EveryPrefixOfRealBodiesMatches) {
  const std::string bodies[] = {
      R"({"id":"r","model":"m","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"a b","reasoning_content":"think","tool_calls":[{"id":"x","function":{"name":"f"}}]},"logprobs":{"content":[{"token":"a","logprob":-0.5,"top_logprobs":[{"token":"b","logprob":-1}]},{"token":" b","logprob":-0.25,"bytes":[32,98]}]}}],"usage":{"prompt_tokens":7,"completion_tokens":2,"prompt_tokens_details":{"cached_tokens":0}}})",
      R"({"choices":[{"index":1,"text":"y","logprobs":{"tokens":["y"],"token_logprobs":[null,-2,-1.5]}},{"index":0,"text":"x","reasoning":"r"}]})",
      R"({"id":"msg","type":"message","model":"c","content":[{"type":"thinking","thinking":"hm"},{"type":"text","text":"4"},{"type":"tool_use","input":{"text":"no"}},{"text":"2","type":"text"}],"stop_reason":"end_turn","usage":{"input_tokens":9,"output_tokens":2}})",
      R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})",
      "{\n  \"id\": \"chatcmpl-9\",\n  \"choices\": [ {\n    \"message\": {\"content\": "
      "\"theorem foo : 1 + 1 = 2 := by\\n  norm_num \\u2014 \xE2\x88\x80 x, x \xE2\x89\xA4 x\"},\n"
      "    \"logprobs\": {\"content\": [{\"token\": \"\\u00e9\", \"logprob\": -1.25e-3}]}\n"
      "  } ],\n  \"usage\": {\"prompt_tokens\": 1200, \"completion_tokens\": 18}\n}\n",
  };
  for (const std::string& body : bodies) {
    ASSERT_TRUE(scanned(body).accepted) << body;
    int failures = 0;
    for (size_t n = 0; n <= body.size() && failures < 5; ++n)
      failures += !agree(std::string_view(body).substr(0, n));
    const std::string all = reference(body).events;
    const auto events = static_cast<size_t>(std::count(all.begin(), all.end(), '\n'));
    for (size_t limit = 0; limit <= events && failures < 5; ++limit)
      failures += !agree(body, limit);
  }
}

// Random documents: nesting, whitespace, strings with escapes and multi-byte UTF-8, numbers of
// every kind. Mostly valid; \u escapes sometimes make lone surrogates on purpose.
class RandomJson {
 public:
  explicit RandomJson(uint64_t seed) : rng_(seed) {}

  uint64_t below(uint64_t n) { return rng_() % n; }

  std::string document() {
    std::string out = below(20) == 0 ? "\xEF\xBB\xBF" : "";
    space(out);
    value(out, 0);
    space(out);
    return out;
  }

 private:
  void space(std::string& out) {
    while (below(4) == 0) out += " \t\n\r"[below(4)];
  }

  void value(std::string& out, int depth) {
    switch (below(depth > 5 ? 6 : 9)) {
      case 0: out += below(3) == 0 ? "true" : below(2) ? "false" : "null"; return;
      case 1: case 2: number(out); return;
      case 3: case 4: case 5: string(out); return;
      case 6: case 7: container(out, depth, below(2) == 0); return;
      default: container(out, depth, true); return;
    }
  }

  void container(std::string& out, int depth, bool object) {
    out += object ? '{' : '[';
    const uint64_t n = below(5);
    for (uint64_t i = 0; i < n; ++i) {
      if (i) out += ',';
      space(out);
      if (object) {
        string(out);
        space(out);
        out += ':';
        space(out);
      }
      value(out, depth + 1);
      space(out);
    }
    if (n == 0) space(out);
    out += object ? '}' : ']';
  }

  void number(std::string& out) {
    static const char* const edges[] = {
        "0", "-0", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "18446744073709551615", "18446744073709551616",
        "1e308", "1e309", "4.9e-324", "2e-324", "-0.0"};
    if (below(5) == 0) {
      out += edges[below(std::size(edges))];
      return;
    }
    if (below(3) == 0) out += '-';
    const uint64_t digits = 1 + below(below(4) == 0 ? 25 : 6);
    if (below(8) == 0) {
      out += '0';
    } else {
      out += static_cast<char>('1' + below(9));
      for (uint64_t i = 1; i < digits; ++i) out += static_cast<char>('0' + below(10));
    }
    if (below(3) == 0) {
      out += '.';
      for (uint64_t i = 0, n = 1 + below(8); i < n; ++i) out += static_cast<char>('0' + below(10));
    }
    if (below(4) == 0) {
      out += below(2) ? 'e' : 'E';
      if (below(2)) out += below(2) ? '+' : '-';
      for (uint64_t i = 0, n = 1 + below(3); i < n; ++i) out += static_cast<char>('0' + below(10));
    }
  }

  void string(std::string& out) {
    static const char* const escapes[] = {"\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"};
    out += '"';
    const uint64_t n = below(6) == 0 ? below(60) : below(8);
    for (uint64_t i = 0; i < n; ++i) {
      switch (below(10)) {
        case 0: out += escapes[below(std::size(escapes))]; break;
        case 1: unicode_escape(out); break;
        case 2: raw_utf8(out); break;
        default: {
          const char c = static_cast<char>(0x20 + below(0x5F));  // printable ASCII
          out += c == '"' || c == '\\' ? 'x' : c;
        }
      }
    }
    out += '"';
  }

  void unicode_escape(std::string& out) {
    const auto hex = [&](uint32_t v) {
      for (int shift = 12; shift >= 0; shift -= 4) {
        const char* digits = below(2) ? "0123456789abcdef" : "0123456789ABCDEF";
        out += digits[(v >> shift) & 0xF];
      }
    };
    out += "\\u";
    const uint64_t kind = below(10);
    if (kind < 6) {
      hex(static_cast<uint32_t>(below(0xD800)));
    } else if (kind < 9) {  // a surrogate pair
      hex(0xD800 + static_cast<uint32_t>(below(0x400)));
      out += "\\u";
      hex(0xDC00 + static_cast<uint32_t>(below(0x400)));
    } else {  // any code unit, lone surrogates included
      hex(static_cast<uint32_t>(below(0x10000)));
    }
  }

  void raw_utf8(std::string& out) {
    uint32_t cp;
    do cp = 0x80 + static_cast<uint32_t>(below(below(2) ? 0x780 : 0x110000 - 0x80));
    while (cp >= 0xD800 && cp <= 0xDFFF);
    if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }

  std::mt19937_64 rng_;
};

// A byte for a mutation: often one that matters to the grammar or to UTF-8.
char mutation_byte(RandomJson& random) {
  static const unsigned char interesting[] = {
      '"', '\\', '{', '}', '[', ']', ',', ':', '0', '1', '-', '+', '.', 'e', 'u', 't', 'n', ' ',
      '\n', 0x00, 0x01, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4,
      0xF5, 0xFF};
  if (random.below(3) == 0) return static_cast<char>(random.below(256));
  return static_cast<char>(interesting[random.below(std::size(interesting))]);
}

TEST(JsonEvents, RandomDocumentsAndMutationsMatch) {
  RandomJson random(20261122);
  int failures = 0, valid = 0, mutants_valid = 0;
  for (int d = 0; d < 3000 && failures < 10; ++d) {
    const std::string doc = random.document();
    failures += !agree(doc);
    valid += reference(doc).accepted;
    for (int m = 0; m < 4; ++m) {
      std::string mutant = doc;
      const size_t at = random.below(mutant.size() + 1);
      switch (random.below(3)) {
        case 0:
          if (at < mutant.size()) mutant[at] = mutation_byte(random);
          break;
        case 1: mutant.insert(at, 1, mutation_byte(random)); break;
        default:
          if (at < mutant.size()) mutant.erase(at, 1);
      }
      failures += !agree(mutant);
      mutants_valid += reference(mutant).accepted;
    }
    if (d % 10 == 0) failures += !agree(doc, random.below(12));  // a sink that stops early
  }
  // The generator is useful only if it reaches both verdicts often.
  EXPECT_GT(valid, 2500);
  EXPECT_GT(mutants_valid, 1000);
  EXPECT_LT(mutants_valid, 11000);
}

// Floats near the edges of the exact fast path (53-bit digits, powers of ten up to 22) and the
// integer / float boundary: the values must be strtod's, bit for bit.
TEST(JsonEvents, FloatsRoundLikeStrtod) {
  std::mt19937_64 rng(53);
  int failures = 0;
  for (int i = 0; i < 20000 && failures < 10; ++i) {
    std::string text = rng() % 2 ? "-" : "";
    const uint64_t digits = 1 + rng() % 20;
    text += static_cast<char>('1' + rng() % 9);
    for (uint64_t d = 1; d < digits; ++d) text += static_cast<char>('0' + rng() % 10);
    if (rng() % 2) text.insert(text.size() - rng() % digits, 1, '.');
    if (text.back() == '.') text += '5';
    if (rng() % 3) {
      text += rng() % 2 ? "e-" : "e";
      text += std::to_string(rng() % 30);
    }
    failures += !agree(text);
  }
  for (const char* text : {"9007199254740993", "9007199254740993.0", "9007199254740992e1",
                           "9007199254740993e-22", "1e22", "1e23", "1e-22", "1e-23",
                           "0.1", "0.30000000000000004", "123456789012345678.9", "-0e5",
                           "0.0000000000000000000000000000001e31"})
    agree(text);
}

// Nesting lives on an explicit stack: 100,000 open brackets are an error, not a stack overflow,
// and as many closed ones are a value.
TEST(JsonEvents, DeepNestingNeedsNoRecursion) {
  class Counter : public nlohmann::json_sax<Json> {
   public:
    size_t opened = 0, closed = 0;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override {
      ++opened;
      return true;
    }
    bool end_object() override {
      ++closed;
      return true;
    }
    bool start_array(std::size_t) override {
      ++opened;
      return true;
    }
    bool end_array() override {
      ++closed;
      return true;
    }
    bool key(string_t&) override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
      return false;
    }
  };
  const std::string open(100000, '[');
  Counter unclosed;
  EXPECT_FALSE(scan_json(open, unclosed));
  EXPECT_EQ(unclosed.opened, 100000u);
  EXPECT_EQ(unclosed.closed, 0u);
  Counter closed;
  EXPECT_TRUE(scan_json(open + std::string(100000, ']'), closed));
  EXPECT_EQ(closed.closed, 100000u);
  Counter mixed;
  std::string objects;
  for (int i = 0; i < 50000; ++i) objects += "{\"k\":[";
  EXPECT_FALSE(scan_json(objects, mixed));
  EXPECT_EQ(mixed.opened, 100000u);
}

}  // namespace
}  // namespace tcs::endpoints
