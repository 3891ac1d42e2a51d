// TMBench's metrics over checked trace answers.
//
//   ACC(i) = fraction of answers right at step i, among answers whose true trace has a step i
//            (halting traces are shorter, so late steps are averaged over fewer answers);
//   Uni    = mean of ACC(i) over the steps i that any answer has;
//   Lin    = the same mean weighted by i + 1 (late steps count more);
//   pass   = fraction of answers with every step right (our checker: verified).
// TMBench prints Uni and Lin as percentages; we report fractions in [0, 1].
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "harness/core/family.hpp"

namespace tcs::tm_trace {

class StepTally {
 public:
  // One answer: its per-step correctness ('1' right, anything else wrong) and whether it passed.
  void add(std::string_view correct, bool passed);
  double uni() const;
  double lin() const;
  double pass() const { return answers_ ? static_cast<double>(passed_) / answers_ : 0.0; }
  int64_t answers() const { return answers_; }
  std::vector<double> acc() const;  // ACC(i) for every step some answer has

 private:
  std::vector<int64_t> right_, total_;
  int64_t answers_ = 0, passed_ = 0;
};

// Family::metrics(): {"uni", "lin", "pass", "acc": [...]} over every attempt. Attempts whose
// check did not finish (timeout, error) or carry no per-step detail count as all steps wrong,
// with the step count taken from the problem's ground truth.
std::unique_ptr<core::MetricsAccumulator> make_trace_metrics();

}  // namespace tcs::tm_trace
