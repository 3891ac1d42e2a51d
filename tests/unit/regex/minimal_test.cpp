// The minimal-regex table: complete against a naive enumeration of every regex, exact
// minimisation, and the cache file (round trip, corruption refused).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "generators/regex/automaton.hpp"
#include "generators/regex/minimal_search.hpp"

namespace tcs::regex {
namespace {

// Every regex of each size up to max (no pruning at all).
std::vector<std::vector<Regex>> all_regexes(int k, int max) {
  std::vector<std::vector<Regex>> by_size(max + 1);
  for (int x = 0; x < k; ++x) by_size[1].push_back(letter(x));
  for (int s = 2; s <= max; ++s) {
    for (const Regex& r : by_size[s - 1])
      for (Op op : {Op::star, Op::option}) by_size[s].push_back(unary(op, r));
    for (int s1 = 1; s1 + 1 < s; ++s1)
      for (const Regex& a : by_size[s1])
        for (const Regex& b : by_size[s - 1 - s1])
          for (Op op : {Op::concat, Op::choice}) by_size[s].push_back(binary(op, a, b));
  }
  return by_size;
}

void expect_complete(const std::string& letters, int max) {
  const Alphabet alphabet = *make_alphabet(letters);
  const auto by_size = all_regexes(alphabet.size(), max);
  std::map<std::string, int> minimal;  // key -> smallest size seen
  for (int s = 1; s <= max; ++s)
    for (const Regex& r : by_size[s]) minimal.emplace(*language_key(r, alphabet.size()), s);
  auto table = build_table(alphabet, max);
  ASSERT_TRUE(table.ok());
  EXPECT_EQ((*table)->languages(), static_cast<int64_t>(minimal.size()));
  for (const auto& [key, size] : minimal) {
    auto rep = (*table)->find(key);
    ASSERT_TRUE(rep.has_value()) << "a language of minimal size " << size << " is missing";
    EXPECT_EQ(rep->size(), size);
    EXPECT_EQ(*language_key(*rep, alphabet.size()), key);
  }
}

TEST(MinimalTable, CompleteAgainstNaiveEnumerationTwoLetters) { expect_complete("ab", 7); }
TEST(MinimalTable, CompleteAgainstNaiveEnumerationFourLetters) { expect_complete("abcd", 5); }

TEST(MinimalTable, LevelCountsOverFourLetters) {
  std::vector<LevelStats> stats;
  auto table = build_table(Alphabet{}, 6, {}, &stats);
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(stats.size(), 6u);
  // Sizes 1 and 2: the letters, then x* and x?; size 3 adds 6 unions and 16 concatenations.
  EXPECT_EQ(stats[0].languages, 4);
  EXPECT_EQ(stats[1].languages, 8);
  EXPECT_EQ(stats[2].languages, 22);
  EXPECT_EQ((*table)->complete_size(), 6);
}

TEST(Minimize, FindsKnownMinimalForms) {
  auto table = build_table(Alphabet{}, 7);
  ASSERT_TRUE(table.ok());
  const Alphabet a;
  auto min_of = [&](const char* text) { return *minimize_regex(*parse(text, a), **table); };
  EXPECT_EQ(print(min_of("a*(ba*)*").minimal, a), "(a+b)*");
  EXPECT_EQ(min_of("a*(ba*)*").size, 4);
  EXPECT_TRUE(min_of("a*(ba*)*").exact);
  EXPECT_EQ(min_of("(a*b*)*c").size, 6);
  EXPECT_EQ(min_of("a**?").size, 2);
  const auto same = min_of("(a+d)c*b*");  // size 9 > 7 + 1 and not in the table: only a bound
  EXPECT_FALSE(same.exact);
  EXPECT_EQ(same.lower_bound, 8);
  EXPECT_EQ(same.size, 9);
  const auto shrunk = min_of("(a*b*)*(c+d)(a+b)*");  // not in the table, but (a*b*)* is
  EXPECT_FALSE(shrunk.exact);
  EXPECT_EQ(print(shrunk.minimal, a), "(a+b)*(c+d)(a+b)*");
  EXPECT_EQ(shrunk.size, 13);
  const auto at_edge = min_of("(a+d)c*b");  // size 8 = complete + 1 and not found: minimal
  EXPECT_TRUE(at_edge.exact);
  EXPECT_EQ(at_edge.size, 8);
}

class CacheFile : public ::testing::Test {
 protected:
  std::string dir = (std::filesystem::temp_directory_path() / ("tcs_rx_cache_" + std::to_string(getpid()))).string();
  void TearDown() override { std::filesystem::remove_all(dir); }
};

TEST_F(CacheFile, RoundTripsAndIsReused) {
  auto built = build_table(Alphabet{}, 6);
  ASSERT_TRUE(built.ok());
  const std::string path = cache_file(dir, Alphabet{}, 6);
  ASSERT_TRUE(save_table(**built, path).ok());
  auto loaded = load_table(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ((*loaded)->languages(), (*built)->languages());
  EXPECT_EQ((*loaded)->complete_size(), 6);
  for (const char* text : {"a*(ba*)*", "(ab+c)*", "a?b?c?", "d"}) {
    const Regex r = *parse(text, Alphabet{});
    auto x = minimize_regex(r, **built), y = minimize_regex(r, **loaded);
    EXPECT_EQ(x->minimal, y->minimal) << text;
  }
  bool fresh = true;
  auto reused = open_table(Alphabet{}, 5, dir, {}, &fresh);  // a larger cached table serves
  ASSERT_TRUE(reused.ok());
  EXPECT_FALSE(fresh);
  EXPECT_EQ((*reused)->complete_size(), 6);
}

TEST_F(CacheFile, CorruptOrForeignFilesAreRefused) {
  auto built = build_table(Alphabet{}, 4);
  const std::string path = cache_file(dir, Alphabet{}, 4);
  ASSERT_TRUE(save_table(**built, path).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto write = [&](const std::string& b) { std::ofstream(path, std::ios::binary) << b; };
  auto flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x5a;
  write(flipped);
  EXPECT_NE(load_table(path).error().message.find("checksum"), std::string::npos);
  write(bytes.substr(0, bytes.size() - 3));
  EXPECT_NE(load_table(path).error().message.find("truncated"), std::string::npos);
  auto other = bytes;
  other[8] = 99;  // the format version
  write(other);
  EXPECT_NE(load_table(path).error().message.find("version"), std::string::npos);
  write("not a table");
  EXPECT_FALSE(load_table(path).ok());
  EXPECT_FALSE(load_table(dir + "/missing.bin").ok());
}

}  // namespace
}  // namespace tcs::regex

namespace tcs::regex {
namespace {

TEST(CapTable, AnswersAsATableBuiltToTheCap) {
  auto seven = build_table(Alphabet{}, 7), eight = build_table(Alphabet{}, 8);
  ASSERT_TRUE(seven.ok() && eight.ok());
  const auto capped = cap_table(**eight, 7);
  EXPECT_EQ(capped->complete_size(), 7);
  for (const char* text : {"a*(ba*)*", "(a+d)c*b", "(a+d)c*b*", "(a*b*)*(c+d)(a+b)*", "ab+ac+ad", "(abc)*d"}) {
    const Regex r = *parse(text, Alphabet{});
    auto x = minimize_regex(r, **seven), y = minimize_regex(r, *capped);
    ASSERT_TRUE(x.ok() && y.ok());
    EXPECT_EQ(x->minimal, y->minimal) << text;
    EXPECT_EQ(x->exact, y->exact) << text;
    EXPECT_EQ(x->lower_bound, y->lower_bound) << text;
  }
}

}  // namespace
}  // namespace tcs::regex
