// The kimina-lean-server client against a loopback HTTP server that speaks the same API: it
// answers each snippet with a REPL answer recorded from a real Lean, and says 429 while "busy".
#include <atomic>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "provers/lean/kimina.hpp"
#include "tests/fixtures/soundness/corpus.hpp"

namespace tcs::lean {
namespace {

using Json = nlohmann::json;

// The first answer recorded in tests/fixtures/lean-repl/NAME.expected.out.
Json recorded(const std::string& name) {
  std::string text = testing::read_file(std::string(TCSPROVE_SOURCE_DIR) +
                                        "/tests/fixtures/lean-repl/" + name + ".expected.out");
  return Json::parse(text.substr(0, text.find("\n\n")));
}

class FakeKimina {
 public:
  explicit FakeKimina(int busy_first) : busy_left_(busy_first) {
    answers_["def f : Nat := by sorry"] = recorded("tactic_sorry");
    answers_["def f := 37"] = recorded("def_eval");
    server_.Post("/check", [this](const httplib::Request& req, httplib::Response& res) {
      ++requests_;
      if (busy_left_-- > 0) {
        res.status = 429;
        return;
      }
      Json body = Json::parse(req.body);
      last_timeout_ = body.value("timeout", -1.0);
      Json results = Json::array();
      for (const auto& s : body["snippets"]) {
        auto it = answers_.find(s["code"].get<std::string>());
        if (it == answers_.end())
          results.push_back({{"id", s["id"]},
                             {"time", 0.1},
                             {"error", "Lean process timed out"},
                             {"response", nullptr}});
        else
          results.push_back(
              {{"id", s["id"]}, {"time", 0.2}, {"error", nullptr}, {"response", it->second}});
      }
      res.set_content(Json{{"results", results}}.dump(), "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~FakeKimina() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int requests() const { return requests_; }
  double last_timeout() const { return last_timeout_; }

 private:
  httplib::Server server_;
  std::map<std::string, Json> answers_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<int> busy_left_, requests_{0};
  std::atomic<double> last_timeout_{0};
};

TEST(Kimina, SnippetsComeBackByIdWithTheReplAnswer) {
  FakeKimina server(0);
  KiminaClient client({server.url()});
  auto results =
      client.check({{"b", "def f := 37"}, {"a", "def f : Nat := by sorry"}, {"c", "loop"}}, 7);
  ASSERT_TRUE(results.ok()) << results.error().message;
  ASSERT_EQ(results->size(), 3u);
  EXPECT_EQ((*results)[0].id, "b");
  EXPECT_EQ((*results)[0].status, RemoteResult::Status::ok);
  EXPECT_EQ((*results)[0].response.env, 0);
  EXPECT_EQ((*results)[1].response.sorries.size(), 1u);
  EXPECT_EQ((*results)[2].status, RemoteResult::Status::timeout);
  EXPECT_DOUBLE_EQ(server.last_timeout(), 7);
}

TEST(Kimina, BusyServersAreRetriedWithBackoff) {
  FakeKimina server(2);
  KiminaOptions o{server.url()};
  o.backoff_seconds = 0.01;
  KiminaClient client(o);
  auto results = client.check({{"x", "def f := 37"}}, 5);
  ASSERT_TRUE(results.ok());
  EXPECT_EQ(results->front().status, RemoteResult::Status::ok);
  EXPECT_EQ(client.retries(), 2);
  EXPECT_EQ(server.requests(), 3);
}

TEST(Kimina, AServerBusyBeyondTheRetriesSaysSo) {
  FakeKimina server(100);
  KiminaOptions o{server.url()};
  o.backoff_seconds = 0.001;
  o.max_retries = 3;
  KiminaClient client(o);
  auto results = client.check({{"x", "def f := 37"}}, 5);
  ASSERT_TRUE(results.ok());
  EXPECT_EQ(results->front().status, RemoteResult::Status::busy);
  EXPECT_EQ(server.requests(), 4);
}

TEST(Kimina, NoServerIsAnErrorNamingTheUrl) {
  KiminaOptions o{"http://127.0.0.1:1"};
  o.connect_seconds = 1;
  auto results = KiminaClient(o).check({{"x", "y"}}, 1);
  ASSERT_FALSE(results.ok());
  EXPECT_NE(results.error().message.find("127.0.0.1:1"), std::string::npos);
}

}  // namespace
}  // namespace tcs::lean
