#include "harness/store/sqlite.hpp"

#include <chrono>
#include <utility>

namespace tcs::store::sqlite {

namespace {

// Long enough to ride out another process's checkpoint or a concurrent migration, short
// enough that a wedged lock becomes an error a user can read.
constexpr int kBusyTimeoutMs = 10'000;

Error open_error(const std::string& path, std::string_view what, sqlite3* db) {
  std::string message = path + ": " + std::string(what);
  if (db) message += std::string(": ") + sqlite3_errmsg(db);
  return {core::ErrorCode::io, std::move(message)};
}

// The pragmas every connection needs. journal_mode is read back because SQLite silently keeps
// the old mode when it cannot switch (e.g. an in-memory database), and a store that is not WAL
// would block readers during every batch. It is also the first statement that reads the file,
// so a file that is not a database fails here, with SQLite's "file is not a database".
Status configure(Connection& conn) {
  sqlite3_extended_result_codes(conn.handle(), 1);
  sqlite3_busy_timeout(conn.handle(), kBusyTimeoutMs);
  std::string mode;
  {
    Query query = conn.query("PRAGMA journal_mode=WAL");
    if (!query.step()) return query.status().ok() ? conn.error("journal_mode") : query.status();
    mode = query.text_at(0);
  }
  if (mode != "wal")
    return Error{core::ErrorCode::io,
                 conn.path() + ": cannot use a WAL journal (got " + mode + ")"};
  return conn.exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON");
}

}  // namespace

Expected<Connection> Connection::open(const std::string& path) {
  sqlite3* db = nullptr;
  // NOMUTEX: each connection is used by one thread at a time (see the header), so SQLite's own
  // per-call locking would only cost time.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error error = open_error(path, "cannot open database", db);
    sqlite3_close(db);
    return error;
  }
  Connection conn(db, path);
  // SQLite falls back to read-only when the file is write-protected; a store must write.
  if (sqlite3_db_readonly(db, "main") == 1)
    return Error{core::ErrorCode::io, path + ": database is read-only (permission denied)"};
  if (Status s = configure(conn); !s) return s.error();
  return conn;
}

Connection::Connection(Connection&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      cache_(std::move(other.cache_)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    close();
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    cache_ = std::move(other.cache_);
  }
  return *this;
}

Connection::~Connection() { close(); }

void Connection::close() {
  cache_.clear();  // statements must be finalised before the connection closes
  if (db_) sqlite3_close(db_);
  db_ = nullptr;
}

Status Connection::exec(const std::string& sql) {
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
    return error(sql.substr(0, 60));
  return {};
}

Query Connection::query(std::string_view sql) {
  if (auto it = cache_.find(sql); it != cache_.end()) return Query(*this, it->second.get(), {});
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Query(*this, nullptr, error("prepare " + std::string(sql.substr(0, 60))));
  }
  cache_.emplace(std::string(sql), StmtPtr(stmt));
  return Query(*this, stmt, {});
}

void Connection::rollback_if_open() {
  if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

Error Connection::error(std::string_view what) const { return open_error(path_, what, db_); }

Query::Query(Connection& conn, sqlite3_stmt* stmt, Status prepared)
    : conn_(&conn), stmt_(stmt), status_(std::move(prepared)) {}

Query::Query(Query&& other) noexcept
    : conn_(other.conn_), stmt_(std::exchange(other.stmt_, nullptr)), status_(other.status_) {}

Query::~Query() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void Query::check_bind(int rc) {
  if (rc != SQLITE_OK && status_.ok()) status_ = conn_->error("bind");
}

Query& Query::bind_int(int index, int64_t value) {
  if (stmt_) check_bind(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

Query& Query::bind_real(int index, double value) {
  if (stmt_) check_bind(sqlite3_bind_double(stmt_, index, value));
  return *this;
}

Query& Query::bind_real(int index, const std::optional<double>& value) {
  if (!value) {
    if (stmt_) check_bind(sqlite3_bind_null(stmt_, index));
    return *this;
  }
  return bind_real(index, *value);
}

Query& Query::bind_text(int index, std::string_view text) {
  // SQLITE_STATIC: no copy; the header's contract keeps the text alive until the reset.
  if (stmt_)
    check_bind(
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8));
  return *this;
}

bool Query::step() {
  if (!stmt_ || !status_.ok()) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = conn_->error("step");
  return false;
}

Status Query::run() {
  while (step()) {
  }
  return status_;
}

std::string Query::text_at(int column) const {
  auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (!text) return {};
  return std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

}  // namespace tcs::store::sqlite
