// Private to harness/store: the state behind a Store, shared by store.cpp and queries.cpp.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "harness/store/sqlite.hpp"
#include "harness/store/store.hpp"
#include "harness/store/writer.hpp"

namespace tcs::store {

struct Store::Impl {
  explicit Impl(sqlite::Connection c) : conn(std::move(c)) {}

  std::mutex mu;            // guards conn: any thread may read
  sqlite::Connection conn;  // the owner's connection: reads and synchronous writes
  int version = 0;
  std::unique_ptr<Writer> writer;  // its own connection; destroyed (flushed) first
};

// Timestamps are written by SQLite as strftime('%Y-%m-%dT%H:%M:%fZ', 'now'): ISO 8601 UTC with
// milliseconds, e.g. 2024-05-01T12:34:56.789Z, so they sort as text.

// A failed read on an open store means the file vanished, was corrupted or stayed locked past
// the busy timeout; the read API has no error channel, so this ends the process with the
// message (see store.hpp).
void die_on_read_error(const Status& status);

}  // namespace tcs::store
