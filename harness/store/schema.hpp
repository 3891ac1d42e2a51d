// Schema versions and forward migrations, tracked in PRAGMA user_version.
//
// The schema is an ordered list of steps; step N takes a database at version N-1 to version N.
// To change the schema, append one step {N+1, "ALTER TABLE ..."} in schema.cpp and bump
// kSchemaVersion in store.hpp; never edit a step that has shipped.
#pragma once

#include <span>

#include "harness/store/sqlite.hpp"

namespace tcs::store {

struct Migration {
  int version;      // the user_version after this step
  const char* sql;  // one or more statements
};

// The steps of this build, versions 1..kSchemaVersion in order.
std::span<const Migration> migrations();

// Reads PRAGMA user_version.
core::Expected<int> schema_version(sqlite::Connection& conn);

// Brings the database to the last step's version and returns it. All pending steps run in one
// BEGIN IMMEDIATE transaction, so a failed step leaves the database at its old version, and two
// processes opening the same new file do not both migrate. A database at a newer version than
// the last step is an ErrorCode::unsupported error naming both versions.
// Requires: steps ordered by version, each exactly one more than the previous, from 1.
core::Expected<int> migrate(sqlite::Connection& conn, std::span<const Migration> steps);

}  // namespace tcs::store
