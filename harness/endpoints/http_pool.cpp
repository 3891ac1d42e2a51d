#include "harness/endpoints/http_pool.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <map>
#include <optional>
#include <mutex>
#include <queue>
#include <thread>

#include <curl/curl.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "harness/core/contract.hpp"

namespace tcs::endpoints {

using Clock = std::chrono::steady_clock;

std::string_view to_string(TransportError error) {
  switch (error) {
    case TransportError::none: return "none";
    case TransportError::connect: return "connect";
    case TransportError::timeout: return "timeout";
    case TransportError::reset: return "reset";
    case TransportError::oversized: return "oversized";
    case TransportError::cancelled: return "cancelled";
    case TransportError::other: return "transport";
  }
  return "transport";
}

namespace {

struct Transfer {
  uint64_t id = 0;
  CURL* easy = nullptr;
  HttpRequest request;
  HttpResult result;
  HttpPool::Callback callback;
  Clock::time_point start;
  bool oversized = false;
};

// The pool whose loop runs on this thread, if any: work handed over from the loop itself needs
// no doorbell, since the loop drains its inbox before it waits again.
thread_local const void* t_loop_owner = nullptr;

struct Timer {
  Clock::time_point due;
  uint64_t seq;
  std::function<void()> fn;
  bool operator>(const Timer& o) const { return due != o.due ? due > o.due : seq > o.seq; }
};

// Header names are case-insensitive; values lose surrounding blanks and the CRLF.
bool header_is(std::string_view line, std::string_view name, std::string& out) {
  if (line.size() <= name.size() || line[name.size()] != ':') return false;
  if (strncasecmp(line.data(), name.data(), name.size()) != 0) return false;
  std::string_view v = line.substr(name.size() + 1);
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' ')) v.remove_suffix(1);
  out = std::string(v);
  return true;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::string_view line(data, size * n);
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (after 100-continue or a redirect)
    t->result.retry_after.clear();
    t->result.retry_after_ms.clear();
  }
  header_is(line, "retry-after", t->result.retry_after) ||
      header_is(line, "retry-after-ms", t->result.retry_after_ms) ||
      header_is(line, "content-type", t->result.content_type);
  return size * n;
}

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  if (static_cast<int64_t>(t->result.body.size() + size * n) > t->request.max_body_bytes) {
    t->oversized = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->result.body.append(data, size * n);
  return size * n;
}

TransportError classify(CURLcode code, bool oversized) {
  switch (code) {
    case CURLE_OK: return TransportError::none;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return TransportError::connect;
    case CURLE_OPERATION_TIMEDOUT: return TransportError::timeout;
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM: return TransportError::reset;
    case CURLE_WRITE_ERROR: return oversized ? TransportError::oversized : TransportError::other;
    default: return TransportError::other;
  }
}

}  // namespace

struct HttpPool::Impl {
  HttpPoolOptions options;
  CURLM* multi = nullptr;
  std::thread thread;
  mutable std::mutex mutex;  // guards the inbox, cancels, tasks_in, timers_in and stopping
  std::vector<std::unique_ptr<Transfer>> inbox;
  std::vector<uint64_t> cancels;
  std::vector<std::function<void()>> tasks_in;  // post() without a delay: run in order, no timer
  std::vector<Timer> timers_in;
  bool stopping = false;
  std::atomic<uint64_t> next_id{1}, timer_seq{0};
  std::atomic<int64_t> submitted{0}, completed{0};
  int epoll_fd = -1;
  int wake_fd = -1;                      // an eventfd in the epoll set: other threads' doorbell
  std::atomic<bool> wake_pending{false};  // coalesces doorbell writes
  // I/O thread only:
  int last_batch = 0;  // events the last epoll_wait returned
  std::optional<Clock::time_point> curl_due;  // libcurl's own timer (CURLMOPT_TIMERFUNCTION)
  std::map<uint64_t, std::unique_ptr<Transfer>> running;
  std::vector<CURL*> idle_easy;
  std::priority_queue<Timer, std::vector<Timer>, std::greater<>> timers;

  void loop();
  void wake();
  void read_done();
  void wait_for_events();
  static int on_socket(CURL*, curl_socket_t fd, int what, void* self, void* registered);
  // The epoll set, per fd: the events registered with the kernel (0 = not in the set) and
  // whether libcurl watches the socket. A socket libcurl stops watching between two transfers
  // on its connection stays in the set with its events, so the next transfer on that
  // connection usually needs no epoll_ctl at all; an event on a socket nobody watches takes it
  // out. libcurl may close a socket without saying so and the number may come back for a new
  // one, but every socket libcurl opens passes through on_open_socket, which resets the entry.
  struct Watch {
    uint32_t events = 0;
    bool wanted = false;
  };
  std::vector<Watch> watches;
  Watch& watch(curl_socket_t fd) {
    if (watches.size() <= static_cast<size_t>(fd)) watches.resize(static_cast<size_t>(fd) + 1);
    return watches[static_cast<size_t>(fd)];
  }
  static int on_timer(CURLM*, long timeout_ms, void* self);
  static curl_socket_t on_open_socket(void* self, curlsocktype, curl_sockaddr* address);
  void start(std::unique_ptr<Transfer> t);
  void finish(uint64_t id, CURLcode code, bool cancelled);
  void drain_inbox();
  void run_due_timers();
  int poll_timeout_ms() const;
  void configure(Transfer& t);
};

HttpHeaders::HttpHeaders(const std::vector<std::string>& lines) {
  curl_slist* list = nullptr;
  for (const auto& h : lines) list = curl_slist_append(list, h.c_str());
  list = curl_slist_append(list, "Expect:");  // no 100-continue round trip
  TCS_REQUIRE(list != nullptr, "curl_slist_append failed");
  list_ = list;
}

HttpHeaders::~HttpHeaders() { curl_slist_free_all(static_cast<curl_slist*>(list_)); }

// libcurl opens every socket it uses through here, so a socket number that comes back for a
// new connection is known to be new (see Impl::watches).
curl_socket_t HttpPool::Impl::on_open_socket(void* self, curlsocktype, curl_sockaddr* address) {
  const curl_socket_t fd = ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
  if (fd >= 0) static_cast<Impl*>(self)->watch(fd) = Watch{};
  return fd < 0 ? CURL_SOCKET_BAD : fd;
}

void HttpPool::Impl::configure(Transfer& t) {
  CURL* e = t.easy;
  const HttpRequest& r = t.request;
  TCS_REQUIRE(r.url && r.body, "an HTTP request needs a URL and a body");
  curl_easy_setopt(e, CURLOPT_URL, r.url->c_str());
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, r.headers ? static_cast<curl_slist*>(r.headers->curl_list()) : nullptr);
  curl_easy_setopt(e, CURLOPT_POSTFIELDS, r.body->data());
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body->size()));
  curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &Impl::on_open_socket);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, this);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);  // prefer multiplexing on an HTTP/2 connection
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(r.connect_timeout_s * 1000));
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(r.timeout_s * 1000));
  // Every option is set on every use (no curl_easy_reset), so nothing leaks between requests.
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, r.streaming ? 1L : 0L);
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME,
                   r.streaming ? static_cast<long>(r.stream_idle_s + 0.999) : 0L);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
}

void HttpPool::Impl::start(std::unique_ptr<Transfer> t) {
  if (!idle_easy.empty()) {
    t->easy = idle_easy.back();  // keeps its DNS and TLS session caches
    idle_easy.pop_back();
  } else {
    t->easy = curl_easy_init();
    TCS_REQUIRE(t->easy != nullptr, "curl_easy_init failed");
  }
  configure(*t);
  t->start = Clock::now();
  curl_multi_add_handle(multi, t->easy);
  running.emplace(t->id, std::move(t));
}

void HttpPool::Impl::finish(uint64_t id, CURLcode code, bool cancelled) {
  auto it = running.find(id);
  if (it == running.end()) return;
  std::unique_ptr<Transfer> t = std::move(it->second);
  running.erase(it);
  curl_multi_remove_handle(multi, t->easy);
  HttpResult& r = t->result;
  r.seconds = std::chrono::duration<double>(Clock::now() - t->start).count();
  r.error = cancelled ? TransportError::cancelled : classify(code, t->oversized);
  if (r.error != TransportError::none)
    r.error_text = cancelled ? "cancelled" : curl_easy_strerror(code);
  else
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &r.status);
  r.id = t->id;
  idle_easy.push_back(t->easy);
  ++completed;
  t->callback(std::move(r));
}

void HttpPool::Impl::drain_inbox() {
  std::vector<std::unique_ptr<Transfer>> starts;
  std::vector<uint64_t> stops;
  std::vector<std::function<void()>> tasks;
  {
    std::lock_guard lock(mutex);
    starts.swap(inbox);
    stops.swap(cancels);
    tasks.swap(tasks_in);
    for (auto& t : timers_in) timers.push(std::move(t));
    timers_in.clear();
  }
  for (auto& t : starts) start(std::move(t));
  for (uint64_t id : stops) finish(id, CURLE_OK, true);
  for (auto& fn : tasks) fn();
}

void HttpPool::Impl::run_due_timers() {
  const auto now = Clock::now();
  while (!timers.empty() && timers.top().due <= now) {
    auto fn = std::move(const_cast<Timer&>(timers.top()).fn);
    timers.pop();
    fn();
  }
}

int HttpPool::Impl::poll_timeout_ms() const {
  std::optional<Clock::time_point> due = curl_due;
  if (!timers.empty() && (!due || timers.top().due < *due)) due = timers.top().due;
  if (!due) return 1000;
  auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(*due - Clock::now());
  return static_cast<int>(std::clamp<int64_t>(wait.count() + 1, 0, 1000));
}

// libcurl tells which sockets to watch for what; they go into the epoll set.
int HttpPool::Impl::on_socket(CURL*, curl_socket_t fd, int what, void* self, void* registered) {
  auto* impl = static_cast<Impl*>(self);
  Watch& w = impl->watch(fd);
  if (what == CURL_POLL_REMOVE) {
    w.wanted = false;  // stays in the epoll set for the connection's next transfer
    curl_multi_assign(impl->multi, fd, nullptr);
    return 0;
  }
  const uint32_t events =
      ((what & CURL_POLL_IN) ? EPOLLIN : 0u) | ((what & CURL_POLL_OUT) ? EPOLLOUT : 0u);
  if (w.events != events) {
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    if (epoll_ctl(impl->epoll_fd, w.events ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev) != 0 &&
        epoll_ctl(impl->epoll_fd, w.events ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &ev) != 0)
      return -1;  // libcurl fails the transfers on this socket
    w.events = events;
  }
  w.wanted = true;
  if (!registered) curl_multi_assign(impl->multi, fd, impl);
  return 0;
}

int HttpPool::Impl::on_timer(CURLM*, long timeout_ms, void* self) {
  auto* impl = static_cast<Impl*>(self);
  if (timeout_ms < 0) impl->curl_due.reset();
  else impl->curl_due = Clock::now() + std::chrono::milliseconds(timeout_ms);
  return 0;
}

void HttpPool::Impl::wake() {
  if (t_loop_owner == this) return;
  if (wake_pending.exchange(true)) return;  // the loop has not seen the last ring yet
  const uint64_t one = 1;
  (void)!::write(wake_fd, &one, sizeof one);
}

void HttpPool::Impl::read_done() {
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    Transfer* t = nullptr;
    curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
    finish(t->id, msg->data.result, false);
  }
}

// Under load, responses arrive a fraction of a millisecond apart and waking up for each one
// costs a context switch and a syscall per response. With many transfers running and the last
// wake-up finding little to do, the loop first lets a short window pass, so one wake-up takes
// a batch (interrupt coalescing): at most `coalesce_s` more latency on requests that take
// hundreds of milliseconds, and ~13 % less client CPU at 256 in flight (perf_endpoints).
void HttpPool::Impl::wait_for_events() {
  if (options.coalesce_s > 0 && static_cast<long>(running.size()) >= options.coalesce_from &&
      last_batch < 4)
    std::this_thread::sleep_for(std::chrono::duration<double>(options.coalesce_s));
  epoll_event events[256];
  const int n = epoll_wait(epoll_fd, events, 256, poll_timeout_ms());
  last_batch = n;
  int active = 0;
  for (int i = 0; i < n; ++i) {
    const int fd = events[i].data.fd;
    if (fd == wake_fd) {
      uint64_t count;
      (void)!::read(wake_fd, &count, sizeof count);
      wake_pending = false;
      continue;
    }
    if (fd < 0 || static_cast<size_t>(fd) >= watches.size() || !watches[static_cast<size_t>(fd)].wanted) {
      // An idle connection's socket (the server closed it, or sent something unasked): leave
      // it to libcurl to find when it next uses the connection, and stop listening.
      epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
      if (fd >= 0 && static_cast<size_t>(fd) < watches.size()) watches[static_cast<size_t>(fd)].events = 0;
      continue;
    }
    const uint32_t e = events[i].events;
    const int flags = ((e & EPOLLIN) ? CURL_CSELECT_IN : 0) | ((e & EPOLLOUT) ? CURL_CSELECT_OUT : 0) |
                      ((e & (EPOLLERR | EPOLLHUP)) ? CURL_CSELECT_ERR : 0);
    curl_multi_socket_action(multi, fd, flags, &active);
  }
}

// Why epoll and curl_multi_socket_action rather than curl_multi_poll: curl_multi_perform visits
// every transfer on each wake-up, which costs O(requests in flight) per event and dominated the
// client's CPU at 256 in flight; the socket API touches only the sockets that are ready.
void HttpPool::Impl::loop() {
  t_loop_owner = this;
  for (;;) {
    drain_inbox();
    run_due_timers();
    if (curl_due && *curl_due <= Clock::now()) {
      curl_due.reset();
      int active = 0;
      curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &active);
    }
    read_done();
    {
      std::lock_guard lock(mutex);
      if (stopping) break;
      if (!inbox.empty() || !cancels.empty() || !tasks_in.empty() || !timers_in.empty()) continue;
    }
    wait_for_events();
    read_done();
  }
  drain_inbox();
  while (!running.empty()) finish(running.begin()->first, CURLE_OK, true);
}

HttpPool::HttpPool(HttpPoolOptions options) : impl_(std::make_unique<Impl>()) {
  static std::once_flag curl_init;
  std::call_once(curl_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  impl_->options = options;
  impl_->multi = curl_multi_init();
  TCS_REQUIRE(impl_->multi != nullptr, "curl_multi_init failed");
  impl_->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  impl_->wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  TCS_REQUIRE(impl_->epoll_fd >= 0 && impl_->wake_fd >= 0, "epoll or eventfd unavailable");
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = impl_->wake_fd;
  epoll_ctl(impl_->epoll_fd, EPOLL_CTL_ADD, impl_->wake_fd, &ev);
  curl_multi_setopt(impl_->multi, CURLMOPT_SOCKETFUNCTION, &Impl::on_socket);
  curl_multi_setopt(impl_->multi, CURLMOPT_SOCKETDATA, impl_.get());
  curl_multi_setopt(impl_->multi, CURLMOPT_TIMERFUNCTION, &Impl::on_timer);
  curl_multi_setopt(impl_->multi, CURLMOPT_TIMERDATA, impl_.get());
  curl_multi_setopt(impl_->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  curl_multi_setopt(impl_->multi, CURLMOPT_MAXCONNECTS, options.max_connections);
  if (options.max_host_connections > 0)
    curl_multi_setopt(impl_->multi, CURLMOPT_MAX_HOST_CONNECTIONS, options.max_host_connections);
  impl_->thread = std::thread([this] { impl_->loop(); });
}

HttpPool::~HttpPool() {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->wake();
  impl_->thread.join();
  for (CURL* e : impl_->idle_easy) curl_easy_cleanup(e);
  curl_multi_cleanup(impl_->multi);
  ::close(impl_->wake_fd);
  ::close(impl_->epoll_fd);
}

uint64_t HttpPool::submit(HttpRequest request, Callback callback) {
  auto t = std::make_unique<Transfer>();
  t->id = impl_->next_id++;
  t->request = std::move(request);
  t->callback = std::move(callback);
  const uint64_t id = t->id;
  ++impl_->submitted;
  {
    std::lock_guard lock(impl_->mutex);
    if (!impl_->stopping) {
      impl_->inbox.push_back(std::move(t));
      t = nullptr;
    }
  }
  if (t) {  // the pool is shutting down: answered at once, never started
    t->result.id = id;
    t->result.error = TransportError::cancelled;
    t->result.error_text = "the HTTP pool is shutting down";
    ++impl_->completed;
    t->callback(std::move(t->result));
    return id;
  }
  impl_->wake();
  return id;
}

void HttpPool::cancel(uint64_t id) {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->cancels.push_back(id);
  }
  impl_->wake();
}

bool HttpPool::post(std::function<void()> fn, double delay_s) {
  if (delay_s <= 0) {
    {
      std::lock_guard lock(impl_->mutex);
      if (impl_->stopping) return false;
      impl_->tasks_in.push_back(std::move(fn));
    }
    impl_->wake();
    return true;
  }
  Timer timer{Clock::now() + std::chrono::microseconds(static_cast<int64_t>(delay_s * 1e6)),
              impl_->timer_seq++, std::move(fn)};
  {
    std::lock_guard lock(impl_->mutex);
    if (impl_->stopping) return false;
    impl_->timers_in.push_back(std::move(timer));
  }
  impl_->wake();
  return true;
}

HttpPool::Counters HttpPool::counters() const {
  Counters c;
  c.submitted = impl_->submitted;
  c.completed = impl_->completed;
  c.in_flight = c.submitted - c.completed;
  return c;
}

}  // namespace tcs::endpoints
