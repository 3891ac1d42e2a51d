#include "harness/endpoints/cache.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "harness/core/hash.hpp"

namespace tcs::endpoints {

namespace {

const char* kSchema =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "CREATE TABLE IF NOT EXISTS llm_cache ("
    "  key TEXT PRIMARY KEY, protocol TEXT NOT NULL, base_url TEXT NOT NULL,"
    "  model TEXT NOT NULL, request TEXT NOT NULL, response TEXT NOT NULL,"
    "  created REAL NOT NULL DEFAULT (julianday('now')));";

struct Statement {
  sqlite3_stmt* stmt = nullptr;
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr); }
  ~Statement() { sqlite3_finalize(stmt); }
  void bind(int i, std::string_view text) {
    sqlite3_bind_text(stmt, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  std::string column(int i) {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt, i))) : std::string();
  }
};

}  // namespace

core::Expected<std::unique_ptr<ResponseCache>> ResponseCache::open(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    const std::filesystem::path folder = std::filesystem::absolute(path).parent_path();
    if (::access(folder.c_str(), W_OK) != 0)
      return core::Error{core::ErrorCode::io, path + ": cannot open the response cache: " +
                                                  folder.string() + " is not a writable folder"};
    return std::unique_ptr<ResponseCache>(new ResponseCache(nullptr, path));
  }
  auto db = connect(path);
  if (!db) return db.error();
  return std::unique_ptr<ResponseCache>(new ResponseCache(*db, path));
}

core::Expected<sqlite3*> ResponseCache::connect(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_busy_timeout(db, 10000);
    rc = sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr);
  }
  if (rc != SQLITE_OK) {
    std::string message = path + ": cannot open the response cache: " +
                          (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return core::Error{core::ErrorCode::io, message};
  }
  return db;
}

ResponseCache::~ResponseCache() { sqlite3_close(db_); }

std::string ResponseCache::key(std::string_view protocol, std::string_view base_url,
                               std::string_view model, std::string_view request_body) {
  // Two independent 64-bit FNV-1a streams; `get` compares the stored request anyway.
  uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
  for (std::string_view part : {protocol, base_url, model, request_body}) {
    a = core::fnv1a64(part, a) * 31 + part.size();
    b = core::fnv1a64(part, core::mix64(b)) + part.size();
  }
  return core::hex64(a) + core::hex64(b);
}

std::optional<std::string> ResponseCache::get(const std::string& key,
                                              std::string_view request_body) {
  std::lock_guard lock(mutex_);
  if (!db_) return std::nullopt;
  Statement s(db_, "SELECT request, response FROM llm_cache WHERE key = ?1");
  s.bind(1, key);
  if (sqlite3_step(s.stmt) != SQLITE_ROW || s.column(0) != request_body) return std::nullopt;
  return s.column(1);
}

core::Status ResponseCache::put(const std::string& key, std::string_view protocol,
                                std::string_view base_url, std::string_view model,
                                std::string_view request_body, std::string_view response_body) {
  std::lock_guard lock(mutex_);
  if (!db_) {
    auto db = connect(path_);
    if (!db) return db.error();
    db_ = *db;
  }
  Statement s(db_,
              "INSERT OR REPLACE INTO llm_cache (key, protocol, base_url, model, request, response)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  s.bind(1, key);
  s.bind(2, protocol);
  s.bind(3, base_url);
  s.bind(4, model);
  s.bind(5, request_body);
  s.bind(6, response_body);
  if (sqlite3_step(s.stmt) != SQLITE_DONE)
    return core::Error{core::ErrorCode::io, path_ + ": cannot write the response cache: " +
                                                sqlite3_errmsg(db_)};
  return {};
}

int64_t ResponseCache::size() {
  std::lock_guard lock(mutex_);
  if (!db_) return 0;
  Statement s(db_, "SELECT COUNT(*) FROM llm_cache");
  return sqlite3_step(s.stmt) == SQLITE_ROW ? sqlite3_column_int64(s.stmt, 0) : 0;
}

}  // namespace tcs::endpoints
