#include "base/json_doc.hpp"

#include <algorithm>
#include <deque>
#include <fstream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>

namespace rlt {

std::string Diagnostic::to_string() const {
  std::string where = pointer.empty() ? "(document)" : pointer;
  if (pos.line > 0) where += fmt::format(" (line {}, column {})", pos.line, pos.column);
  if (found.empty()) return fmt::format("{}: expected {}", where, expected);
  return fmt::format("{}: expected {}, found {}", where, expected, found);
}

void Diagnostics::add(Diagnostic d) {
  if (items_.size() >= limit) {
    ++dropped_;
    return;
  }
  items_.push_back(std::move(d));
}

std::string pointer_escape(const std::string& token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

SourcePos JsonDoc::position_of_offset(std::size_t offset) const {
  if (line_starts.empty()) return {};
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  auto line = static_cast<std::size_t>(std::distance(line_starts.begin(), it));  // 1-based
  std::size_t start = line_starts[line - 1];
  return {static_cast<int>(line), static_cast<int>(offset - start + 1)};
}

namespace {
void build_index(const JsonDoc& doc);
}

SourcePos JsonDoc::position(const std::string& pointer) const {
  if (!indexed) build_index(*this);
  auto it = offsets.find(pointer);
  if (it == offsets.end()) return {};
  return position_of_offset(it->second);
}

namespace {

// An input iterator over the text that publishes how far the lexer has read, so the SAX
// handler can attach positions to values. nlohmann's lexer reads through the iterator.
class TrackingIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator() = default;
  TrackingIterator(const char* p, const char** cursor) : p_(p), cursor_(cursor) {}
  reference operator*() const { return *p_; }
  TrackingIterator& operator++() {
    ++p_;
    if (cursor_ != nullptr) *cursor_ = p_;
    return *this;
  }
  TrackingIterator operator++(int) {
    auto t = *this;
    ++*this;
    return t;
  }
  bool operator==(const TrackingIterator& o) const { return p_ == o.p_; }

 private:
  const char* p_ = nullptr;
  const char** cursor_ = nullptr;
};

// Builds the DOM while recording the pointer and offset of every value, rejecting duplicate keys
// and excessive depth. Modelled on the SAX interface of nlohmann::json (json_sax).
class PositionSax {
 public:
  PositionSax(JsonDoc& doc, Diagnostics& diags, const JsonLimits& limits, const char* begin,
              const char** cursor)
      : doc_(doc), diags_(diags), limits_(limits), begin_(begin), cursor_(cursor) {}
  /// Record the pointer → offset index while parsing (the second, lazy pass).
  void record_index() { index_ = true; }

  bool null() { return put(Json(nullptr)); }
  bool boolean(bool v) { return put(Json(v)); }
  bool number_integer(Json::number_integer_t v) { return put(Json(v)); }
  bool number_unsigned(Json::number_unsigned_t v) { return put(Json(v)); }
  bool number_float(Json::number_float_t v, const std::string& /*raw*/) { return put(Json(v)); }
  bool string(std::string& v) { return put(Json(std::move(v))); }
  bool binary(Json::binary_t& /*v*/) { return put(Json(nullptr)); }

  bool start_object(std::size_t /*n*/) { return open(Json::object()); }
  bool start_array(std::size_t /*n*/) { return open(Json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& k) {
    Frame& f = frames_.back();
    std::size_t end = offset();
    std::size_t key_start = end - std::min(end, k.size() + 2);  // the key's opening quote
    if (f.node->contains(k)) {
      std::string ptr = f.pointer + "/" + pointer_escape(k);
      diags_.add({ptr, doc_.position_of_offset(key_start), "each key at most once in an object",
                  fmt::format("a second \"{}\"", k), "duplicate_key"});
      // keep parsing to find more problems; the second value goes to a discarded slot
      discard_next_ = true;
      return true;
    }
    pending_key_ = k;
    // the key ended at the cursor; record where it started
    if (index_) doc_.offsets[f.pointer + "/" + pointer_escape(k)] = key_start;
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) {
    std::string what = ex.what();
    // nlohmann's message: "[json.exception.parse_error.101] parse error at line 1, column 3:
    // syntax error while parsing value - invalid literal; last read: 'tr'"
    auto dash = what.find(" - ");
    std::string detail = dash == std::string::npos ? what : what.substr(dash + 3);
    auto semi = detail.find("; last read");
    if (semi != std::string::npos) detail.resize(semi);
    std::string found = last_token.empty() ? "end of input" : "'" + printable(last_token) + "'";
    std::string ptr = frames_.empty() ? "" : frames_.back().pointer;
    SourcePos pos = doc_.position_of_offset(position > 0 ? position - 1 : 0);
    diags_.add({ptr, pos, fmt::format("well-formed JSON ({})", detail), found, "malformed_json"});
    return false;
  }

  [[nodiscard]] bool aborted_by_limit() const { return aborted_; }

 private:
  struct Frame {
    Json* node;
    std::string pointer;
  };

  std::size_t offset() const { return static_cast<std::size_t>(*cursor_ - begin_); }
  SourcePos here() const { return doc_.position_of_offset(offset() > 0 ? offset() - 1 : 0); }

  static std::string printable(const std::string& s) {
    std::string out;
    for (char c : s.substr(0, 40)) {
      auto u = static_cast<unsigned char>(c);
      out += (u < 0x20 || u >= 0x7f) ? fmt::format("\\x{:02x}", u) : std::string(1, c);
    }
    return out;
  }

  // Where a new value goes: returns its pointer and a reference to its slot.
  std::pair<std::string, Json*> slot(bool need_pointer) {
    if (frames_.empty()) return {"", &doc_.root};
    Frame& f = frames_.back();
    if (discard_next_ && f.node->is_object()) {
      discard_next_ = false;
      scratch_.emplace_back();
      return {f.pointer + "/\x01discarded", &scratch_.back()};
    }
    if (f.node->is_array()) {
      std::string ptr =
          need_pointer ? f.pointer + "/" + std::to_string(f.node->size()) : std::string();
      f.node->push_back(Json());
      return {ptr, &f.node->back()};
    }
    std::string ptr = need_pointer ? f.pointer + "/" + pointer_escape(pending_key_) : std::string();
    return {ptr, &(*f.node)[pending_key_]};
  }

  bool put(Json v) {
    auto [ptr, target] = slot(index_);
    if (index_ && !frames_.empty() && frames_.back().node->is_array()) doc_.offsets[ptr] = offset();
    if (index_ && frames_.empty()) doc_.offsets[ptr] = 0;
    *target = std::move(v);
    return true;
  }

  bool open(Json v) {
    auto [ptr, target] = slot(true);
    if (index_ && (frames_.empty() || frames_.back().node->is_array()))
      doc_.offsets[ptr] = offset() > 0 ? offset() - 1 : 0;
    *target = std::move(v);
    if (frames_.size() + 1 > limits_.max_depth) {
      diags_.add({ptr, here(), fmt::format("nesting of at most {} levels", limits_.max_depth),
                  "deeper nesting", "too_deep"});
      aborted_ = true;
      return false;
    }
    frames_.push_back({target, ptr});
    return true;
  }

  bool close() {
    frames_.pop_back();
    return true;
  }

  JsonDoc& doc_;
  Diagnostics& diags_;
  const JsonLimits& limits_;
  const char* begin_;
  const char** cursor_;
  std::vector<Frame> frames_;
  std::string pending_key_;
  std::deque<Json> scratch_;  // values of duplicate keys: parsed for errors, then discarded
  bool discard_next_ = false;
  bool aborted_ = false;
  bool index_ = false;
};

void build_index(const JsonDoc& doc) {
  doc.indexed = true;
  if (doc.text.empty()) return;
  JsonDoc scratch;
  scratch.indexed = true;
  Diagnostics ignored;
  JsonLimits limits;
  const char* begin = doc.text.data();
  const char* cursor = begin;
  PositionSax sax(scratch, ignored, limits, begin, &cursor);
  sax.record_index();
  try {
    (void)Json::sax_parse(TrackingIterator(begin, &cursor),
                          TrackingIterator(begin + doc.text.size(), &cursor), &sax,
                          nlohmann::detail::input_format_t::json, true, false);
  } catch (const Json::exception&) {
    // the first pass reported the problem; keep what was indexed up to it
  }
  doc.offsets = std::move(scratch.offsets);
}

}  // namespace

bool parse_json(std::string_view text, const JsonLimits& limits, JsonDoc& doc, Diagnostics& diags) {
  doc = JsonDoc{};
  if (text.size() > limits.max_bytes) {
    diags.add({"",
               {},
               fmt::format("a document of at most {} bytes", limits.max_bytes),
               fmt::format("{} bytes", text.size()),
               "too_large"});
    return false;
  }
  doc.text = std::string(text);
  doc.line_starts.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') doc.line_starts.push_back(i + 1);

  const char* begin = text.data();
  const char* cursor = begin;
  PositionSax sax(doc, diags, limits, begin, &cursor);
  bool ok = false;
  try {
    ok = Json::sax_parse(TrackingIterator(begin, &cursor),
                         TrackingIterator(begin + text.size(), &cursor), &sax,
                         nlohmann::detail::input_format_t::json, true, false);
  } catch (const Json::exception& e) {
    diags.add({"", {}, "well-formed JSON", e.what(), "malformed_json"});
    ok = false;
  }
  if (!ok) {
    if (diags.empty())
      diags.add({"", {}, "well-formed JSON", "input the parser rejected", "malformed_json"});
    doc.root = Json();
    return false;
  }
  return true;
}

Result<std::string> read_text_file(const std::string& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"file_unreadable", fmt::format("cannot open '{}'", path)};
  std::string data;
  char buf[65536];
  while (in) {
    in.read(buf, sizeof buf);
    data.append(buf, static_cast<std::size_t>(in.gcount()));
    if (data.size() > max_bytes)
      return Error{"file_too_large",
                   fmt::format("'{}' is larger than the limit of {} bytes", path, max_bytes)};
  }
  if (in.bad()) return Error{"file_unreadable", fmt::format("error while reading '{}'", path)};
  return data;
}

std::string describe_json(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string: {
      std::string s = v.get<std::string>();
      if (s.size() > 60) s.replace(57, std::string::npos, "...");
      return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    case Json::value_t::boolean:
      return v.get<bool>() ? "true" : "false";
    default:
      return v.dump();
  }
}

}  // namespace rlt
