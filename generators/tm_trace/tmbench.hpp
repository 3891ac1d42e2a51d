// TMBench (github.com/HaitaoWuTJU/Turing-Machine-Bench, arXiv:2504.20771) data and results.
//
// A TMBench file is one JSON object:
//   {"symbol_set": ["A", ...], "delete_count": 2, "max_step": 31, ...,
//    "samples": [{"id": "...", "init_str": "DBEEAA", "rule": {"A": "CE", ...},
//                 "delete_count": 2, "step_results": ["DBEEAA", "EEAAAECD", ...]}, ...]}
// `max_step` counts states: step_results holds steps 0..max_step-1 (step 0 = init_str), fewer
// when the system halts (its last entry is then shorter than delete_count). A results file
// also has `ans` (the model's text) in each answered sample.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/expected.hpp"
#include "harness/core/problem.hpp"

namespace tcs::tm_trace {

// One problem per sample (kind "tag", id content-derived as for generated ones; params gain
// {"source": {"tmbench_id": id}}). Every sample is simulated and must reproduce its
// step_results; a mismatch is a bad_input error naming the sample id and the step. Other bad
// input (unreadable file, missing or mistyped field, symbol outside symbol_set) is a bad_input
// error naming the file, the sample and the field.
core::Expected<std::vector<core::Problem>> import_tmbench(const std::string& path);

// Scores a results file the way TMBench's acc.py does, as fractions instead of percentages:
// samples without "ans" are skipped; a step is right when the first match of
// `step <i>: ... Queue State: ... [<symbols, blanks, commas>]` for i, with blanks and commas
// removed, equals step_results[i]; uni/lin/pass as in metrics.hpp over steps 0..L-1 with L the
// longest step_results (acc.py averages over a hard-coded 51 steps). n = samples scored.
// TMBench does not check the <halt> marker, so neither does this score (the native checker
// does). Samples are validated by simulation as in import_tmbench.
struct TmbenchScore {
  double uni = 0, lin = 0, pass = 0;
  int64_t n = 0;
};
core::Expected<TmbenchScore> score_tmbench(const std::string& results_path);

// TMBench's extraction (exposed for tests): step -> the first bracketed state written for it,
// blanks and commas removed. `symbols` are accepted inside brackets besides TMBench's fixed set.
std::map<int64_t, std::string> tmbench_extract(std::string_view answer,
                                               const std::vector<std::string>& symbols);

}  // namespace tcs::tm_trace
