#include "generators/mba/family.hpp"

#include <cstdio>
#include <cstdlib>

#include "generators/mba/problems.hpp"
#include "generators/mba/strategy.hpp"
#include "harness/core/env.hpp"
#include "harness/core/hash.hpp"
#include "harness/core/options.hpp"
#include "harness/core/rng.hpp"
#include "harness/core/text.hpp"

namespace tcs::mba {

namespace {

class NativeChecker final : public core::Checker {
 public:
  std::string_view backend() const override { return "native"; }

  core::Verdict check(const core::Problem& problem, const core::Candidate& candidate,
                      const core::Limits&) override {
    core::Stopwatch clock;
    core::Verdict v = judge(problem, core::trim(candidate.text));
    v.seconds = clock.seconds();
    return v;
  }

 private:
  static core::Verdict judge(const core::Problem& problem, std::string_view answer) {
    auto id = identity_from_problem(problem);
    if (!id) return core::Verdict::failed(problem.id + ": bad problem: " + id.error().message);
    if (answer != "true" && answer != "false")
      return core::Verdict::rejected("the native answer is \"true\" or \"false\" (does the identity hold?), got " +
                                     core::quote(answer));
    const auto truth = decide_by_evaluation(*id);
    if (!truth)
      return core::Verdict::failed("evaluation does not decide a " + problem.kind + " identity at " +
                                   std::to_string(id->width) + " bits; check a proof with backend z3");
    const bool said = answer == "true";
    if (said == *truth) return core::Verdict::verified(std::string("the identity ") + (*truth ? "holds" : "fails"));
    return core::Verdict::rejected(std::string("wrong: the identity ") + (*truth ? "holds" : "fails"));
  }
};

struct PolicyOptions {
  bool plain = false;  // strategy=smt
  double noise = 0;    // probability that a sample's script loses its last tactic
};

// "strategy=steps|smt" and "noise=P", comma-separated; errors name the bad item.
core::Expected<PolicyOptions> parse_policy_options(std::string_view options) {
  auto items = core::parse_options(options, {"strategy", "noise"});
  if (!items) return items.error();
  PolicyOptions out;
  if (auto it = items->find("strategy"); it != items->end()) {
    if (it->second != "steps" && it->second != "smt")
      return core::bad_input("builtin option strategy must be steps or smt, got " +
                             core::quote(it->second));
    out.plain = it->second == "smt";
  }
  if (auto it = items->find("noise"); it != items->end()) {
    auto p = core::parse_probability("noise", it->second);
    if (!p) return p.error();
    out.noise = *p;
  }
  return out;
}

// Drops the script's last tactic, leaving a goal open: a wrong proof the checker must refuse.
std::string corrupt(const std::string& script) {
  const size_t end = script.find_last_of(')');
  if (end == std::string::npos) return script;
  int depth = 0;
  for (size_t i = end + 1; i-- > 0;) {
    depth += script[i] == ')' ? 1 : script[i] == '(' ? -1 : 0;
    if (depth == 0) return script.substr(0, i) + "\n";
  }
  return script;
}

class BuiltinPolicy final : public core::Policy {
 public:
  explicit BuiltinPolicy(PolicyOptions o) : o_(o) {}
  std::string name() const override {
    std::string n = o_.plain ? "builtin:strategy=smt" : "builtin";
    if (o_.noise > 0) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%snoise=%g", o_.plain ? "," : ":", o_.noise);
      n += buf;
    }
    return n;
  }

  core::Expected<std::vector<core::Candidate>> propose(const core::PolicyQuery& query) override {
    if (query.mode == core::CandidateMode::step) return propose_steps(query);
    if (!query.problem) return core::bad_input("builtin policy: query without a problem");
    auto id = identity_from_problem(*query.problem);
    if (!id) return id.error();
    const std::string script = o_.plain ? plain_smt_script() : step_script(*id).text;
    const size_t tactics = count_tactics(script);
    std::vector<core::Candidate> out;
    for (int64_t j = 0; j < query.count; ++j) {
      const uint64_t seed = core::derive_seed(query.seed, query.problem->id,
                                              static_cast<uint64_t>(query.first_index + j));
      core::Rng rng(seed);
      // Each tactic is wrong with probability `noise`, as in step mode; one wrong tactic
      // spoils the script (it then loses its last tactic, so the checker must refuse it).
      bool noisy = false;
      for (size_t t = 0; o_.noise > 0 && t < tactics; ++t) noisy = rng.bernoulli(o_.noise) || noisy;
      out.push_back(candidate(noisy ? corrupt(script) : script, core::CandidateMode::whole, seed));
    }
    return out;
  }

 private:
  core::Candidate candidate(std::string text, core::CandidateMode mode, uint64_t seed) const {
    core::Candidate c{std::move(text), "z3", mode, {}};
    c.provenance.endpoint = name();
    c.provenance.request_id = "builtin-" + core::hex64(seed);
    return c;
  }

  // Step mode: query.count tactics for the goal in query.prompt, read from the goal text alone
  // (the search may show any goal). Like `count` samples of a model that errs with probability
  // `noise`: each slot independently holds a decoy (with a confident log p in (−0.61, −0.01])
  // or else the strategy's next tactic not yet proposed (rank r: log p = −0.02 − r); slots left
  // when those run out hold decoys with low log p. Goals that are not MBA identities get (smt)
  // in every slot.
  core::Expected<std::vector<core::Candidate>> propose_steps(const core::PolicyQuery& query) const {
    auto id = identity_from_goal(query.prompt);
    std::vector<std::string> good = {"(smt)"}, decoys = {"(smt)"};
    if (id && !o_.plain) {
      good = next_tactics(*id);
      decoys = decoy_tactics(*id, good);
    }
    const std::string goal_key = core::hex64(core::fnv1a64(query.prompt));
    size_t next_good = 0, padding = 0;
    std::vector<core::Candidate> out;
    // Slots before first_index are drawn too, so sample i is the same however it is asked for.
    for (int64_t j = 0; j < query.first_index + query.count; ++j) {
      const uint64_t seed = core::derive_seed(query.seed, goal_key, static_cast<uint64_t>(j));
      core::Rng rng(seed);
      std::string text;
      double logprob = 0;
      if (o_.noise > 0 && rng.bernoulli(o_.noise)) {
        text = decoys[static_cast<size_t>(rng.uniform(0, static_cast<int64_t>(decoys.size()) - 1))];
        logprob = -0.01 - 0.6 * rng.unit();
      } else if (next_good < good.size()) {
        logprob = -0.02 - static_cast<double>(next_good);
        text = good[next_good++];
      } else {
        text = decoys[padding % decoys.size()];
        logprob = -3.0 - static_cast<double>(padding++);
      }
      if (j < query.first_index) continue;
      out.push_back(candidate(std::move(text), core::CandidateMode::step, seed));
      out.back().provenance.logprob = logprob;
    }
    return out;
  }

  PolicyOptions o_;
};

class MbaMetrics final : public core::MetricsAccumulator {
 public:
  void add(const core::Problem&, const std::vector<core::AttemptOutcome>& attempts) override {
    for (const auto& a : attempts) {
      ++attempts_;
      unknown_ += a.verdict == core::VerdictKind::timeout || a.verdict == core::VerdictKind::resource_out;
      if (a.verdict != core::VerdictKind::verified) continue;
      ++proved_;
      const core::Json* d = a.detail;
      if (d && d->is_object() && d->contains("steps") && (*d)["steps"].is_number() &&
          d->contains("leaves") && (*d)["leaves"].is_number()) {
        ++with_detail_;
        steps_ += (*d)["steps"].get<double>();
        leaves_ += (*d)["leaves"].get<double>();
      }
    }
  }

  core::OrderedJson result() const override {
    auto share = [](double a, double b) { return b == 0 ? 0.0 : a / b; };
    core::OrderedJson out;
    out["proved"] = share(proved_, attempts_);
    out["unknown"] = share(unknown_, attempts_);
    out["mean_steps"] = share(steps_, with_detail_);
    out["mean_leaves"] = share(leaves_, with_detail_);
    return out;
  }

 private:
  double attempts_ = 0, proved_ = 0, unknown_ = 0, with_detail_ = 0, steps_ = 0, leaves_ = 0;
};

class MbaFamily final : public core::Family {
 public:
  std::string_view name() const override { return kFamily; }
  std::vector<std::string> kinds() const override { return {"linear", "polynomial", "nonpoly"}; }

  core::Expected<std::vector<core::Problem>> generate(const core::GenerateRequest& r) const override {
    auto cls = class_from_kind(r.kind);
    if (!cls) return cls.error();
    return mba::generate(*cls, r.params, r.seed, r.count);
  }

  std::string prompt(const core::Problem& problem) const override { return mba::prompt(problem); }
  std::unique_ptr<core::Checker> native_checker() const override { return make_native_checker(); }

  core::Expected<std::unique_ptr<core::Policy>> builtin_policy(std::string_view options) const override {
    auto o = parse_policy_options(options);
    if (!o) return o.error();
    return std::unique_ptr<core::Policy>(std::make_unique<BuiltinPolicy>(*o));
  }

  std::unique_ptr<core::MetricsAccumulator> metrics() const override {
    return std::make_unique<MbaMetrics>();
  }
};

}  // namespace

std::unique_ptr<core::Checker> make_native_checker() { return std::make_unique<NativeChecker>(); }
std::unique_ptr<core::Family> make_family() { return std::make_unique<MbaFamily>(); }

}  // namespace tcs::mba
