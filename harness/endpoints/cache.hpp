// ResponseCache: raw response bodies in SQLite, keyed by a hash of (protocol, base URL, model,
// request body). The "request body" here is the body as sent, followed by the sample's seed when
// the body does not carry it (see Endpoint::complete). A cached body is re-parsed on a hit, so a repeated run gives the same results
// with zero network requests. The key never involves the API key (it travels in a header, not
// the body), so neither the key nor anything derived from it reaches the file.
//
// The file is created with the first stored response, not when the cache is opened: a run that
// stops on bad input before any request (a bad template found after the first endpoint was
// made, say) leaves no file behind. Opening still fails at once when the file could not be made.
//
// Thread-safe: one connection behind a mutex; WAL so that other readers are not blocked.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "harness/core/expected.hpp"

struct sqlite3;

namespace tcs::endpoints {

class ResponseCache {
 public:
  // Opens the file and its table `llm_cache` when the file exists; otherwise checks that its
  // folder is writable and creates both with the first put().
  static core::Expected<std::unique_ptr<ResponseCache>> open(const std::string& path);
  ~ResponseCache();

  static std::string key(std::string_view protocol, std::string_view base_url,
                         std::string_view model, std::string_view request_body);
  // The recorded body for exactly this request (the stored request is compared too, so a hash
  // collision is a miss, never a wrong answer).
  std::optional<std::string> get(const std::string& key, std::string_view request_body);
  core::Status put(const std::string& key, std::string_view protocol, std::string_view base_url,
                   std::string_view model, std::string_view request_body,
                   std::string_view response_body);
  int64_t size();

 private:
  explicit ResponseCache(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  static core::Expected<sqlite3*> connect(const std::string& path);
  sqlite3* db_;  // nullptr until the file exists
  std::string path_;
  std::mutex mutex_;
};

}  // namespace tcs::endpoints
