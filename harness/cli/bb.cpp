// tcsprove bb: Busy Beaver tools — simulate a machine, enumerate a TNF space, decide a machine
// (with a certificate the independent checker has accepted), check a certificate, and
// reproduce the known values.
#include <cstdio>
#include <iostream>
#include <memory>

#include "generators/busy_beaver/certificate.hpp"
#include "generators/busy_beaver/decide.hpp"
#include "generators/busy_beaver/known.hpp"
#include "generators/busy_beaver/macro_simulate.hpp"
#include "generators/busy_beaver/tnf.hpp"
#include "harness/cli/command.hpp"
#include "harness/core/text.hpp"

namespace tcs::cli {

namespace {

namespace bb = tcs::busy_beaver;

struct BbOptions {
  std::string machine, certificate;
  int64_t steps = 100'000'000'000;
  int states = 2, symbols = 2;
  int64_t max_machines = 0;
  bool json = false, plain = false, no_check = false;
};

core::Expected<bb::Machine> read_machine(const std::string& text) {
  auto m = bb::parse_machine(text);
  if (!m) return m.error().with_context("machine " + core::quote(text));
  return m;
}

int simulate(const BbOptions& o, Context& ctx) {
  auto m = read_machine(o.machine);
  if (!m) return fail(m.error());
  if (o.steps < 0 || o.steps > bb::kMaxStepBudget)
    return fail(core::bad_input("--steps must be in [0, " + std::to_string(bb::kMaxStepBudget) +
                                "], got " + std::to_string(o.steps)));
  core::Stopwatch clock;
  const bb::RunResult r = o.plain ? bb::run_plain(*m, o.steps, &ctx.env.cancel)
                                  : bb::run_accelerated(*m, o.steps, &ctx.env.cancel);
  const bool halted = r.status == bb::RunStatus::halted;
  if (o.json) {
    core::OrderedJson j;
    j["halted"] = halted;
    j["steps"] = r.steps;
    j["ones"] = r.ones;
    j["status"] = std::string(bb::to_string(r.status));
    j["seconds"] = clock.seconds();
    std::cout << j.dump() << '\n';
  } else {
    std::printf("%s: %s after %lld steps, %lld non-blank cells (%.3f s)\n", o.machine.c_str(),
                std::string(bb::to_string(r.status)).c_str(), static_cast<long long>(r.steps),
                static_cast<long long>(r.ones), clock.seconds());
  }
  return r.status == bb::RunStatus::cancelled ? kUnchecked : kOk;
}

int enumerate(const BbOptions& o, Context& ctx) {
  bb::EnumerateOptions eo;
  eo.states = o.states;
  eo.symbols = o.symbols;
  eo.check_certificates = !o.no_check;
  eo.max_machines = o.max_machines;
  if (o.max_machines < 0)
    return fail(core::bad_input("--max-machines must not be negative, got " + std::to_string(o.max_machines)));
  eo.cancel = &ctx.env.cancel;
  core::Stopwatch clock;
  auto r = bb::enumerate_tnf(eo);
  if (!r) return fail(r.error());
  const double seconds = clock.seconds();
  if (o.json) {
    core::OrderedJson j;
    for (auto [key, value] : {std::pair{"total", r->total}, {"halting", r->halting},
                              {"nonhalting", r->nonhalting}, {"undecided", r->undecided},
                              {"max_steps", r->max_steps}, {"max_ones", r->max_ones}})
      j[key] = value;
    j["by_decider"] = r->by_decider;
    j["certificates_checked"] = r->certificates_checked;
    j["certificate_failures"] = r->certificate_failures;
    j["cancelled"] = r->cancelled;
    j["truncated"] = r->truncated;
    j["seconds"] = seconds;
    std::cout << j.dump() << '\n';
  } else {
    const auto ll = [](int64_t v) { return static_cast<long long>(v); };
    std::printf("TNF space, %d states, %d symbols: %lld machines%s in %.2f s\n", o.states, o.symbols,
                ll(r->total), r->truncated ? " (first ones of the walk only)" : "", seconds);
    std::printf("  halting %lld  non-halting %lld  undecided %lld (%.3f%% decided)\n",
                ll(r->halting), ll(r->nonhalting), ll(r->undecided),
                100.0 * static_cast<double>(r->total - r->undecided) /
                    static_cast<double>(std::max<int64_t>(r->total, 1)));
    std::printf("  max steps %lld (%s)  max ones %lld (%s)\n", ll(r->max_steps),
                r->max_steps_machine.c_str(), ll(r->max_ones), r->max_ones_machine.c_str());
    std::printf("  | decider | machines |\n  |---|---|\n");
    for (const auto& [name, n] : r->by_decider) std::printf("  | %s | %lld |\n", name.c_str(), ll(n));
    std::printf("  certificates checked: %lld, failures: %zu\n", ll(r->certificates_checked),
                r->certificate_failures.size());
  }
  if (!r->certificate_failures.empty()) {
    std::cerr << "tcsprove: error: a certificate failed the independent check: "
              << r->certificate_failures.front() << '\n';
    return kFailure;
  }
  return r->cancelled ? kUnchecked : kOk;
}

int decide(const BbOptions& o, Context& ctx) {
  auto m = read_machine(o.machine);
  if (!m) return fail(m.error());
  bb::DecideOptions dopt;
  dopt.cancel = &ctx.env.cancel;
  const bb::Decision d = bb::decide(*m, dopt);
  const char* verdict = d.outcome == bb::Outcome::halting      ? "halting"
                        : d.outcome == bb::Outcome::nonhalting ? "nonhalting"
                                                               : "undecided";
  core::Status checked = core::bad_input("no certificate");
  if (d.outcome != bb::Outcome::undecided) checked = bb::check_certificate(bb::to_string(*m), d.certificate);
  if (o.json) {
    core::OrderedJson j;
    j["machine"] = bb::to_string(*m);
    j["verdict"] = verdict;
    if (d.outcome != bb::Outcome::undecided) {
      j["decider"] = std::string(bb::decider_name(d.certificate.kind));
      j["certificate"] = bb::to_json(d.certificate);
      j["certificate_checked"] = checked.ok();
    }
    if (d.outcome == bb::Outcome::halting) {
      j["steps"] = d.certificate.steps;
      j["ones"] = d.ones;
    }
    std::cout << j.dump() << '\n';
  } else {
    std::cout << bb::to_string(*m) << ": " << verdict;
    if (d.outcome != bb::Outcome::undecided)
      std::cout << " (" << bb::decider_name(d.certificate.kind) << "; certificate "
                << (checked.ok() ? "checked" : "FAILED the check") << ")\n"
                << bb::to_json(d.certificate).dump() << '\n';
    else
      std::cout << '\n';
  }
  if (d.outcome != bb::Outcome::undecided && !checked.ok()) {
    std::cerr << "tcsprove: error: the certificate failed the independent check: "
              << checked.error().message << '\n';
    return kFailure;
  }
  return kOk;
}

int check(const BbOptions& o, Context&) {
  auto m = read_machine(o.machine);
  if (!m) return fail(m.error());
  auto text = read_text(o.certificate);
  if (!text) return fail(text.error());
  const core::Json j = core::Json::parse(*text, nullptr, false);
  if (j.is_discarded()) return fail(core::bad_input(o.certificate + ": not JSON"));
  auto cert = bb::certificate_from_json(j);
  if (!cert) return fail(cert.error().with_context(o.certificate));
  const core::Status s = bb::check_certificate(bb::to_string(*m), *cert);
  if (o.json) {
    core::OrderedJson out;
    out["valid"] = s.ok();
    out["message"] = s.ok() ? std::string("certificate checked") : s.error().message;
    std::cout << out.dump() << '\n';
  } else {
    std::cout << (s.ok() ? "valid" : "invalid: " + s.error().message) << '\n';
  }
  return kOk;
}

int known(const BbOptions& o, Context& ctx) {
  core::OrderedJson rows = core::OrderedJson::array();
  bool all = true;
  for (const bb::KnownValue& k : bb::known_values()) {
    core::Stopwatch clock;
    const bb::RunResult r = bb::run_accelerated(*bb::parse_machine(k.machine), 1'000'000'000, &ctx.env.cancel);
    const bool ok = r.status == bb::RunStatus::halted && r.steps == k.steps && r.ones == k.ones;
    all = all && ok;
    core::OrderedJson row;
    row["name"] = k.name;
    row["machine"] = k.machine;
    row["steps"] = r.steps;
    row["ones"] = r.ones;
    row["expected_steps"] = k.steps;
    row["expected_ones"] = k.ones;
    row["ok"] = ok;
    row["seconds"] = clock.seconds();
    rows.push_back(row);
    if (!o.json)
      std::printf("%-18s %-36s steps %10lld ones %5lld  %s (%.4f s)\n", k.name, k.machine,
                  static_cast<long long>(r.steps), static_cast<long long>(r.ones),
                  ok ? "ok" : "MISMATCH", clock.seconds());
  }
  if (o.json) std::cout << rows.dump() << '\n';
  return all ? kOk : kFailure;
}

}  // namespace

void add_bb(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<BbOptions>();
  auto* cmd = app.add_subcommand("bb", "Busy Beaver: simulate, enumerate, decide, check, known");
  cmd->require_subcommand(1);
  auto json = [o](CLI::App* sub) { sub->add_flag("--json", o->json, "Print one JSON object"); };

  auto* sim = cmd->add_subcommand("simulate", "Run a machine from the blank tape");
  sim->add_option("machine", o->machine, "Machine in bbchallenge format, e.g. 1RB1LB_1LA1RZ")->required();
  sim->add_option("--steps", o->steps, "Step budget")->capture_default_str();
  sim->add_flag("--plain", o->plain, "Use the plain simulator (default: accelerated)");
  json(sim);
  sim->callback([o, &ctx] { ctx.action = [o, &ctx] { return simulate(*o, ctx); }; });

  auto* en = cmd->add_subcommand("enumerate", "Enumerate and decide a Tree Normal Form space");
  en->add_option("--states", o->states, "States (1-8)")->capture_default_str();
  en->add_option("--symbols", o->symbols, "Symbols (2-4)")->capture_default_str();
  en->add_flag("--no-check", o->no_check, "Skip the independent certificate check");
  en->add_option("--max-machines", o->max_machines,
                 "Stop after this many machines of the TNF walk (0 = the whole space)")
      ->capture_default_str();
  json(en);
  en->callback([o, &ctx] { ctx.action = [o, &ctx] { return enumerate(*o, ctx); }; });

  auto* de = cmd->add_subcommand("decide", "Decide a machine; print the verdict and certificate");
  de->add_option("machine", o->machine, "Machine in bbchallenge format")->required();
  json(de);
  de->callback([o, &ctx] { ctx.action = [o, &ctx] { return decide(*o, ctx); }; });

  auto* ch = cmd->add_subcommand("check", "Check a certificate (JSON file, '-' = stdin)");
  ch->add_option("machine", o->machine, "Machine in bbchallenge format")->required();
  ch->add_option("certificate", o->certificate, "Certificate file")->required();
  json(ch);
  ch->callback([o, &ctx] { ctx.action = [o, &ctx] { return check(*o, ctx); }; });

  auto* kn = cmd->add_subcommand("known", "Reproduce the known Busy Beaver values");
  json(kn);
  kn->callback([o, &ctx] { ctx.action = [o, &ctx] { return known(*o, ctx); }; });
}

}  // namespace tcs::cli
