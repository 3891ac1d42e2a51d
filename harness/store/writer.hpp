// Writer: the one thread that writes attempts, proofs and search graphs, in batched transactions on its own
// connection.
//
// push() from any thread; flush() from any thread blocks until every row pushed before it is
// committed or its batch failed. The destructor commits what is queued, then joins.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>
#include <vector>

#include "harness/store/sqlite.hpp"
#include "harness/store/store.hpp"

namespace tcs::store {

class Writer {
 public:
  using Row = std::variant<AttemptRow, ProofRow, NodeRow, EdgeRow>;

  // At most this many rows go into one transaction.
  static constexpr size_t kMaxBatch = 4096;
  // push() blocks while this many rows wait, so a producer faster than the disk cannot grow
  // the queue without bound.
  static constexpr size_t kMaxQueued = 1 << 16;

  // Opens the writer's connection to path (already migrated) and starts the thread.
  static Expected<std::unique_ptr<Writer>> start(const std::string& path);
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void push(Row row);
  // Waits for every row pushed before the call; returns the first batch error since the last
  // flush (and forgets it), or ok.
  Status flush();

 private:
  explicit Writer(sqlite::Connection conn);
  void loop();
  void take_batch(std::vector<Row>& batch);
  Status commit(std::vector<Row>& batch);
  Status insert(const Row& row);

  sqlite::Connection conn_;  // used only by the writer thread once it runs

  std::mutex mu_;
  std::condition_variable work_;      // the thread waits for rows or stop_
  std::condition_variable progress_;  // flushers wait for committed_; producers for room
  std::deque<Row> queue_;
  uint64_t pushed_ = 0;     // rows ever pushed
  uint64_t committed_ = 0;  // rows ever taken and finished (committed or rolled back)
  std::optional<core::Error> error_;
  bool stop_ = false;

  std::thread thread_;  // last: starts after every member above exists
};

}  // namespace tcs::store
