// Session: a Child whose stdin stays open; reads are framed by the caller's protocol.
#include "provers/process/session.hpp"

#include "harness/core/env.hpp"
#include "provers/process/child.hpp"

namespace tcs::process {

namespace {

Clock::time_point deadline_after(double seconds) {
  if (seconds <= 0) return Clock::time_point::max();
  return Clock::now() +
         std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

}  // namespace

core::Expected<std::unique_ptr<Session>> Session::start(const Spec& spec) {
  auto child = Child::spawn(spec);
  if (!child) return child.error();
  auto session = std::unique_ptr<Session>(new Session(std::move(*child)));
  session->spec_grace_ = spec.grace_seconds;
  return session;
}

Session::Session(std::unique_ptr<Child> child) : child_(std::move(child)) {}

Session::~Session() { stop(); }

core::Status Session::send(std::string_view text, double seconds) {
  if (stopped_ || child_->exited())
    return core::Error{core::ErrorCode::io, "process: the child has exited"};
  child_->write(std::string(text));
  Child& c = *child_;
  if (!c.pump_until([&c] { return c.written() || c.exited(); }, deadline_after(seconds)))
    return core::Error{core::ErrorCode::io, "process: the child did not read its input in time"};
  if (!c.written()) return core::Error{core::ErrorCode::io, "process: the child has exited"};
  return {};
}

Session::Frame Session::read_frame(const Framer& framer, double seconds) {
  Frame frame;
  if (stopped_) {
    frame.status = ReadStatus::exited;
    return frame;
  }
  std::string& out = child_->out();
  std::optional<size_t> length;
  bool found = child_->pump_until([&] { return (length = framer(out)).has_value(); },
                                  deadline_after(seconds));
  if (!found) {
    frame.status = child_->exited() ? ReadStatus::exited : ReadStatus::timeout;
    frame.text = out;
    return frame;
  }
  frame.text = out.substr(0, *length);
  out.erase(0, *length);
  return frame;
}

bool Session::running() {
  if (stopped_) return false;
  child_->pump_until([] { return false; }, Clock::now());
  return !child_->exited();
}

int Session::pid() const { return child_->pid(); }

std::string Session::stderr_text() const { return child_->err(); }

Result Session::stop() {
  if (stopped_) return *stopped_;
  // End of input first: REPLs and coqtop exit cleanly on it, which is cheaper than a signal.
  Child& c = *child_;
  c.close_stdin();
  c.pump_until([&c] { return c.exited(); }, deadline_after(spec_grace_));
  stopped_ = c.finish(false, 0);
  return *stopped_;
}

}  // namespace tcs::process
