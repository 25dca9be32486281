#include "dosimetry/study.hpp"

#include <array>

#include <fmt/format.h>

#include "base/reader.hpp"
#include "base/text.hpp"
#include "base/version.hpp"
#include "model/case_parser.hpp"
#include "model/names.hpp"

namespace rlt::dosimetry {

namespace {

constexpr std::array kMethods = {
    EnumName<Method>{Method::automatic, "auto"},
    EnumName<Method>{Method::mono_exp, "mono_exp"},
    EnumName<Method>{Method::uptake_washout, "uptake_washout"},
    EnumName<Method>{Method::bi_exp, "bi_exp"},
    EnumName<Method>{Method::tri_exp_uptake, "tri_exp_uptake"},
    EnumName<Method>{Method::trapezoid, "trapezoid"},
    EnumName<Method>{Method::hanscheid, "hanscheid"},
    EnumName<Method>{Method::madsen, "madsen"},
};
constexpr std::array kTails = {
    EnumName<TailRule>{TailRule::last_two_points, "last_two_points"},
    EnumName<TailRule>{TailRule::physical_decay, "physical_decay"},
};
constexpr std::array kWeights = {
    EnumName<Weighting>{Weighting::none, "none"},
    EnumName<Weighting>{Weighting::relative, "relative"},
    EnumName<Weighting>{Weighting::poisson, "poisson"},
};
constexpr std::array kSets = {
    EnumName<SValueSet>{SValueSet::opendose_icrp110, "opendose_icrp110"},
    EnumName<SValueSet>{SValueSet::icrp89, "icrp89"},
};
constexpr std::array kDensity = {UnitDef{"g/mL", 1.0}, UnitDef{"g/cm3", 1.0}, UnitDef{"kg/L", 1.0}};

template <class E, std::size_t N>
EnumTable<E> table(const std::array<EnumName<E>, N>& a) {
  return EnumTable<E>(a.data(), a.size());
}

std::string num(double v, int sig = 4) {
  return fmt::format("{:.{}g}", v, sig);
}

}  // namespace

ParsedStudy parse_study(std::string_view text, const JsonLimits& limits) {
  ParsedStudy out;
  if (!parse_json(text, limits, out.doc, out.diagnostics)) return out;
  ObjectReader top(out.doc, &out.doc.root, "", out.diagnostics, "a dosimetry study");
  Study& s = out.value;
  auto format = top.string("format", 60);
  if (!format.known()) {
    if (!top.has("format"))
      top.problem("format", fmt::format("\"{}\"", kStudyFormat), "nothing", "missing_field");
  } else if (*format.value != kStudyFormat) {
    top.problem("format", fmt::format("\"{}\"", kStudyFormat), describe_json(Json(*format.value)),
                "unknown_format");
  }
  s.format = format.value.value_or("");
  s.study_id = top.string("study_id", 200);
  s.description = top.string("description", 2000);
  s.source = top.string("source", 2000);
  auto p = top.object("patient");
  s.sex = p.enumeration("sex", model::names(model::Sex{}));
  p.finish();
  s.radiopharmaceutical =
      top.enumeration("radiopharmaceutical", model::names(model::Radiopharmaceutical{}));
  s.administered_activity =
      top.quantity<units::Gbq>("administered_activity", model::unit_tables::activity_gbq(), 0.01,
                               50, "administered activity");
  auto m = top.object("method");
  if (auto f = m.enumeration("fit", table(kMethods)); f.known()) s.options.method = *f;
  if (auto t = m.enumeration("tail", table(kTails)); t.known()) s.options.trapezoid_tail = *t;
  if (auto w = m.enumeration("weighting", table(kWeights)); w.known()) s.options.weighting = *w;
  if (auto v = m.enumeration("s_values", table(kSets)); v.known()) s.options.svalues = *v;
  if (auto d = m.quantity_value("density", kDensity, 0.5, 2.5, "tissue density"); d.known())
    s.options.density_g_per_ml = *d;
  m.finish();
  auto rb = top.object("radiobiology");
  if (auto ab = rb.quantity<units::Gray>("kidney_alpha_beta", model::unit_tables::dose_gy(), 0.1,
                                         50, "α/β");
      ab.known())
    s.options.kidney.alpha_beta = *ab;
  if (auto tr = rb.quantity<units::Hours>("kidney_repair_half_time", model::unit_tables::time_h(),
                                          0.01, 100, "repair half-time");
      tr.known())
    s.options.kidney.repair_half_time = *tr;
  rb.finish();
  for (auto& h : top.objects("prior_effective_half_lives")) {
    auto organ = h.enumeration("organ", model::names(model::Organ{}));
    auto t =
        h.quantity<units::Hours>("half_life", model::unit_tables::time_h(), 0.1, lu177::half_life_h,
                                 "effective half-life (at most the physical 159.5 h)");
    if (!organ.known() && !h.has("organ"))
      h.problem("organ", fmt::format("one of {}", enum_list(model::names(model::Organ{}))),
                "nothing", "missing_field");
    if (!t.known() && !h.has("half_life"))
      h.problem("half_life", "a half-life in h", "nothing", "missing_field");
    if (organ.known() && t.known()) s.prior[*organ] = *t;
    h.finish();
  }
  auto d = top.object("dosimetry");
  if (!d.present() && !top.has("dosimetry"))
    top.problem("dosimetry", "the measurements and/or absorbed doses of the administration",
                "nothing", "missing_field");
  s.dosimetry = model::read_cycle_dosimetry(d);
  top.finish();
  return out;
}

CycleResult run_study(const Study& s) {
  return compute_cycle(s.dosimetry, s.administered_activity.value, s.sex.value, s.options, s.prior);
}

nlohmann::json study_json(const Study& s, const CycleResult& r) {
  nlohmann::json j;
  j["format"] = "rltguide-dosimetry-result/1";
  j["program"] = {{"name", "rltguide"}, {"version", std::string(program_version())}};
  j["study_id"] = s.study_id.value ? nlohmann::json(*s.study_id.value) : nlohmann::json(nullptr);
  j["administered_activity_gbq"] = s.administered_activity.known()
                                       ? nlohmann::json(s.administered_activity->value())
                                       : nlohmann::json(nullptr);
  j["sex"] = s.sex.known() ? nlohmann::json(model::to_string(*s.sex)) : nlohmann::json(nullptr);
  j["options"] = {{"method", to_string(s.options.method)},
                  {"tail", to_string(s.options.trapezoid_tail)},
                  {"s_values", to_string(s.options.svalues)},
                  {"density_g_per_ml", s.options.density_g_per_ml},
                  {"kidney_alpha_beta_gy", s.options.kidney.alpha_beta.value()},
                  {"kidney_repair_half_time_h", s.options.kidney.repair_half_time.value()},
                  {"lu177_half_life_h", lu177::half_life_h},
                  {"delta_gy_g_per_mbq_h", lu177::delta_gy_g_per_mbq_h}};
  j["reported_doses"] = nlohmann::json::array();
  for (const auto& od : s.dosimetry.reported)
    if (od.organ.known() && od.dose.known())
      j["reported_doses"].push_back({{"organ", model::to_string(*od.organ)},
                                     {"dose_gy", od.dose->value()},
                                     {"pointer", od.dose.pointer}});
  auto cj = to_json(r);
  for (auto& [k, v] : cj.items())
    j[k] = v;
  return j;
}

std::string study_text(const Study& s, const CycleResult& r) {
  std::string o;
  o += fmt::format("Dosimetry study {}\n", escape_text(s.study_id.value.value_or("(no id)")));
  o += fmt::format(
      "Administered activity: {}; sex: {}; S-values: {}; kidney α/β {} Gy, T_rep {} h\n",
      s.administered_activity.known() ? num(s.administered_activity->value(), 6) + " GBq"
                                      : "not given",
      s.sex.known() ? model::to_string(*s.sex) : "not given", to_string(s.options.svalues),
      num(s.options.kidney.alpha_beta.value()), num(s.options.kidney.repair_half_time.value()));
  o += "\n";
  o +=
      fmt::format("{:<13} {:>16} {:>9} {:>8} {:>8} {:>8} {:>8} {:>9}  {}\n", "organ", "TIA (MBq·h)",
                  "mass (g)", "D (Gy)", "LED (Gy)", "BED (Gy)", "Gy/GBq", "T_eff (h)", "method");
  for (const auto& g : r.organs) {
    std::string tia = num(g.tia.value(), 5);
    if (g.tia_sd) tia += " ± " + num(*g.tia_sd, 2);
    o += fmt::format("{:<13} {:>16} {:>9} {:>8} {:>8} {:>8} {:>8} {:>9}  {}\n",
                     model::to_string(g.organ), tia, num(g.mass.value(), 5), num(g.dose.value()),
                     num(g.dose_led.value()), g.bed ? num(g.bed->value()) : "-",
                     g.gy_per_gbq ? num(g.gy_per_gbq->value(), 3) : "-",
                     g.t_eff ? num(g.t_eff->value(), 3) : "-", g.method);
  }
  if (r.marrow)
    o += fmt::format("{:<13} {:>16} {:>9} {:>8} {:>8} {:>8} {:>8} {:>9}  {}\n", "bone_marrow",
                     num(r.marrow->tia.value(), 5), num(r.marrow->marrow_mass.value(), 5),
                     num(r.marrow->dose.value()), "-", "-",
                     r.marrow->gy_per_gbq ? num(r.marrow->gy_per_gbq->value(), 3) : "-",
                     num(r.marrow->fit->t_eff.value(), 3), "blood-based, self-dose only");
  o += "\nFits and S-values\n";
  for (const auto& g : r.organs) {
    if (!g.fit) continue;
    const auto& f = *g.fit;
    auto names = parameter_names(f.model);
    std::string params;
    for (std::size_t i = 0; i < f.parameters.size(); ++i) {
      params += fmt::format("{}{} = {}", i ? ", " : "", names[i], num(f.parameters[i], 6));
      if (i < f.standard_errors.size()) params += " ± " + num(f.standard_errors[i], 2);
    }
    std::string res;
    for (double x : f.residuals)
      res += (res.empty() ? "" : ", ") + num(x, 3);
    o += fmt::format("  {}: {}: {}; R² = {:.5f}; residuals (MBq) [{}]\n", model::to_string(g.organ),
                     to_string(f.model), params, f.r_squared, res);
    if (!g.selection.empty()) o += fmt::format("    chosen: {}\n", g.selection);
  }
  for (const auto& g : r.organs)
    if (g.svalue)
      o += fmt::format("  {}: S = {} mGy/(MBq·s) at {} g ({}), scaled to {} g\n",
                       model::to_string(g.organ), num(g.svalue->s.value(), 5),
                       num(g.svalue->reference_mass.value(), 6), to_string(g.svalue->phantom),
                       num(g.mass.value(), 5));
  for (const auto& od : s.dosimetry.reported)
    if (od.organ.known() && od.dose.known())
      o += fmt::format("Reported: {} {} Gy ({})\n", model::to_string(*od.organ),
                       num(od.dose->value()), od.dose.pointer);
  bool any = !r.errors.empty();
  for (const auto& g : r.organs)
    any |= !g.warnings.empty();
  if (r.marrow) any |= !r.marrow->warnings.empty();
  if (any) {
    o += "\nWarnings and errors\n";
    for (const auto& e : r.errors)
      o += fmt::format("  ! {} ({}): {}\n", e.pointer, e.error.code, e.error.message);
    for (const auto& g : r.organs)
      for (const auto& w : g.warnings)
        o += fmt::format("  - {}: {}\n", model::to_string(g.organ), w);
    if (r.marrow)
      for (const auto& w : r.marrow->warnings)
        o += fmt::format("  - bone_marrow: {}\n", w);
  }
  o += "\nSelf-dose only (no cross-dose). Lu-177 T½ 159.528 h; Δ 0.08532 Gy·g/(MBq·h). See "
       "docs/dosimetry.md.\n";
  return o;
}

}  // namespace rlt::dosimetry
