#include "generators/busy_beaver/family.hpp"

#include "generators/busy_beaver/decide.hpp"
#include "generators/busy_beaver/macro_simulate.hpp"
#include "generators/busy_beaver/problems.hpp"
#include "harness/core/answer_policy.hpp"
#include "harness/core/options.hpp"
#include "harness/core/rng.hpp"
#include "harness/core/text.hpp"

namespace tcs::busy_beaver {

using core::bad_input;
using core::Expected;
using core::Json;

Expected<std::string> solve(const core::Problem& p) {
  auto claim = claim_from_params(p.kind, p.params);
  if (!claim) return claim.error().with_context(p.id);
  const Machine& m = claim->machine;
  if (p.kind == "never_halts") {
    const Decision d = decide(m);
    if (d.outcome != Outcome::nonhalting) return bad_input(p.id + ": the deciders cannot prove it");
    return to_json(d.certificate).dump();
  }
  if (p.kind == "no_halt_within") {
    const RunResult r = run_plain(m, claim->n);
    return Json{{"state", std::string(1, static_cast<char>('A' + r.state))}}.dump();
  }
  const RunResult r = run_accelerated(m, kMaxCertificateSteps);
  if (r.status != RunStatus::halted) return bad_input(p.id + ": the machine does not halt in budget");
  if (p.kind == "halts_in") return Json{{"steps", r.steps}}.dump();
  if (p.kind == "ones_on_halt") return Json{{"ones", r.ones}}.dump();
  return Json{{"machine", to_string(m)}, {"steps", r.steps}}.dump();
}

namespace {

// The computation-based Coq proof of a bounded claim, one tactic per line: the statement is a
// boolean computed by running the machine inside Coq, so evaluating it is the proof.
Expected<std::string> coq_proof(const core::Problem& p) {
  if (p.kind == "halts_in" || p.kind == "ones_on_halt" || p.kind == "no_halt_within")
    return std::string("vm_compute.\nreflexivity.");
  return bad_input(p.id + ": builtin:proof=coq proves halts_in, ones_on_halt and no_halt_within "
                          "claims only (kind \"" + p.kind + "\")");
}

// A wrong answer of the right shape: numbers off by one, another state, a longer period.
std::string corrupt(const std::string& answer) {
  Json j = Json::parse(answer);
  for (const char* key : {"steps", "ones", "period"})
    if (j.contains(key)) j[key] = j[key].get<int64_t>() + 1;
  if (j.contains("state")) j["state"] = j["state"] == "A" ? "B" : "A";
  return j.dump();
}

class NativeChecker final : public core::Checker {
 public:
  std::string_view backend() const override { return "native"; }
  core::Verdict check(const core::Problem& problem, const core::Candidate& candidate,
                      const core::Limits& limits) override {
    core::Stopwatch clock;
    core::Verdict v = check_answer(problem, candidate.text, limits.max_answer_bytes);
    v.detail = Json{{"kind", problem.kind}};
    v.seconds = clock.seconds();
    return v;
  }
};

class Accuracy final : public core::MetricsAccumulator {
 public:
  void add(const core::Problem&, const std::vector<core::AttemptOutcome>& attempts) override {
    for (const auto& a : attempts) {
      ++attempts_;
      verified_ += a.verdict == core::VerdictKind::verified;
    }
  }
  core::OrderedJson result() const override {
    core::OrderedJson out;
    out["accuracy"] = attempts_ ? static_cast<double>(verified_) / static_cast<double>(attempts_) : 0.0;
    return out;
  }

 private:
  int64_t attempts_ = 0, verified_ = 0;
};

class BusyBeaverFamily final : public core::Family {
 public:
  std::string_view name() const override { return kFamily; }
  std::vector<std::string> kinds() const override { return problem_kinds(); }
  Expected<std::vector<core::Problem>> generate(const core::GenerateRequest& r) const override {
    return generate_problems(r.kind, r.params, r.seed, r.count);
  }
  std::string prompt(const core::Problem& problem) const override {
    auto claim = claim_from_params(problem.kind, problem.params);
    return claim ? claim_prompt(*claim) : problem.informal;
  }
  std::unique_ptr<core::Checker> native_checker() const override { return make_native_checker(); }
  Expected<std::unique_ptr<core::Policy>> builtin_policy(std::string_view options) const override {
    auto items = core::parse_options(options, {"noise", "proof"});
    if (!items) return items.error();
    double noise = 0;
    if (auto it = items->find("noise"); it != items->end()) {
      auto p = core::parse_probability("noise", it->second);
      if (!p) return p.error();
      noise = *p;
    }
    if (auto it = items->find("proof"); it != items->end()) {
      if (it->second != "coq")
        return bad_input("builtin option proof must be coq, got " + core::quote(it->second));
      return core::make_answer_policy(noise, coq_proof, [](const std::string&, core::Rng&) {
        return std::string("discriminate.");  // fails on `claim = true`: Coq must refuse it
      }, "coq");
    }
    return core::make_answer_policy(noise, solve, [](const std::string& truth, core::Rng&) {
      return corrupt(truth);
    });
  }
  std::unique_ptr<core::MetricsAccumulator> metrics() const override {
    return std::make_unique<Accuracy>();
  }
};

}  // namespace

std::unique_ptr<core::Checker> make_native_checker() { return std::make_unique<NativeChecker>(); }
std::unique_ptr<core::Family> make_family() { return std::make_unique<BusyBeaverFamily>(); }

}  // namespace tcs::busy_beaver
