// Errors are values in core: one error enum, one result type. Nothing in core throws
// across its public interface, so the WebAssembly build needs no C++ exceptions and the
// bindings can turn every failure into {ok:false, error:{code, message}}.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace ha {

enum class errc {
  invalid_argument,        // the caller passed something unusable (empty image, bad option)
  corrupt_database,        // the bytes are not a knowledge base SQLite can read
  version_mismatch,        // the knowledge base was made by another format or tokenizer
  not_found,               // no such article or flow
  io_error,                // a file could not be read or written (native only)
  invalid_knowledge_base,  // kbc found authoring errors (reported as diagnostics)
  internal,                // SQLite or another library failed unexpectedly
  pages_missing,           // a knowledge base read in pages needs chunks it does not have
                           // yet (kb/paged.hpp): fetch them and call again
};

// A stable, lower-case name for each code: the bindings pass it to JavaScript, which
// chooses the customer-facing words. Never shown to customers as is.
std::string_view to_string(errc code) noexcept;

struct error {
  errc code;
  std::string message;  // for developers and logs, in English
};

// result<T> holds a T or an error. Check ok() before value(); value() on an error is a
// programming mistake (asserted in debug builds).
template <typename T>
class [[nodiscard]] result {
 public:
  result(T value) : state_(std::move(value)) {}  // NOLINT: implicit on purpose
  result(error err) : state_(std::move(err)) {}  // NOLINT
  result(errc code, std::string message) : state_(error{code, std::move(message)}) {}

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const error& err() const& { return std::get<1>(state_); }

 private:
  std::variant<T, error> state_;
};

// For operations with nothing to return.
struct ok_t {};
using status = result<ok_t>;
inline status ok_status() {
  return ok_t{};
}

}  // namespace ha
