// Store: read queries over attempts, proofs and metrics. They run on the owner's connection
// under its mutex and see only committed rows (WAL readers never block the writer).
#include "harness/store/store_impl.hpp"

namespace tcs::store {

namespace {

// Problems not linked to the run (allowed: the foreign key is on problems) sort after the
// linked ones instead of first, where SQLite would put their NULL ordinal.
constexpr const char* kSelectAttempts =
    "SELECT a.run_id, a.problem_id, a.attempt_index, a.policy, a.backend, a.mode, a.candidate,"
    " a.verdict, a.message, a.detail_json, a.seconds, a.work, a.logprob, a.prompt_tokens,"
    " a.completion_tokens"
    " FROM attempts a LEFT JOIN run_problems rp"
    "   ON rp.run_id = a.run_id AND rp.problem_id = a.problem_id"
    " WHERE a.run_id = ?1"
    " ORDER BY rp.ordinal IS NULL, rp.ordinal, a.problem_id, a.attempt_index";

constexpr const char* kSelectProofs =
    "SELECT run_id, problem_id, attempt_index, backend, text FROM proofs"
    " WHERE ?1 = 0 OR run_id = ?1 ORDER BY problem_id, attempt_index, run_id";

AttemptRow attempt_from(const sqlite::Query& q) {
  AttemptRow row;
  row.run_id = q.int_at(0);
  row.problem_id = q.text_at(1);
  row.attempt_index = q.int_at(2);
  row.policy = q.text_at(3);
  row.backend = q.text_at(4);
  row.mode = q.text_at(5);
  row.candidate = q.text_at(6);
  // The CHECK constraint admits only names verdict_kind_from_string knows.
  row.verdict = core::verdict_kind_from_string(q.text_at(7)).value_or(core::VerdictKind::error);
  row.message = q.text_at(8);
  row.detail_json = q.text_at(9);
  row.seconds = q.real_at(10);
  row.work = q.int_at(11);
  if (!q.null_at(12)) row.logprob = q.real_at(12);
  row.prompt_tokens = q.int_at(13);
  row.completion_tokens = q.int_at(14);
  return row;
}

}  // namespace

std::set<std::pair<std::string, int64_t>> Store::attempt_keys(int64_t run_id) const {
  std::lock_guard lock(impl_->mu);
  sqlite::Query q =
      impl_->conn.query("SELECT problem_id, attempt_index FROM attempts WHERE run_id = ?1");
  q.bind_int(1, run_id);
  std::set<std::pair<std::string, int64_t>> keys;
  while (q.step()) keys.emplace(q.text_at(0), q.int_at(1));
  die_on_read_error(q.status());
  return keys;
}

std::vector<AttemptRow> Store::attempts(int64_t run_id) const {
  std::lock_guard lock(impl_->mu);
  sqlite::Query q = impl_->conn.query(kSelectAttempts);
  q.bind_int(1, run_id);
  std::vector<AttemptRow> rows;
  while (q.step()) rows.push_back(attempt_from(q));
  die_on_read_error(q.status());
  return rows;
}

int64_t Store::attempt_count(int64_t run_id) const {
  std::lock_guard lock(impl_->mu);
  sqlite::Query q = impl_->conn.query("SELECT count(*) FROM attempts WHERE run_id = ?1");
  q.bind_int(1, run_id);
  const bool got = q.step();
  die_on_read_error(q.status());
  return got ? q.int_at(0) : 0;
}

std::vector<ProofRow> Store::proofs(int64_t run_id) const {
  std::lock_guard lock(impl_->mu);
  sqlite::Query q = impl_->conn.query(kSelectProofs);
  q.bind_int(1, run_id);
  std::vector<ProofRow> rows;
  while (q.step()) {
    rows.push_back({.run_id = q.int_at(0),
                    .problem_id = q.text_at(1),
                    .attempt_index = q.int_at(2),
                    .backend = q.text_at(3),
                    .text = q.text_at(4)});
  }
  die_on_read_error(q.status());
  return rows;
}

std::vector<std::pair<std::string, double>> Store::metrics(int64_t run_id) const {
  std::lock_guard lock(impl_->mu);
  sqlite::Query q =
      impl_->conn.query("SELECT name, value FROM metrics WHERE run_id = ?1 ORDER BY name");
  q.bind_int(1, run_id);
  std::vector<std::pair<std::string, double>> out;
  while (q.step()) out.emplace_back(q.text_at(0), q.real_at(1));
  die_on_read_error(q.status());
  return out;
}

}  // namespace tcs::store
