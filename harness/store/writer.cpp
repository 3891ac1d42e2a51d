#include "harness/store/writer.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

namespace tcs::store {

namespace {

// OR IGNORE is what makes resuming safe: an attempt re-run after a crash hits the unique key
// and leaves the first copy in place.
constexpr const char* kInsertAttempt =
    "INSERT OR IGNORE INTO attempts (run_id, problem_id, attempt_index, policy, backend, mode,"
    " candidate, verdict, message, detail_json, seconds, work, logprob, prompt_tokens,"
    " completion_tokens) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";

constexpr const char* kInsertProof =
    "INSERT OR IGNORE INTO proofs (run_id, problem_id, attempt_index, backend, text, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

Status insert_attempt(sqlite::Connection& conn, const AttemptRow& row) {
  return conn.query(kInsertAttempt)
      .bind_int(1, row.run_id)
      .bind_text(2, row.problem_id)
      .bind_int(3, row.attempt_index)
      .bind_text(4, row.policy)
      .bind_text(5, row.backend)
      .bind_text(6, row.mode)
      .bind_text(7, row.candidate)
      .bind_text(8, core::to_string(row.verdict))
      .bind_text(9, row.message)
      .bind_text(10, row.detail_json)
      .bind_real(11, row.seconds)
      .bind_int(12, row.work)
      .bind_real(13, row.logprob)
      .bind_int(14, row.prompt_tokens)
      .bind_int(15, row.completion_tokens)
      .run();
}

Status insert_proof(sqlite::Connection& conn, const ProofRow& row) {
  return conn.query(kInsertProof)
      .bind_int(1, row.run_id)
      .bind_text(2, row.problem_id)
      .bind_int(3, row.attempt_index)
      .bind_text(4, row.backend)
      .bind_text(5, row.text)
      .run();
}

constexpr const char* kInsertNode =
    "INSERT OR IGNORE INTO nodes (run_id, problem_id, pass, node_id, goal_key, goal_text, status,"
    " score, visits, depth) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

constexpr const char* kInsertEdge =
    "INSERT OR IGNORE INTO edges (run_id, problem_id, pass, edge_id, parent_id, tactic, logprob,"
    " verdict, message, status, children_json, visits, value)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

Status insert_node(sqlite::Connection& conn, const NodeRow& row) {
  return conn.query(kInsertNode)
      .bind_int(1, row.run_id)
      .bind_text(2, row.problem_id)
      .bind_int(3, row.pass)
      .bind_int(4, row.node_id)
      .bind_text(5, row.goal_key)
      .bind_text(6, row.goal_text)
      .bind_text(7, row.status)
      .bind_real(8, row.score)
      .bind_int(9, row.visits)
      .bind_int(10, row.depth)
      .run();
}

Status insert_edge(sqlite::Connection& conn, const EdgeRow& row) {
  const std::string children = nlohmann::json(row.children).dump();
  return conn.query(kInsertEdge)
      .bind_int(1, row.run_id)
      .bind_text(2, row.problem_id)
      .bind_int(3, row.pass)
      .bind_int(4, row.edge_id)
      .bind_int(5, row.parent_id)
      .bind_text(6, row.tactic)
      .bind_real(7, row.logprob)
      .bind_text(8, core::to_string(row.verdict))
      .bind_text(9, row.message)
      .bind_text(10, row.status)
      .bind_text(11, children)
      .bind_int(12, row.visits)
      .bind_real(13, row.value)
      .run();
}

}  // namespace

Expected<std::unique_ptr<Writer>> Writer::start(const std::string& path) {
  Expected<sqlite::Connection> conn = sqlite::Connection::open(path);
  if (!conn) return conn.error();
  std::unique_ptr<Writer> writer(new Writer(std::move(*conn)));
  writer->thread_ = std::thread([w = writer.get()] { w->loop(); });
  return writer;
}

Writer::Writer(sqlite::Connection conn) : conn_(std::move(conn)) {}

Writer::~Writer() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  work_.notify_one();
  // The loop drains the queue before it honours stop_, so nothing pushed is dropped.
  if (thread_.joinable()) thread_.join();
}

void Writer::push(Row row) {
  {
    std::unique_lock lock(mu_);
    progress_.wait(lock, [&] { return queue_.size() < kMaxQueued; });
    queue_.push_back(std::move(row));
    ++pushed_;
  }
  work_.notify_one();
}

Status Writer::flush() {
  std::unique_lock lock(mu_);
  const uint64_t target = pushed_;
  progress_.wait(lock, [&] { return committed_ >= target; });
  if (!error_) return {};
  core::Error error = std::move(*error_);
  error_.reset();
  return error;
}

void Writer::loop() {
  std::vector<Row> batch;
  batch.reserve(kMaxBatch);
  std::unique_lock lock(mu_);
  for (;;) {
    work_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stop_ and drained
    take_batch(batch);
    lock.unlock();
    progress_.notify_all();  // room for blocked producers
    // No batching delay: while one batch commits, the next one accumulates, so batches grow
    // by themselves exactly when the producers are faster than the disk.
    Status status = commit(batch);
    const size_t done = batch.size();
    batch.clear();
    lock.lock();
    if (!status && !error_) error_ = status.error();
    committed_ += done;
    progress_.notify_all();
  }
}

void Writer::take_batch(std::vector<Row>& batch) {
  const size_t n = std::min(queue_.size(), kMaxBatch);
  auto end = queue_.begin() + static_cast<std::ptrdiff_t>(n);
  batch.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(end));
  queue_.erase(queue_.begin(), end);
}

// One transaction per batch: a row that fails (unknown run or problem, disk full) rolls back
// the whole batch, so the database never holds part of what a producer considered one step.
Status Writer::commit(std::vector<Row>& batch) {
  Status status = conn_.query("BEGIN IMMEDIATE").run();
  for (size_t i = 0; status && i < batch.size(); ++i) status = insert(batch[i]);
  if (status) status = conn_.query("COMMIT").run();
  if (status) return {};
  conn_.rollback_if_open();
  return status.error().with_context("writing a batch of " + std::to_string(batch.size()) +
                                     " rows (rolled back)");
}

Status Writer::insert(const Row& row) {
  if (const auto* attempt = std::get_if<AttemptRow>(&row)) return insert_attempt(conn_, *attempt);
  if (const auto* node = std::get_if<NodeRow>(&row)) return insert_node(conn_, *node);
  if (const auto* edge = std::get_if<EdgeRow>(&row)) return insert_edge(conn_, *edge);
  return insert_proof(conn_, std::get<ProofRow>(row));
}

}  // namespace tcs::store
