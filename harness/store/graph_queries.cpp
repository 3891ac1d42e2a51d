// Store: read queries over search graphs (nodes, edges; schema version 2).
#include <nlohmann/json.hpp>

#include "harness/store/store_impl.hpp"

namespace tcs::store {

namespace {

constexpr const char* kSelectNodes =
    "SELECT run_id, problem_id, pass, node_id, goal_key, goal_text, status, score, visits, depth"
    " FROM nodes WHERE run_id = ?1 AND problem_id = ?2 ORDER BY pass, node_id";

constexpr const char* kSelectEdges =
    "SELECT run_id, problem_id, pass, edge_id, parent_id, tactic, logprob, verdict, message,"
    " status, children_json, visits, value"
    " FROM edges WHERE run_id = ?1 AND problem_id = ?2 ORDER BY pass, edge_id";

// children_json was written by the writer from a vector of ids; anything else (a hand-edited
// file) reads as no children rather than aborting a report.
std::vector<int64_t> children_from(const std::string& text) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  std::vector<int64_t> out;
  if (!json.is_array()) return out;
  for (const auto& c : json)
    if (c.is_number_integer()) out.push_back(c.get<int64_t>());
  return out;
}

EdgeRow edge_from(const sqlite::Query& q) {
  EdgeRow row;
  row.run_id = q.int_at(0);
  row.problem_id = q.text_at(1);
  row.pass = q.int_at(2);
  row.edge_id = q.int_at(3);
  row.parent_id = q.int_at(4);
  row.tactic = q.text_at(5);
  if (!q.null_at(6)) row.logprob = q.real_at(6);
  row.verdict = core::verdict_kind_from_string(q.text_at(7)).value_or(core::VerdictKind::error);
  row.message = q.text_at(8);
  row.status = q.text_at(9);
  row.children = children_from(q.text_at(10));
  row.visits = q.int_at(11);
  row.value = q.real_at(12);
  return row;
}

}  // namespace

std::vector<NodeRow> Store::nodes(int64_t run_id, const std::string& problem_id) const {
  std::lock_guard lock(impl_->mu);
  sqlite::Query q = impl_->conn.query(kSelectNodes);
  q.bind_int(1, run_id).bind_text(2, problem_id);
  std::vector<NodeRow> rows;
  while (q.step()) {
    rows.push_back({.run_id = q.int_at(0),
                    .problem_id = q.text_at(1),
                    .pass = q.int_at(2),
                    .node_id = q.int_at(3),
                    .goal_key = q.text_at(4),
                    .goal_text = q.text_at(5),
                    .status = q.text_at(6),
                    .score = q.real_at(7),
                    .visits = q.int_at(8),
                    .depth = q.int_at(9)});
  }
  die_on_read_error(q.status());
  return rows;
}

std::vector<EdgeRow> Store::edges(int64_t run_id, const std::string& problem_id) const {
  std::lock_guard lock(impl_->mu);
  sqlite::Query q = impl_->conn.query(kSelectEdges);
  q.bind_int(1, run_id).bind_text(2, problem_id);
  std::vector<EdgeRow> rows;
  while (q.step()) rows.push_back(edge_from(q));
  die_on_read_error(q.status());
  return rows;
}

}  // namespace tcs::store
