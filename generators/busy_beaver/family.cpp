#include "generators/busy_beaver/family.hpp"

#include <charconv>
#include <cstdio>

#include "generators/busy_beaver/decide.hpp"
#include "generators/busy_beaver/macro_simulate.hpp"
#include "generators/busy_beaver/problems.hpp"
#include "harness/core/hash.hpp"
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

// A wrong answer of the right shape: numbers off by one, another state, a longer period.
std::string corrupt(const std::string& answer) {
  Json j = Json::parse(answer);
  for (const char* key : {"steps", "ones", "period"})
    if (j.contains(key)) j[key] = j[key].get<int64_t>() + 1;
  if (j.contains("state")) j["state"] = j["state"] == "A" ? "B" : "A";
  return j.dump();
}

Expected<double> parse_noise(std::string_view options) {
  if (core::trim(options).empty()) return 0.0;
  const std::string_view item = core::trim(options);
  if (!core::starts_with(item, "noise="))
    return bad_input("unknown builtin option " + core::quote(item) + " (known: noise=P)");
  const std::string_view value = item.substr(6);
  double p = -1;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), p);
  if (ec != std::errc() || end != value.data() + value.size() || !(p >= 0.0 && p <= 1.0))
    return bad_input("builtin option noise must be a number in [0, 1], got " + core::quote(value));
  return p;
}

class BuiltinPolicy final : public core::Policy {
 public:
  explicit BuiltinPolicy(double noise) : noise_(noise) {}

  std::string name() const override {
    if (noise_ == 0) return "builtin";
    char buf[64];
    std::snprintf(buf, sizeof buf, "builtin:noise=%g", noise_);
    return buf;
  }

  Expected<std::vector<core::Candidate>> propose(const core::PolicyQuery& q) override {
    if (q.problem == nullptr) return bad_input("builtin policy: query without a problem");
    auto truth = solve(*q.problem);
    if (!truth) return truth.error();
    std::vector<core::Candidate> out;
    for (int64_t j = 0; j < q.count; ++j) {
      const uint64_t seed = core::derive_seed(q.seed, q.problem->id, static_cast<uint64_t>(q.first_index + j));
      core::Rng rng(seed);
      core::Candidate c;
      c.text = noise_ > 0 && rng.bernoulli(noise_) ? corrupt(*truth) : *truth;
      c.backend = "native";
      c.mode = core::CandidateMode::answer;
      c.provenance.endpoint = name();
      c.provenance.request_id = "builtin-" + core::hex64(seed);
      out.push_back(std::move(c));
    }
    return out;
  }

 private:
  double noise_;
};

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
    auto noise = parse_noise(options);
    if (!noise) return noise.error();
    return std::unique_ptr<core::Policy>(std::make_unique<BuiltinPolicy>(*noise));
  }
  std::unique_ptr<core::MetricsAccumulator> metrics() const override {
    return std::make_unique<Accuracy>();
  }
};

}  // namespace

std::unique_ptr<core::Checker> make_native_checker() { return std::make_unique<NativeChecker>(); }
std::unique_ptr<core::Family> make_family() { return std::make_unique<BusyBeaverFamily>(); }

}  // namespace tcs::busy_beaver
