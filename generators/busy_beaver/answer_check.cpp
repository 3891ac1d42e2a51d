// The native checker of Busy Beaver answers (formats in problems.hpp).
#include "generators/busy_beaver/certificate.hpp"
#include "generators/busy_beaver/family.hpp"
#include "generators/busy_beaver/macro_simulate.hpp"
#include "generators/busy_beaver/problems.hpp"

namespace tcs::busy_beaver {

namespace {

using core::Json;
using core::Verdict;

// Witness runs are checked by the independent checker, which is simple and slow; this bounds
// one check to about a second.
constexpr int64_t kMaxWitnessSteps = 100'000'000;

// Models wrap JSON in prose or code fences: the answer is the text from the first '{' to the
// last '}'.
core::Expected<Json> read_answer(std::string_view text) {
  const size_t open = text.find('{'), close = text.rfind('}');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return core::bad_input("the answer holds no JSON object");
  Json j = Json::parse(text.substr(open, close - open + 1), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return core::bad_input("the answer's JSON object does not parse");
  return j;
}

core::Expected<int64_t> integer_field(const Json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_number_integer())
    return core::bad_input(std::string("the answer needs an integer field \"") + key + "\"");
  return j[key].get<int64_t>();
}

Verdict from_status(const core::Status& s, const std::string& ok) {
  return s.ok() ? Verdict::verified(ok) : Verdict::rejected(s.error().message);
}

Verdict check_steps(const Claim& c, const Json& j) {
  auto steps = integer_field(j, "steps");
  if (!steps) return Verdict::rejected(steps.error().message);
  if (*steps < 1 || *steps > kMaxCertificateSteps) return Verdict::rejected("steps out of range");
  return from_status(check_certificate(to_string(c.machine), {CertificateKind::halting, *steps, 0, 0, true}),
                     "halts at step " + std::to_string(*steps));
}

Verdict check_ones(const Claim& c, const Json& j) {
  auto ones = integer_field(j, "ones");
  if (!ones) return Verdict::rejected(ones.error().message);
  const RunResult r = run_accelerated(c.machine, c.n);
  if (r.status != RunStatus::halted || r.steps != c.n)
    return Verdict::failed("bad problem: the machine does not halt at step " + std::to_string(c.n));
  if (r.ones != *ones)
    return Verdict::rejected("wrong count of non-blank cells: " + std::to_string(*ones));
  return Verdict::verified(std::to_string(r.ones) + " non-blank cells at halt");
}

Verdict check_state(const Claim& c, const Json& j) {
  if (!j.contains("state") || !j["state"].is_string())
    return Verdict::rejected("the answer needs a string field \"state\"");
  const RunResult r = run_plain(c.machine, c.n);
  if (r.status != RunStatus::limit)
    return Verdict::failed("bad problem: the machine halts within " + std::to_string(c.n) + " steps");
  const std::string truth(1, static_cast<char>('A' + r.state));
  if (j["state"] != truth) return Verdict::rejected("wrong state " + j["state"].dump());
  return Verdict::verified("state " + truth + " after " + std::to_string(c.n) + " steps");
}

Verdict check_never(const Claim& c, const Json& j) {
  auto cert = certificate_from_json(j);
  if (!cert) return Verdict::rejected(cert.error().message);
  if (cert->kind == CertificateKind::halting)
    return Verdict::rejected("a halting certificate does not prove non-halting");
  return from_status(check_certificate(to_string(c.machine), *cert), "certificate checked");
}

Verdict check_witness(const Claim& c, const Json& j) {
  if (!j.contains("machine") || !j["machine"].is_string())
    return Verdict::rejected("the answer needs a string field \"machine\"");
  auto witness = parse_machine(j["machine"].get<std::string>());
  if (!witness) return Verdict::rejected("machine: " + witness.error().message);
  if (witness->states > c.machine.states || witness->symbols != c.machine.symbols)
    return Verdict::rejected("the witness must have at most " + std::to_string(c.machine.states) +
                             " states and " + std::to_string(c.machine.symbols) + " symbols");
  auto steps = integer_field(j, "steps");
  if (!steps) return Verdict::rejected(steps.error().message);
  if (*steps < c.n) return Verdict::rejected("the witness halts too early: " + std::to_string(*steps));
  if (*steps > kMaxWitnessSteps) return Verdict::rejected("witness runs above 10^8 steps are not checked");
  return from_status(check_certificate(to_string(*witness), {CertificateKind::halting, *steps, 0, 0, true}),
                     "witness halts at step " + std::to_string(*steps));
}

}  // namespace

Verdict check_answer(const core::Problem& p, std::string_view text, int64_t max_bytes) {
  auto claim = claim_from_params(p.kind, p.params);
  if (!claim) return Verdict::failed(p.id + ": bad problem: " + claim.error().message);
  if (max_bytes > 0 && static_cast<int64_t>(text.size()) > max_bytes)
    return Verdict::rejected("the answer is longer than " + std::to_string(max_bytes) + " bytes");
  auto j = read_answer(text);
  if (!j) return Verdict::rejected(j.error().message);
  if (p.kind == "halts_in") return check_steps(*claim, *j);
  if (p.kind == "ones_on_halt") return check_ones(*claim, *j);
  if (p.kind == "no_halt_within") return check_state(*claim, *j);
  if (p.kind == "never_halts") return check_never(*claim, *j);
  return check_witness(*claim, *j);
}

}  // namespace tcs::busy_beaver
