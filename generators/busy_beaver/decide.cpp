#include "generators/busy_beaver/decide.hpp"

#include "generators/busy_beaver/far.hpp"
#include "generators/busy_beaver/macro_simulate.hpp"
#include "generators/busy_beaver/ngram_cps.hpp"

namespace tcs::busy_beaver {

Decision decide(const Machine& machine, const DecideOptions& o) {
  const PackedMachine packed = pack(machine);
  LoopDecider loops;
  Decision d;
  for (int64_t steps : o.loop_steps) {
    d = loops.run(packed, steps);
    if (d.outcome != Outcome::undecided) return d;
  }
  NgramCps cps;
  for (auto [n, block] : o.ngram_sizes) {
    if (!NgramCps::fits(packed, n, block)) continue;
    d = cps.run(packed, n, block);
    if (d.outcome != Outcome::undecided) return d;
  }
  if (o.far_dfa_states > 0) {
    d = FarDecider().run(packed, o.far_dfa_states, o.far_max_nodes);
    if (d.outcome != Outcome::undecided) return d;
  }
  // Beyond the loop budgets only long halting runs remain worth simulating.
  const RunResult r = run_accelerated(machine, o.halting_steps, o.cancel);
  if (r.status == RunStatus::halted) {
    d.outcome = Outcome::halting;
    d.certificate = {CertificateKind::halting, r.steps, 0, 0, true};
    d.ones = d.best_ones = r.ones;
  }
  return d;
}

}  // namespace tcs::busy_beaver
