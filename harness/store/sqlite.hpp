// A thin RAII layer over the SQLite C API: a Connection that owns its prepared statements, and a
// Query that borrows one of them for a single execution.
//
// A Connection is used by one thread at a time (the caller serialises; the store guards the
// owner's connection with a mutex and gives the writer thread its own). Statements are prepared
// once per connection and reused: Connection::query(sql) returns the cached statement for that
// SQL text, and Query's destructor resets it so it never holds a read transaction open.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "harness/core/expected.hpp"

namespace tcs::store::sqlite {

using core::Error;
using core::Expected;
using core::Status;

class Query;

class Connection {
 public:
  // Opens or creates the database file at path and configures it: WAL journal,
  // synchronous=NORMAL, a 10 s busy timeout, foreign keys on. A path that cannot be opened for
  // writing, or a file that is not an SQLite database, is an Error naming the path.
  static Expected<Connection> open(const std::string& path);

  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Runs one or more statements that return no rows (DDL, BEGIN, PRAGMA ... = ...).
  Status exec(const std::string& sql);
  // The cached prepared statement for sql, ready to bind. If preparing fails, the Query is in
  // the failed state: binds are ignored, step() returns false and status() holds the error.
  Query query(std::string_view sql);
  // ROLLBACK if a transaction is open; SQLite may already have rolled back after some errors.
  void rollback_if_open();

  // An io Error "PATH: WHAT: <sqlite's message>" for the last failed call on this connection.
  Error error(std::string_view what) const;

 private:
  Connection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  void close();

  struct FinalizeStmt {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
  };
  using StmtPtr = std::unique_ptr<sqlite3_stmt, FinalizeStmt>;
  // Transparent, so looking up a statement by its SQL text does not allocate a key per call.
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };

  sqlite3* db_ = nullptr;
  std::string path_;
  std::unordered_map<std::string, StmtPtr, SqlHash, std::equal_to<>> cache_;
};

// One execution of a cached statement. Parameters are numbered from 1, columns from 0.
// Text is bound without copying: it must stay alive until the Query is destroyed, which is why
// temporaries are refused at compile time.
class Query {
 public:
  Query(Connection& conn, sqlite3_stmt* stmt, Status prepared);
  Query(Query&& other) noexcept;
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  Query& operator=(Query&&) = delete;
  ~Query();

  Query& bind_int(int index, int64_t value);
  Query& bind_real(int index, double value);
  Query& bind_real(int index, const std::optional<double>& value);  // NULL when empty
  Query& bind_text(int index, std::string_view text);
  Query& bind_text(int index, const char* text) { return bind_text(index, std::string_view(text)); }
  Query& bind_text(int index, std::string&& text) = delete;

  // Advances to the next row: true when a row is ready, false when done or failed.
  bool step();
  // Runs a statement that returns no rows to completion.
  Status run();
  // Ok unless preparing or a step failed.
  const Status& status() const { return status_; }

  int64_t int_at(int column) const { return sqlite3_column_int64(stmt_, column); }
  double real_at(int column) const { return sqlite3_column_double(stmt_, column); }
  bool null_at(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::string text_at(int column) const;

 private:
  void check_bind(int rc);

  Connection* conn_;
  sqlite3_stmt* stmt_;
  Status status_;
};

}  // namespace tcs::store::sqlite
