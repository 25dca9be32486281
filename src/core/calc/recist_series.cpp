#include "calc/recist_series.hpp"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "base/reader.hpp"
#include "model/case_parser.hpp"
#include "model/names.hpp"

namespace rlt::calc::recist {

namespace ut = model::unit_tables;

Params ParsedSeries::params() const {
  Params p = Params::from_ruleset();
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

namespace {

Json opt_mm(const std::optional<Tenths>& t) {
  return t ? Json(t->mm()) : Json(nullptr);
}
Json opt_pct(const std::optional<double>& v) {
  return v ? Json(std::round(*v * 10.0) / 10.0) : Json(nullptr);
}

Json best_json(const BestResponse& b) {
  Json j = {{"response", to_string(b.response)},
            {"confirmation_required", b.confirmation_required},
            {"reasons", b.reasons}};
  j["day"] = b.response_day ? Json(*b.response_day) : Json(nullptr);
  return j;
}

}  // namespace

Json to_json(const SeriesResult& r) {
  Json lesions = Json::array();
  for (const auto& l : r.lesions)
    lesions.push_back({{"id", l.id},
                       {"organ", l.organ},
                       {"nodal", l.nodal},
                       {"target", l.target},
                       {"baseline_mm", l.length.mm()},
                       {"measurability", to_string(l.measurability)}});
  Json tps = Json::array();
  for (const auto& t : r.timepoints) {
    Json j = {{"study", t.study_id},
              {"date", t.date.iso()},
              {"day", t.day},
              {"baseline", t.baseline},
              {"sum_mm", opt_mm(t.sum)},
              {"assessed_sum_mm", t.assessed_sum.mm()},
              {"nadir_mm", opt_mm(t.nadir)},
              {"change_from_baseline_pct", opt_pct(t.change_from_baseline)},
              {"change_from_nadir_pct", opt_pct(t.change_from_nadir)},
              {"reasons", t.reasons}};
    if (t.baseline) {
      j["target"] = nullptr;
      j["non_target"] = nullptr;
      j["overall"] = nullptr;
    } else {
      j["target"] = to_string(t.target);
      j["non_target"] = to_string(t.non_target);
      j["overall"] = to_string(t.overall);
    }
    j["new_lesions"] = t.new_lesions ? Json(model::to_string(*t.new_lesions)) : Json(nullptr);
    tps.push_back(std::move(j));
  }
  Json params = {{"confirmation_required", r.params.confirmation_required},
                 {"confirmation_days", r.params.confirmation_days},
                 {"sd_min_days", r.params.sd_min_days},
                 {"max_ne_between", r.params.max_ne_between}};
  return Json{{"criteria", r.version},
              {"parameters", params},
              {"reference_date", r.reference_date ? Json(r.reference_date->iso()) : Json(nullptr)},
              {"targets_selected_automatically", r.targets_selected_automatically},
              {"lesions", lesions},
              {"timepoints", tps},
              {"best_overall_response", best_json(r.best)},
              {"best_overall_response_confirmed", best_json(r.best_confirmed)},
              {"best_overall_response_unconfirmed", best_json(r.best_unconfirmed)},
              {"warnings", r.warnings}};
}

}  // namespace rlt::calc::recist
