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

}  // namespace rlt::dosimetry
