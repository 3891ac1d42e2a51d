#include "provers/z3/solver.hpp"

#include <signal.h>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <z3++.h>

#include "harness/core/env.hpp"

namespace tcs::z3b {

namespace {

using ExprMap = std::map<std::string, z3::expr>;

z3::expr fold(const std::vector<z3::expr>& xs, z3::expr (*f)(const z3::expr&, const z3::expr&)) {
  z3::expr acc = xs[0];
  for (size_t i = 1; i < xs.size(); ++i) acc = f(acc, xs[i]);
  return acc;
}

z3::expr chain_eq(const std::vector<z3::expr>& xs) {
  z3::expr_vector parts(xs[0].ctx());
  for (size_t i = 1; i < xs.size(); ++i) parts.push_back(xs[i - 1] == xs[i]);
  return z3::mk_and(parts);
}

z3::expr build(const Term& t, z3::context& ctx, ExprMap& vars) {
  switch (t.op) {
    case Op::var: return vars.at(t.name);
    case Op::bool_const: return ctx.bool_val(t.value != 0);
    case Op::bv_const: return ctx.bv_val(static_cast<uint64_t>(t.value), static_cast<unsigned>(t.width));
    default: break;
  }
  std::vector<z3::expr> a;
  for (const auto& x : t.args) a.push_back(build(*x, ctx, vars));
  z3::expr_vector v(ctx);
  for (auto& x : a) v.push_back(x);
  switch (t.op) {
    case Op::eq: return chain_eq(a);
    case Op::distinct: return z3::distinct(v);
    case Op::not_: return !a[0];
    case Op::and_: return z3::mk_and(v);
    case Op::or_: return z3::mk_or(v);
    case Op::xor_: return a[0] ^ a[1];
    case Op::implies: return z3::implies(a[0], a[1]);
    case Op::ite: return z3::ite(a[0], a[1], a[2]);
    case Op::bvadd: return fold(a, [](const z3::expr& x, const z3::expr& y) { return x + y; });
    case Op::bvsub: return a[0] - a[1];
    case Op::bvmul: return fold(a, [](const z3::expr& x, const z3::expr& y) { return x * y; });
    case Op::bvneg: return -a[0];
    case Op::bvand: return fold(a, [](const z3::expr& x, const z3::expr& y) { return x & y; });
    case Op::bvor: return fold(a, [](const z3::expr& x, const z3::expr& y) { return x | y; });
    case Op::bvxor: return fold(a, [](const z3::expr& x, const z3::expr& y) { return x ^ y; });
    case Op::bvnot: return ~a[0];
    case Op::bvshl: return z3::shl(a[0], a[1]);
    case Op::bvlshr: return z3::lshr(a[0], a[1]);
    case Op::bvult: return z3::ult(a[0], a[1]);
    case Op::bvule: return z3::ule(a[0], a[1]);
    case Op::bvugt: return z3::ugt(a[0], a[1]);
    case Op::bvuge: return z3::uge(a[0], a[1]);
    case Op::bvslt: return a[0] < a[1];
    case Op::bvsle: return a[0] <= a[1];
    case Op::bvsgt: return a[0] > a[1];
    case Op::bvsge: return a[0] >= a[1];
    default: break;
  }
  return ctx.bool_val(false);  // unreachable: every Op is handled above
}

}  // namespace

// Z3's memory cap is process-wide; the largest cap asked for wins, so no Prover gets less
// memory than it asked for.
void raise_memory_cap(int64_t mb) {
  static std::mutex mutex;
  static int64_t current = 0;
  if (mb <= 0) return;
  std::lock_guard lock(mutex);
  if (mb <= current) return;
  current = mb;
  z3::set_param("memory_max_size", static_cast<int>(mb));
}

namespace {

core::VerdictKind classify_unknown(const std::string& reason) {
  if (reason.find("timeout") != std::string::npos || reason.find("canceled") != std::string::npos)
    return core::VerdictKind::timeout;
  if (reason.find("resource") != std::string::npos || reason.find("memory") != std::string::npos)
    return core::VerdictKind::resource_out;
  return core::VerdictKind::timeout;  // unknown for any other reason: nothing is known either
}

int64_t rlimit_count(const z3::solver& s) {
  z3::stats st = s.statistics();
  for (unsigned i = 0; i < st.size(); ++i)
    if (st.key(i) == "rlimit count") return st.is_uint(i) ? st.uint_value(i) : static_cast<int64_t>(st.double_value(i));
  return 0;
}

void set_limits(z3::solver& s, const CheckLimits& limits) {
  z3::params p(s.ctx());
  if (limits.timeout_seconds > 0)
    p.set("timeout", static_cast<unsigned>(std::max(1.0, std::ceil(limits.timeout_seconds * 1000))));
  if (limits.rlimit > 0) p.set("rlimit", static_cast<unsigned>(std::min<int64_t>(limits.rlimit, UINT32_MAX)));
  p.set("elim_vars", limits.sat_elim_vars);  // see solver.hpp: the one phase deaf to interrupts
  s.set(p);
}

// unsat = verified, sat = rejected with the values of `shown`, unknown = Z3's reason.
SmtResult finish(z3::solver& s, const std::vector<z3::expr>& shown) {
  SmtResult r;
  const z3::check_result res = s.check();
  r.rlimit_used = rlimit_count(s);
  if (res == z3::unsat) {
    r.kind = core::VerdictKind::verified;
    r.message = "unsat: the goal holds";
  } else if (res == z3::sat) {
    r.kind = core::VerdictKind::rejected;
    std::string model;
    z3::model m = s.get_model();
    for (const auto& e : shown) model += (model.empty() ? "" : ", ") + e.to_string() + " = " + m.eval(e, true).to_string();
    r.message = "counterexample: " + model;
  } else {
    const std::string reason = s.reason_unknown();
    r.kind = classify_unknown(reason);
    r.message = "unknown: " + reason;
  }
  return r;
}

SmtResult run_goal(z3::context& ctx, const SmtGoal& goal, const CheckLimits& limits) {
  ExprMap vars;
  std::vector<z3::expr> shown;
  for (const auto& d : goal.decls) {
    z3::expr v = d.width == kBool ? ctx.bool_const(d.name.c_str())
                                  : ctx.bv_const(d.name.c_str(), static_cast<unsigned>(d.width));
    vars.emplace(d.name, v);
    shown.push_back(v);
  }
  z3::expr negated = !build(*goal.target, ctx, vars);
  if (goal.hyps.empty()) {
    // Fast path for trivial and ground goals (the (linear-mba) instances): Z3's rewriter alone
    // reduces the negated target to false, so no solver is needed.
    if (z3::expr simple = negated.simplify(); simple.is_false()) {
      SmtResult r;
      r.kind = core::VerdictKind::verified;
      r.message = "unsat (by simplification): the goal holds";
      return r;
    }
  }
  z3::solver s(ctx, "QF_BV");
  set_limits(s, limits);
  for (const auto& h : goal.hyps) s.add(build(*h, ctx, vars));
  s.add(negated);
  return finish(s, shown);
}

SmtResult run_smtlib(z3::context& ctx, const std::string& text, const CheckLimits& limits) {
  z3::solver s(ctx);
  set_limits(s, limits);
  s.add(ctx.parse_string(text.c_str()));
  std::vector<z3::expr> shown;  // the model's constants, named by the user's file
  if (z3::check_result r = s.check(); r == z3::sat) {
    z3::model m = s.get_model();
    for (unsigned i = 0; i < m.num_consts(); ++i) shown.push_back(m.get_const_decl(i)());
  }
  return finish(s, shown);
}

}  // namespace

// The watchdog: Z3's own `timeout` is checked only at Z3's convenience, so a thread per Prover
// (started with the first timed check) also interrupts the context at the deadline. One
// interrupt per check; Z3 scopes interrupts to the check in progress, so a late one cannot
// cancel the next check.
struct Prover::Impl {
  z3::context ctx;
  std::mutex mutex;  // guards everything below against interrupt() and the watchdog
  std::condition_variable wake;
  bool running = false;
  bool stop = false;
  uint64_t check_id = 0;  // which check the deadline belongs to
  std::optional<std::chrono::steady_clock::time_point> deadline;
  std::thread watchdog;

  ~Impl() {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    wake.notify_all();
    if (watchdog.joinable()) watchdog.join();
  }

  void watch() {
    std::unique_lock lock(mutex);
    while (!stop) {
      if (!running || !deadline) {
        wake.wait(lock);
        continue;
      }
      const uint64_t id = check_id;
      const auto until = *deadline;
      if (wake.wait_until(lock, until, [&] { return stop || check_id != id || !deadline; }))
        continue;  // the check ended (or another began) before its deadline
      ctx.interrupt();
      deadline.reset();
    }
  }

  void begin(double timeout_s) {
    {
      std::lock_guard lock(mutex);
      running = true;
      ++check_id;
      deadline.reset();
      if (timeout_s > 0) {
        deadline = std::chrono::steady_clock::now() +
                   std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                       std::chrono::duration<double>(timeout_s));
        if (!watchdog.joinable()) watchdog = std::thread([this] { watch(); });
      }
    }
    wake.notify_all();
  }

  void end() {
    {
      std::lock_guard lock(mutex);
      running = false;
      deadline.reset();
    }
    wake.notify_all();
  }
};

Prover::Prover(ProverOptions options) : impl_(std::make_unique<Impl>()), options_(options) {
  raise_memory_cap(options.memory_mb);
}
Prover::~Prover() = default;

void Prover::interrupt() {
  if (const int pid = child_pid_.load(); pid > 0) ::kill(pid, SIGKILL);
  std::lock_guard lock(impl_->mutex);
  if (impl_->running) impl_->ctx.interrupt();
}

SmtResult Prover::check_valid(const SmtGoal& goal, double timeout_s, int64_t rlimit) {
  return run([&goal](void* ctx, const CheckLimits& limits) {
    return run_goal(*static_cast<z3::context*>(ctx), goal, limits);
  }, timeout_s, rlimit);
}

SmtResult Prover::check_smtlib(const std::string& text, double timeout_s, int64_t rlimit) {
  return run([&text](void* ctx, const CheckLimits& limits) {
    return run_smtlib(*static_cast<z3::context*>(ctx), text, limits);
  }, timeout_s, rlimit);
}

SmtResult Prover::run(const Job& job, double timeout_s, int64_t rlimit) {
  core::Stopwatch clock;
  const CheckLimits limits{timeout_s, rlimit, options_.sat_elim_vars};
  SmtResult r = options_.child_process ? check_in_child(job, limits) : check_here(job, limits);
  r.seconds = clock.seconds();
  return r;
}

SmtResult Prover::check_here(const Job& job, const CheckLimits& limits) {
  impl_->begin(limits.timeout_seconds);
  SmtResult r;
  try {
    r = job(&impl_->ctx, limits);
  } catch (const z3::exception& e) {
    r.kind = core::VerdictKind::error;
    r.message = std::string("z3: ") + e.msg();
  }
  impl_->end();
  return r;
}

core::Status parse_smtlib_status(const std::string& text) {
  try {
    z3::context ctx;  // a fresh context: Z3 keeps declarations from earlier parses
    ctx.parse_string(text.c_str());
    return {};
  } catch (const z3::exception& e) {
    std::string m = e.msg();
    // Z3 says (error "line L column C: what"); keep the inside.
    const size_t q = m.find('"'), r = m.rfind('"');
    if (q != std::string::npos && r > q) m = m.substr(q + 1, r - q - 1);
    return core::bad_input(m);
  }
}

}  // namespace tcs::z3b
