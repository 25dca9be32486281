// Problems found in an input document, each with where (JSON pointer, line:column), what was
// expected and what was found. Validation collects all of them; it never stops at the first.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rlt {

struct SourcePos {
  int line = 0;    ///< 1-based; 0 when unknown
  int column = 0;  ///< 1-based; 0 when unknown
};

struct Diagnostic {
  std::string pointer;   ///< RFC 6901 JSON pointer ("" is the whole document)
  SourcePos pos;         ///< where the parser saw it, when known
  std::string expected;  ///< what the format requires
  std::string found;     ///< what the input holds
  std::string code;      ///< stable machine-readable kind, e.g. "unknown_field"

  /// "/tumour/ki67 (line 12, column 5): expected percent 0–100, found 120"
  [[nodiscard]] std::string to_string() const;
};

class Diagnostics {
 public:
  /// Record a problem. After `limit` problems more are counted, not stored (and the count is
  /// reported), so a pathological input cannot exhaust memory.
  void add(Diagnostic d);
  [[nodiscard]] bool empty() const noexcept { return items_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return items_.size() + dropped_; }
  [[nodiscard]] const std::vector<Diagnostic>& items() const noexcept { return items_; }
  [[nodiscard]] std::size_t not_shown() const noexcept { return dropped_; }
  static constexpr std::size_t limit = 200;

 private:
  std::vector<Diagnostic> items_;
  std::size_t dropped_ = 0;
};

/// Escape one JSON pointer reference token (RFC 6901: ~ → ~0, / → ~1).
std::string pointer_escape(const std::string& token);

}  // namespace rlt
