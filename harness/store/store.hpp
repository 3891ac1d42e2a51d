// Store: one SQLite database (WAL) holding runs, problems, attempts, proofs, search graphs
// (nodes, edges) and metrics.
//
// Reads and synchronous writes go through one connection guarded by a mutex (any thread may
// call them); attempts and proofs are written by one writer thread on its own connection in
// batched transactions (BEGIN IMMEDIATE), so producers do not wait for disk.
// Legal calls: open() -> any; enqueue_*() from any thread; flush() waits until everything
// enqueued so far is committed. The destructor flushes and stops the writer.
//
// Resumability: attempts are unique on (run_id, problem_id, attempt_index) and inserted with
// INSERT OR IGNORE, so re-running an attempt after a crash can never duplicate it.
//
// Crash safety: a killed process loses at most the batches not yet committed; the database
// stays consistent (WAL, one transaction per batch).
// Integrity: foreign keys are on. An attempt or proof whose run or problem is not stored makes
// its whole batch fail (flush() reports it); add_problems() before enqueueing attempts.
// Errors: open/create/finish/add/put return SQLite failures as ErrorCode::io values naming the
// file. The read queries that return plain containers have no error channel: an SQLite failure
// there (file deleted or corrupted under us, lock held past the 10 s busy timeout) prints the
// message and aborts.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "harness/core/expected.hpp"
#include "harness/core/problem.hpp"
#include "harness/core/verdict.hpp"

namespace tcs::store {

using core::Expected;
using core::Status;

inline constexpr int kSchemaVersion = 2;

struct RunInfo {
  int64_t id = 0;
  std::string name;          // suite name or "adhoc"
  std::string config_json;   // the full config snapshot (suite, flags, policy, limits)
  uint64_t seed = 0;
  std::string git_describe;  // tcsprove's version that ran it
  std::string status;        // "running", "finished", "failed"
  std::string created_at;    // ISO 8601 UTC
  std::string finished_at;   // empty while running
};

// One checked candidate.
struct AttemptRow {
  int64_t run_id = 0;
  std::string problem_id;
  int64_t attempt_index = 0;  // sample index within the problem, from 0
  std::string policy;         // "builtin:noise=0.1", an endpoint name
  std::string backend;        // "native", "z3", ...
  std::string mode;           // "whole", "step", "answer"
  std::string candidate;      // the text as the policy produced it (capped by Limits)
  core::VerdictKind verdict = core::VerdictKind::error;
  std::string message;
  std::string detail_json;    // Verdict::detail serialised; "" when empty
  double seconds = 0.0;       // wall time of the check
  int64_t work = 0;           // deterministic cost of the check
  std::optional<double> logprob;
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
};

// A proof (or exact answer) that was re-checked from scratch before it was stored.
struct ProofRow {
  int64_t run_id = 0;
  std::string problem_id;
  int64_t attempt_index = 0;
  std::string backend;
  std::string text;
};

// One node of a search graph (a goal, or a proof state for best-first) on one pass.
struct NodeRow {
  int64_t run_id = 0;
  std::string problem_id;
  int64_t pass = 0;
  int64_t node_id = 0;       // dense within (run, problem, pass); 0 = the root
  std::string goal_key;
  std::string goal_text;
  std::string status;        // "open", "expanded", "solved", "dead"
  double score = 0.0;        // best-first priority or hypertree mean value
  int64_t visits = 0;
  int64_t depth = 0;
};

// One tactic tried on a node: applied (children = node ids), failed (the env's verdict),
// killed (a cycle) or dead (a child is unprovable).
struct EdgeRow {
  int64_t run_id = 0;
  std::string problem_id;
  int64_t pass = 0;
  int64_t edge_id = 0;
  int64_t parent_id = 0;
  std::string tactic;
  std::optional<double> logprob;
  core::VerdictKind verdict = core::VerdictKind::verified;
  std::string message;
  std::string status;        // "applied", "failed", "killed", "dead"
  std::vector<int64_t> children;
  int64_t visits = 0;
  double value = 0.0;
};

class Store {
 public:
  // Opens or creates the database at path, enables WAL, applies forward migrations up to
  // kSchemaVersion. A database from a newer tcsprove (higher version) is an
  // ErrorCode::unsupported error; an unopenable path or a file that is not an SQLite database
  // is an ErrorCode::io error with the path and SQLite's message. path must name a file
  // (":memory:" cannot be shared by the reader and the writer connections).
  static Expected<std::unique_ptr<Store>> open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  int schema_version() const;

  // Runs.
  Expected<int64_t> create_run(const std::string& name, const std::string& config_json,
                               uint64_t seed, const std::string& git_describe);
  Expected<RunInfo> run(int64_t run_id) const;  // not_found for an unknown id
  std::vector<RunInfo> runs() const;
  Status finish_run(int64_t run_id, const std::string& status);  // sets status + finished_at

  // Problems: stored once by id (INSERT OR IGNORE) and linked to the run in order.
  // All-or-nothing: one transaction.
  Status add_problems(int64_t run_id, const std::vector<core::Problem>& problems);
  Expected<std::vector<core::Problem>> run_problems(int64_t run_id) const;  // in run order

  // Asynchronous writes through the writer thread. They return at once unless 65536 rows are
  // already waiting, in which case they wait for room (the producer is faster than the disk).
  void enqueue_attempt(AttemptRow row);
  void enqueue_proof(ProofRow row);
  // Search graphs, through the same writer (unique per (run, problem, pass, id): OR IGNORE,
  // which also drops a row whose status or verdict is not one of the names listed above).
  void enqueue_node(NodeRow row);
  void enqueue_edge(EdgeRow row);
  // Blocks until every row enqueued before the call is committed. Returns the first error the
  // writer met since the last flush (a failed batch is rolled back as a whole).
  Status flush();

  // Queries (they see only committed rows; call flush() first for your own writes).
  std::set<std::pair<std::string, int64_t>> attempt_keys(int64_t run_id) const;
  // Ordered by the problem's position in the run, then attempt_index.
  std::vector<AttemptRow> attempts(int64_t run_id) const;
  int64_t attempt_count(int64_t run_id) const;
  // Proofs of one run, or of every run when run_id is 0, ordered by problem then index.
  std::vector<ProofRow> proofs(int64_t run_id) const;

  // The search graph of one problem in one run, ordered by pass then id.
  std::vector<NodeRow> nodes(int64_t run_id, const std::string& problem_id) const;
  std::vector<EdgeRow> edges(int64_t run_id, const std::string& problem_id) const;

  // Run-level metrics (name -> value), upserted.
  Status put_metric(int64_t run_id, const std::string& name, double value);
  std::vector<std::pair<std::string, double>> metrics(int64_t run_id) const;

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tcs::store
