#include "kb/ruleset.hpp"

#include <array>
#include <regex>
#include <stdexcept>

#include <fmt/format.h>

#include "base/json_doc.hpp"
#include "base/reader.hpp"

namespace rlt::embedded {
std::string_view ruleset();
std::string_view ruleset_sha256();
}  // namespace rlt::embedded

namespace rlt::kb {

namespace {
constexpr std::array kComparators = {
    EnumName<Comparator>{Comparator::lt, "<"}, EnumName<Comparator>{Comparator::le, "<="},
    EnumName<Comparator>{Comparator::gt, ">"}, EnumName<Comparator>{Comparator::ge, ">="},
    EnumName<Comparator>{Comparator::eq, "=="}};
}  // namespace

std::string_view to_string(Comparator c) {
  return enum_name<Comparator>(kComparators, c);
}

std::string display_unit(std::string_view ucum) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kDisplay = {
      {{"%", " %"},
       {"/2.mm2", " per 2 mm²"},
       {"10*9/L", " ×10⁹/L"},
       {"mL/min/{1.73_m2}", " mL/min/1.73 m²"},
       {"mo", " months"},
       {"a", " years"},
       {"d", " days"},
       {"%/mo", " %/month"},
       {"ULN", " × ULN"}}};
  for (const auto& [code, text] : kDisplay)
    if (code == ucum) return std::string(text);
  return " " + std::string(ucum);
}

bool Threshold::holds(double x) const {
  switch (comparator) {
    case Comparator::lt:
      return x < value;
    case Comparator::le:
      return x <= value;
    case Comparator::gt:
      return x > value;
    case Comparator::ge:
      return x >= value;
    case Comparator::eq:
      return x == value;
  }
  return false;
}

std::string Threshold::describe() const {
  std::string_view op = to_string(comparator);
  if (comparator == Comparator::le) op = "≤";
  if (comparator == Comparator::ge) op = "≥";
  if (unit.empty() || unit == "1") return fmt::format("{} {}", op, fmt_num(value));
  return fmt::format("{} {}{}", op, fmt_num(value), display_unit(unit));
}

const Threshold& Ruleset::threshold(std::string_view key) const {
  auto it = thresholds.find(key);
  if (it == thresholds.end())
    throw std::logic_error(fmt::format("ruleset {} has no threshold '{}'", version, key));
  return it->second;
}

const Recommendation* Ruleset::recommendation(std::string_view key) const {
  for (const auto& r : recommendations)
    if (r.id == key) return &r;
  return nullptr;
}

namespace {

std::string required_string(ObjectReader& r, std::string_view key, std::string_view what) {
  auto f = r.string(key, 4000);
  if (!f.known() || f.value->empty()) {
    r.problem(key, std::string(what), r.has(key) ? "an empty or invalid value" : "nothing",
              "missing_field");
    return {};
  }
  return *f.value;
}

}  // namespace

Result<Ruleset> load_ruleset(std::string_view text, std::string sha256, Diagnostics& diags) {
  JsonDoc doc;
  if (!parse_json(text, JsonLimits{}, doc, diags))
    return Error{"invalid_ruleset", "the ruleset is not well-formed JSON"};
  Ruleset rs;
  rs.sha256 = std::move(sha256);
  ObjectReader top(doc, &doc.root, "", diags, "a ruleset");
  auto format = required_string(top, "format", "\"rltguide-ruleset/1\"");
  if (!format.empty() && format != "rltguide-ruleset/1")
    top.problem("format", "\"rltguide-ruleset/1\"", format, "unknown_format");
  rs.id = required_string(top, "id", "the ruleset id");
  rs.version = required_string(top, "version", "the ruleset version");
  {
    auto src = top.object("source");
    rs.source_citation = required_string(src, "citation", "the citation of the source guideline");
    rs.source_doi = required_string(src, "doi", "the DOI of the source guideline");
    rs.source_license = required_string(src, "license", "the licence of the source text");
    if (!src.present()) top.problem("source", "the source guideline", "nothing", "missing_field");
    src.finish();
  }
  (void)top.string("description", 4000);

  for (auto& r : top.objects("references")) {
    Reference ref;
    auto n = r.integer("number", 1, 1000, "reference number");
    if (!n.known())
      r.problem("number", "the reference number in the source", "nothing", "missing_field");
    ref.number = n.value.value_or(0);
    ref.citation = required_string(r, "citation", "a short citation");
    auto doi = r.string("doi", 200);
    auto why = r.string("no_doi_reason", 500);
    if (doi.known()) {
      static const std::regex kDoi(R"(10\.\d{4,9}/\S+)");
      if (!std::regex_match(*doi.value, kDoi))
        r.problem("doi", "a DOI such as 10.1056/NEJMoa1607427", describe_json(Json(*doi.value)),
                  "bad_doi");
      ref.doi = *doi.value;
    } else if (why.known()) {
      ref.no_doi_reason = *why.value;
    } else {
      r.problem("doi", "a DOI (or no_doi_reason saying why there is none)", "nothing",
                "missing_field");
    }
    r.finish();
    if (ref.number > 0 && !rs.references.emplace(ref.number, ref).second)
      r.problem("number", "each reference number once", std::to_string(ref.number), "duplicate_id");
  }

  for (auto& r : top.objects("recommendations")) {
    Recommendation rec;
    rec.id = required_string(r, "id", "the question id, Q1..Q10");
    rec.question = required_string(r, "question", "the question");
    rec.summary = required_string(r, "summary", "an own-words summary of the recommendation");
    rec.context = r.string("context", 4000).value.value_or("");
    rec.level = required_string(r, "level", "the level of evidence as graded (1a..5)");
    rec.strength = required_string(r, "strength", "the strength as graded (A..D)");
    static const std::regex kLevel("[1-5][abc]?");
    static const std::regex kStrength("[A-D]");
    if (!rec.level.empty() && !std::regex_match(rec.level, kLevel))
      r.problem("level", "a level of evidence 1a..5", rec.level, "out_of_range");
    if (!rec.strength.empty() && !std::regex_match(rec.strength, kStrength))
      r.problem("strength", "a strength A..D", rec.strength, "out_of_range");
    auto refs = r.integers("references", 1, 1000, "reference number");
    for (int num : refs.value.value_or(std::vector<int>{})) {
      if (rs.references.count(num) == 0) {
        r.problem("references", "numbers listed under /references", std::to_string(num),
                  "unknown_reference");
        continue;
      }
      rec.references.push_back(num);
    }
    if (rec.references.empty())
      r.problem("references", "at least one reference number", "nothing", "missing_field");
    r.finish();
    rs.recommendations.push_back(std::move(rec));
  }

  for (auto& r : top.objects("thresholds")) {
    Threshold t;
    t.id = required_string(r, "id", "the threshold id");
    auto v = r.number("value", -1e9, 1e9, "threshold value");
    if (!v.known()) r.problem("value", "the threshold value", "nothing", "missing_field");
    t.value = v.value.value_or(0);
    t.unit = required_string(r, "unit", "the unit (UCUM; \"1\" for a pure number)");
    auto cmp = r.enumeration("comparator", EnumTable<Comparator>(kComparators));
    if (!cmp.known() && !r.has("comparator"))
      r.problem("comparator", "one of <, <=, >, >=, ==", "nothing", "missing_field");
    t.comparator = cmp.value.value_or(Comparator::lt);
    t.source = required_string(r, "source", "the source of the number");
    t.note = r.string("note", 2000).value.value_or("");
    r.finish();
    if (!t.id.empty() && !rs.thresholds.emplace(t.id, t).second)
      r.problem("id", "each threshold id once", t.id, "duplicate_id");
  }
  top.finish();
  if (!diags.empty()) return Error{"invalid_ruleset", "the ruleset has problems"};
  return rs;
}

const Ruleset& builtin() {
  static const Ruleset rs = [] {
    Diagnostics d;
    auto r = load_ruleset(embedded::ruleset(), std::string(embedded::ruleset_sha256()), d);
    if (!r.ok()) {
      std::string msg = "built-in ruleset is invalid:";
      for (const auto& x : d.items())
        msg += "\n  " + x.to_string();
      throw std::logic_error(msg);
    }
    return std::move(r).value();
  }();
  return rs;
}

}  // namespace rlt::kb
