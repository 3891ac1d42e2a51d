#include "generators/busy_beaver/problems.hpp"

#include <cmath>
#include <set>

#include "generators/busy_beaver/decide.hpp"
#include "generators/busy_beaver/macro_simulate.hpp"
#include "generators/busy_beaver/tnf.hpp"
#include "harness/core/params.hpp"
#include "harness/core/rng.hpp"

namespace tcs::busy_beaver {

using core::bad_input;
using core::Expected;
using core::Json;
using core::Problem;

std::vector<std::string> problem_kinds() {
  return {"halts_in", "ones_on_halt", "no_halt_within", "never_halts", "bb_lower_bound"};
}

namespace {

constexpr int64_t kDefaultBound = 50;

bool known_kind(const std::string& kind) {
  for (const auto& k : problem_kinds())
    if (k == kind) return true;
  return false;
}

// Run length and the decider that settles it: a long run, or a loop rather than a halt, is
// harder to prove.
core::Difficulty difficulty(int64_t length, const Decision& d) {
  const double weight = d.certificate.kind == CertificateKind::halting ? 0.0
                        : d.certificate.kind == CertificateKind::cycler ? 1.0
                        : d.certificate.kind == CertificateKind::far    ? 3.0 : 2.0;
  const double score = std::log10(static_cast<double>(length) + 1) + weight;
  const char* level = score < 1.5 ? "easy" : score < 3 ? "medium" : score < 5 ? "hard" : "extreme";
  return {level, std::round(score * 100) / 100};
}

std::string state_letter(int state) { return std::string(1, static_cast<char>('A' + state)); }

Expected<Problem> finish(const Claim& claim, const Decision& d, core::OrderedJson answer) {
  Problem p;
  p.id = std::string(kFamily) + "/" + claim.kind + "/" + to_string(claim.machine);
  if (claim.kind == "no_halt_within") p.id += "-n" + std::to_string(claim.n);
  p.family = kFamily;
  p.kind = claim.kind;
  p.params = Json{{"machine", to_string(claim.machine)}, {"n", claim.n}};
  if (claim.kind == "ones_on_halt") p.params["ones"] = claim.ones;
  const int64_t length = d.outcome == Outcome::halting ? d.certificate.steps
                                                       : d.certificate.start + d.certificate.period;
  p.difficulty = difficulty(std::max(claim.n, length), d);
  p.statements = {{"coq", claim_coq(claim)}, {"lean", claim_lean(claim)}, {"native", claim_native(claim)}};
  if (auto smt = claim_smt2(claim)) p.statements.push_back({"smt2", std::move(*smt)});
  p.informal = claim_informal(claim);
  answer["decider"] = std::string(decider_name(d.certificate.kind));
  p.answer = Json::parse(answer.dump());
  return p;
}

}  // namespace

Expected<Problem> make_problem(const std::string& kind, const Machine& machine, int64_t bound) {
  if (!known_kind(kind)) return bad_input("busy_beaver has no kind \"" + kind + "\"");
  const Decision d = decide(machine);
  const std::string text = to_string(machine);
  if (d.outcome == Outcome::undecided)
    return bad_input("machine " + text + " is not settled by the deciders within their budgets");
  const bool halts = d.outcome == Outcome::halting;
  Claim claim{kind, machine, 0, 0};
  core::OrderedJson answer;
  if (kind == "never_halts") {
    if (halts) return bad_input("machine " + text + " halts; never_halts needs a non-halting one");
    answer = to_json(d.certificate);
    return finish(claim, d, answer);
  }
  if (kind == "no_halt_within") {
    claim.n = bound > 0 ? bound : halts ? d.certificate.steps - 1 : kDefaultBound;
    if (halts && claim.n >= d.certificate.steps)
      return bad_input("machine " + text + " halts at step " + std::to_string(d.certificate.steps) +
                       "; the bound n must be smaller");
    if (claim.n < 1) return bad_input("machine " + text + " halts at step 1; no bound fits");
    answer["state"] = state_letter(run_plain(machine, claim.n).state);
    return finish(claim, d, answer);
  }
  if (!halts) return bad_input("machine " + text + " never halts; " + kind + " needs a halting one");
  claim.n = d.certificate.steps;
  if (kind == "halts_in") answer["steps"] = claim.n;
  if (kind == "ones_on_halt") answer["ones"] = claim.ones = run_accelerated(machine, claim.n).ones;
  if (kind == "bb_lower_bound") {
    answer["machine"] = text;
    answer["steps"] = claim.n;
  }
  return finish(claim, d, answer);
}

Expected<Claim> claim_from_params(const std::string& kind, const Json& params) {
  if (!known_kind(kind)) return bad_input("busy_beaver has no kind \"" + kind + "\"");
  if (!params.is_object() || !params.contains("machine") || !params["machine"].is_string() ||
      !params.contains("n") || !params["n"].is_number_integer())
    return bad_input("params need \"machine\" (string) and \"n\" (integer)");
  auto machine = parse_machine(params["machine"].get<std::string>());
  if (!machine) return machine.error().with_context("parameter \"machine\"");
  Claim c{kind, *machine, params["n"].get<int64_t>(), 0};
  if (c.n < 0) return bad_input("parameter \"n\" must not be negative");
  if (kind == "ones_on_halt") {
    if (!params.contains("ones") || !params["ones"].is_number_integer())
      return bad_input("ones_on_halt params need \"ones\" (integer)");
    c.ones = params["ones"].get<int64_t>();
  }
  return c;
}

namespace {

struct Knobs {
  int states = 3, symbols = 2, n = 0;
  std::string machine;
};

Expected<Knobs> read_knobs(const Json& params) {
  Knobs k;
  if (auto s = core::check_known_keys(params, {"states", "symbols", "n", "machine"}); !s)
    return s.error();
  for (auto st : {core::read_int(params, "states", 1, 4, k.states),
                  core::read_int(params, "symbols", 2, 3, k.symbols),
                  core::read_int(params, "n", 1, 1000000, k.n)})
    if (!st) return st.error();
  if (k.states * k.symbols > 8)
    return bad_input("parameters \"states\" x \"symbols\" must be at most 8 (the TNF space is "
                     "enumerated), got " + std::to_string(k.states * k.symbols));
  if (params.is_object() && params.contains("machine")) {
    if (!params["machine"].is_string()) return bad_input("parameter \"machine\" must be a string");
    k.machine = params["machine"].get<std::string>();
  }
  return k;
}

// The space's machines that fit the kind, in enumeration order.
struct Pooled {
  Machine machine;
  bool halts;
};

std::vector<Pooled> pool(const std::string& kind, const Knobs& k) {
  EnumerateOptions o;
  o.states = k.states;
  o.symbols = k.symbols;
  o.check_certificates = false;
  const bool want_halting = kind != "never_halts";
  const bool want_looping = kind == "never_halts" || kind == "no_halt_within";
  std::vector<Pooled> out;
  o.visit = [&](const Machine& m, const Decision& d) {
    if (d.outcome == Outcome::halting && want_halting && d.certificate.steps > 1) {
      Machine full = m;
      full.table[static_cast<size_t>(d.halt_state * m.symbols + d.halt_read)] = {true, 1, true, 'Z'};
      out.push_back({std::move(full), true});
    } else if (d.outcome == Outcome::nonhalting && want_looping) {
      out.push_back({m, false});
    }
  };
  (void)enumerate_tnf(o);
  return out;
}

}  // namespace

Expected<std::vector<Problem>> generate_problems(const std::string& kind, const Json& params,
                                                 uint64_t seed, int64_t count) {
  if (!known_kind(kind))
    return bad_input("busy_beaver has no kind \"" + kind +
                     "\" (kinds: halts_in, ones_on_halt, no_halt_within, never_halts, bb_lower_bound)");
  if (count < 0 || count > 100000)
    return bad_input("count must be in [0, 100000], got " + std::to_string(count));
  auto knobs = read_knobs(params);
  if (!knobs) return knobs.error();
  if (!knobs->machine.empty()) {
    if (count != 1)
      return bad_input("parameter \"machine\" fixes one problem; count must be 1, got " + std::to_string(count));
    auto m = parse_machine(knobs->machine);
    if (!m) return m.error().with_context("parameter \"machine\"");
    auto p = make_problem(kind, *m, knobs->n);
    if (!p) return p.error();
    return std::vector<Problem>{std::move(*p)};
  }
  if (count == 0) return std::vector<Problem>{};
  const std::vector<Pooled> machines = pool(kind, *knobs);
  std::vector<Problem> out;
  std::set<std::string> ids;
  const int64_t max_draws = count * 20 + 100;
  for (int64_t j = 0; static_cast<int64_t>(out.size()) < count; ++j) {
    if (j >= max_draws || machines.empty())
      return bad_input("only " + std::to_string(out.size()) + " distinct problems found among " +
                       std::to_string(machines.size()) + " machines; ask for fewer or a larger space");
    core::Rng rng(core::derive_seed(seed, "busy_beaver/" + kind, static_cast<uint64_t>(j)));
    const Pooled& m = machines[static_cast<size_t>(rng.uniform(0, static_cast<int64_t>(machines.size()) - 1))];
    // A halting machine's no_halt_within bound is its last non-halting step.
    auto p = make_problem(kind, m.machine, m.halts ? 0 : knobs->n);
    if (!p) return p.error();
    if (ids.insert(p->id).second) out.push_back(std::move(*p));
  }
  return out;
}

}  // namespace tcs::busy_beaver
