#include "base/reader.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace rlt {

std::string fmt_num(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
    return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{:g}", v);
}

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::optional<std::string> did_you_mean(std::string_view word,
                                        std::span<const std::string_view> candidates) {
  if (word.size() > 64) return std::nullopt;
  auto lower = [](std::string_view w) {
    std::string out(w);
    for (auto& ch : out)
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
  };
  for (auto c : candidates)
    if (lower(c) == lower(word)) return std::string(c);  // only the case differs
  std::optional<std::string> best;
  std::size_t best_d = 3;  // at most two edits away
  for (auto c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = std::string(c);
    }
  }
  return best;
}

ObjectReader::ObjectReader(const JsonDoc& doc, const Json* node, std::string pointer,
                           Diagnostics& diags, std::string what)
    : doc_(&doc),
      node_(node),
      pointer_(std::move(pointer)),
      diags_(&diags),
      what_(std::move(what)) {
  if (node_ != nullptr && !node_->is_object()) {
    problem_at(pointer_, fmt::format("{} as an object", what_), describe_json(*node_),
               "wrong_type");
    node_ = nullptr;
  }
}

std::string ObjectReader::pointer_of(std::string_view key) const {
  return pointer_ + "/" + pointer_escape(std::string(key));
}

const Json* ObjectReader::take(std::string_view key) {
  used_.insert(std::string(key));
  if (node_ == nullptr) return nullptr;
  auto it = node_->find(key);
  if (it == node_->end()) return nullptr;
  if (it->is_null()) return nullptr;  // explicit null means "not known", the same as absent
  return &*it;
}

void ObjectReader::problem(std::string_view key, std::string expected, std::string found,
                           std::string code) {
  problem_at(pointer_of(key), std::move(expected), std::move(found), std::move(code));
}

void ObjectReader::problem_at(const std::string& pointer, std::string expected, std::string found,
                              std::string code) {
  // A missing field has no position of its own: report where its parent object starts.
  SourcePos pos = doc_->position(pointer);
  for (std::string p = pointer; pos.line == 0 && !p.empty();) {
    const auto slash = p.rfind('/');
    p.resize(slash == std::string::npos ? 0 : slash);  // no '/' left: the root (was a loop)
    pos = doc_->position(p);
  }
  diags_->add({pointer, pos, std::move(expected), std::move(found), std::move(code)});
}

Fact<bool> ObjectReader::boolean(std::string_view key) {
  Fact<bool> f{std::nullopt, pointer_of(key)};
  const Json* v = take(key);
  if (v == nullptr) return f;
  if (!v->is_boolean()) {
    problem_at(f.pointer, "true or false", describe_json(*v), "wrong_type");
    return f;
  }
  f.value = v->get<bool>();
  return f;
}

Fact<std::string> ObjectReader::string(std::string_view key, std::size_t max_len) {
  Fact<std::string> f{std::nullopt, pointer_of(key)};
  const Json* v = take(key);
  if (v == nullptr) return f;
  if (!v->is_string()) {
    problem_at(f.pointer, "a string", describe_json(*v), "wrong_type");
    return f;
  }
  auto s = v->get<std::string>();
  if (s.size() > max_len) {
    problem_at(f.pointer, fmt::format("a string of at most {} characters", max_len),
               fmt::format("{} characters", s.size()), "out_of_range");
    return f;
  }
  f.value = std::move(s);
  return f;
}

Fact<double> ObjectReader::number(std::string_view key, double lo, double hi,
                                  std::string_view kind) {
  Fact<double> f{std::nullopt, pointer_of(key)};
  const Json* v = take(key);
  if (v == nullptr) return f;
  if (!v->is_number()) {
    problem_at(f.pointer, fmt::format("{} as a number", kind), describe_json(*v), "wrong_type");
    return f;
  }
  double d = v->get<double>();
  if (!std::isfinite(d) || d < lo || d > hi) {
    problem_at(f.pointer, fmt::format("{} {}–{}", kind, fmt_num(lo), fmt_num(hi)),
               describe_json(*v), "out_of_range");
    return f;
  }
  f.value = d;
  return f;
}

Fact<int> ObjectReader::integer(std::string_view key, int lo, int hi, std::string_view kind) {
  Fact<int> f{std::nullopt, pointer_of(key)};
  const Json* v = take(key);
  if (v == nullptr) return f;
  bool integral = v->is_number_integer() ||
                  (v->is_number_float() && std::floor(v->get<double>()) == v->get<double>());
  if (!v->is_number() || !integral) {
    problem_at(f.pointer, fmt::format("{} as a whole number", kind), describe_json(*v),
               "wrong_type");
    return f;
  }
  double d = v->get<double>();
  if (d < lo || d > hi) {
    problem_at(f.pointer, fmt::format("{} {}–{}", kind, lo, hi), describe_json(*v), "out_of_range");
    return f;
  }
  f.value = static_cast<int>(d);
  return f;
}

Fact<Date> ObjectReader::date(std::string_view key) {
  Fact<Date> f{std::nullopt, pointer_of(key)};
  const Json* v = take(key);
  if (v == nullptr) return f;
  if (!v->is_string()) {
    problem_at(f.pointer, "a date as \"YYYY-MM-DD\"", describe_json(*v), "wrong_type");
    return f;
  }
  auto d = Date::parse(v->get<std::string>());
  if (!d) {
    problem_at(f.pointer, "a calendar date as \"YYYY-MM-DD\" (year 1900 or later)",
               describe_json(*v), "bad_date");
    return f;
  }
  f.value = *d;
  return f;
}

std::optional<double> ObjectReader::read_quantity(std::string_view key,
                                                  std::span<const UnitDef> units, double lo,
                                                  double hi, std::string_view kind) {
  std::string ptr = pointer_of(key);
  const Json* v = take(key);
  if (v == nullptr) return std::nullopt;
  std::string unit_list;
  for (const auto& u : units)
    unit_list += (unit_list.empty() ? "" : ", ") + std::string(u.code);
  if (!v->is_object()) {
    problem_at(ptr,
               fmt::format("{} as {{\"value\": number, \"unit\": one of {}}}", kind, unit_list),
               describe_json(*v), "wrong_type");
    return std::nullopt;
  }
  ObjectReader q(*doc_, v, ptr, *diags_, std::string(kind));
  // The value is range-checked below, in the canonical unit; here only that it is a finite
  // number, reported against the field's real range (never a placeholder range).
  const std::string real_range =
      fmt::format("{} {}–{} {}", kind, fmt_num(lo), fmt_num(hi), units.front().code);
  Fact<double> value{std::nullopt, q.pointer_of("value")};
  if (const Json* raw = q.take("value")) {
    if (!raw->is_number())
      q.problem_at(value.pointer, fmt::format("{} as a number", kind), describe_json(*raw),
                   "wrong_type");
    else if (!std::isfinite(raw->get<double>()))
      q.problem_at(value.pointer, real_range, describe_json(*raw), "out_of_range");
    else
      value.value = raw->get<double>();
  }
  auto unit = q.string("unit", 40);
  q.finish();
  if (!value.known() && !unit.known()) {
    problem_at(ptr, fmt::format("{} with \"value\" and \"unit\"", kind), "neither",
               "missing_field");
    return std::nullopt;
  }
  if (!value.known()) {
    if (!v->contains("value"))
      problem_at(ptr + "/value", fmt::format("the value of {}", kind), "nothing", "missing_field");
    return std::nullopt;
  }
  if (!unit.known()) {
    if (!v->contains("unit"))
      problem_at(ptr + "/unit", fmt::format("a unit, one of {}", unit_list), "nothing",
                 "missing_field");
    return std::nullopt;
  }
  const UnitDef* def = nullptr;
  for (const auto& u : units)
    if (u.code == *unit.value) def = &u;
  if (def == nullptr) {
    problem_at(ptr + "/unit", fmt::format("a unit of {}, one of {}", kind, unit_list),
               describe_json(Json(*unit.value)), "unknown_unit");
    return std::nullopt;
  }
  double canonical = *value.value * def->factor;
  if (!std::isfinite(canonical) || canonical < lo || canonical > hi) {
    problem_at(ptr + "/value", real_range,
               def == &units.front()
                   ? fmt_num(*value.value)
                   : fmt::format("{} {} (= {} {})", fmt_num(*value.value), def->code,
                                 fmt_num(canonical), units.front().code),
               "out_of_range");
    return std::nullopt;
  }
  return canonical;
}

ObjectReader ObjectReader::object(std::string_view key) {
  const Json* v = take(key);
  return ObjectReader(*doc_, v, pointer_of(key), *diags_, std::string(key));
}

std::vector<ObjectReader> ObjectReader::objects(std::string_view key, bool* present) {
  std::vector<ObjectReader> out;
  const Json* v = take(key);
  if (present != nullptr) *present = v != nullptr;
  if (v == nullptr) return out;
  std::string ptr = pointer_of(key);
  if (!v->is_array()) {
    problem_at(ptr, fmt::format("{} as an array of objects", key), describe_json(*v), "wrong_type");
    if (present != nullptr) *present = false;
    return out;
  }
  out.reserve(v->size());
  for (std::size_t i = 0; i < v->size(); ++i)
    out.emplace_back(*doc_, &(*v)[i], ptr + "/" + std::to_string(i), *diags_, std::string(key));
  return out;
}

Fact<std::vector<std::string>> ObjectReader::strings(std::string_view key) {
  Fact<std::vector<std::string>> f{std::nullopt, pointer_of(key)};
  const Json* v = take(key);
  if (v == nullptr) return f;
  if (!v->is_array()) {
    problem_at(f.pointer, "an array of strings", describe_json(*v), "wrong_type");
    return f;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& item = (*v)[i];
    if (!item.is_string()) {
      problem_at(f.pointer + "/" + std::to_string(i), "a string", describe_json(item),
                 "wrong_type");
      continue;
    }
    out.push_back(item.get<std::string>());
  }
  f.value = std::move(out);
  return f;
}

Fact<std::vector<int>> ObjectReader::integers(std::string_view key, int lo, int hi,
                                              std::string_view kind) {
  Fact<std::vector<int>> f{std::nullopt, pointer_of(key)};
  const Json* v = take(key);
  if (v == nullptr) return f;
  if (!v->is_array()) {
    problem_at(f.pointer, fmt::format("an array of {}s", kind), describe_json(*v), "wrong_type");
    return f;
  }
  std::vector<int> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& item = (*v)[i];
    if (!item.is_number_integer() || item.get<double>() < lo || item.get<double>() > hi) {
      problem_at(f.pointer + "/" + std::to_string(i), fmt::format("{} {}–{}", kind, lo, hi),
                 describe_json(item), item.is_number_integer() ? "out_of_range" : "wrong_type");
      continue;
    }
    out.push_back(item.get<int>());
  }
  f.value = std::move(out);
  return f;
}

void ObjectReader::finish() {
  if (node_ == nullptr) return;
  std::vector<std::string_view> known(used_.begin(), used_.end());
  for (auto it = node_->begin(); it != node_->end(); ++it) {
    if (used_.count(it.key()) != 0) continue;
    if (it.key().rfind('\x01', 0) == 0) continue;
    std::string expected = fmt::format("only the fields of {}", what_);
    if (auto m = did_you_mean(it.key(), known))
      expected += fmt::format(" (did you mean \"{}\"?)", *m);
    problem_at(pointer_of(it.key()), expected,
               fmt::format("unknown field {}", describe_json(Json(it.key()))), "unknown_field");
  }
}

}  // namespace rlt
