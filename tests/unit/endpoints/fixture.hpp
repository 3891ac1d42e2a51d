// Shared pieces of the endpoint tests: a loopback fake server and endpoint configs aimed at it,
// with short backoffs so retries take milliseconds.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

#include "harness/endpoints/config.hpp"
#include "harness/endpoints/fake_server.hpp"

namespace tcs::endpoints::testing {

inline std::unique_ptr<FakeServer> start_server(FakeServerOptions options = {}) {
  options.threads = std::min<size_t>(options.threads, 64);
  auto server = std::make_unique<FakeServer>(options);
  auto started = server->start();
  EXPECT_TRUE(started.ok()) << started.error().message;
  return server;
}

inline EndpointConfig openai_config(const FakeServer& server, const std::string& name = "fake") {
  EndpointConfig c;
  c.name = name;
  c.base_url = server.base_url();
  c.model = "fake-model";
  c.backoff_initial_s = 0.002;
  c.backoff_max_s = 0.02;
  c.timeout_s = 10;
  return c;
}

inline EndpointConfig anthropic_config(const FakeServer& server) {
  EndpointConfig c = openai_config(server, "claude");
  c.protocol = Protocol::anthropic;
  c.supports_n = false;
  c.logprobs = false;
  return c;
}

// A fresh directory under the system's temporary directory, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("tcs_endpoints_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::filesystem::path path_;
};

}  // namespace tcs::endpoints::testing
