// Reports: one row per (family, kind, difficulty level) with problems, attempts, solved and the
// family's own metrics, plus pass@k; as Markdown for people and JSON for programs.
//
// JSON shape (acceptance checks rely on it):
//   {"run": {...}, "rows": [{"family", "kind", "difficulty", "problems", "attempts", "solved",
//    "metrics": {...}}], "total": {"problems", "attempts", "solved", "verdicts": {...}}}
#pragma once

#include <string>
#include <vector>

#include "harness/core/expected.hpp"
#include "harness/core/family.hpp"
#include "harness/store/store.hpp"

namespace tcs::runner {

struct ReportRow {
  std::string family, kind, difficulty;
  std::string search;  // the group's strategy, when the suite's groups search differently
  double difficulty_score = 0.0;  // the lowest score in the row: orders rows within a kind
  int64_t problems = 0, attempts = 0, solved = 0;
  core::OrderedJson metrics = core::OrderedJson::object();
};

struct Report {
  store::RunInfo run;
  core::OrderedJson run_json;  // id, name, status, seed, policy, strategy, samples, ...
  std::vector<ReportRow> rows;
  ReportRow total;
  std::map<std::string, int64_t> verdicts;  // verdict name -> attempts
};

core::Expected<Report> build_report(const store::Store& store, int64_t run_id,
                                    const core::FamilyRegistry& families);
core::OrderedJson report_json(const Report& report);
std::string report_markdown(const Report& report);

}  // namespace tcs::runner
