#include "calc/recist_series.hpp"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "base/reader.hpp"
#include "model/case_parser.hpp"
#include "model/names.hpp"

namespace rlt::calc::recist {

namespace ut = model::unit_tables;

Params ParsedSeries::params(const kb::Ruleset& rs) const {
  Params p = Params::from_ruleset(rs);
  if (confirmation_required) p.confirmation_required = *confirmation_required;
  if (confirmation_days) p.confirmation_days = *confirmation_days;
  if (sd_min_days) p.sd_min_days = *sd_min_days;
  return p;
}

ParsedSeries read_series(std::string_view text, const JsonLimits& limits) {
  ParsedSeries out;
  if (!parse_json(text, limits, out.doc, out.diagnostics)) return out;
  ObjectReader top(out.doc, &out.doc.root, "", out.diagnostics, "a RECIST series");
  if (!out.doc.root.is_object()) {
    top.problem_at("", "a JSON object", describe_json(out.doc.root), "wrong_type");
    return out;
  }
  auto format = top.string("format", 60);
  if (!format.known()) {
    if (!top.has("format"))
      top.problem("format", fmt::format("\"{}\"", kSeriesFormat), "nothing", "missing_field");
  } else if (*format.value != kSeriesFormat) {
    top.problem("format", fmt::format("\"{}\"", kSeriesFormat), describe_json(Json(*format.value)),
                "unknown_format");
  }
  out.series.reference_date = top.date("reference_date").value;
  out.confirmation_required = top.boolean("confirmation_required").value;
  out.confirmation_days = top.integer("confirmation_days", 1, 3650, "days").value;
  out.sd_min_days = top.integer("sd_min_days", 0, 3650, "days").value;
  bool present = false;
  auto studies = top.objects("studies", &present);
  out.series.pointer = top.pointer_of("studies");
  if (!present && !top.has("studies"))
    top.problem("studies", "an array of imaging studies", "nothing", "missing_field");
  else if (present && studies.empty())
    top.problem("studies", "at least one imaging study", "an empty array", "out_of_range");
  for (auto& r : studies)
    out.series.studies.push_back(model::read_imaging_study(r));
  std::set<std::string> ids;
  for (const auto& s : out.series.studies)
    if (!s.id.empty() && !ids.insert(s.id).second)
      top.problem_at(s.pointer + "/id", "a study id used once", describe_json(Json(s.id)),
                     "duplicate_id");
  top.finish();
  return out;
}

}  // namespace rlt::calc::recist
