#include "harness/core/answer_policy.hpp"

#include <cstdio>

#include "harness/core/hash.hpp"
#include "harness/core/options.hpp"
#include "harness/core/text.hpp"

namespace tcs::core {

namespace {

class AnswerPolicy final : public Policy {
 public:
  AnswerPolicy(double noise, AnswerFn answer) : noise_(noise), answer_(std::move(answer)) {}
  AnswerPolicy(double noise, TruthFn truth, SpoilFn spoil, std::string backend)
      : noise_(noise), truth_(std::move(truth)), spoil_(std::move(spoil)),
        backend_(std::move(backend)) {}

  std::string name() const override {
    std::string name = "builtin";
    char sep = ':';
    if (backend_ != "native") {
      name.append(1, sep).append("proof=").append(backend_);
      sep = ',';
    }
    if (noise_ > 0) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "noise=%g", noise_);
      name.append(1, sep).append(buf);
    }
    return name;
  }

  Expected<std::vector<Candidate>> propose(const PolicyQuery& query) override {
    if (query.problem == nullptr) return bad_input("builtin policy: query without a problem");
    Expected<std::string> truth = truth_ ? truth_(*query.problem) : std::string();
    if (!truth) return truth.error();
    // A step query gets the script's tactics (one per line) in turn, not the whole script.
    const bool steps = query.mode == CandidateMode::step && backend_ != "native";
    const std::vector<std::string_view> tactics = split(*truth, '\n');
    std::vector<Candidate> out;
    for (int64_t j = 0; j < query.count; ++j) {
      const uint64_t index = static_cast<uint64_t>(query.first_index + j);
      const uint64_t seed = derive_seed(query.seed, query.problem->id, index);
      const std::string truth_j = steps ? std::string(tactics[index % tactics.size()]) : *truth;
      auto text = truth_ ? spoiled(truth_j, seed) : answer_(*query.problem, noise_, seed);
      if (!text) return text.error();
      Candidate c;
      c.text = std::move(*text);
      c.backend = backend_;
      c.mode = backend_ == "native" ? CandidateMode::answer
               : steps              ? CandidateMode::step
                                    : CandidateMode::whole;
      c.provenance.endpoint = name();
      c.provenance.request_id = "builtin-" + hex64(seed);
      out.push_back(std::move(c));
    }
    return out;
  }

 private:
  Expected<std::string> spoiled(const std::string& truth, uint64_t seed) const {
    Rng rng(seed);
    return noise_ > 0 && rng.bernoulli(noise_) ? spoil_(truth, rng) : truth;
  }

  double noise_;
  AnswerFn answer_;
  TruthFn truth_;
  SpoilFn spoil_;
  std::string backend_ = "native";
};

}  // namespace

std::unique_ptr<Policy> make_answer_policy(double noise, AnswerFn answer) {
  return std::make_unique<AnswerPolicy>(noise, std::move(answer));
}

std::unique_ptr<Policy> make_answer_policy(double noise, TruthFn truth, SpoilFn spoil,
                                           std::string backend) {
  return std::make_unique<AnswerPolicy>(noise, std::move(truth), std::move(spoil),
                                        std::move(backend));
}

Expected<double> parse_noise_option(std::string_view options) {
  auto items = parse_options(options, {"noise"});
  if (!items) return items.error();
  auto it = items->find("noise");
  return it == items->end() ? Expected<double>(0.0) : parse_probability("noise", it->second);
}

}  // namespace tcs::core
