// ObjectReader: reads the fields of one JSON object into typed Facts, checking type, range,
// enumeration and unit, and reporting every problem (with pointer and position) to Diagnostics.
// A field that is absent gives a missing Fact, never a default. finish() reports the keys that
// no read consumed, so a misspelt field can never silently drop a clinical fact.
#pragma once

#include <array>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "base/date.hpp"
#include "base/diagnostics.hpp"
#include "base/fact.hpp"
#include "base/json_doc.hpp"

namespace rlt {

/// One name of an enumeration as spelled in the input format.
template <class E>
struct EnumName {
  E value;
  std::string_view name;
};

template <class E>
using EnumTable = std::span<const EnumName<E>>;

template <class E>
std::optional<E> enum_from(EnumTable<E> table, std::string_view name) {
  for (const auto& e : table)
    if (e.name == name) return e.value;
  return std::nullopt;
}

template <class E>
std::string_view enum_name(EnumTable<E> table, E v) {
  for (const auto& e : table)
    if (e.value == v) return e.name;
  return "?";
}

template <class E>
std::string enum_list(EnumTable<E> table) {
  std::string out;
  for (const auto& e : table) {
    if (!out.empty()) out += ", ";
    out += e.name;
  }
  return out;
}

/// An accepted input unit and its factor to the canonical unit of the quantity kind.
struct UnitDef {
  std::string_view code;  ///< UCUM code as written in the input
  double factor;          ///< canonical = value * factor
};

/// The closest candidate by edit distance, if close enough to be a likely typo.
std::optional<std::string> did_you_mean(std::string_view word,
                                        std::span<const std::string_view> candidates);

class ObjectReader {
 public:
  /// `node` may be null or absent: then every read gives a missing Fact.
  ObjectReader(const JsonDoc& doc, const Json* node, std::string pointer, Diagnostics& diags,
               std::string what);

  [[nodiscard]] bool present() const noexcept { return node_ != nullptr; }
  [[nodiscard]] const std::string& pointer() const noexcept { return pointer_; }
  [[nodiscard]] std::string pointer_of(std::string_view key) const;
  [[nodiscard]] SourcePos pos_of(const std::string& pointer) const {
    return doc_->position(pointer);
  }

  Fact<bool> boolean(std::string_view key);
  Fact<std::string> string(std::string_view key, std::size_t max_len = 500);
  /// A plain number in [lo, hi]; `kind` names it in messages ("percent", "score").
  Fact<double> number(std::string_view key, double lo, double hi, std::string_view kind);
  Fact<int> integer(std::string_view key, int lo, int hi, std::string_view kind);
  Fact<Date> date(std::string_view key);

  template <class E>
  Fact<E> enumeration(std::string_view key, EnumTable<E> table) {
    Fact<E> f{std::nullopt, pointer_of(key)};
    const Json* v = take(key);
    if (v == nullptr) return f;
    if (!v->is_string()) {
      problem_at(f.pointer, fmt::format("one of {}", enum_list(table)), describe_json(*v),
                 "wrong_type");
      return f;
    }
    auto s = v->get<std::string>();
    if (auto e = enum_from(table, s)) {
      f.value = *e;
      return f;
    }
    std::vector<std::string_view> names;
    for (const auto& e : table)
      names.push_back(e.name);
    std::string expected = fmt::format("one of {}", enum_list(table));
    if (auto m = did_you_mean(s, names)) expected += fmt::format(" (did you mean \"{}\"?)", *m);
    problem_at(f.pointer, expected, describe_json(*v), "unknown_value");
    return f;
  }

  /// An array of enumeration names (each checked).
  template <class E>
  Fact<std::vector<E>> enumerations(std::string_view key, EnumTable<E> table) {
    Fact<std::vector<E>> f{std::nullopt, pointer_of(key)};
    const Json* v = take(key);
    if (v == nullptr) return f;
    if (!v->is_array()) {
      problem_at(f.pointer, "an array of names", describe_json(*v), "wrong_type");
      return f;
    }
    std::vector<E> out;
    for (std::size_t i = 0; i < v->size(); ++i) {
      const Json& item = (*v)[i];
      std::string p = f.pointer + "/" + std::to_string(i);
      std::optional<E> e;
      if (item.is_string()) e = enum_from(table, item.get<std::string>());
      if (!e) {
        problem_at(p, fmt::format("one of {}", enum_list(table)), describe_json(item),
                   item.is_string() ? "unknown_value" : "wrong_type");
        continue;
      }
      out.push_back(*e);
    }
    f.value = std::move(out);
    return f;
  }

  /// A quantity { "value": number, "unit": "UCUM code" }, converted to the canonical unit of Q
  /// and checked against [lo, hi] in that canonical unit.
  template <class Q>
  Fact<Q> quantity(std::string_view key, std::span<const UnitDef> units, double lo, double hi,
                   std::string_view kind) {
    Fact<Q> f{std::nullopt, pointer_of(key)};
    if (auto v = read_quantity(key, units, lo, hi, kind)) f.value = Q(*v);
    return f;
  }
  /// The same, as a plain number in the canonical unit (for kinds chosen at run time).
  Fact<double> quantity_value(std::string_view key, std::span<const UnitDef> units, double lo,
                              double hi, std::string_view kind) {
    return {read_quantity(key, units, lo, hi, kind), pointer_of(key)};
  }
  /// Whether the key is present in the object (even as null), without consuming it.
  [[nodiscard]] bool has(std::string_view key) const {
    return node_ != nullptr && node_->contains(key);
  }

  /// The raw value of a key (null if absent), without consuming it.
  [[nodiscard]] const Json* peek(std::string_view key) const {
    if (node_ == nullptr) return nullptr;
    auto it = node_->find(key);
    return it == node_->end() ? nullptr : &*it;
  }
  /// Mark a key as read without reading it (so finish() does not report it); whether it is present.
  bool skip(std::string_view key) { return take(key) != nullptr; }

  /// A nested object (absent → a reader that is not present).
  ObjectReader object(std::string_view key);
  /// An array of objects. Absent → empty, with `present` false.
  std::vector<ObjectReader> objects(std::string_view key, bool* present = nullptr);
  /// An array of strings.
  Fact<std::vector<std::string>> strings(std::string_view key);
  /// An array of whole numbers, each in [lo, hi].
  Fact<std::vector<int>> integers(std::string_view key, int lo, int hi, std::string_view kind);

  /// Report a problem at this object's field.
  void problem(std::string_view key, std::string expected, std::string found, std::string code);
  void problem_at(const std::string& pointer, std::string expected, std::string found,
                  std::string code);

  /// Report every key present in the object that no read consumed.
  void finish();

 private:
  const Json* take(std::string_view key);
  std::optional<double> read_quantity(std::string_view key, std::span<const UnitDef> units,
                                      double lo, double hi, std::string_view kind);

  const JsonDoc* doc_;
  const Json* node_;
  std::string pointer_;
  Diagnostics* diags_;
  std::string what_;
  std::set<std::string, std::less<>> used_;
};

/// Format a number for messages without trailing zeros ("120", "2.5").
std::string fmt_num(double v);

}  // namespace rlt
