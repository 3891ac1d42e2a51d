#include "generators/busy_beaver/tnf.hpp"

#include "generators/busy_beaver/certificate.hpp"
#include "generators/busy_beaver/far.hpp"
#include "generators/busy_beaver/ngram_cps.hpp"

namespace tcs::busy_beaver {

std::string_view decider_name(CertificateKind kind) {
  switch (kind) {
    case CertificateKind::halting: return "halting";
    case CertificateKind::cycler: return "cycler";
    case CertificateKind::translated_cycler: return "translated_cycler";
    case CertificateKind::ngram_cps: return "ngram_cps";
    case CertificateKind::far: return "far";
  }
  return "?";
}

namespace {

// Depth-first walk of the tree; the machine is filled and unfilled in place.
class Enumerator {
 public:
  Enumerator(const EnumerateOptions& o, EnumerationResult& r) : o_(o), r_(r) {
    machine_.states = o.states;
    machine_.symbols = o.symbols;
    machine_.table.assign(static_cast<size_t>(o.states * o.symbols), Transition{false, 0, true, 'A'});
    packed_.states = o.states;
    packed_.symbols = o.symbols;
    packed_.table.resize(machine_.table.size());
    for (size_t i = 0; i < packed_.table.size(); ++i)
      packed_.table[i] = {static_cast<uint8_t>(i % o.symbols), 0, kHalt};
  }

  void visit(int used_states, int undefined) {
    if (o_.cancel && (r_.total & 1023) == 0 && o_.cancel->cancelled()) r_.cancelled = true;
    if (r_.cancelled || r_.truncated) return;
    if (o_.max_machines > 0 && r_.total >= o_.max_machines) {
      r_.truncated = true;
      return;
    }
    const Decision d = decide();
    record(d);
    if (d.outcome != Outcome::halting || undefined == 1) return;
    const int s = d.halt_state, read = d.halt_read;
    const bool first = undefined == o_.states * o_.symbols;
    const int next_limit = std::min(used_states + 1, o_.states);
    for (int write = 0; write < o_.symbols; ++write)
      for (int right = first ? 1 : 0; right <= 1; ++right)
        for (int next = 0; next < next_limit; ++next) {
          fill(s, read, write, right, next);
          visit(std::max(used_states, next + 1), undefined - 1);
          unfill(s, read);
        }
  }

 private:
  Decision decide() {
    Decision d;
    for (int64_t steps : o_.loop_steps) {
      d = decider_.run(packed_, steps);
      if (d.outcome != Outcome::undecided) return d;
    }
    for (auto [n, block] : o_.ngram_sizes) {
      if (!NgramCps::fits(packed_, n, block)) continue;
      d = ngram_.run(packed_, n, block);
      if (d.outcome != Outcome::undecided) return d;
    }
    if (o_.far_dfa_states > 0) d = far_.run(packed_, o_.far_dfa_states, o_.far_max_nodes);
    return d;
  }

  void record(const Decision& d) {
    ++r_.total;
    if (o_.visit) o_.visit(machine_, d);
    if (d.outcome == Outcome::undecided) {
      ++r_.undecided;
      if (r_.undecided_machines.size() < 1000) r_.undecided_machines.push_back(to_string(machine_));
      return;
    }
    ++r_.by_decider[std::string(decider_name(d.certificate.kind))];
    if (d.outcome == Outcome::halting) {
      ++r_.halting;
      const int64_t steps = d.certificate.steps;
      if (steps > r_.max_steps) r_.max_steps = steps, r_.max_steps_machine = to_string(machine_);
      if (d.best_ones > r_.max_ones) r_.max_ones = d.best_ones, r_.max_ones_machine = to_string(machine_);
    } else {
      ++r_.nonhalting;
    }
    if (!o_.check_certificates) return;
    ++r_.certificates_checked;
    const std::string text = to_string(machine_);
    if (auto s = check_certificate(text, d.certificate); !s)
      r_.certificate_failures.push_back(text + ": " + s.error().message);
  }

  void fill(int s, int read, int write, int right, int next) {
    const size_t i = static_cast<size_t>(s * o_.symbols + read);
    machine_.table[i] = Transition{true, static_cast<uint8_t>(write), right == 1, static_cast<char>('A' + next)};
    packed_.table[i] = {static_cast<uint8_t>(write), static_cast<int8_t>(right ? 1 : -1),
                        static_cast<uint16_t>(next * o_.symbols)};
  }
  void unfill(int s, int read) {
    const size_t i = static_cast<size_t>(s * o_.symbols + read);
    machine_.table[i] = Transition{false, 0, true, 'A'};
    packed_.table[i] = {static_cast<uint8_t>(read), 0, kHalt};
  }

  const EnumerateOptions& o_;
  EnumerationResult& r_;
  Machine machine_;
  PackedMachine packed_;
  LoopDecider decider_;
  NgramCps ngram_;
  FarDecider far_;
};

}  // namespace

core::Expected<EnumerationResult> enumerate_tnf(const EnumerateOptions& o) {
  if (o.states < 1 || o.states > 8) return core::bad_input("states must be in [1, 8]");
  if (o.symbols < 2 || o.symbols > 4) return core::bad_input("symbols must be in [2, 4]");
  if (o.states * o.symbols > 16) return core::bad_input("states x symbols must be at most 16");
  if (o.loop_steps.empty()) return core::bad_input("loop_steps must not be empty");
  if (o.max_machines < 0) return core::bad_input("max_machines must not be negative");
  EnumerationResult r;
  Enumerator e(o, r);
  e.visit(1, o.states * o.symbols);
  return r;
}

}  // namespace tcs::busy_beaver
