// The conditions the rules share, computed once per case, and the helpers that record facts in
// an answer. Three-valued throughout: a condition that depends on a missing fact is
// Tri::unknown, and a verdict that would change with that fact is insufficient_data, naming it.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "base/reader.hpp"
#include "calc/recist_series.hpp"
#include "calc/renal.hpp"
#include "engine/context.hpp"
#include "model/names.hpp"

namespace rlt::engine {

std::string_view to_string(Status s) {
  switch (s) {
    case Status::applies:
      return "applies";
    case Status::does_not_apply:
      return "does_not_apply";
    case Status::not_applicable:
      return "not_applicable";
    case Status::insufficient_data:
      return "insufficient_data";
  }
  return "insufficient_data";
}

std::string Value::display() const {
  switch (kind) {
    case Kind::code:
    case Kind::text:
      return text;
    case Kind::boolean:
      return flag ? "yes" : "no";
    case Kind::date:
      return date.iso();
    case Kind::number: {
      std::string n = decimals >= 0 ? fmt::format("{:.{}f}", number, decimals) : fmt_num(number);
      return unit.empty() ? n : n + " " + unit;
    }
  }
  return text;
}

namespace detail {

const model::Lab* latest_lab(const model::Case& c, model::Analyte a) {
  const model::Lab* best = nullptr;
  for (const auto& l : c.labs)
    if (l.analyte.is(a) && l.date.known() && l.value.known() &&
        (best == nullptr || *l.date.value >= *best->date.value))
      best = &l;
  return best;
}

long age_days(const Ctx& x, const Date& d) {
  return x.today ? x.today->days_since(d) : 0;
}

void use(std::vector<FactUsed>& r, std::string name, Value value, SourceRef source) {
  r.push_back({std::move(name), std::move(value), std::move(source)});
}

void miss(std::vector<MissingFact>& m, std::string name, SourceRef source, std::string why) {
  for (const auto& e : m)
    if (e.source == source && e.name == name) return;
  m.push_back({std::move(name), std::move(source), std::move(why)});
}

Answer start(const Ctx& x, std::string_view id) {
  Answer a;
  a.id = std::string(id);
  if (const auto* rec = x.rs.recommendation(id)) {
    a.question = rec->question;
    a.recommendation = rec->summary;
    a.context = rec->context;
    a.level = rec->level;
    a.strength = rec->strength;
    a.references = rec->references;
  }
  return a;
}

void set(Answer& a, Status s, Verdict v) {
  a.status = s;
  a.verdict = v;
}

Answer decide(Answer& a, std::string_view rule, Status s, Verdict v, std::string why) {
  a.rules.emplace_back(rule);
  set(a, s, v);
  if (!why.empty()) a.explanation.push_back(std::move(why));
  return std::move(a);
}

void prepare(Ctx& x) {
  const auto& c = x.c;
  x.today = c.assessment_date.value;
  x.d = model::derive(c, x.rs);
  x.grade = x.d.grade.grade;
  if (x.grade)
    x.g3 = *x.grade == model::Grade::g3 ? Tri::yes : x.d.grade.partial ? Tri::unknown : Tri::no;
  const auto& t = c.tumour;
  if (t.differentiation.known()) {
    x.well_differentiated = tri(*t.differentiation.value == model::Differentiation::well);
  } else if (t.histology.known()) {
    x.well_differentiated = tri(*t.histology.value == model::Histology::net);
  }

  x.sstr = latest(c.sstr_imaging);
  if (x.sstr != nullptr) {
    const auto& s = *x.sstr;
    const auto& th = x.rs.threshold("sstr.krenning_positive");
    if (s.krenning.known()) {
      x.sstr_positive = tri(th.holds(*s.krenning.value));
      x.sstr_why = fmt::format(
          "Krenning-type score {} (positive {}; EU SmPC 4.2: uptake at least "
          "as high as normal liver)",
          *s.krenning.value, th.describe());
    } else if (s.uptake_vs_liver.known()) {
      x.sstr_positive = tri(*s.uptake_vs_liver.value != model::UptakeVsLiver::below);
      x.sstr_why = fmt::format(
          "uptake {} normal liver (positive when at least as high as liver; "
          "EU SmPC 4.2)",
          model::to_string(*s.uptake_vs_liver.value));
    }
    if (s.date.known() && x.today)
      x.sstr_recent = tri(age_days(x, *s.date.value) <= x.p.sstr_pet_max_age_days);
    x.heterogeneous = tri(s.heterogeneous.value) || tri(s.sstr_negative_lesions.value);
    if (s.heterogeneous.is(false) && !s.sstr_negative_lesions.known()) x.heterogeneous = Tri::no;
  }
  x.fdg = latest(c.fdg_pet);
  x.ct = latest(c.studies);

  if (t.extent.known()) {
    switch (*t.extent.value) {
      case model::Extent::metastatic:
        x.advanced = Tri::yes;
        break;
      case model::Extent::localized:
        x.advanced = Tri::no;
        break;
      case model::Extent::locally_advanced:
        x.advanced = t.resectable.known() ? tri(!*t.resectable.value) : Tri::unknown;
        break;
    }
  }

  // RECIST from the case's studies (needs a baseline and measurements).
  if (c.studies.size() >= 2) {
    auto series = calc::recist::series_from_case(c);
    auto res = calc::recist::evaluate(series, calc::recist::Params::from_ruleset(x.rs));
    if (res.ok() && res.value().timepoints.size() >= 2) x.recist = std::move(res).value();
  }

  // Kidney function from the latest creatinine within the labs window.
  if (const auto* cr = latest_lab(c, model::Analyte::creatinine)) {
    bool recent = !x.today || age_days(x, *cr->date.value) <= x.p.labs_max_age_days;
    if (recent && x.d.age_years && c.patient.sex.known()) {
      auto e = calc::renal::ckd_epi_2021(units::Creatinine(*cr->value.value), *x.d.age_years,
                                         *c.patient.sex.value);
      if (e.ok()) {
        x.egfr = e.value().value();
        x.egfr_pointer = cr->value.pointer;
      }
      if (c.patient.weight.known()) {
        auto cg = calc::renal::cockcroft_gault(units::Creatinine(*cr->value.value), *x.d.age_years,
                                               *c.patient.weight.value, *c.patient.sex.value);
        if (cg.ok()) x.crcl = cg.value().value();
      }
    }
  }

  // The retreatment budget: limits from the ruleset unless the policy overrides them.
  if (x.d.prior_rlt == Tri::yes) {
    auto bp = dosimetry::BudgetPolicy::from_ruleset(x.rs);
    if (x.p.kidney_limit_gy) bp.kidney_dose_limit = units::Gray(*x.p.kidney_limit_gy);
    if (x.p.marrow_limit_gy) bp.marrow_limit = units::Gray(*x.p.marrow_limit_gy);
    // No cycle dose may be estimated from another cycle: a missing dose is missing.
    bp.estimate_unmeasured_cycles = false;
    bp.kidney_limit = x.p.kidney_limit_kind == KidneyLimitKind::bed
                          ? dosimetry::KidneyLimit::bed
                          : dosimetry::KidneyLimit::absorbed_dose;
    x.budget = dosimetry::plan_retreatment(c, bp);
  }
}

Tri need_sstr(const Ctx& x, Answer& a) {
  if (x.sstr == nullptr) {
    miss(a.missing, "SSTR PET (or scintigraphy)", x.c.imaging_pointer + "/sstr",
         "receptor expression decides whether RLT can work");
    return Tri::unknown;
  }
  if (x.sstr_positive == Tri::unknown) {
    miss(a.missing, "SSTR uptake score (Krenning) or uptake versus liver", x.sstr->pointer,
         "the SSTR study gives no uptake grade");
    return Tri::unknown;
  }
  use(a.rationale, "SSTR expression",
      Value::code(x.sstr_positive == Tri::yes ? "positive" : "negative"),
      x.sstr->krenning.known() ? x.sstr->krenning.pointer : x.sstr->uptake_vs_liver.pointer);
  a.explanation.push_back("SSTR imaging: " + x.sstr_why + ".");
  return x.sstr_positive;
}

Tri need_advanced(const Ctx& x, Answer& a) {
  const auto& t = x.c.tumour;
  if (!t.extent.known()) {
    miss(a.missing, "disease extent", t.extent.pointer,
         "RLT is for advanced (unresectable or metastatic) disease");
  } else {
    use(a.rationale, "extent", Value::code(model::to_string(*t.extent.value)), t.extent.pointer);
    if (*t.extent.value == model::Extent::locally_advanced) {
      if (t.resectable.known())
        use(a.rationale, "resectable", Value::yes_no(*t.resectable.value), t.resectable.pointer);
      else
        miss(a.missing, "resectability", t.resectable.pointer,
             "locally advanced disease counts as advanced only when unresectable");
    }
  }
  return x.advanced;
}

Tri need_grade_g1g2(const Ctx& x, Answer& a) {
  const auto& t = x.c.tumour;
  if (!x.grade) {
    miss(a.missing, "Ki-67 index and mitotic count", t.ki67.pointer,
         "the grade decides which recommendation applies");
    return Tri::unknown;
  }
  use(a.rationale, "WHO 2022 grade", Value::code(model::grade_code(x.grade)),
      t.ki67.known() ? t.ki67.pointer : t.mitoses.pointer);
  if (x.g3 == Tri::unknown) {
    bool no_mitoses = !t.mitoses.known();
    miss(a.missing, no_mitoses ? "mitotic count" : "Ki-67 index",
         no_mitoses ? t.mitoses.pointer : t.ki67.pointer,
         fmt::format("graded {} on one index only; WHO 2022 grades by the higher of Ki-67 and "
                     "mitoses, so the "
                     "other could make it G3",
                     model::grade_code(x.grade)));
  }
  return !x.g3;
}

Tri need_ssa_progression(const Ctx& x, Answer& a) {
  const auto& s = x.d.ssa;
  if (s.progressed == Tri::unknown) {
    miss(a.missing, "progression on a somatostatin analogue", "/treatments", s.why);
  } else {
    use(a.rationale, "progressed on SSA", Value::tri(s.progressed),
        s.pointer.empty() ? "/treatments" : s.pointer);
    a.explanation.push_back("Somatostatin analogue: " + s.why + ".");
  }
  return s.progressed;
}

Tri fact_tri(Answer& a, const Fact<bool>& f, const std::string& name, const std::string& why) {
  if (!f.known()) {
    miss(a.missing, name, f.pointer, why);
    return Tri::unknown;
  }
  use(a.rationale, name, Value::yes_no(*f.value), f.pointer);
  return tri(*f.value);
}

Tri netter2_population(const Ctx& x, Answer& a) {
  const auto& t = x.c.tumour;
  const auto& lo = x.rs.threshold("netter2.ki67_min");
  const auto& hi = x.rs.threshold("netter2.ki67_max");
  Tri ki = Tri::unknown;
  if (t.ki67.known()) {
    double k = *t.ki67.value;
    ki = tri(lo.holds(k) && hi.holds(k));
    use(a.rationale, "Ki-67 index", Value::num(k, "%"), t.ki67.pointer);
  } else {
    miss(a.missing, "Ki-67 index", t.ki67.pointer,
         fmt::format("the NETTER-2 population has Ki-67 {}–{} %", fmt_num(lo.value),
                     fmt_num(hi.value)));
  }
  Tri newly = x.d.newly_diagnosed;
  if (newly == Tri::unknown)
    miss(a.missing, "diagnosis date", t.diagnosis_date.pointer,
         "the NETTER-2 population is newly diagnosed");
  else
    use(a.rationale, "months since diagnosis", Value::num(*x.d.months_since_diagnosis, {}, 1),
        t.diagnosis_date.pointer);
  Tri well = x.well_differentiated;
  if (well == Tri::unknown)
    miss(a.missing, "differentiation", t.differentiation.pointer,
         "NETTER-2 enrolled well-differentiated tumours");
  return ki && newly && well && x.advanced && x.sstr_positive;
}

// @rule q4.not_g1g2 @rule q4.no_ssa_failure @rule q4.sstr_negative @rule q4.insufficient
// @rule q5.not_g1g2 @rule q5.no_ssa_failure @rule q5.sstr_negative @rule q5.insufficient
// @rule q6.not_g1g2 @rule q6.no_ssa_failure @rule q6.sstr_negative @rule q6.insufficient
// @rule q4.prior_rlt @rule q4.not_advanced @rule q5.prior_rlt @rule q5.not_advanced
// @rule q6.prior_rlt @rule q6.not_advanced
std::optional<Answer> second_line_gate(const Ctx& x, Answer& a, const char* qid) {
  Tri g12 = need_grade_g1g2(x, a);
  Tri ssa = need_ssa_progression(x, a);
  Tri sstr = need_sstr(x, a);
  Tri adv = need_advanced(x, a);
  auto rule = [&](const char* name) { return fmt::format("{}.{}", qid, name); };
  if (x.d.prior_rlt == Tri::yes)
    return decide(
        a, rule("prior_rlt"), Status::not_applicable, Verdict::not_applicable,
        "The patient has had RLT: this is a second-line comparison; see Q10 for retreatment.");
  if (adv == Tri::no)
    return decide(a, rule("not_advanced"), Status::not_applicable, Verdict::not_applicable,
                  "Localised or resectable disease: the comparison concerns advanced disease.");
  if (g12 == Tri::no)
    return decide(a, rule("not_g1g2"), Status::not_applicable, Verdict::not_applicable,
                  "G3 tumour: this comparison was made for G1–G2 NETs (see Q9).");
  if (ssa == Tri::no)
    return decide(a, rule("no_ssa_failure"), Status::not_applicable, Verdict::not_applicable,
                  "The patient has not progressed on a somatostatin analogue.");
  if (sstr == Tri::no)
    return decide(a, rule("sstr_negative"), Status::not_applicable, Verdict::not_applicable,
                  "SSTR-negative disease: RLT is not an option, so the comparison does not arise.");
  if (g12 == Tri::unknown || ssa == Tri::unknown || sstr == Tri::unknown || adv == Tri::unknown)
    return decide(a, rule("insufficient"), Status::insufficient_data, Verdict::insufficient_data);
  if (x.d.lines_before && *x.d.lines_before > 1)
    a.cautions.push_back(
        {"later_line", fmt::format("{} systemic lines already given: the comparison was made "
                                   "for second-line treatment after SSA.",
                                   *x.d.lines_before)});
  return std::nullopt;
}

void preference_conditions(const Ctx& x, Answer& a) {
  std::vector<std::string> failed, unknown;
  if (x.heterogeneous == Tri::yes) failed.emplace_back("SSTR expression is heterogeneous");
  if (x.heterogeneous == Tri::unknown) unknown.emplace_back("homogeneity of SSTR expression");
  const auto& pr = x.c.progression;
  if (pr.rapid.is(true)) failed.emplace_back("progression is rapid");
  if (!pr.rapid.known()) unknown.emplace_back("pace of progression");
  const auto& t = x.c.tumour;
  if (t.symptoms.is(true)) failed.emplace_back("the disease is symptomatic");
  if (!t.symptoms.known()) unknown.emplace_back("tumour-related symptoms");
  auto join = [](const std::vector<std::string>& xs, std::string_view sep) {
    std::string s;
    for (const auto& e : xs)
      s += (s.empty() ? "" : std::string(sep)) + e;
    return s;
  };
  if (!failed.empty())
    a.cautions.push_back({"preference_conditions_not_met",
                          "The preference for RLT assumes homogeneous SSTR expression, no rapid "
                          "progression and not highly symptomatic disease; here: " +
                              join(failed, "; ") + "."});
  if (!unknown.empty())
    a.cautions.push_back({"preference_conditions_unknown",
                          "Not known, so the conditions of the preference are unchecked: " +
                              join(unknown, ", ") + "."});
}

}  // namespace detail
}  // namespace rlt::engine
