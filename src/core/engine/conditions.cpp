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

std::string_view to_string(SstrStatus s) {
  switch (s) {
    case SstrStatus::positive:
      return "positive";
    case SstrStatus::heterogeneous:
      return "heterogeneous";
    case SstrStatus::negative:
      return "negative";
    case SstrStatus::unknown:
      return "unknown";
  }
  return "unknown";
}

namespace {

/// Uptake of one reading against the modality's threshold: planar scintigraphy and SPECT use the
/// Krenning scale (positive ≥ sstr.krenning_positive, i.e. at least liver); PET uses uptake above
/// normal liver (sstr.pet_positive_krenning; equal to liver is borderline).
enum class Uptake { positive, borderline, negative, unknown };
Uptake reading(const Ctx& x, bool pet, const Fact<int>& krenning,
               const Fact<model::UptakeVsLiver>& vs) {
  int score = -1;
  if (vs.known())
    score = *vs.value == model::UptakeVsLiver::below   ? 1
            : *vs.value == model::UptakeVsLiver::equal ? 2
                                                       : 3;
  else if (krenning.known())
    score = *krenning.value;
  if (score < 0) return Uptake::unknown;
  const auto& th = x.rs.threshold(pet ? "sstr.pet_positive_krenning" : "sstr.krenning_positive");
  if (th.holds(score)) return Uptake::positive;
  // on PET, uptake equal to liver (Krenning 2) is below the criterion but not clearly negative
  if (pet && x.rs.threshold("sstr.krenning_positive").holds(score)) return Uptake::borderline;
  return Uptake::negative;
}

void sstr_status(Ctx& x) {
  if (x.sstr == nullptr) return;
  const auto& s = *x.sstr;
  bool pet = s.modality.is(model::SstrModality::pet);
  const auto& th = x.rs.threshold(pet ? "sstr.pet_positive_krenning" : "sstr.krenning_positive");
  std::string rule =
      pet ? fmt::format("positive on PET when uptake is above normal liver (Krenning-type {})",
                        th.describe())
          : fmt::format("positive {} on the Krenning scale (at least normal liver; EU SmPC 4.2)",
                        th.describe());
  std::vector<std::string> positive_ids;
  Tri negatives_flag = Tri::unknown;  // the study's own "heterogeneous / SSTR-negative lesions"
  if (s.lesions_given && !s.lesions.empty()) {
    int pos = 0, neg = 0, unknown = 0;
    for (const auto& l : s.lesions) {
      switch (reading(x, pet, l.krenning, l.uptake_vs_liver)) {
        case Uptake::positive:
          ++pos;
          positive_ids.push_back(l.id);
          break;
        case Uptake::borderline:
          // at the threshold (equal to liver on PET): expression, flagged for review
          x.sstr_borderline = true;
          ++pos;
          positive_ids.push_back(l.id);
          break;
        case Uptake::negative:
          ++neg;
          x.sstr_negative_ids.push_back(l.id);
          break;
        case Uptake::unknown:
          ++unknown;
          break;
      }
    }
    x.sstr_status = neg == 0 && unknown == 0   ? SstrStatus::positive
                    : pos == 0 && unknown == 0 ? SstrStatus::negative
                    : pos > 0 && neg > 0       ? SstrStatus::heterogeneous
                                               : SstrStatus::unknown;
    x.sstr_why =
        fmt::format("{} of {} lesions above the threshold ({})", pos, s.lesions.size(), rule);
  } else {
    Uptake u = reading(x, pet, s.krenning, s.uptake_vs_liver);
    if (u == Uptake::borderline) x.sstr_borderline = true;
    // the study's own flags: any one saying "some lesions below" decides; all known and none
    // saying so is "no"; none known is unknown
    bool any_known = s.heterogeneous.known() || s.sstr_negative_lesions.known() ||
                     s.all_lesions_positive.known();
    Tri negatives = !any_known ? Tri::unknown
                    : s.heterogeneous.is(true) || s.sstr_negative_lesions.is(true) ||
                            s.all_lesions_positive.is(false)
                        ? Tri::yes
                        : Tri::no;
    negatives_flag = negatives;
    if (u == Uptake::negative)
      x.sstr_status = SstrStatus::negative;
    else if (u == Uptake::positive && negatives == Tri::yes)
      x.sstr_status = SstrStatus::heterogeneous;
    else if (u == Uptake::positive && negatives == Tri::no)
      x.sstr_status = SstrStatus::positive;
    else if (u == Uptake::borderline)
      x.sstr_status = negatives == Tri::yes  ? SstrStatus::heterogeneous
                      : negatives == Tri::no ? SstrStatus::positive
                                             : SstrStatus::unknown;
    if (u != Uptake::unknown)
      x.sstr_why = s.krenning.known() && !s.uptake_vs_liver.known()
                       ? fmt::format("Krenning-type score {} ({})", *s.krenning.value, rule)
                       : fmt::format("uptake {} normal liver ({})",
                                     model::to_string(*s.uptake_vs_liver.value), rule);
  }
  // FDG-avid lesions without SSTR uptake (NETPET-type discordance)
  if (x.fdg != nullptr) {
    if (x.fdg->mismatch.is(true)) {
      x.fdg_discordant = Tri::yes;
      x.fdg_discordant_source = x.fdg->mismatch.pointer;
    } else if (x.fdg->lesions_given) {
      x.fdg_discordant = Tri::no;
      for (const auto& l : x.fdg->lesions) {
        if (!l.avid.is(true)) continue;
        bool matched_positive =
            l.sstr_lesion.known() && std::find(positive_ids.begin(), positive_ids.end(),
                                               *l.sstr_lesion.value) != positive_ids.end();
        if (!matched_positive) {
          x.fdg_discordant = Tri::yes;
          x.fdg_discordant_ids.push_back(l.id);
          x.fdg_discordant_source = l.pointer;
        }
      }
    } else if (x.fdg->mismatch.is(false)) {
      x.fdg_discordant = Tri::no;
    }
  }
  if (x.fdg_discordant == Tri::yes && x.sstr_status == SstrStatus::positive)
    x.sstr_status = SstrStatus::heterogeneous;
  x.sstr_positive = x.sstr_status == SstrStatus::unknown    ? Tri::unknown
                    : x.sstr_status == SstrStatus::negative ? Tri::no
                                                            : Tri::yes;
  x.heterogeneous = x.sstr_status == SstrStatus::unknown
                        ? (x.fdg_discordant == Tri::yes ? Tri::yes : negatives_flag)
                        : tri(x.sstr_status == SstrStatus::heterogeneous);
  if (s.date.known() && x.today)
    x.sstr_recent = tri(age_days(x, *s.date.value) <= x.p.sstr_pet_max_age_days);
}

/// Progression during RLT or within the consensus's window after the last cycle of a course
/// (Q10: a response must last at least 12 months; Q9: chemotherapy for progression on RLT).
void rlt_progression(Ctx& x) {
  const auto& c = x.c;
  if (x.d.prior_rlt != Tri::yes) {
    x.progressed_on_rlt = x.d.prior_rlt == Tri::no ? Tri::no : Tri::unknown;
    return;
  }
  const auto& months = x.rs.threshold("q10.response_duration_months");
  for (const auto& tr : c.treatments)
    if (tr.category.is(model::TreatmentCategory::rlt) &&
        (tr.stop_reason.is(model::StopReason::progression) ||
         tr.best_response.is(model::Response::pd))) {
      x.progressed_on_rlt = Tri::yes;
      x.progressed_on_rlt_source = tr.pointer;
      return;
    }
  std::optional<Date> last = x.d.last_rlt_date;
  std::optional<Date> prog;
  std::string ptr;
  for (const auto& tr : c.treatments)
    if (tr.category.is(model::TreatmentCategory::rlt) && tr.progression_date.known()) {
      prog = *tr.progression_date.value;
      ptr = tr.progression_date.pointer;
    }
  if (!prog && c.progression.status.is(model::ProgressionStatus::progressive) &&
      c.progression.date.known()) {
    prog = *c.progression.date.value;
    ptr = c.progression.date.pointer;
  }
  if (!last || !prog) return;
  // within the window after the last cycle (calendar months, as Q10 counts them)
  x.progressed_on_rlt = tri(*prog < last->plus_months(static_cast<int>(months.value)));
  x.progressed_on_rlt_source = ptr;
}

/// The engine's own RECIST 1.1 PD is imaging-documented progression: on the SSA when a course
/// was ongoing at that date.
void recist_progression_on_ssa(Ctx& x) {
  if (!x.recist || x.d.ssa.progressed == Tri::yes) return;
  const calc::recist::Timepoint* pd = nullptr;
  for (const auto& tp : x.recist->timepoints)
    if (!tp.baseline && tp.overall == calc::recist::Overall::pd) {
      pd = &tp;
      break;
    }
  if (pd == nullptr) return;
  for (const auto& t : x.c.treatments) {
    if (!t.category.is(model::TreatmentCategory::ssa) || !t.start.known()) continue;
    bool started = *t.start.value <= pd->date;
    bool running =
        t.end.known() ? pd->date <= *t.end.value : t.stop_reason.is(model::StopReason::ongoing);
    if (!started || !running) continue;
    x.d.ssa.progressed = Tri::yes;
    x.d.ssa.treatment_id = t.id;
    x.d.ssa.pointer = t.pointer;
    x.d.ssa.date = pd->date;
    x.d.ssa.intensity = model::ssa_intensity(t, x.rs);
    x.d.ssa.why = fmt::format(
        "RECIST 1.1 progression (computed from the measurements) on {} "
        "while on {}",
        pd->date.iso(), t.agent.value.value_or("the SSA"));
    return;
  }
}

}  // namespace

void prepare(Ctx& x) {
  const auto& c = x.c;
  x.today = c.assessment_date.value;
  x.d = model::derive(c, x.rs);
  x.grade = x.d.grade.grade;
  // G3 by either index is definite. A G1–G2 from Ki-67 alone is the routine grade on biopsies:
  // the rules answer on it, with a caution that a mitotic count could upgrade it. A G1–G2 from
  // the mitotic count alone stays a lower bound.
  if (x.grade) {
    x.ki67_only_grade = *x.grade != model::Grade::g3 && x.d.grade.partial &&
                        c.tumour.ki67.known() && !c.tumour.mitoses.known();
    x.g3 = *x.grade == model::Grade::g3              ? Tri::yes
           : x.d.grade.partial && !x.ki67_only_grade ? Tri::unknown
                                                     : Tri::no;
  }
  const auto& t = c.tumour;
  if (t.differentiation.known()) {
    x.well_differentiated = tri(*t.differentiation.value == model::Differentiation::well);
  } else if (t.histology.known()) {
    x.well_differentiated = tri(*t.histology.value == model::Histology::net);
  }

  x.sstr = latest(c.sstr_imaging);
  x.fdg = latest(c.fdg_pet);
  sstr_status(x);
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

  rlt_progression(x);
  recist_progression_on_ssa(x);

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

std::string indication_by_grade(const Policy& p) {
  constexpr const char* kEu =
      "EU SmPC 4.1: well-differentiated G1–G2, SSTR-positive, unresectable or metastatic, "
      "progressive GEP-NETs in adults";
  constexpr const char* kUs =
      "US label (2024): SSTR-positive GEP-NETs in adults and children aged 12 or more, with no "
      "grade or line restriction";
  constexpr const char* kCheck = " (wording from secondary reports; check the label text)";
  switch (p.jurisdiction) {
    case Jurisdiction::eu:
      return std::string("Approved indication — ") + kEu + kCheck + ".";
    case Jurisdiction::us:
      return std::string("Approved indication — ") + kUs + kCheck + ".";
    default:
      return std::string("Approved indication — ") + kEu + "; " + kUs + kCheck + ".";
  }
}

bool first_line_available(const Policy& p) {
  return p.first_line_approved || p.jurisdiction == Jurisdiction::us;
}

std::string first_line_status(const Policy& p) {
  if (!p.first_line_approved && p.jurisdiction == Jurisdiction::us)
    return "on-label under the US label, which has no grade or line restriction (wording from "
           "secondary reports)";
  return p.first_line_approved
             ? "first-line RLT for this population is approved under the current policy"
             : "first-line RLT for this population is not marked approved in the policy (set "
               "first_line_approved where the label or reimbursement allows it)";
}

std::string chemotherapy_by_site(const Ctx& x) {
  const auto& site = x.c.tumour.primary_site;
  if (site.is(model::PrimarySite::pancreas))
    return "alkylating chemotherapy (temozolomide with capecitabine, or streptozocin-based; "
           "consensus Q5 text)";
  if (site.known())
    return "fluoropyrimidine-based chemotherapy (e.g. FOLFOX; consensus Q5 text: GI NETs are "
           "mostly resistant to alkylating agents)";
  return "chemotherapy (alkylating agents for pancreatic, fluoropyrimidine combinations for GI "
         "NETs; consensus Q5 text)";
}

std::string ki67_only_text() {
  return "Graded on Ki-67 alone (no mitotic count): this is the routine grade on biopsies, but "
         "a mitotic count above 20 per 2 mm² would make the tumour G3 (WHO 2022).";
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
  use(a.rationale, "SSTR expression (all known lesions)", Value::code(to_string(x.sstr_status)),
      x.sstr->lesions_given      ? x.sstr->pointer + "/lesions"
      : x.sstr->krenning.known() ? x.sstr->krenning.pointer
                                 : x.sstr->uptake_vs_liver.pointer);
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
  if (x.ki67_only_grade) a.cautions.push_back({"grade_from_ki67_only", ki67_only_text()});
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
