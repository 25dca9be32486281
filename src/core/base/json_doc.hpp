// A parsed JSON document that remembers where each value stood in the text, so that every
// problem can be reported with its JSON pointer and line:column.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostics.hpp"
#include "base/result.hpp"

namespace rlt {

using Json = nlohmann::json;

struct JsonLimits {
  /// A case is kilobytes; 8 MiB is far beyond any real one.
  std::size_t max_bytes = std::size_t{8} * 1024 * 1024;
  std::size_t max_depth = 64;  ///< the deepest valid case nests about 6 levels
};

class JsonDoc {
 public:
  Json root;
  /// Position of the value (or, for object members, of the key) at each JSON pointer.
  [[nodiscard]] SourcePos position(const std::string& pointer) const;

  std::vector<std::size_t> line_starts;  ///< byte offset of each line
  [[nodiscard]] SourcePos position_of_offset(std::size_t offset) const;

  /// The source text, kept so that the pointer index can be built when a position is first
  /// asked for (a valid document never needs it).
  std::string text;
  /// pointer → byte offset; built lazily by position().
  mutable std::unordered_map<std::string, std::size_t> offsets;
  mutable bool indexed = false;
};

/// Parse text into a JsonDoc. Malformed JSON, duplicate keys, nesting deeper than the limit,
/// and oversized input are reported as diagnostics (never thrown, never a crash).
/// On failure `diags` holds at least one problem and the returned doc is empty.
bool parse_json(std::string_view text, const JsonLimits& limits, JsonDoc& doc, Diagnostics& diags);

/// Read a whole file, refusing more than max_bytes. Errors: "file_unreadable", "file_too_large".
Result<std::string> read_text_file(const std::string& path, std::size_t max_bytes);

/// A short printable rendering of a JSON value for messages ("120", "\"G4\"", "an object").
std::string describe_json(const Json& v);

}  // namespace rlt
