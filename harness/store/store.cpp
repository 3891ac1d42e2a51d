// Store: opening, runs, problems and the asynchronous write path. Queries over attempts,
// proofs and metrics are in queries.cpp.
#include "harness/store/store.hpp"

#include <cstdio>
#include <cstdlib>

#include "harness/store/schema.hpp"
#include "harness/store/store_impl.hpp"

namespace tcs::store {

namespace {

constexpr const char* kSelectRun =
    "SELECT id, name, config_json, seed, git_describe, status, created_at,"
    " coalesce(finished_at, '') FROM runs WHERE id = ?1";
constexpr const char* kSelectRuns =
    "SELECT id, name, config_json, seed, git_describe, status, created_at,"
    " coalesce(finished_at, '') FROM runs ORDER BY id";

RunInfo run_from(const sqlite::Query& q) {
  RunInfo run;
  run.id = q.int_at(0);
  run.name = q.text_at(1);
  run.config_json = q.text_at(2);
  run.seed = static_cast<uint64_t>(q.int_at(3));  // the bit pattern stored by create_run
  run.git_describe = q.text_at(4);
  run.status = q.text_at(5);
  run.created_at = q.text_at(6);
  run.finished_at = q.text_at(7);
  return run;
}

core::Error run_not_found(const sqlite::Connection& conn, int64_t run_id) {
  return {core::ErrorCode::not_found, conn.path() + ": no run with id " + std::to_string(run_id)};
}

// Ok when the run exists, not_found when it does not, io when SQLite fails.
Status check_run(sqlite::Connection& conn, int64_t run_id) {
  sqlite::Query q = conn.query("SELECT 1 FROM runs WHERE id = ?1");
  q.bind_int(1, run_id);
  if (q.step()) return {};
  if (!q.status()) return q.status();
  return run_not_found(conn, run_id);
}

// The position after the run's last linked problem.
Expected<int64_t> next_ordinal(sqlite::Connection& conn, int64_t run_id) {
  sqlite::Query q =
      conn.query("SELECT coalesce(max(ordinal) + 1, 0) FROM run_problems WHERE run_id = ?1");
  q.bind_int(1, run_id);
  if (q.step()) return q.int_at(0);
  return q.status().ok() ? conn.error("next ordinal") : q.status().error();
}

// Stores the problem unless a problem with its id is stored (ids are content-derived), and
// links it to the run unless it is linked already, so adding the same list again (a resumed
// run) changes nothing.
Status insert_problem(sqlite::Connection& conn, int64_t run_id, const core::Problem& p,
                      int64_t ordinal) {
  const std::string json = core::to_json(p).dump();
  Status s = conn.query(
                     "INSERT OR IGNORE INTO problems (id, family, kind, difficulty_level,"
                     " difficulty_score, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                 .bind_text(1, p.id)
                 .bind_text(2, p.family)
                 .bind_text(3, p.kind)
                 .bind_text(4, p.difficulty.level)
                 .bind_real(5, p.difficulty.score)
                 .bind_text(6, json)
                 .run();
  if (!s) return s;
  return conn
      .query(
          "INSERT OR IGNORE INTO run_problems (run_id, problem_id, ordinal)"
          " VALUES (?1, ?2, ?3)")
      .bind_int(1, run_id)
      .bind_text(2, p.id)
      .bind_int(3, ordinal)
      .run();
}

Status insert_problems(sqlite::Connection& conn, int64_t run_id,
                       const std::vector<core::Problem>& problems) {
  Expected<int64_t> base = next_ordinal(conn, run_id);
  if (!base) return base.status();
  for (size_t i = 0; i < problems.size(); ++i) {
    Status s = insert_problem(conn, run_id, problems[i], *base + static_cast<int64_t>(i));
    if (!s) return s;
  }
  return {};
}

}  // namespace

void die_on_read_error(const Status& status) {
  if (status) return;
  std::fprintf(stderr, "tcsprove: store read failed: %s\n", status.error().message.c_str());
  std::abort();
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;  // the writer member commits its queue and joins first

Expected<std::unique_ptr<Store>> Store::open(const std::string& path) {
  Expected<sqlite::Connection> conn = sqlite::Connection::open(path);
  if (!conn) return conn.error();
  auto impl = std::make_unique<Impl>(std::move(*conn));
  Expected<int> version = migrate(impl->conn, migrations());
  if (!version) return version.error();
  impl->version = *version;
  // The writer opens its connection after migrating, so it always sees the current schema.
  Expected<std::unique_ptr<Writer>> writer = Writer::start(path);
  if (!writer) return writer.error();
  impl->writer = std::move(*writer);
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

int Store::schema_version() const { return impl_->version; }

Expected<int64_t> Store::create_run(const std::string& name, const std::string& config_json,
                                    uint64_t seed, const std::string& git_describe) {
  std::lock_guard lock(impl_->mu);
  sqlite::Connection& conn = impl_->conn;
  Status s = conn.query(
                     "INSERT INTO runs (name, config_json, seed, git_describe, status,"
                     " created_at) VALUES (?1, ?2, ?3, ?4, 'running',"
                     " strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
                 .bind_text(1, name)
                 .bind_text(2, config_json)
                 .bind_int(3, static_cast<int64_t>(seed))  // bit pattern: see schema.cpp
                 .bind_text(4, git_describe)
                 .run();
  if (!s) return s.error();
  return static_cast<int64_t>(sqlite3_last_insert_rowid(conn.handle()));
}

Expected<RunInfo> Store::run(int64_t run_id) const {
  std::lock_guard lock(impl_->mu);
  sqlite::Query q = impl_->conn.query(kSelectRun);
  q.bind_int(1, run_id);
  if (q.step()) return run_from(q);
  if (!q.status()) return q.status().error();
  return run_not_found(impl_->conn, run_id);
}

std::vector<RunInfo> Store::runs() const {
  std::lock_guard lock(impl_->mu);
  sqlite::Query q = impl_->conn.query(kSelectRuns);
  std::vector<RunInfo> out;
  while (q.step()) out.push_back(run_from(q));
  die_on_read_error(q.status());
  return out;
}

Status Store::finish_run(int64_t run_id, const std::string& status) {
  std::lock_guard lock(impl_->mu);
  sqlite::Connection& conn = impl_->conn;
  Status s = conn.query(
                     "UPDATE runs SET status = ?1,"
                     " finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?2")
                 .bind_text(1, status)
                 .bind_int(2, run_id)
                 .run();
  if (!s) return s;
  if (sqlite3_changes(conn.handle()) == 0) return run_not_found(conn, run_id);
  return {};
}

Status Store::add_problems(int64_t run_id, const std::vector<core::Problem>& problems) {
  std::lock_guard lock(impl_->mu);
  sqlite::Connection& conn = impl_->conn;
  if (Status s = check_run(conn, run_id); !s) return s;
  if (Status s = conn.query("BEGIN IMMEDIATE").run(); !s) return s;
  Status s = insert_problems(conn, run_id, problems);
  if (s) s = conn.query("COMMIT").run();
  if (!s) conn.rollback_if_open();
  return s;
}

Expected<std::vector<core::Problem>> Store::run_problems(int64_t run_id) const {
  std::lock_guard lock(impl_->mu);
  sqlite::Connection& conn = impl_->conn;
  if (Status s = check_run(conn, run_id); !s) return s.error();
  sqlite::Query q = conn.query(
      "SELECT p.id, p.json FROM run_problems rp JOIN problems p ON p.id = rp.problem_id"
      " WHERE rp.run_id = ?1 ORDER BY rp.ordinal");
  q.bind_int(1, run_id);
  std::vector<core::Problem> out;
  while (q.step()) {
    // Stored JSON was written by to_json, so a parse failure means the file was edited by hand
    // or by a different program: report which problem, not abort.
    const std::string where = conn.path() + ": problem " + q.text_at(0);
    core::Json json = core::Json::parse(q.text_at(1), nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) return core::bad_input(where + ": stored JSON does not parse");
    Expected<core::Problem> problem = core::problem_from_json(json);
    if (!problem) return problem.error().with_context(where);
    out.push_back(std::move(*problem));
  }
  if (!q.status()) return q.status().error();
  return out;
}

void Store::enqueue_attempt(AttemptRow row) { impl_->writer->push(std::move(row)); }
void Store::enqueue_proof(ProofRow row) { impl_->writer->push(std::move(row)); }
void Store::enqueue_node(NodeRow row) { impl_->writer->push(std::move(row)); }
void Store::enqueue_edge(EdgeRow row) { impl_->writer->push(std::move(row)); }
Status Store::flush() { return impl_->writer->flush(); }

Status Store::put_metric(int64_t run_id, const std::string& name, double value) {
  std::lock_guard lock(impl_->mu);
  sqlite::Connection& conn = impl_->conn;
  if (Status s = check_run(conn, run_id); !s) return s;
  return conn
      .query(
          "INSERT INTO metrics (run_id, name, value) VALUES (?1, ?2, ?3)"
          " ON CONFLICT (run_id, name) DO UPDATE SET value = excluded.value")
      .bind_int(1, run_id)
      .bind_text(2, name)
      .bind_real(3, value)
      .run();
}

}  // namespace tcs::store
