// Errors at veille's API boundaries are values: a Status with a named code and a message
// that names the file, line or byte at fault, and Result<T> for functions that return a
// value or a Status. "Unknown" outcomes (an undetected language, an unresolved place) are
// data, not errors.
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace veille {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's input is malformed (bad JSON line, bad date, bad flag)
  kNotFound,         // a file, record or resource does not exist
  kIOError,          // the operating system refused a read or write
  kCorruption,       // stored data fails a check (bad magic, checksum, schema)
  kTooLarge,         // an input exceeds a configured limit
  kInternal,         // a bug: an invariant did not hold
};

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status IOError(std::string m) { return {StatusCode::kIOError, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status TooLarge(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

template <typename T>
using Result = std::expected<T, Status>;

inline std::unexpected<Status> Err(Status s) { return std::unexpected<Status>(std::move(s)); }

}  // namespace veille

#define VEILLE_RETURN_IF_ERROR(expr)            \
  do {                                          \
    ::veille::Status veille_status_ = (expr);   \
    if (!veille_status_.ok()) return veille_status_; \
  } while (false)
