#include "harness/runner/export.hpp"

#include <map>
#include <ostream>
#include <set>

namespace tcs::runner {

core::Expected<int64_t> export_jsonl(const store::Store& store, int64_t run_id, std::ostream& out) {
  std::vector<int64_t> run_ids;
  if (run_id != 0) {
    if (auto run = store.run(run_id); !run) return run.error();
    run_ids.push_back(run_id);
  } else {
    for (const auto& r : store.runs()) run_ids.push_back(r.id);
  }
  std::map<std::string, std::vector<core::OrderedJson>> proofs;
  for (const auto& p : store.proofs(run_id))
    proofs[p.problem_id].push_back(
        {{"backend", p.backend}, {"run", p.run_id}, {"attempt", p.attempt_index}, {"text", p.text}});
  int64_t records = 0;
  std::set<std::string> written;
  for (int64_t id : run_ids) {
    auto problems = store.run_problems(id);
    if (!problems) return problems.error();
    for (const auto& problem : *problems) {
      if (!written.insert(problem.id).second) continue;
      core::OrderedJson record = core::to_json(problem);
      record["proofs"] = proofs.count(problem.id) ? core::OrderedJson(proofs[problem.id])
                                                  : core::OrderedJson::array();
      out << record.dump() << '\n';
      ++records;
    }
  }
  out.flush();
  if (!out) return core::Error{core::ErrorCode::io, "write failed"};
  return records;
}

}  // namespace tcs::runner
