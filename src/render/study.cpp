// Text and JSON renderings of a dosimetry study's results (rltguide dosimetry).
#include <fmt/format.h>

#include "base/text.hpp"
#include "base/version.hpp"
#include "dosimetry/study.hpp"
#include "model/names.hpp"
#include "render/calc.hpp"

namespace rlt::dosimetry {

namespace {
std::string num(double v, int sig = 4) {
  return fmt::format("{:.{}g}", v, sig);
}

}  // namespace

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
