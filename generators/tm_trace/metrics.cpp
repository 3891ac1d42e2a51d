#include "generators/tm_trace/metrics.hpp"

#include <string>

namespace tcs::tm_trace {

void StepTally::add(std::string_view correct, bool passed) {
  if (correct.size() > total_.size()) {
    total_.resize(correct.size(), 0);
    right_.resize(correct.size(), 0);
  }
  for (size_t i = 0; i < correct.size(); ++i) {
    ++total_[i];
    right_[i] += correct[i] == '1';
  }
  ++answers_;
  passed_ += passed;
}

std::vector<double> StepTally::acc() const {
  std::vector<double> out;
  for (size_t i = 0; i < total_.size(); ++i)
    out.push_back(static_cast<double>(right_[i]) / static_cast<double>(total_[i]));
  return out;
}

double StepTally::uni() const {
  const auto a = acc();
  double sum = 0;
  for (double x : a) sum += x;
  return a.empty() ? 0.0 : sum / static_cast<double>(a.size());
}

double StepTally::lin() const {
  const auto a = acc();
  double sum = 0, weights = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    sum += a[i] * static_cast<double>(i + 1);
    weights += static_cast<double>(i + 1);
  }
  return weights == 0 ? 0.0 : sum / weights;
}

namespace {

// The step count of a problem's true trace, from its ground truth.
size_t true_steps(const core::Problem& problem) {
  for (const char* key : {"states", "configs"})
    if (problem.answer.is_object() && problem.answer.contains(key) && problem.answer[key].is_array())
      return problem.answer[key].size();
  return 0;
}

class TraceMetrics final : public core::MetricsAccumulator {
 public:
  void add(const core::Problem& problem, const std::vector<core::AttemptOutcome>& attempts) override {
    for (const auto& a : attempts) {
      const core::Json* d = a.detail;
      const bool has = d && d->is_object() && d->contains("correct") && (*d)["correct"].is_string();
      const std::string correct =
          has ? (*d)["correct"].get<std::string>() : std::string(true_steps(problem), '0');
      tally_.add(correct, a.verdict == core::VerdictKind::verified);
    }
  }

  core::OrderedJson result() const override {
    core::OrderedJson out;
    out["uni"] = tally_.uni();
    out["lin"] = tally_.lin();
    out["pass"] = tally_.pass();
    out["acc"] = tally_.acc();
    return out;
  }

 private:
  StepTally tally_;
};

}  // namespace

std::unique_ptr<core::MetricsAccumulator> make_trace_metrics() {
  return std::make_unique<TraceMetrics>();
}

}  // namespace tcs::tm_trace
