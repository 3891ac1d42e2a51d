#include "harness/store/schema.hpp"

#include <string>

#include "harness/core/contract.hpp"
#include "harness/store/store.hpp"

namespace tcs::store {

namespace {

// Version 1. Notes on choices that are not obvious from the SQL:
// - runs.seed is a uint64 stored as its int64 bit pattern (SQLite integers are signed), so
//   seeds >= 2^63 read back negative in a raw sqlite3 shell but round-trip through the store.
// - problems.json is the full serialised problem; the other columns are copies for queries.
// - attempts keep a rowid plus UNIQUE(run, problem, index): rows are ~0.5 KB, too wide for a
//   WITHOUT ROWID table, and the unique index is also what every attempt query scans.
// - Timestamps are ISO 8601 UTC text with milliseconds, so they sort as text.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE runs (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  config_json  TEXT NOT NULL,
  seed         INTEGER NOT NULL,
  git_describe TEXT NOT NULL,
  status       TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  finished_at  TEXT
);

CREATE TABLE problems (
  id               TEXT PRIMARY KEY,
  family           TEXT NOT NULL,
  kind             TEXT NOT NULL,
  difficulty_level TEXT NOT NULL,
  difficulty_score REAL NOT NULL,
  json             TEXT NOT NULL
);
CREATE INDEX problems_by_family ON problems(family, kind);

CREATE TABLE run_problems (
  run_id     INTEGER NOT NULL REFERENCES runs(id),
  problem_id TEXT NOT NULL REFERENCES problems(id),
  ordinal    INTEGER NOT NULL,
  PRIMARY KEY (run_id, problem_id)
) WITHOUT ROWID;
CREATE INDEX run_problems_by_ordinal ON run_problems(run_id, ordinal);

CREATE TABLE attempts (
  id                INTEGER PRIMARY KEY,
  run_id            INTEGER NOT NULL REFERENCES runs(id),
  problem_id        TEXT NOT NULL REFERENCES problems(id),
  attempt_index     INTEGER NOT NULL,
  policy            TEXT NOT NULL,
  backend           TEXT NOT NULL,
  mode              TEXT NOT NULL,
  candidate         TEXT NOT NULL,
  verdict           TEXT NOT NULL
                    CHECK (verdict IN ('verified', 'rejected', 'timeout', 'resource_out', 'error')),
  message           TEXT NOT NULL,
  detail_json       TEXT NOT NULL,
  seconds           REAL NOT NULL,
  work              INTEGER NOT NULL,
  logprob           REAL,
  prompt_tokens     INTEGER NOT NULL,
  completion_tokens INTEGER NOT NULL,
  UNIQUE (run_id, problem_id, attempt_index)
);

CREATE TABLE proofs (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs(id),
  problem_id    TEXT NOT NULL REFERENCES problems(id),
  attempt_index INTEGER NOT NULL,
  backend       TEXT NOT NULL,
  text          TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  UNIQUE (run_id, problem_id, attempt_index)
);
CREATE INDEX proofs_by_problem ON proofs(problem_id, attempt_index);

CREATE TABLE metrics (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  name   TEXT NOT NULL,
  value  REAL NOT NULL,
  PRIMARY KEY (run_id, name)
) WITHOUT ROWID;
)sql";

// Version 2: search graphs (issue 7). One row per node and per edge of one pass of a tree
// search on one problem, written when the pass ends (so visit counts are final).
// - Rowid tables with a unique key, like attempts: goal texts make rows too wide for WITHOUT
//   ROWID, and INSERT OR IGNORE on the key keeps a resumed run from duplicating a graph.
// - edges.children_json is a JSON array of node ids of the same (run, problem, pass): a
//   hyperedge has any number of children, and nothing queries one child on its own.
// - edges.verdict is ProofEnv::apply's verdict (failed edges are training data too).
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE nodes (
  id         INTEGER PRIMARY KEY,
  run_id     INTEGER NOT NULL REFERENCES runs(id),
  problem_id TEXT NOT NULL REFERENCES problems(id),
  pass       INTEGER NOT NULL,
  node_id    INTEGER NOT NULL,
  goal_key   TEXT NOT NULL,
  goal_text  TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('open', 'expanded', 'solved', 'dead')),
  score      REAL NOT NULL,
  visits     INTEGER NOT NULL,
  depth      INTEGER NOT NULL,
  UNIQUE (run_id, problem_id, pass, node_id)
);

CREATE TABLE edges (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs(id),
  problem_id    TEXT NOT NULL REFERENCES problems(id),
  pass          INTEGER NOT NULL,
  edge_id       INTEGER NOT NULL,
  parent_id     INTEGER NOT NULL,
  tactic        TEXT NOT NULL,
  logprob       REAL,
  verdict       TEXT NOT NULL
                CHECK (verdict IN ('verified', 'rejected', 'timeout', 'resource_out', 'error')),
  message       TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('applied', 'failed', 'killed', 'dead')),
  children_json TEXT NOT NULL,
  visits        INTEGER NOT NULL,
  value         REAL NOT NULL,
  UNIQUE (run_id, problem_id, pass, edge_id)
);
)sql";

constexpr Migration kMigrations[] = {
    {1, kSchemaV1},
    {2, kSchemaV2},
};
static_assert(std::size(kMigrations) == kSchemaVersion &&
                  kMigrations[std::size(kMigrations) - 1].version == kSchemaVersion,
              "append a migration step when bumping kSchemaVersion");

core::Error too_new(const sqlite::Connection& conn, int found, int supported) {
  return {core::ErrorCode::unsupported,
          conn.path() + ": database schema version " + std::to_string(found) +
              " is newer than this tcsprove supports (" + std::to_string(supported) +
              "); open it with a newer tcsprove"};
}

// Runs the steps above `from` inside the caller's transaction.
Status apply_steps(sqlite::Connection& conn, std::span<const Migration> steps, int from) {
  for (const Migration& step : steps) {
    if (step.version <= from) continue;
    if (Status s = conn.exec(step.sql); !s)
      return s.error().with_context("migration to version " + std::to_string(step.version));
    // PRAGMA arguments cannot be bound; the version is our own integer.
    if (Status s = conn.exec("PRAGMA user_version = " + std::to_string(step.version)); !s) return s;
  }
  return {};
}

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

core::Expected<int> schema_version(sqlite::Connection& conn) {
  sqlite::Query query = conn.query("PRAGMA user_version");
  if (!query.step())
    return query.status().ok() ? conn.error("user_version") : query.status().error();
  return static_cast<int>(query.int_at(0));
}

core::Expected<int> migrate(sqlite::Connection& conn, std::span<const Migration> steps) {
  for (size_t i = 0; i < steps.size(); ++i)
    TCS_REQUIRE(steps[i].version == static_cast<int>(i) + 1,
                "migration versions must be 1, 2, ...");
  const int target = static_cast<int>(steps.size());

  // Read first without a write lock: the common case (already current) must not contend with
  // a writer in another process.
  core::Expected<int> found = schema_version(conn);
  if (!found) return found;
  if (*found > target) return too_new(conn, *found, target);
  if (*found == target) return target;

  if (Status s = conn.exec("BEGIN IMMEDIATE"); !s) return s.error();
  // Another process may have migrated between our read and our lock.
  found = schema_version(conn);
  Status status = found ? Status() : found.status();
  if (status && *found > target) status = too_new(conn, *found, target);
  if (status) status = apply_steps(conn, steps, *found);
  if (status) status = conn.exec("COMMIT");
  if (!status) {
    conn.rollback_if_open();
    return status.error();
  }
  return target;
}

}  // namespace tcs::store
