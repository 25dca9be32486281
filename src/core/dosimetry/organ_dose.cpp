#include "dosimetry/organ_dose.hpp"

#include <array>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "model/names.hpp"

namespace rlt::dosimetry {

namespace {

constexpr std::array kMethodNames = {
    std::pair{Method::automatic, std::string_view("auto")},
    std::pair{Method::mono_exp, std::string_view("mono_exp")},
    std::pair{Method::uptake_washout, std::string_view("uptake_washout")},
    std::pair{Method::bi_exp, std::string_view("bi_exp")},
    std::pair{Method::tri_exp_uptake, std::string_view("tri_exp_uptake")},
    std::pair{Method::trapezoid, std::string_view("trapezoid")},
    std::pair{Method::hanscheid, std::string_view("hanscheid")},
    std::pair{Method::madsen, std::string_view("madsen")},
};

bool is_kidney(model::Organ o) {
  return o == model::Organ::kidneys || o == model::Organ::kidney_left ||
         o == model::Organ::kidney_right;
}

std::optional<TacModel> model_of(Method m) {
  switch (m) {
    case Method::mono_exp:
      return TacModel::mono_exp;
    case Method::uptake_washout:
      return TacModel::uptake_washout;
    case Method::bi_exp:
      return TacModel::bi_exp;
    case Method::tri_exp_uptake:
      return TacModel::tri_exp_uptake;
    default:
      return std::nullopt;
  }
}

std::optional<units::Hours> prior_of(const PriorKinetics& prior, model::Organ o) {
  if (auto it = prior.find(o); it != prior.end()) return it->second;
  // A kidney's kinetics stand in for the other kidney or both kidneys.
  if (is_kidney(o))
    for (auto k : {model::Organ::kidneys, model::Organ::kidney_left, model::Organ::kidney_right})
      if (auto jt = prior.find(k); jt != prior.end()) return jt->second;
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Method m) {
  for (auto [v, n] : kMethodNames)
    if (v == m) return n;
  return "?";
}

std::optional<Method> method_from(std::string_view name) {
  for (auto [v, n] : kMethodNames)
    if (n == name) return v;
  return std::nullopt;
}

units::Gram reference_marrow_mass(model::Sex sex) {
  return units::Gram(sex == model::Sex::female ? 900.0 : 1170.0);
}

double marrow_blood_factor(model::Sex sex, std::optional<units::Gram> mass,
                           std::optional<double> haematocrit) {
  double m = mass ? mass->value() : reference_marrow_mass(sex).value();
  double rmblr = haematocrit ? 0.19 / (1.0 - *haematocrit) : 1.0;
  return rmblr * m;
}

Result<OrganResult> organ_dose(const model::OrganMeasurement& m,
                               std::optional<units::Gbq> administered,
                               std::optional<model::Sex> sex, const DoseOptions& o,
                               const PriorKinetics& prior) {
  OrganResult r;
  r.pointer = m.pointer;
  if (!m.organ.known()) return Error{"missing_field", "the organ of the measurement is not given"};
  r.organ = *m.organ;
  std::vector<TacPoint> pts;
  for (std::size_t i = 0; i < m.points.size(); ++i) {
    const auto& p = m.points[i];
    if (!p.time.known() || !p.activity.known())
      return Error{"missing_field", fmt::format("point {} lacks its time or activity", i + 1)};
    pts.push_back({p.time->value(), p.activity->value()});
  }
  auto checked = checked_points(pts, 1);
  if (!checked) return checked.error();
  pts = checked.value();
  const auto prior_teff = prior_of(prior, r.organ);

  Method method = o.method;
  if (method == Method::automatic) {
    if (pts.size() >= 3) {
      auto mc = fit_best(pts, default_candidates(), FitOptions{o.weighting, 4000, true});
      if (mc) {
        r.fit = mc.value().best;
        for (const auto& c : mc.value().candidates)
          if (c.model != r.fit->model) r.candidates.push_back(c);
        r.selection = mc.value().reason;
        r.method =
            fmt::format("fit {} (chosen by {})", to_string(r.fit->model), mc.value().criterion);
      } else {
        r.warnings.push_back(fmt::format("no model could be fitted ({}); trapezoid used instead",
                                         mc.error().message));
        method = Method::trapezoid;
      }
    } else if (pts.size() == 2) {
      auto f = fit_tac(pts, TacModel::mono_exp, FitOptions{o.weighting, 4000, true});
      if (f) {
        r.fit = f.value();
        r.method = "mono-exponential through 2 points (no uncertainty)";
      } else {
        r.warnings.push_back(
            fmt::format("mono-exponential through 2 points failed ({}); trapezoid used instead",
                        f.error().message));
        method = Method::trapezoid;
      }
    } else {
      method = prior_teff ? Method::madsen : Method::hanscheid;
    }
  } else if (auto tm = model_of(method)) {
    auto f = fit_tac(pts, *tm, FitOptions{o.weighting, 4000, true});
    if (!f) return f.error();
    r.fit = f.value();
    r.method = fmt::format("fit {} (as requested)", to_string(*tm));
  }

  if (r.fit) {
    r.tia = units::MbqHours(r.fit->tia);
    r.tia_sd = r.fit->tia_sd;
    r.t_eff = r.fit->t_eff;
    if (r.fit->r_squared < 0.9)
      r.warnings.push_back(fmt::format("poor fit: R² = {:.3f}", r.fit->r_squared));
  } else if (method == Method::trapezoid) {
    auto tr =
        integrate_trapezoid(pts, pts.size() >= 2 ? o.trapezoid_tail : TailRule::physical_decay);
    if (!tr) return tr.error();
    r.trapezoid = tr.value();
    r.tia = units::MbqHours(tr.value().tia);
    r.t_eff = units::Hours(std::numbers::ln2 / tr.value().tail_rate);
    r.method = fmt::format("trapezoid from (0, 0) + tail by {}", to_string(tr.value().tail_rule));
    for (const auto& w : tr.value().warnings)
      r.warnings.push_back(w);
  } else if (method == Method::hanscheid || method == Method::madsen) {
    if (pts.size() != 1)
      r.warnings.push_back(fmt::format(
          "single-time-point method with {} points: the last point is used", pts.size()));
    TacPoint p = pts.back();
    Result<StpResult> s = Error{"", ""};
    if (method == Method::madsen) {
      if (!prior_teff)
        return Error{
            "missing_half_life",
            "the Madsen method needs the effective half-life of this organ from an earlier cycle"};
      s = stp_madsen(p, *prior_teff);
      r.t_eff = *prior_teff;
    } else {
      s = stp_hanscheid(p, prior_teff);
      if (prior_teff) r.t_eff = *prior_teff;
    }
    if (!s) return s.error();
    r.stp = s.value();
    r.tia = units::MbqHours(s.value().tia);
    r.method = fmt::format("single time point, {} at {:g} h", s.value().method, p.time_h);
    for (const auto& w : s.value().warnings)
      r.warnings.push_back(w);
  }

  // Mass.
  if (m.mass.known()) {
    r.mass = *m.mass;
    r.mass_origin = "measured";
  } else if (m.volume.known()) {
    r.mass = units::Gram(m.volume->value() * o.density_g_per_ml);
    r.mass_origin = fmt::format("volume × {:g} g/mL", o.density_g_per_ml);
  }

  // Absorbed dose.
  auto sv = find_svalue(r.organ, sex, o.svalues);
  if (sv) {
    r.svalue = sv.value();
    if (!sex)
      r.warnings.push_back(
          "sex unknown: male phantom S-value used (after mass scaling the difference is < 1 %)");
    if (!(r.mass.value() > 0)) {
      r.mass = sv.value().reference_mass;
      r.mass_origin = "phantom reference (no mass or volume given)";
      r.warnings.push_back(
          fmt::format("no organ mass or volume: the {} reference mass {:g} g is used",
                      to_string(sv.value().phantom), r.mass.value()));
    }
    r.s_scaled = scaled_svalue(sv.value(), r.mass);
    r.dose = mird_dose(r.tia, r.s_scaled);
    r.dose_led = led_dose(r.tia, r.mass);
    if (r.organ != model::Organ::bone_marrow) {
      double diff = r.dose.value() / r.dose_led.value() - 1.0;
      if (std::abs(diff) > 0.10)
        r.warnings.push_back(
            fmt::format("S-value and local-deposition doses differ by {:+.0f} %", diff * 100.0));
    }
  } else {
    if (!(r.mass.value() > 0))
      return Error{"missing_mass",
                   "a tumour dose needs the tumour mass or volume (no phantom reference exists)"};
    r.dose_led = led_dose(r.tia, r.mass);
    r.dose = r.dose_led;
    r.warnings.push_back(
        "no organ S-value: local energy deposition used (no photon escape, no cross-dose)");
  }
  if (r.tia_sd) r.dose_sd = units::Gray(r.dose.value() * *r.tia_sd / r.tia.value());

  if (is_kidney(r.organ)) {
    if (r.fit)
      r.g_factor = g_factor(r.fit->terms(), o.kidney.repair_half_time);
    else if (r.t_eff)
      r.g_factor = g_factor_mono(*r.t_eff, o.kidney.repair_half_time);
    if (r.g_factor) r.bed = bed(r.dose, *r.g_factor, o.kidney.alpha_beta);
  }
  if (administered && administered->value() > 0) r.gy_per_gbq = per_activity(r.dose, *administered);
  return r;
}

Result<MarrowResult> marrow_dose_from_blood(const model::CycleDosimetry& d,
                                            std::optional<units::Gbq> administered,
                                            std::optional<model::Sex> sex, const DoseOptions& o) {
  MarrowResult r;
  r.pointer = d.pointer + "/blood";
  std::vector<TacPoint> pts;
  for (std::size_t i = 0; i < d.blood.size(); ++i) {
    const auto& b = d.blood[i];
    if (!b.time.known() || !b.activity_concentration.known())
      return Error{"missing_field",
                   fmt::format("blood sample {} lacks its time or concentration", i + 1)};
    pts.push_back({b.time->value(), *b.activity_concentration});
  }
  if (pts.size() < 2)
    return Error{"too_few_points", "the blood method needs at least 2 blood samples"};
  if (pts.size() >= 3) {
    static constexpr std::array kBlood = {TacModel::mono_exp, TacModel::bi_exp};
    auto mc = fit_best(pts, kBlood, FitOptions{o.weighting, 4000, true});
    if (!mc) return mc.error();
    r.fit = mc.value().best;
  } else {
    auto f = fit_tac(pts, TacModel::mono_exp, FitOptions{o.weighting, 4000, true});
    if (!f) return f.error();
    r.fit = f.value();
  }
  r.blood_tia_per_ml = r.fit->tia;
  const model::Sex s = sex.value_or(model::Sex::male);
  if (!sex)
    r.warnings.push_back(
        "sex unknown: male reference marrow mass and S-value used (dose differs < 1 %)");
  r.marrow_mass = reference_marrow_mass(s);
  std::optional<double> hct;
  if (d.haematocrit.known() && *d.haematocrit < 1.0) hct = *d.haematocrit;
  r.rmblr = hct ? 0.19 / (1.0 - *hct) : 1.0;
  if (!hct)
    r.warnings.push_back(
        "haematocrit unknown: red-marrow-to-blood ratio 1.0 used (as PyTheranostics)");
  r.tia = units::MbqHours(r.blood_tia_per_ml * marrow_blood_factor(s, r.marrow_mass, hct));
  auto sv = find_svalue(model::Organ::bone_marrow, s, SValueSet::icrp89);
  if (!sv) return sv.error();
  r.svalue = sv.value();
  r.dose = mird_dose(r.tia, scaled_svalue(r.svalue, r.marrow_mass));
  r.warnings.push_back(
      "marrow self-dose only: cross-dose from organs, tumours and the remainder of the body is not "
      "included");
  if (administered && administered->value() > 0) r.gy_per_gbq = per_activity(r.dose, *administered);
  return r;
}

CycleResult compute_cycle(const model::CycleDosimetry& d, std::optional<units::Gbq> administered,
                          std::optional<model::Sex> sex, const DoseOptions& o,
                          const PriorKinetics& prior) {
  CycleResult out;
  for (const auto& m : d.measurements) {
    auto r = organ_dose(m, administered, sex, o, prior);
    if (r)
      out.organs.push_back(std::move(r).value());
    else
      out.errors.push_back({m.pointer, m.organ.value, r.error()});
  }
  if (!d.blood.empty()) {
    auto mr = marrow_dose_from_blood(d, administered, sex, o);
    if (mr)
      out.marrow = std::move(mr).value();
    else
      out.errors.push_back({d.pointer + "/blood", model::Organ::bone_marrow, mr.error()});
  }
  return out;
}

}  // namespace rlt::dosimetry
