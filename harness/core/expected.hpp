// Expected failures as values: Error, Status (success or an Error) and Expected<T>.
// Bad user input, unreadable files and malformed model output travel as these; bugs abort
// (see TCS_REQUIRE in contract.hpp).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace tcs::core {

enum class ErrorCode {
  bad_input,    // the user's file, flag or suite is malformed: exit code 2
  not_found,    // a named thing (run, problem, family) does not exist: exit code 2
  io,           // the operating system refused (open, write, SQLite I/O)
  unsupported,  // a back-end or feature that this build or machine does not have
  cancelled,
  internal,
};

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;  // says where (file, line, field) and what was expected

  // A copy whose message is prefixed with context, e.g. the file name.
  Error with_context(std::string_view where) const {
    return {code, std::string(where) + ": " + message};
  }
};

inline Error bad_input(std::string message) { return {ErrorCode::bad_input, std::move(message)}; }

// Success or an Error.
class Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit on purpose
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

// A value or an Error. Access to the wrong alternative is a bug and throws bad_variant_access.
template <class T>
class Expected {
 public:
  Expected(T value) : data_(std::move(value)) {}        // NOLINT: implicit on purpose
  Expected(Error error) : data_(std::move(error)) {}    // NOLINT: implicit on purpose
  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(data_); }
  Status status() const { return ok() ? Status() : Status(error()); }

 private:
  std::variant<T, Error> data_;
};

}  // namespace tcs::core
