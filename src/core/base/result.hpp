// Result<T>: a value or an Error, for expected failures (bad input, a fit that does not
// converge). Exceptions are kept for conditions that end a request.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace rlt {

struct Error {
  std::string code;     ///< stable machine-readable code, e.g. "fit_not_converged"
  std::string message;  ///< what happened, for a person
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }
  [[nodiscard]] const T& value() const& { return std::get<0>(v_); }
  [[nodiscard]] T& value() & { return std::get<0>(v_); }
  [[nodiscard]] T&& value() && { return std::get<0>(std::move(v_)); }
  [[nodiscard]] const Error& error() const& { return std::get<1>(v_); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace rlt
