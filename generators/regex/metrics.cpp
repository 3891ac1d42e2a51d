#include "generators/regex/metrics.hpp"

#include <cmath>

namespace tcs::regex {

namespace {

bool flag(const core::Json* d, const char* key) {
  return d && d->is_object() && d->contains(key) && (*d)[key].is_boolean() && (*d)[key].get<bool>();
}

class RegexMetrics final : public core::MetricsAccumulator {
 public:
  void add(const core::Problem& problem, const std::vector<core::AttemptOutcome>& attempts) override {
    for (const auto& a : attempts) {
      if (problem.kind == "min") add_min(a);
      else if (problem.kind == "eq") add_eq(problem, a);
    }
  }

  core::OrderedJson result() const override {
    auto share = [](double x, double n) { return n == 0 ? 0.0 : x / n; };
    core::OrderedJson out;
    if (min_n_ > 0) {
      out["minimality"] = share(minimal_, min_n_);
      out["equivalence"] = share(equivalent_, min_n_);
      out["length_ratio"] = std::exp(log_ratio_ / min_n_);
    }
    if (eq_n_ > 0) {
      out["accuracy"] = share(right_, eq_n_);
      const double precision = share(tp_, tp_ + fp_), recall = share(tp_, tp_ + fn_);
      out["f1"] = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
      out["failure_rate"] = share(failed_, eq_n_);
    }
    return out;
  }

 private:
  void add_min(const core::AttemptOutcome& a) {
    ++min_n_;
    const core::Json* d = a.detail;
    const bool checked = !core::is_unchecked(a.verdict);
    const bool equivalent = checked && flag(d, "equivalent");
    equivalent_ += equivalent;
    minimal_ += equivalent && flag(d, "minimal");
    if (equivalent && d->contains("answer_size") && d->contains("query_size")) {
      const double ratio = (*d)["answer_size"].get<double>() / (*d)["query_size"].get<double>();
      log_ratio_ += std::log(std::min(ratio, 1.0));
    }
  }

  void add_eq(const core::Problem& problem, const core::AttemptOutcome& a) {
    ++eq_n_;
    const core::Json* d = a.detail;
    const bool truth = problem.answer.is_object() && problem.answer.value("equivalent", false);
    const bool valid = !core::is_unchecked(a.verdict) && flag(d, "valid");
    if (!valid) {
      ++failed_;
      fn_ += truth;
      return;
    }
    const bool said = flag(d, "said");
    right_ += said == truth;
    tp_ += said && truth;
    fp_ += said && !truth;
    fn_ += !said && truth;
  }

  double min_n_ = 0, minimal_ = 0, equivalent_ = 0, log_ratio_ = 0;
  double eq_n_ = 0, right_ = 0, tp_ = 0, fp_ = 0, fn_ = 0, failed_ = 0;
};

}  // namespace

std::unique_ptr<core::MetricsAccumulator> make_regex_metrics() { return std::make_unique<RegexMetrics>(); }

}  // namespace tcs::regex
