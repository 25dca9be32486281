// Fact<T>: a clinical fact that may be missing. Missing is not false: a rule that needs an
// absent fact must answer "insufficient data" and name the fact, never substitute a default.
// Every fact remembers the JSON pointer it came from (or would have come from), so that each
// answer can cite its inputs.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace rlt {

template <class T>
struct Fact {
  std::optional<T> value;
  std::string pointer;  ///< where it is (or would be) in the input, e.g. "/tumour/ki67"

  [[nodiscard]] bool known() const noexcept { return value.has_value(); }
  [[nodiscard]] const T& operator*() const { return *value; }
  [[nodiscard]] const T* operator->() const { return &*value; }
  /// True only when the fact is known and equals v. Unknown is not "not v".
  [[nodiscard]] bool is(const T& v) const { return value && *value == v; }
  /// Same value (or both unknown) and same pointer.
  bool operator==(const Fact&) const = default;
};

/// Three-valued logic for derived conditions (Kleene): unknown stays unknown unless the
/// other operand decides.
enum class Tri { no, yes, unknown };

constexpr Tri tri(bool b) {
  return b ? Tri::yes : Tri::no;
}
template <class T>
constexpr Tri tri(const std::optional<T>& b) {
  return b ? tri(static_cast<bool>(*b)) : Tri::unknown;
}
constexpr Tri operator&&(Tri a, Tri b) {
  if (a == Tri::no || b == Tri::no) return Tri::no;
  if (a == Tri::yes && b == Tri::yes) return Tri::yes;
  return Tri::unknown;
}
constexpr Tri operator||(Tri a, Tri b) {
  if (a == Tri::yes || b == Tri::yes) return Tri::yes;
  if (a == Tri::no && b == Tri::no) return Tri::no;
  return Tri::unknown;
}
constexpr Tri operator!(Tri a) {
  return a == Tri::yes ? Tri::no : a == Tri::no ? Tri::yes : Tri::unknown;
}
constexpr const char* to_string(Tri t) {
  return t == Tri::yes ? "yes" : t == Tri::no ? "no" : "unknown";
}

}  // namespace rlt
