// JSON renderings of calculator and dosimetry results (moved out of the core).
#include <cmath>

#include "base/reader.hpp"
#include "dosimetry/tac.hpp"
#include "model/names.hpp"
#include "render/calc.hpp"

namespace rlt::calc::recist {

using Json = nlohmann::json;

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

namespace rlt::dosimetry {

namespace {
nlohmann::json opt(const std::optional<GyPerGbq>& v) {
  return v ? nlohmann::json(v->value()) : nlohmann::json(nullptr);
}
template <class Q>
nlohmann::json optq(const std::optional<Q>& v) {
  return v ? nlohmann::json(v->value()) : nlohmann::json(nullptr);
}
nlohmann::json organ_json(const OrganBudget& o) {
  return {{"organ", o.organ},
          {"assessed", o.assessed},
          {"quantity", o.limit_is_bed ? "BED" : "absorbed_dose"},
          {"limit_gy", o.limit_gy},
          {"limit_source", o.limit_source},
          {"used_gy", o.used_gy},
          {"remaining_gy", o.remaining_gy},
          {"cumulative_dose_gy", o.cumulative_dose.value()},
          {"cumulative_bed_gy", optq(o.cumulative_bed)},
          {"gy_per_gbq",
           {{"last", opt(o.gy_per_gbq_last)},
            {"mean", opt(o.gy_per_gbq_mean)},
            {"highest", opt(o.gy_per_gbq_highest)},
            {"used", opt(o.gy_per_gbq_used)}}},
          {"max_next_activity_gbq", optq(o.max_next_activity)}};
}
}  // namespace

nlohmann::json to_json(const Budget& b) {
  nlohmann::json j;
  j["status"] = to_string(b.status);
  j["missing"] = nlohmann::json::array();
  for (const auto& m : b.missing)
    j["missing"].push_back({{"pointer", m.pointer}, {"what", m.what}});
  j["kidneys"] = organ_json(b.kidneys);
  j["bone_marrow"] = organ_json(b.marrow);
  j["next_activity_gbq"] = optq(b.next_activity);
  j["capped"] = b.capped;
  j["limiting"] = b.limiting_organ;
  j["remaining_cumulative_activity_gbq"] = optq(b.remaining_cumulative_activity);
  j["cycles_remaining"] =
      b.cycles_remaining ? nlohmann::json(*b.cycles_remaining) : nlohmann::json(nullptr);
  j["full_cycles_remaining"] =
      b.full_cycles_remaining ? nlohmann::json(*b.full_cycles_remaining) : nlohmann::json(nullptr);
  j["cycles"] = nlohmann::json::array();
  for (const auto& r : b.cycles)
    j["cycles"].push_back(
        {{"id", r.id},
         {"pointer", r.pointer},
         {"date", r.date ? nlohmann::json(r.date->iso()) : nlohmann::json(nullptr)},
         {"activity_gbq", optq(r.activity)},
         {"kidney_dose_gy", optq(r.kidney_dose)},
         {"kidney_dose_origin", to_string(r.kidney_origin)},
         {"kidney_t_eff_h", optq(r.kidney_t_eff)},
         {"kidney_kinetics_borrowed", r.kidney_t_eff_borrowed},
         {"kidney_bed_gy", optq(r.kidney_bed)},
         {"kidney_gy_per_gbq", opt(r.kidney_gy_per_gbq)},
         {"marrow_dose_gy", optq(r.marrow_dose)},
         {"marrow_dose_origin", to_string(r.marrow_origin)},
         {"marrow_gy_per_gbq", opt(r.marrow_gy_per_gbq)}});
  j["warnings"] = b.warnings;
  j["facts"] = nlohmann::json::array();
  for (const auto& f : b.facts)
    j["facts"].push_back({{"pointer", f.pointer}, {"what", f.what}, {"value", f.value}});
  const auto& p = b.policy;
  j["policy"] = {
      {"kidney_limit", to_string(p.kidney_limit)},
      {"kidney_risk_factors",
       p.kidney_risk_factors ? nlohmann::json(*p.kidney_risk_factors) : nlohmann::json(nullptr)},
      {"planning_basis", to_string(p.planning_basis)},
      {"kidney_combine", p.kidney_combine == KidneyCombine::higher ? "higher" : "mean"},
      {"max_activity_gbq", p.max_activity.value()},
      {"kidney_alpha_beta_gy", p.kidney_radiobiology.alpha_beta.value()},
      {"kidney_repair_half_time_h", p.kidney_radiobiology.repair_half_time.value()},
      {"estimate_unmeasured_cycles", p.estimate_unmeasured_cycles}};
  return j;
}
nlohmann::json to_json(const TacFit& f) {
  nlohmann::json j;
  j["model"] = to_string(f.model);
  auto names = parameter_names(f.model);
  nlohmann::json params = nlohmann::json::object();
  for (std::size_t i = 0; i < f.parameters.size(); ++i) {
    nlohmann::json p = {{"value", f.parameters[i]}};
    if (i < f.standard_errors.size()) p["standard_error"] = f.standard_errors[i];
    params[names[i]] = p;
  }
  j["parameters"] = params;
  j["n_points"] = f.n;
  j["r_squared"] = f.r_squared;
  j["rss"] = f.rss;
  j["residuals"] = f.residuals;
  j["aic"] = f.aic;
  j["aicc"] = f.aicc ? nlohmann::json(*f.aicc) : nlohmann::json(nullptr);
  j["solver"] = {{"name", "Eigen LevenbergMarquardt (MINPACK lmder)"},
                 {"status", f.solver_status},
                 {"evaluations", f.evaluations}};
  j["tia_mbq_h"] = f.tia;
  j["tia_sd_mbq_h"] = f.tia_sd ? nlohmann::json(*f.tia_sd) : nlohmann::json(nullptr);
  j["t_eff_h"] = f.t_eff.value();
  return j;
}

nlohmann::json to_json(const OrganResult& r) {
  nlohmann::json j;
  j["organ"] = model::to_string(r.organ);
  j["pointer"] = r.pointer;
  j["method"] = r.method;
  if (r.fit) j["fit"] = to_json(*r.fit);
  if (!r.selection.empty()) j["selection"] = r.selection;
  if (!r.candidates.empty()) {
    j["other_models"] = nlohmann::json::array();
    for (const auto& c : r.candidates)
      j["other_models"].push_back(
          {{"model", to_string(c.model)},
           {"aic", c.aic},
           {"aicc", c.aicc ? nlohmann::json(*c.aicc) : nlohmann::json(nullptr)},
           {"tia_mbq_h", c.tia}});
  }
  if (r.trapezoid)
    j["trapezoid"] = {{"area_measured_mbq_h", r.trapezoid->area_measured},
                      {"tail_mbq_h", r.trapezoid->tail},
                      {"tail_rule", to_string(r.trapezoid->tail_rule)},
                      {"tail_rate_per_h", r.trapezoid->tail_rate}};
  if (r.stp) {
    j["single_time_point"] = {{"method", r.stp->method},
                              {"accurate_range", r.stp->accurate_range},
                              {"in_accurate_range", r.stp->in_accurate_range}};
    if (r.stp->x) j["single_time_point"]["t_over_t_eff"] = *r.stp->x;
  }
  j["tia_mbq_h"] = r.tia.value();
  j["tia_sd_mbq_h"] = r.tia_sd ? nlohmann::json(*r.tia_sd) : nlohmann::json(nullptr);
  j["mass_g"] = r.mass.value();
  j["mass_origin"] = r.mass_origin;
  if (r.svalue)
    j["s_value"] = {{"reference_mgy_per_mbq_s", r.svalue->s.value()},
                    {"reference_mass_g", r.svalue->reference_mass.value()},
                    {"phantom", to_string(r.svalue->phantom)},
                    {"source", r.svalue->source},
                    {"scaled_mgy_per_mbq_s", r.s_scaled.value()}};
  j["absorbed_dose_gy"] = r.dose.value();
  j["absorbed_dose_sd_gy"] =
      r.dose_sd ? nlohmann::json(r.dose_sd->value()) : nlohmann::json(nullptr);
  j["led_dose_gy"] = r.dose_led.value();
  j["t_eff_h"] = r.t_eff ? nlohmann::json(r.t_eff->value()) : nlohmann::json(nullptr);
  if (r.g_factor) j["g_factor"] = *r.g_factor;
  if (r.bed) j["bed_gy"] = r.bed->value();
  j["gy_per_gbq"] = r.gy_per_gbq ? nlohmann::json(r.gy_per_gbq->value()) : nlohmann::json(nullptr);
  j["warnings"] = r.warnings;
  return j;
}

nlohmann::json to_json(const MarrowResult& r) {
  nlohmann::json j;
  j["organ"] = "bone_marrow";
  j["pointer"] = r.pointer;
  j["method"] = "blood-based (EANM 2010), self-dose only";
  if (r.fit) j["blood_fit"] = to_json(*r.fit);
  j["blood_tia_mbq_h_per_ml"] = r.blood_tia_per_ml;
  j["rmblr"] = r.rmblr;
  j["marrow_mass_g"] = r.marrow_mass.value();
  j["tia_mbq_h"] = r.tia.value();
  j["s_value"] = {{"reference_mgy_per_mbq_s", r.svalue.s.value()},
                  {"reference_mass_g", r.svalue.reference_mass.value()},
                  {"phantom", to_string(r.svalue.phantom)},
                  {"source", r.svalue.source}};
  j["absorbed_dose_gy"] = r.dose.value();
  j["gy_per_gbq"] = r.gy_per_gbq ? nlohmann::json(r.gy_per_gbq->value()) : nlohmann::json(nullptr);
  j["warnings"] = r.warnings;
  return j;
}

nlohmann::json to_json(const CycleResult& r) {
  nlohmann::json j;
  j["organs"] = nlohmann::json::array();
  for (const auto& o : r.organs)
    j["organs"].push_back(to_json(o));
  if (r.marrow) j["marrow"] = to_json(*r.marrow);
  j["errors"] = nlohmann::json::array();
  for (const auto& e : r.errors)
    j["errors"].push_back(
        {{"pointer", e.pointer}, {"code", e.error.code}, {"message", e.error.message}});
  j["warnings"] = r.warnings;
  return j;
}
nlohmann::json to_json(const PrecycleReport& r) {
  nlohmann::json j;
  j["decision"] = to_string(r.decision);
  j["summary"] = r.summary;
  j["unverified_triggered"] = r.unverified_triggered;
  j["reduced_activity_gbq"] = r.reduced_activity.value();
  j["reduced_activity_note"] =
      "3.7 GBq (100 mCi): seen verbatim in the Swiss label only; unverified in the USPI/SmPC";
  j["rules"] = nlohmann::json::array();
  for (const auto& x : r.results) {
    const auto& rule = *x.rule;
    j["rules"].push_back(
        {{"id", rule.id},
         {"rule", rule.description},
         {"status", to_string(x.status)},
         {"finding", x.finding},
         {"inputs", x.pointers},
         {"action", to_string(rule.action)},
         {"action_text", rule.action_text},
         {"verified", rule.verified},
         {"blocks", rule.verified && x.status == RuleStatus::triggered},
         {"label_status", rule.verified ? "verified" : "unverified — check the current label"},
         {"source",
          {{"document", rule.source.document},
           {"section", rule.source.section},
           {"revision", rule.source.revision},
           {"evidence", rule.source.evidence}}}});
  }
  return j;
}
}  // namespace rlt::dosimetry
