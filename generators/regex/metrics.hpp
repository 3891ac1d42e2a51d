// RegexPSPACE's metrics over checked answers (each attempt counts once):
//   RegexMin  minimality   = share of answers equivalent to the query and of minimal size
//             equivalence  = share of answers equivalent to the query
//             length_ratio = geometric mean of min(answer size / query size, 1), an answer that is
//                            invalid or not equivalent (or could not be checked) counting as 1
//   RegexEQ   accuracy     = share of right True/False answers
//             f1           = F1 with "equivalent" as the positive class (an invalid answer is
//                            neither a positive nor a negative prediction)
//             failure_rate = share of answers with no valid \boxed{True|False}
// Keys appear for the kinds present in the row. Fractions in [0, 1].
#pragma once

#include <memory>

#include "harness/core/family.hpp"

namespace tcs::regex {

std::unique_ptr<core::MetricsAccumulator> make_regex_metrics();

}  // namespace tcs::regex
