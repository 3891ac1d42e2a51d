// Opening, schema versions and migrations.
#include <fstream>

#include "harness/store/schema.hpp"
#include "tests/unit/store/fixture.hpp"
#include "tests/unit/store/raw_sqlite.hpp"

namespace tcs::store::testing {
namespace {

using core::ErrorCode;
using ::testing::HasSubstr;

constexpr const char* kCountTables =
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN"
    " ('runs', 'problems', 'run_problems', 'attempts', 'proofs', 'metrics')";

class SchemaTest : public StoreTest {};

TEST_F(SchemaTest, EmptyVersionZeroDatabaseIsMigratedToCurrent) {
  raw_exec(path(), "CREATE TABLE scratch (x); DROP TABLE scratch");  // a real v0 file
  ASSERT_EQ(raw_scalar(path(), "PRAGMA user_version"), "0");
  ASSERT_EQ(raw_scalar(path(), kCountTables), "0");

  auto store = open_store();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), kSchemaVersion);
  EXPECT_EQ(raw_scalar(path(), "PRAGMA user_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(raw_scalar(path(), kCountTables), "6");
  EXPECT_EQ(raw_scalar(path(), "PRAGMA journal_mode"), "wal");
}

TEST_F(SchemaTest, ZeroByteFileIsAnEmptyDatabase) {
  std::ofstream(path()).close();
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), kSchemaVersion);
}

TEST_F(SchemaTest, ReopeningKeepsDataAndVersion) {
  {
    auto store = open_store();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->create_run("suite", "{}", 1, "v1").ok());
  }
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), kSchemaVersion);
  EXPECT_EQ(store->runs().size(), 1u);
}

TEST_F(SchemaTest, DatabaseFromANewerVersionIsRefused) {
  raw_exec(path(), "PRAGMA user_version = 99");
  auto store = Store::open(path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::unsupported);
  EXPECT_THAT(store.error().message, HasSubstr(path()));
  EXPECT_THAT(store.error().message, HasSubstr("99"));
  EXPECT_EQ(raw_scalar(path(), "PRAGMA user_version"), "99");  // left untouched
  EXPECT_EQ(raw_scalar(path(), kCountTables), "0");
}

TEST_F(SchemaTest, MigrationListIsOrderedAndEndsAtCurrentVersion) {
  auto steps = migrations();
  ASSERT_EQ(steps.size(), static_cast<size_t>(kSchemaVersion));
  for (size_t i = 0; i < steps.size(); ++i) EXPECT_EQ(steps[i].version, static_cast<int>(i) + 1);
}

// What adding the next migration will look like: one more entry, applied on top of the
// current version.
TEST_F(SchemaTest, AppendedStepMigratesAnExistingDatabaseForward) {
  { ASSERT_NE(open_store(), nullptr); }
  std::vector<Migration> steps(migrations().begin(), migrations().end());
  steps.push_back({kSchemaVersion + 1, "ALTER TABLE runs ADD COLUMN note TEXT NOT NULL DEFAULT ''"});

  auto conn = sqlite::Connection::open(path());
  ASSERT_TRUE(conn.ok()) << conn.error().message;
  auto version = migrate(*conn, steps);
  ASSERT_TRUE(version.ok()) << version.error().message;
  EXPECT_EQ(*version, kSchemaVersion + 1);
  EXPECT_EQ(
      raw_scalar(path(), "SELECT count(*) FROM pragma_table_info('runs') WHERE name = 'note'"),
      "1");
  // This build does not know that version, so it must now refuse the file.
  auto store = Store::open(path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::unsupported);
}

TEST_F(SchemaTest, FailingStepRollsBackEveryPendingStep) {
  const Migration steps[] = {
      {1, "CREATE TABLE a (x INTEGER)"},
      {2, "CREATE TABLE a (y INTEGER)"},  // already exists: fails
  };
  auto conn = sqlite::Connection::open(path());
  ASSERT_TRUE(conn.ok()) << conn.error().message;
  auto version = migrate(*conn, steps);
  ASSERT_FALSE(version.ok());
  EXPECT_THAT(version.error().message, HasSubstr("migration to version 2"));
  EXPECT_EQ(raw_scalar(path(), "PRAGMA user_version"), "0");
  EXPECT_EQ(raw_scalar(path(), "SELECT count(*) FROM sqlite_master WHERE name = 'a'"), "0");
}

TEST_F(SchemaTest, UnopenablePathIsAnErrorNamingIt) {
  const std::string bad = path("no_such_dir/store.db");
  auto store = Store::open(bad);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::io);
  EXPECT_THAT(store.error().message, HasSubstr(bad));
  EXPECT_THAT(store.error().message, HasSubstr("unable to open"));
}

TEST_F(SchemaTest, FileThatIsNotADatabaseIsAnErrorNamingIt) {
  std::ofstream(path()) << std::string(4096, 'z') << "\nthis is not an SQLite file\n";
  auto store = Store::open(path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::io);
  EXPECT_THAT(store.error().message, HasSubstr(path()));
  EXPECT_THAT(store.error().message, HasSubstr("not a database"));
}

}  // namespace
}  // namespace tcs::store::testing
