// Rules for Q1–Q10 of the Itanet/AIMN/SIE/AIOM consensus (Panzuto et al., J Endocrinol Invest
// 2024, doi:10.1007/s40618-024-02448-6). Each RULE("qN.name") marks the rule that decided an
// answer; the traceability matrix is generated from these marks and from the tests' @covers.
//
// Three-valued throughout: a condition that depends on a missing fact is Tri::unknown, and a
// verdict that would change with that fact is insufficient_data, naming it.
#include "engine/engine.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "base/reader.hpp"
#include "base/version.hpp"
#include "calc/ctcae.hpp"
#include "calc/recist.hpp"
#include "calc/recist_series.hpp"
#include "calc/renal.hpp"
#include "dosimetry/budget.hpp"
#include "dosimetry/precycle.hpp"
#include "engine/safety.hpp"
#include "model/derived.hpp"
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

namespace {

#define RULE(id) a.rules.emplace_back(id)

std::string yes_no(bool b) {
  return b ? "yes" : "no";
}
/// Everything the rules share, computed once per case.
struct Ctx {
  Ctx(const model::Case& case_, const Policy& policy, const kb::Ruleset& ruleset)
      : c(case_), p(policy), rs(ruleset) {}
  const model::Case& c;
  const Policy& p;
  const kb::Ruleset& rs;
  model::Derived d;
  std::optional<Date> today;

  // SSTR imaging: the latest study, and whether it shows receptor expression.
  const model::SstrImaging* sstr = nullptr;
  Tri sstr_positive = Tri::unknown;
  std::string sstr_why;
  Tri sstr_recent = Tri::unknown;
  Tri heterogeneous = Tri::unknown;
  // FDG PET: the latest.
  const model::FdgPet* fdg = nullptr;
  // CT/MRI: the latest study.
  const model::ImagingStudy* ct = nullptr;
  Tri advanced = Tri::unknown;
  // Grade. g3: yes when G3 (the higher index wins, so one index suffices); no only when both
  // indices place the tumour below G3; a G1–G2 from one index alone is a lower bound: unknown.
  std::optional<model::Grade> grade;
  Tri g3 = Tri::unknown;
  Tri well_differentiated = Tri::unknown;
  // RECIST from the case's studies, when computable.
  std::optional<calc::recist::SeriesResult> recist;
  // Labs
  std::optional<double> egfr;
  std::string egfr_pointer;
  std::optional<double> crcl;
};

template <class T>
const T* latest(const std::vector<T>& xs) {
  const T* best = nullptr;
  for (const auto& x : xs)
    if (x.date.known() && (best == nullptr || *x.date.value >= *best->date.value)) best = &x;
  return best;
}

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

void use(std::vector<FactUsed>& r, std::string name, std::string value, std::string pointer) {
  r.push_back({std::move(name), std::move(value), std::move(pointer)});
}
void miss(std::vector<MissingFact>& m, std::string name, std::string pointer, std::string why) {
  for (const auto& x : m)
    if (x.pointer == pointer && x.name == name) return;
  m.push_back({std::move(name), std::move(pointer), std::move(why)});
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

void set(Answer& a, Status s, std::string verdict) {
  a.status = s;
  a.verdict = std::move(verdict);
}

// ---------------------------------------------------------------------------------------------
// Shared derived conditions, each leaving its facts in the answer that uses it.

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
    auto res = calc::recist::evaluate(series, calc::recist::Params::from_ruleset());
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
}

/// The SSTR fact, recorded into an answer.
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
  use(a.rationale, "SSTR expression", x.sstr_positive == Tri::yes ? "positive" : "negative",
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
    use(a.rationale, "extent", std::string(model::to_string(*t.extent.value)), t.extent.pointer);
    if (*t.extent.value == model::Extent::locally_advanced) {
      if (t.resectable.known())
        use(a.rationale, "resectable", yes_no(*t.resectable.value), t.resectable.pointer);
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
  use(a.rationale, "WHO 2022 grade", std::string(model::grade_code(x.grade)),
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
    use(a.rationale, "progressed on SSA", to_string(s.progressed),
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
  use(a.rationale, name, yes_no(*f.value), f.pointer);
  return tri(*f.value);
}

/// The NETTER-2 population: newly diagnosed, advanced, SSTR-positive, well-differentiated G2–G3,
/// Ki-67 10–55 % (Singh et al., Lancet 2024; consensus ref 16).
Tri netter2_population(const Ctx& x, Answer& a) {
  const auto& t = x.c.tumour;
  Tri ki = Tri::unknown;
  if (t.ki67.known()) {
    double k = *t.ki67.value;
    ki = tri(x.rs.threshold("netter2.ki67_min").holds(k) &&
             x.rs.threshold("netter2.ki67_max").holds(k));
    use(a.rationale, "Ki-67 index", fmt_num(k) + " %", t.ki67.pointer);
  } else {
    miss(a.missing, "Ki-67 index", t.ki67.pointer, "the NETTER-2 population has Ki-67 10–55 %");
  }
  Tri newly = x.d.newly_diagnosed;
  if (newly == Tri::unknown)
    miss(a.missing, "diagnosis date", t.diagnosis_date.pointer,
         "the NETTER-2 population is newly diagnosed");
  else
    use(a.rationale, "months since diagnosis", fmt::format("{:.1f}", *x.d.months_since_diagnosis),
        t.diagnosis_date.pointer);
  Tri well = x.well_differentiated;
  if (well == Tri::unknown)
    miss(a.missing, "differentiation", t.differentiation.pointer,
         "NETTER-2 enrolled well-differentiated tumours");
  return ki && newly && well && x.advanced && x.sstr_positive;
}

// ---------------------------------------------------------------------------------------------
// Scope and grade

ScopeEntry scope(const Ctx& x) {
  ScopeEntry s;
  const auto& t = x.c.tumour;
  const auto& pt = x.c.patient;
  std::vector<std::string> out;
  bool unknown = false;
  if (t.primary_site.known()) {
    auto site = *t.primary_site.value;
    use(s.rationale, "primary site", std::string(model::to_string(site)), t.primary_site.pointer);
    if (site == model::PrimarySite::lung || site == model::PrimarySite::other) {
      out.push_back("not_gep");
      s.explanation.push_back(
          "The primary is not gastro-entero-pancreatic; the consensus covers GEP-NETs only.");
    }
  } else {
    unknown = true;
    miss(s.missing, "primary site", t.primary_site.pointer, "the consensus covers GEP-NETs only");
  }
  if (t.histology.known()) {
    use(s.rationale, "histology", std::string(model::to_string(*t.histology.value)),
        t.histology.pointer);
    if (*t.histology.value == model::Histology::nec) {
      out.push_back("nec");
      s.explanation.push_back("Neuroendocrine carcinoma (NEC) is excluded by the consensus.");
    }
    if (*t.histology.value == model::Histology::minen) {
      out.push_back("minen");
      s.explanation.push_back(
          "Mixed neuroendocrine-non-neuroendocrine neoplasm (MiNEN) is outside the consensus.");
    }
  }
  if (t.differentiation.known()) {
    use(s.rationale, "differentiation", std::string(model::to_string(*t.differentiation.value)),
        t.differentiation.pointer);
    if (*t.differentiation.value == model::Differentiation::poor) {
      out.push_back("poorly_differentiated");
      s.explanation.push_back("Poorly differentiated neoplasms are NEC and outside the consensus.");
    }
  } else if (!t.histology.known()) {
    unknown = true;
    miss(s.missing, "differentiation or histology", t.differentiation.pointer,
         "the consensus covers well-differentiated NETs only");
  } else if (*t.histology.value == model::Histology::net && x.grade == model::Grade::g3) {
    // NET by histology, but a G3 index without stated differentiation: ask
    unknown = true;
    miss(s.missing, "differentiation", t.differentiation.pointer,
         "a G3 proliferation index alone does not tell NET G3 from NEC");
  }
  if (pt.hereditary_syndrome.known()) {
    use(s.rationale, "hereditary syndrome",
        std::string(model::to_string(*pt.hereditary_syndrome.value)),
        pt.hereditary_syndrome.pointer);
    if (*pt.hereditary_syndrome.value != model::HereditarySyndrome::none) {
      out.push_back("hereditary_syndrome");
      s.explanation.push_back(
          "The consensus is limited to sporadic tumours; hereditary syndromes are excluded.");
    }
  } else {
    unknown = true;
    miss(s.missing, "hereditary syndrome (none, MEN1, ...)", pt.hereditary_syndrome.pointer,
         "the consensus is limited to sporadic tumours");
  }
  if (!out.empty()) {
    s.verdict = "out_of_scope";
    s.reasons = out;
  } else if (unknown) {
    s.verdict = "insufficient_data";
  } else {
    s.verdict = "in_scope";
    s.explanation.push_back("Sporadic, well-differentiated GEP-NET: within the consensus.");
  }
  return s;
}

GradeEntry grade_entry(const Ctx& x) {
  GradeEntry g;
  const auto& r = x.d.grade;
  g.verdict = std::string(model::grade_code(r.grade));
  g.category = std::string(model::to_string(r.category));
  if (r.discordant_with_reported) g.flags.push_back("discordant_with_reported");
  if (r.partial) g.flags.push_back("partial");
  g.explanation = r.reasons;
  const auto& t = x.c.tumour;
  if (t.ki67.known())
    use(g.rationale, "Ki-67 index", fmt_num(*t.ki67.value) + " %", t.ki67.pointer);
  if (t.mitoses.known())
    use(g.rationale, "mitoses per 2 mm²", fmt_num(*t.mitoses.value), t.mitoses.pointer);
  if (t.reported_grade.known())
    use(g.rationale, "reported grade", std::string(model::to_string(*t.reported_grade.value)),
        t.reported_grade.pointer);
  return g;
}

// ---------------------------------------------------------------------------------------------
// Q1: who is a candidate

Answer q1(const Ctx& x) {
  Answer a = start(x, "Q1");
  Tri adv = need_advanced(x, a);
  Tri sstr = need_sstr(x, a);
  Tri ssa = need_ssa_progression(x, a);
  if (adv == Tri::no) {
    RULE("q1.not_advanced");
    set(a, Status::does_not_apply, "not_candidate");
    a.explanation.push_back(
        "Localised or resectable disease: RLT is for advanced disease; surgery comes first.");
    return a;
  }
  if (sstr == Tri::no) {
    RULE("q1.sstr_negative");
    set(a, Status::does_not_apply, "not_candidate");
    a.explanation.push_back("No sufficient SSTR expression: RLT cannot target the tumour.");
    return a;
  }
  // Bulky, symptomatic (especially pancreatic) disease needing shrinkage: chemotherapy may be
  // preferred (Q1 text).
  const auto& t = x.c.tumour;
  if (t.bulky.is(true) && t.symptoms.is(true)) {
    a.cautions.push_back(
        {"chemotherapy_may_be_preferred",
         "Bulky, symptomatic disease that needs rapid shrinkage: chemotherapy may be "
         "preferred over RLT (see Q5)."});
  }
  if (x.g3 == Tri::yes)
    a.cautions.push_back({"g3_see_q9", "G3 tumour: the approved indication is G1–G2; see Q9."});

  if (ssa == Tri::yes) {
    if (adv == Tri::yes && sstr == Tri::yes) {
      RULE("q1.candidate");
      set(a, Status::applies, "candidate");
      a.explanation.push_back(
          "Advanced, SSTR-positive GEP-NET progressing on an SSA: a candidate; "
          "bring RLT in early.");
      if (x.d.prior_rlt == Tri::yes)
        a.cautions.push_back(
            {"prior_rlt_see_q10",
             "The patient has had RLT already: a new course is retreatment (Q10)."});
      else
        a.actions.push_back(
            {"consider_rlt",
             "Discuss 177Lu-DOTATATE RLT at the tumour board, early in the sequence."});
    } else {
      RULE("q1.insufficient");
      set(a, Status::insufficient_data, "insufficient_data");
    }
    return a;
  }
  // Progression on another first-line systemic treatment: the text says all patients progressing
  // on first-line treatment should be considered (the boxed recommendation names SSA).
  if (ssa == Tri::no && adv == Tri::yes && sstr == Tri::yes) {
    for (const auto& tr : x.c.treatments)
      if (tr.category.known() && *tr.category.value != model::TreatmentCategory::ssa &&
          *tr.category.value != model::TreatmentCategory::surgery &&
          *tr.category.value != model::TreatmentCategory::locoregional &&
          *tr.category.value != model::TreatmentCategory::rlt &&
          tr.stop_reason.is(model::StopReason::progression)) {
        RULE("q1.candidate_other_first_line");
        use(a.rationale, "progressed on " + std::string(model::to_string(*tr.category.value)),
            "yes", tr.pointer);
        set(a, Status::applies, "candidate");
        a.graded = false;
        a.cautions.push_back(
            {"not_after_ssa",
             "Progression on a first-line treatment other than an SSA: the "
             "text considers such patients, the graded recommendation names SSA."});
        a.actions.push_back({"consider_rlt", "Discuss 177Lu-DOTATATE RLT at the tumour board."});
        return a;
      }
  }
  // Not (known to have) progressed on SSA: the NETTER-2 first-line population?
  Tri n2 = netter2_population(x, a);
  bool no_prior_systemic = x.d.lines_before.has_value() && *x.d.lines_before == 0;
  if (n2 == Tri::yes && (ssa == Tri::no || no_prior_systemic)) {
    use(a.rationale, "first-line RLT approved (policy)", yes_no(x.p.first_line_approved),
        "policy:first_line_approved");
    if (x.p.first_line_approved) {
      RULE("q1.candidate_first_line");
      set(a, Status::applies, "candidate_first_line");
      a.graded = false;
      a.explanation.push_back(
          "NETTER-2 population (newly diagnosed G2–G3, Ki-67 10–55 %, SSTR-positive) and the "
          "policy says first-line RLT is approved.");
      a.actions.push_back(
          {"consider_first_line_rlt",
           "Discuss first-line 177Lu-DOTATATE with octreotide (NETTER-2 regimen)."});
    } else {
      RULE("q1.first_line_pending_approval");
      set(a, Status::applies, "first_line_pending_approval");
      a.graded = false;
      a.explanation.push_back(
          "NETTER-2 population, but first-line RLT is not approved under the current policy.");
    }
    return a;
  }
  if (ssa == Tri::no && n2 == Tri::no) {
    RULE("q1.no_ssa_progression");
    set(a, Status::does_not_apply, "not_candidate");
    a.explanation.push_back(
        "No progression on a somatostatin analogue and not the NETTER-2 first-line population: RLT "
        "is not yet indicated.");
    return a;
  }
  RULE("q1.insufficient");
  set(a, Status::insufficient_data, "insufficient_data");
  return a;
}

// ---------------------------------------------------------------------------------------------
// Q2: documenting progression

Answer q2(const Ctx& x) {
  Answer a = start(x, "Q2");
  const auto& pr = x.c.progression;
  const auto& proc = x.c.process;
  // Prerequisites (actions whatever the verdict)
  if (!proc.mdt_discussed.is(true)) {
    RULE("q2.mdt_required");
    a.actions.push_back(
        {"mdt_required", "Discuss the case at a multidisciplinary tumour board before RLT."});
    if (!proc.mdt_discussed.known())
      miss(a.missing, "multidisciplinary discussion", proc.mdt_discussed.pointer,
           "mandatory before RLT");
  } else {
    use(a.rationale, "multidisciplinary discussion", "yes", proc.mdt_discussed.pointer);
  }
  if (x.ct == nullptr || !x.today || age_days(x, *x.ct->date.value) > x.p.imaging_max_age_days) {
    RULE("q2.ct_mri_required");
    a.actions.push_back(
        {"ct_mri_required",
         fmt::format("Obtain contrast-enhanced CT and/or MRI (none within {} days).",
                     x.p.imaging_max_age_days)});
  } else {
    use(a.rationale, "latest CT/MRI", x.ct->date.value->iso(), x.ct->date.pointer);
  }
  if (x.sstr == nullptr || x.sstr_recent != Tri::yes) {
    RULE("q2.sstr_pet_required");
    a.actions.push_back(
        {"sstr_pet_required",
         fmt::format("Obtain an SSTR PET (none within {} days).", x.p.sstr_pet_max_age_days)});
  } else {
    use(a.rationale, "latest SSTR PET", x.sstr->date.value->iso(), x.sstr->date.pointer);
  }
  if (pr.behaviour_change.is(true)) {
    RULE("q2.behaviour_change");
    use(a.rationale, "significant change in disease behaviour", "yes", pr.behaviour_change.pointer);
    a.actions.push_back(
        {"consider_fdg_pet", "Consider FDG PET/CT: the disease has changed behaviour."});
    const auto& t = x.c.tumour;
    bool old = t.sample_date.known() && x.today &&
               x.today->months_since(*t.sample_date.value) > x.p.biopsy_max_age_months;
    std::string why =
        "Consider a new biopsy (guided to the most aggressive lesion, e.g. by FDG PET)";
    if (old) {
      use(a.rationale, "histology date", t.sample_date.value->iso(), t.sample_date.pointer);
      why += fmt::format(": the histology is older than {} months", x.p.biopsy_max_age_months);
      if (t.sample_site.is(model::SampleSite::primary)) why += " and comes from the primary";
    }
    a.actions.push_back({"consider_rebiopsy", why + "."});
  }

  // Verdict: is progression documented by imaging?
  bool recist_pd = x.recist && !x.recist->timepoints.empty() &&
                   x.recist->timepoints.back().overall == calc::recist::Overall::pd;
  if (recist_pd) {
    const auto& tp = x.recist->timepoints.back();
    use(a.rationale, "RECIST 1.1 at " + tp.date.iso(), "PD (computed from the measurements)",
        x.c.imaging_pointer + "/studies");
  }
  if (pr.basis.is(model::ProgressionBasis::biochemical_only)) {
    a.cautions.push_back(
        {"biochemical_progression_only",
         "A rising marker (e.g. chromogranin A) alone does not prove progression."});
  }
  if (recist_pd || (pr.status.is(model::ProgressionStatus::progressive) &&
                    (pr.basis.is(model::ProgressionBasis::recist) ||
                     pr.basis.is(model::ProgressionBasis::other_imaging)))) {
    RULE("q2.documented");
    if (pr.status.known())
      use(a.rationale, "progression status", std::string(model::to_string(*pr.status.value)),
          pr.status.pointer);
    if (pr.basis.known())
      use(a.rationale, "progression basis", std::string(model::to_string(*pr.basis.value)),
          pr.basis.pointer);
    set(a, Status::applies, "documented");
    a.explanation.push_back("Progression is documented on cross-sectional imaging.");
    return a;
  }
  if (pr.status.known() && *pr.status.value != model::ProgressionStatus::progressive &&
      *pr.status.value != model::ProgressionStatus::unknown) {
    RULE("q2.no_progression");
    use(a.rationale, "progression status", std::string(model::to_string(*pr.status.value)),
        pr.status.pointer);
    set(a, Status::applies, "not_documented");
    a.explanation.push_back("The disease is not reported as progressing.");
    return a;
  }
  if (pr.status.is(model::ProgressionStatus::progressive) && pr.basis.known()) {
    RULE("q2.not_imaging_based");
    use(a.rationale, "progression basis", std::string(model::to_string(*pr.basis.value)),
        pr.basis.pointer);
    set(a, Status::applies, "not_documented");
    a.explanation.push_back(
        "Progression is claimed on clinical or biochemical grounds only; confirm it on CT/MRI.");
    a.actions.erase(std::remove_if(a.actions.begin(), a.actions.end(),
                                   [](const Coded& c) { return c.code == "ct_mri_required"; }),
                    a.actions.end());
    a.actions.push_back({"ct_mri_required", "Confirm progression on contrast-enhanced CT or MRI."});
    return a;
  }
  RULE("q2.insufficient");
  if (x.d.lines_before == 0)
    a.explanation.push_back(
        "No treatment yet: progression is not required for first-line treatment (NETTER-2 setting, "
        "see Q1 and Q9).");
  if (!pr.status.known() || pr.status.is(model::ProgressionStatus::unknown))
    miss(a.missing, "progression status", pr.status.pointer, "whether the disease is progressing");
  if (!pr.basis.known())
    miss(a.missing, "basis of progression (RECIST, other imaging, clinical, biochemical)",
         pr.basis.pointer, "only imaging documents progression");
  set(a, Status::insufficient_data, "insufficient_data");
  return a;
}

// ---------------------------------------------------------------------------------------------
// Q3: FDG PET

Answer q3(const Ctx& x) {
  Answer a = start(x, "Q3");
  const auto& pr = x.c.progression;
  Tri het = x.heterogeneous;
  if (x.sstr == nullptr) {
    miss(a.missing, "SSTR PET", x.c.imaging_pointer + "/sstr",
         "heterogeneous uptake on SSTR PET calls for FDG PET");
  } else if (het == Tri::unknown) {
    miss(a.missing, "heterogeneous SSTR uptake", x.sstr->heterogeneous.pointer,
         "heterogeneous uptake calls for FDG PET");
  } else {
    use(a.rationale, "heterogeneous SSTR uptake or SSTR-negative lesions", to_string(het),
        x.sstr->heterogeneous.pointer);
  }
  Tri rapid = fact_tri(a, pr.rapid, "suspected rapid progression",
                       "suspected rapid progression calls for FDG PET");
  // context: EANM/ENETS advise FDG PET for higher G2 (Ki-67 ≥ 10 %), G3 and NEC
  const auto& t = x.c.tumour;
  if (t.ki67.known() && x.rs.threshold("q3.fdg_context_ki67").holds(*t.ki67.value))
    a.cautions.push_back(
        {"guideline_context_fdg",
         "EANM and ENETS guidance (refs 29, 30) also advise FDG PET for Ki-67 ≥ 10 % "
         "(higher G2) and G3 tumours; ESMO for all G2–G3."});
  bool recent_fdg =
      x.fdg != nullptr && x.today && age_days(x, *x.fdg->date.value) <= x.p.fdg_pet_max_age_days;
  if (x.fdg != nullptr) {
    use(a.rationale, "latest FDG PET", x.fdg->date.value->iso(), x.fdg->date.pointer);
    if (x.fdg->positive.known())
      use(a.rationale, "FDG positive", yes_no(*x.fdg->positive.value), x.fdg->positive.pointer);
    if (x.fdg->mismatch.is(true)) {
      use(a.rationale, "FDG-positive lesions without SSTR uptake", "yes", x.fdg->mismatch.pointer);
      a.cautions.push_back(
          {"fdg_sstr_mismatch",
           "FDG-avid lesions without SSTR uptake: aggressive disease that RLT may not "
           "control; weigh alternatives such as chemotherapy."});
    }
  }
  Tri needed = het || rapid;
  if (needed == Tri::no) {
    RULE("q3.not_required");
    set(a, Status::does_not_apply, "not_required");
    a.explanation.push_back("Homogeneous SSTR uptake and no suspicion of rapid progression.");
    return a;
  }
  if (needed == Tri::yes) {
    a.explanation.push_back(het == Tri::yes ? "SSTR uptake is heterogeneous."
                                            : "Rapid progression is suspected.");
    if (recent_fdg) {
      RULE("q3.done");
      set(a, Status::applies, "done");
      return a;
    }
    // Recommended only when the FDG history is known (a given list is complete, every entry dated).
    bool history_known =
        x.c.fdg_given && std::all_of(x.c.fdg_pet.begin(), x.c.fdg_pet.end(),
                                     [](const model::FdgPet& f) { return f.date.known(); });
    if (history_known) {
      RULE("q3.recommended");
      set(a, Status::applies, "recommended");
      a.actions.push_back({"fdg_pet_before_rlt", "Obtain FDG PET/CT before RLT."});
      return a;
    }
    miss(a.missing, "FDG PET history (an empty list if none was done)",
         x.c.imaging_pointer + "/fdg_pet", "whether an FDG PET was already done");
    a.actions.push_back(
        {"fdg_pet_before_rlt", "Obtain FDG PET/CT before RLT unless a recent one exists."});
  }
  RULE("q3.insufficient");
  set(a, Status::insufficient_data, "insufficient_data");
  return a;
}

// ---------------------------------------------------------------------------------------------
// Q4–Q6: second line after SSA failure

/// Applicability of Q4–Q6: progressive G1–G2 after SSA failure, SSTR-positive, in an advanced
/// setting. Returns nullopt when the question applies; otherwise the status/verdict to give.
// @rule q4.not_g1g2 @rule q4.no_ssa_failure @rule q4.sstr_negative @rule q4.insufficient
// @rule q5.not_g1g2 @rule q5.no_ssa_failure @rule q5.sstr_negative @rule q5.insufficient
// @rule q6.not_g1g2 @rule q6.no_ssa_failure @rule q6.sstr_negative @rule q6.insufficient
// @rule q4.prior_rlt @rule q4.not_advanced @rule q5.prior_rlt @rule q5.not_advanced
// @rule q6.prior_rlt @rule q6.not_advanced
std::optional<std::pair<Status, std::string>> second_line_gate(const Ctx& x, Answer& a,
                                                               const char* qid) {
  Tri g12 = need_grade_g1g2(x, a);
  Tri ssa = need_ssa_progression(x, a);
  Tri sstr = need_sstr(x, a);
  Tri adv = need_advanced(x, a);
  if (x.d.prior_rlt == Tri::yes) {
    a.rules.push_back(fmt::format("{}.prior_rlt", qid));
    a.explanation.push_back(
        "The patient has had RLT: this is a second-line comparison; see Q10 for retreatment.");
    return std::pair{Status::not_applicable, std::string("not_applicable")};
  }
  if (adv == Tri::no) {
    a.rules.push_back(fmt::format("{}.not_advanced", qid));
    a.explanation.push_back(
        "Localised or resectable disease: the comparison concerns advanced disease.");
    return std::pair{Status::not_applicable, std::string("not_applicable")};
  }
  if (g12 == Tri::no) {
    a.rules.push_back(fmt::format("{}.not_g1g2", qid));
    a.explanation.push_back("G3 tumour: this comparison was made for G1–G2 NETs (see Q9).");
    return std::pair{Status::not_applicable, std::string("not_applicable")};
  }
  if (ssa == Tri::no) {
    a.rules.push_back(fmt::format("{}.no_ssa_failure", qid));
    a.explanation.push_back("The patient has not progressed on a somatostatin analogue.");
    return std::pair{Status::not_applicable, std::string("not_applicable")};
  }
  if (sstr == Tri::no) {
    a.rules.push_back(fmt::format("{}.sstr_negative", qid));
    a.explanation.push_back(
        "SSTR-negative disease: RLT is not an option, so the comparison does not arise.");
    return std::pair{Status::not_applicable, std::string("not_applicable")};
  }
  if (g12 == Tri::unknown || ssa == Tri::unknown || sstr == Tri::unknown || adv == Tri::unknown) {
    a.rules.push_back(fmt::format("{}.insufficient", qid));
    return std::pair{Status::insufficient_data, std::string("insufficient_data")};
  }
  if (x.d.lines_before && *x.d.lines_before > 1)
    a.cautions.push_back(
        {"later_line", fmt::format("{} systemic lines already given: the comparison was made "
                                   "for second-line treatment after SSA.",
                                   *x.d.lines_before)});
  return std::nullopt;
}

/// The conditions under which the consensus prefers RLT (conclusions and Table 2): homogeneous
/// SSTR expression, no rapid progression, not highly symptomatic. Adds the caution
/// preference_conditions_not_met naming which fail (and a note for those unknown).
void preference_conditions(const Ctx& x, Answer& a) {
  std::vector<std::string> failed, unknown;
  if (x.heterogeneous == Tri::yes) failed.push_back("SSTR expression is heterogeneous");
  if (x.heterogeneous == Tri::unknown) unknown.push_back("homogeneity of SSTR expression");
  const auto& pr = x.c.progression;
  if (pr.rapid.is(true)) failed.push_back("progression is rapid");
  if (!pr.rapid.known()) unknown.push_back("pace of progression");
  const auto& t = x.c.tumour;
  if (t.symptoms.is(true)) failed.push_back("the disease is symptomatic");
  if (!t.symptoms.known()) unknown.push_back("tumour-related symptoms");
  if (!failed.empty()) {
    std::string list;
    for (const auto& f : failed)
      list += (list.empty() ? "" : "; ") + f;
    a.cautions.push_back({"preference_conditions_not_met",
                          "The preference for RLT assumes homogeneous SSTR expression, no rapid "
                          "progression and not highly symptomatic disease; here: " +
                              list + "."});
  }
  if (!unknown.empty()) {
    std::string list;
    for (const auto& f : unknown)
      list += (list.empty() ? "" : ", ") + f;
    a.cautions.push_back(
        {"preference_conditions_unknown",
         "Not known, so the conditions of the preference are unchecked: " + list + "."});
  }
}

Answer q4(const Ctx& x) {
  Answer a = start(x, "Q4");
  if (auto gate = second_line_gate(x, a, "q4")) {
    set(a, gate->first, gate->second);
    return a;
  }
  RULE("q4.rlt_preferred");
  set(a, Status::applies, "rlt_preferred");
  a.explanation.push_back(
      "Progressive G1–G2 GEP-NET after SSA failure: RLT is preferred over everolimus or "
      "sunitinib.");
  preference_conditions(x, a);
  return a;
}

Answer q5(const Ctx& x) {
  Answer a = start(x, "Q5");
  if (auto gate = second_line_gate(x, a, "q5")) {
    set(a, gate->first, gate->second);
    return a;
  }
  const auto& t = x.c.tumour;
  const auto& pr = x.c.progression;
  Tri rapid = fact_tri(a, pr.rapid, "rapid progression",
                       "rapid progression makes chemotherapy an option at any site");
  Tri pancreas = Tri::unknown;
  if (t.primary_site.known()) {
    pancreas = tri(*t.primary_site.value == model::PrimarySite::pancreas);
    use(a.rationale, "primary site", std::string(model::to_string(*t.primary_site.value)),
        t.primary_site.pointer);
  } else {
    miss(a.missing, "primary site", t.primary_site.pointer,
         "pancreatic NETs with high burden or symptoms may favour chemotherapy");
  }
  Tri burden_or_symptoms = Tri::unknown;
  if (pancreas != Tri::no) {
    Tri bulky = fact_tri(a, t.bulky, "high tumour burden (bulky)",
                         "high burden in a pancreatic NET makes chemotherapy an option");
    Tri symptoms = fact_tri(a, t.symptoms, "tumour-related symptoms",
                            "symptoms in a pancreatic NET make chemotherapy an option");
    burden_or_symptoms = bulky || symptoms;
    if (t.hepatic_involvement.known())
      use(a.rationale, "hepatic involvement", fmt_num(*t.hepatic_involvement.value) + " %",
          t.hepatic_involvement.pointer);
  } else {
    burden_or_symptoms = Tri::no;
  }
  Tri chemo = rapid || (pancreas && burden_or_symptoms);
  if (chemo == Tri::yes) {
    RULE("q5.chemotherapy_option");
    set(a, Status::applies, "chemotherapy_option");
    a.explanation.push_back(
        rapid == Tri::yes ? "Rapid progression: chemotherapy is an option whatever the primary."
                          : "Pancreatic NET with a high tumour burden and/or symptoms: "
                            "chemotherapy is an option.");
    if (t.mgmt.is(model::Mgmt::deficient))
      a.cautions.push_back(
          {"mgmt_deficient",
           "MGMT deficiency may predict response to temozolomide-based chemotherapy."});
    a.actions.push_back(
        {"weigh_chemotherapy",
         "Weigh chemotherapy (e.g. CAPTEM for pancreatic NETs) against RLT at the tumour board."});
    return a;
  }
  if (chemo == Tri::no) {
    RULE("q5.rlt_preferred");
    set(a, Status::applies, "rlt_preferred");
    a.explanation.push_back(
        "No rapid progression and no high-burden or symptomatic pancreatic disease: RLT is "
        "preferred over chemotherapy.");
    preference_conditions(x, a);
    return a;
  }
  RULE("q5.insufficient");
  set(a, Status::insufficient_data, "insufficient_data");
  return a;
}

Answer q6(const Ctx& x) {
  Answer a = start(x, "Q6");
  if (auto gate = second_line_gate(x, a, "q6")) {
    set(a, gate->first, gate->second);
    return a;
  }
  const auto& s = x.d.ssa;
  if (!s.intensity) {
    RULE("q6.insufficient");
    miss(a.missing, "SSA agent, dose and interval", s.pointer.empty() ? "/treatments" : s.pointer,
         "Q6 concerns failure of standard-dose SSA");
    set(a, Status::insufficient_data, "insufficient_data");
    return a;
  }
  use(a.rationale, "SSA dose at progression", std::string(model::to_string(*s.intensity)),
      s.pointer);
  if (*s.intensity == model::SsaIntensity::high) {
    RULE("q6.already_high_dose");
    set(a, Status::not_applicable, "not_applicable");
    a.explanation.push_back(
        "The patient progressed on high-dose SSA already; the comparison with escalation does not "
        "arise.");
    return a;
  }
  const auto& t = x.c.tumour;
  if (t.functional.known() && *t.functional.value != model::Functional::non_functioning)
    a.cautions.push_back(
        {"functioning_tumour",
         "Functioning tumour: the evidence of this recommendation concerns non-functioning NETs "
         "and tumour growth; SSA escalation may still be used to control the syndrome."});
  Tri unfit =
      fact_tri(a, x.c.patient.unfit_for_other_treatment, "unfit for other antitumour treatment",
               "high-dose SSA remains an option for patients unfit for other treatment");
  if (unfit == Tri::yes) {
    RULE("q6.hd_ssa_unfit");
    set(a, Status::applies, "hd_ssa_bridge_or_unfit");
    a.explanation.push_back(
        "Unfit for other antitumour treatment: high-dose SSA remains an option.");
    return a;
  }
  if (unfit == Tri::no) {
    RULE("q6.rlt_preferred");
    set(a, Status::applies, "rlt_preferred");
    a.explanation.push_back(
        "After standard-dose SSA failure RLT is recommended over SSA escalation; high-dose SSA can "
        "bridge until RLT starts.");
    preference_conditions(x, a);
    return a;
  }
  RULE("q6.insufficient");
  set(a, Status::insufficient_data, "insufficient_data");
  return a;
}

// ---------------------------------------------------------------------------------------------
// Q7: monitoring

Answer q7(const Ctx& x) {
  Answer a = start(x, "Q7");
  RULE("q7.recist_monitoring");
  set(a, Status::applies, "recist_monitoring");
  a.actions.push_back(
      {"recist_followup", "Follow response with RECIST 1.1 on contrast-enhanced CT or MRI."});
  if (x.recist) {
    const auto& r = *x.recist;
    const auto& last = r.timepoints.back();
    std::string resp = std::string(calc::recist::to_string(last.overall));
    a.details["response"] = resp;
    a.details["response_date"] = last.date.iso();
    a.details["best_overall_response"] = std::string(calc::recist::to_string(r.best.response));
    Json tps = Json::array();
    for (const auto& tp : r.timepoints)
      tps.push_back(
          {{"study", tp.study_id},
           {"date", tp.date.iso()},
           {"sum_mm", tp.sum ? Json(static_cast<double>(tp.sum->v) / 10.0) : Json()},
           {"overall", tp.baseline ? Json() : Json(calc::recist::to_string(tp.overall))}});
    a.details["timepoints"] = std::move(tps);
    use(a.rationale, "RECIST 1.1 response at " + last.date.iso(), resp,
        x.c.imaging_pointer + "/studies");
    a.explanation.push_back(
        fmt::format("Latest RECIST 1.1 timepoint ({}): {}.", last.date.iso(), resp));
  } else {
    miss(a.missing, "two or more CT/MRI studies with lesion measurements and a baseline",
         x.c.imaging_pointer + "/studies", "a RECIST response needs a baseline and a follow-up");
  }
  // Morphology: necrosis, or density falling while size grows, at the latest study.
  if (x.ct != nullptr) {
    if (x.ct->contrast.is(false))
      a.cautions.push_back({"non_contrast_imaging",
                            "The latest study was without contrast; RECIST monitoring needs "
                            "contrast-enhanced CT or MRI."});
    bool necrosis = false;
    for (const auto& l : x.ct->lesions)
      necrosis = necrosis || l.necrosis.is(true);
    bool density_drop_size_up = false;
    for (const auto& s : x.c.studies) {
      if (&s == x.ct || !s.date.known() || *s.date.value >= *x.ct->date.value) continue;
      for (const auto& now : x.ct->lesions)
        for (const auto& before : s.lesions)
          if (now.id == before.id && now.density.known() && before.density.known() &&
              now.long_axis.known() && before.long_axis.known() &&
              now.density.value->value() < before.density.value->value() &&
              now.long_axis.value->value() > before.long_axis.value->value())
            density_drop_size_up = true;
    }
    if (necrosis || density_drop_size_up) {
      RULE("q7.morphology_change");
      a.cautions.push_back(
          {"morphology_change",
           "Necrosis or a fall in density with growth: NETs treated with RLT may enlarge "
           "while responding; read size changes with care."});
    }
  }
  return a;
}

// ---------------------------------------------------------------------------------------------
// Q8: frailty

Answer q8(const Ctx& x) {
  Answer a = start(x, "Q8");
  const auto& pt = x.c.patient;
  const auto& rs = x.rs;
  // Caution flags from the thresholds of Theiler et al. (ref 77), used as attention flags.
  auto lab_flag = [&](model::Analyte an, const char* th_id, const char* flag, const char* name) {
    const auto* l = latest_lab(x.c, an);
    if (l == nullptr || (x.today && age_days(x, *l->date.value) > x.p.labs_max_age_days)) {
      miss(a.missing, fmt::format("{} within {} days", name, x.p.labs_max_age_days), "/labs",
           "renal and marrow function need checking before RLT");
      return;
    }
    use(a.rationale, name,
        fmt_num(*l->value.value) + " " + std::string(model::unit_tables::lab(an).front().code),
        l->value.pointer);
    if (rs.threshold(th_id).holds(*l->value.value)) {
      a.rules.emplace_back(std::string("q8.") + flag);  // @rule q8.marrow_caution
      a.cautions.push_back(
          {flag, fmt::format("{} {} (attention {}; Theiler et al., ref 77)", name,
                             fmt_num(*l->value.value), rs.threshold(th_id).describe())});
    }
  };
  lab_flag(model::Analyte::haemoglobin, "q8.haemoglobin_caution", "marrow_caution", "haemoglobin");
  lab_flag(model::Analyte::platelets, "q8.platelets_caution", "marrow_caution", "platelets");
  // de-duplicate marrow_caution
  auto& cs = a.cautions;
  bool seen = false;
  cs.erase(std::remove_if(cs.begin(), cs.end(),
                          [&](const Coded& c) {
                            if (c.code != "marrow_caution") return false;
                            if (seen) return true;
                            seen = true;
                            return false;
                          }),
           cs.end());
  if (x.egfr) {
    use(a.rationale, "eGFR (CKD-EPI 2021)", fmt::format("{:.0f} mL/min/1.73 m²", *x.egfr),
        x.egfr_pointer);
    if (rs.threshold("q8.egfr_caution").holds(*x.egfr)) {
      RULE("q8.renal_caution");
      a.cautions.push_back(
          {"renal_caution", fmt::format("eGFR {:.0f} mL/min/1.73 m² (attention {}; ref 77)",
                                        *x.egfr, rs.threshold("q8.egfr_caution").describe())});
    }
  } else {
    miss(a.missing, "recent creatinine with age and sex (for eGFR)", "/labs",
         "renal function before RLT");
  }
  for (auto an : {model::Analyte::ast, model::Analyte::alt}) {
    const auto* l = latest_lab(x.c, an);
    if (l == nullptr || !l->uln.known()) {
      miss(a.missing, fmt::format("{} with its upper limit of normal", model::to_string(an)),
           "/labs", "hepatic function before RLT");
      continue;
    }
    double ratio = *l->value.value / *l->uln.value;
    use(a.rationale, std::string(model::to_string(an)) + " / ULN", fmt::format("{:.2f}", ratio),
        l->value.pointer);
    if (rs.threshold("q8.transaminases_caution").holds(ratio) &&
        std::none_of(a.cautions.begin(), a.cautions.end(),
                     [](const Coded& c) { return c.code == "hepatic_caution"; })) {
      RULE("q8.hepatic_caution");
      a.cautions.push_back({"hepatic_caution", "AST or ALT above 3 × ULN (ref 77)."});
    }
  }
  if (pt.ecog.known()) {
    use(a.rationale, "ECOG", std::to_string(*pt.ecog.value), pt.ecog.pointer);
    if (rs.threshold("q8.ecog_caution").holds(*pt.ecog.value)) {
      RULE("q8.performance_caution");
      a.cautions.push_back(
          {"performance_caution", fmt::format("ECOG {} (attention {}; ref 77)", *pt.ecog.value,
                                              rs.threshold("q8.ecog_caution").describe())});
    }
  } else {
    miss(a.missing, "ECOG performance status", pt.ecog.pointer,
         "performance status is part of the frailty picture");
  }

  // Frail? CGA decides when given; otherwise the G8 screen. Without either, a patient below
  // the G8 age, with ECOG 0–1 and no comorbidity (a given, empty list) is taken as not frail;
  // anything else needs an assessment with a validated tool.
  Tri frail = Tri::unknown;
  const auto& com = pt.comorbidities;
  if (pt.cga.known()) {
    use(a.rationale, "comprehensive geriatric assessment",
        std::string(model::to_string(*pt.cga.value)), pt.cga.pointer);
    frail = tri(*pt.cga.value != model::CgaResult::fit);
  } else if (pt.g8.total.known()) {
    use(a.rationale, "G8 score", fmt_num(*pt.g8.total.value), pt.g8.total.pointer);
    frail = tri(rs.threshold("g8.abnormal").holds(*pt.g8.total.value));
    if (frail == Tri::yes)
      a.actions.push_back({"comprehensive_geriatric_assessment",
                           "G8 ≤ 14: a comprehensive geriatric assessment is advised."});
  } else if (x.d.age_years && pt.ecog.known() && com.known() && com.value->empty() &&
             !rs.threshold("q8.g8_screening_age").holds(*x.d.age_years) && *pt.ecog.value <= 1) {
    use(a.rationale, "age", fmt::format("{:.0f}", *x.d.age_years), x.d.age_pointer);
    use(a.rationale, "comorbidities", "none", com.pointer);
    frail = Tri::no;
    a.explanation.push_back(
        "Younger than the age of geriatric screening, ECOG 0–1 and no comorbidity.");
  } else {
    miss(a.missing, "G8 screening or a comprehensive geriatric assessment", pt.g8.total.pointer,
         "validated tools should assess frailty");
    if (com.known() && !com.value->empty())
      use(a.rationale, "comorbidities", fmt::format("{} listed", com.value->size()), com.pointer);
    bool g8_age = x.d.age_years && rs.threshold("q8.g8_screening_age").holds(*x.d.age_years);
    a.actions.push_back({g8_age ? "g8_screening" : "frailty_assessment",
                         g8_age ? "Screen with the G8 questionnaire (age ≥ 70)."
                                : "Assess frailty with a validated tool (comorbidities, function, "
                                  "nutrition, cognition)."});
  }
  if (frail == Tri::yes) {
    RULE("q8.frail");
    set(a, Status::applies, "frail_rlt_with_caution");
    a.explanation.push_back(
        "Frail: RLT remains a valid option; check renal function and marrow reserve with "
        "particular care.");
    a.actions.push_back({"renal_marrow_attention",
                         "Check renal function and blood counts closely before and during RLT."});
  } else if (frail == Tri::no) {
    RULE("q8.not_frail");
    set(a, Status::does_not_apply, "not_frail");
  } else {
    RULE("q8.insufficient");
    set(a, Status::insufficient_data, "insufficient_data");
  }
  return a;
}

// ---------------------------------------------------------------------------------------------
// Q9: G3

Answer q9(const Ctx& x) {
  Answer a = start(x, "Q9");
  const auto& t = x.c.tumour;
  if (!x.grade) {
    RULE("q9.insufficient");
    miss(a.missing, "Ki-67 index or mitotic count", t.ki67.pointer, "Q9 concerns G3 tumours");
    set(a, Status::insufficient_data, "insufficient_data");
    return a;
  }
  use(a.rationale, "WHO 2022 grade", std::string(model::grade_code(x.grade)),
      t.ki67.known() ? t.ki67.pointer : t.mitoses.pointer);
  if (x.g3 == Tri::unknown) {
    RULE("q9.insufficient");
    miss(a.missing, t.mitoses.known() ? "Ki-67 index" : "mitotic count",
         t.mitoses.known() ? t.ki67.pointer : t.mitoses.pointer,
         "graded on one index only; the other could make the tumour G3");
    set(a, Status::insufficient_data, "insufficient_data");
    return a;
  }
  if (x.g3 == Tri::no) {
    RULE("q9.not_g3");
    set(a, Status::not_applicable, "not_applicable");
    return a;
  }
  // progression on RLT → chemotherapy
  bool progressed_on_rlt = false;
  for (const auto& tr : x.c.treatments)
    if (tr.category.is(model::TreatmentCategory::rlt) &&
        (tr.stop_reason.is(model::StopReason::progression) ||
         tr.best_response.is(model::Response::pd))) {
      progressed_on_rlt = true;
      use(a.rationale, "progressed on RLT", "yes", tr.pointer);
    }
  Tri sstr = need_sstr(x, a);
  if (sstr == Tri::no || progressed_on_rlt) {
    RULE("q9.chemotherapy_preferred");
    set(a, Status::applies, "g3_chemotherapy_preferred");
    a.graded = false;
    a.explanation.push_back(
        progressed_on_rlt
            ? "G3 NET progressing on RLT: chemotherapy (alkylating-based) is preferred."
            : "SSTR-negative G3 NET: chemotherapy (alkylating-based) is preferred.");
    a.actions.push_back({"consider_chemotherapy",
                         "Consider alkylating-based chemotherapy (CAPTEM or STZ/5-FU) or FOLFOX."});
    return a;
  }
  if (sstr == Tri::yes) {
    use(a.rationale, "RLT approved for G2–G3 (policy)", yes_no(x.p.first_line_approved),
        "policy:first_line_approved");
    if (x.p.first_line_approved) {
      RULE("q9.rlt_option");
      set(a, Status::applies, "g3_rlt_option");
      a.explanation.push_back(
          "SSTR-positive G3 NET and RLT approved for G2–G3: RLT is a valid option (NETTER-2).");
    } else {
      RULE("q9.rlt_pending_approval");
      set(a, Status::applies, "g3_rlt_pending_approval");
      a.explanation.push_back(
          "SSTR-positive G3 NET: RLT becomes a valid option once approved for G2–G3.");
    }
    return a;
  }
  RULE("q9.insufficient");
  set(a, Status::insufficient_data, "insufficient_data");
  return a;
}

// ---------------------------------------------------------------------------------------------
// Q10: retreatment

Answer q10(const Ctx& x, const dosimetry::Budget* budget) {
  Answer a = start(x, "Q10");
  const auto& c = x.c;
  if (x.d.prior_rlt == Tri::no) {
    RULE("q10.no_prior_rlt");
    use(a.rationale, "prior RLT", "no", "/rlt_cycles");
    set(a, Status::not_applicable, "not_applicable");
    return a;
  }
  if (x.d.prior_rlt == Tri::unknown) {
    RULE("q10.insufficient");
    miss(a.missing, "RLT history", "/rlt_cycles", "retreatment concerns patients who had RLT");
    set(a, Status::insufficient_data, "insufficient_data");
    return a;
  }
  use(a.rationale, "prior RLT", "yes", c.rlt_cycles.empty() ? "/treatments" : "/rlt_cycles");
  if (!x.p.retreatment_approved)
    a.cautions.push_back(
        {"off_label", "Retreatment is not approved under the current policy (off-label)."});

  // 1. Favourable response lasting ≥ 12 months after the first course (counted from its last
  // cycle). The first course: the course label of the earliest cycle; it ends at its last cycle.
  std::optional<Date> first_course_end;
  std::string first_course;
  const model::RltCycle* earliest = nullptr;
  for (const auto& cy : c.rlt_cycles)
    if (cy.date.known() && (earliest == nullptr || *cy.date.value < *earliest->date.value))
      earliest = &cy;
  if (earliest != nullptr) {
    first_course = earliest->course.value.value_or("");
    for (const auto& cy : c.rlt_cycles)
      if (cy.date.known() && cy.course.value.value_or("") == first_course &&
          (!first_course_end || *cy.date.value > *first_course_end))
        first_course_end = *cy.date.value;
  }
  const model::Treatment* rlt_tr = nullptr;
  for (const auto& tr : c.treatments)
    if (tr.category.is(model::TreatmentCategory::rlt) &&
        (rlt_tr == nullptr ||
         (tr.start.known() && rlt_tr->start.known() && *tr.start.value < *rlt_tr->start.value)))
      rlt_tr = &tr;
  if (!first_course_end && rlt_tr != nullptr && rlt_tr->end.known())
    first_course_end = *rlt_tr->end.value;

  Tri favourable = Tri::unknown;
  if (rlt_tr != nullptr && rlt_tr->best_response.known()) {
    auto br = *rlt_tr->best_response.value;
    use(a.rationale, "best response to the first RLT", std::string(model::to_string(br)),
        rlt_tr->best_response.pointer);
    favourable =
        tri(br == model::Response::cr || br == model::Response::pr || br == model::Response::sd);
  } else {
    miss(a.missing, "best response to the first RLT course",
         rlt_tr ? rlt_tr->best_response.pointer : "/treatments",
         "retreatment is for patients who responded (PR or SD)");
  }
  std::optional<Date> progression;
  std::string progression_ptr;
  if (rlt_tr != nullptr && rlt_tr->progression_date.known()) {
    progression = *rlt_tr->progression_date.value;
    progression_ptr = rlt_tr->progression_date.pointer;
  } else if (c.progression.date.known() &&
             c.progression.status.is(model::ProgressionStatus::progressive)) {
    progression = *c.progression.date.value;
    progression_ptr = c.progression.date.pointer;
  }
  Tri lasting = Tri::unknown;
  if (first_course_end && progression) {
    // Calendar months: "at least one year" means progression on or after the anniversary of
    // the last cycle of the first course.
    const auto& th = x.rs.threshold("q10.response_duration_months");
    Date anniversary = first_course_end->plus_months(static_cast<int>(th.value));
    use(a.rationale, "last cycle of the first course", first_course_end->iso(), "/rlt_cycles");
    use(a.rationale, "progression after RLT", progression->iso(), progression_ptr);
    lasting = tri(*progression >= anniversary);
    a.explanation.push_back(fmt::format("Response from {} to {}: {} the {}-month mark ({}).",
                                        first_course_end->iso(), progression->iso(),
                                        lasting == Tri::yes ? "reaches" : "falls short of",
                                        fmt_num(th.value), anniversary.iso()));
    a.cautions.push_back({"reference_discrepancy",
                          "The 12-month criterion is attributed by the consensus to 'the Delphi "
                          "consensus [13]', but its reference 13 is Kwekkeboom et al. 2008."});
    a.graded = false;
  } else {
    if (!first_course_end)
      miss(a.missing, "dates of the first RLT course", "/rlt_cycles",
           "response duration is counted from its last cycle");
    if (!progression)
      miss(a.missing, "date of progression after RLT", c.progression.date.pointer,
           "response must have lasted ≥ 12 months");
  }
  // 2. SSTR PET at the current progression (after the first course).
  Tri sstr_now = Tri::unknown;
  if (x.sstr != nullptr && first_course_end && x.sstr->date.known() &&
      *x.sstr->date.value > *first_course_end) {
    sstr_now = x.sstr_positive;
    if (sstr_now != Tri::unknown)
      use(a.rationale, "SSTR PET after the first course",
          sstr_now == Tri::yes ? "positive" : "negative", x.sstr->pointer);
  } else {
    RULE("q10.sstr_pet_required");
    a.actions.push_back({"sstr_pet_at_progression",
                         "Obtain an SSTR PET at this progression to confirm receptor expression."});
    miss(a.missing, "SSTR PET after the first RLT course", c.imaging_pointer + "/sstr",
         "an SSTR PET from before the first course does not count");
  }
  // 3. Dosimetry budget.
  Tri budget_left = Tri::unknown;
  if (budget != nullptr) {
    a.details["budget"] = dosimetry::to_json(*budget);
    for (const auto& f : budget->facts)
      use(a.rationale, f.what, f.value, f.pointer);
    for (const auto& m : budget->missing)
      miss(a.missing, m.what, m.pointer, "the dose budget needs every cycle's kidney dose");
    if (budget->status == dosimetry::BudgetStatus::budget_exhausted) budget_left = Tri::no;
    if (budget->status == dosimetry::BudgetStatus::ok) budget_left = Tri::yes;
    if (budget->next_activity) {
      a.explanation.push_back(fmt::format(
          "Dose budget: kidneys {:.1f} of {:.1f} Gy{} used ({:.1f} Gy left); next activity up to "
          "{:.2f} GBq{}.",
          budget->kidneys.used_gy, budget->kidneys.limit_gy,
          budget->kidneys.limit_is_bed ? " BED" : "", budget->kidneys.remaining_gy,
          budget->next_activity->value(),
          budget->capped ? " (capped at the standard activity)" : ""));
      if (budget->marrow.assessed)
        a.explanation.push_back(fmt::format(
            "Bone marrow: {:.2f} of {:.1f} Gy used ({:.2f} Gy left).", budget->marrow.used_gy,
            budget->marrow.limit_gy, budget->marrow.remaining_gy));
      if (budget->remaining_cumulative_activity)
        a.explanation.push_back(
            fmt::format("Remaining cumulative activity within both limits: {:.1f} GBq{}.",
                        budget->remaining_cumulative_activity->value(),
                        budget->full_cycles_remaining
                            ? fmt::format(" ({} full cycles at the standard activity)",
                                          *budget->full_cycles_remaining)
                            : std::string()));
    }
    for (const auto& w : budget->warnings)
      a.cautions.push_back({"dosimetry_note", w});
    if (budget_left == Tri::unknown)
      a.actions.push_back({"dosimetry_required",
                           "Collect the kidney (and marrow) dosimetry of every previous cycle."});
  }
  a.explanation.push_back(
      "Retreatment criteria: favourable response (PR/SD) lasting ≥ 12 months after the first "
      "course, "
      "SSTR expression confirmed at progression, and dosimetry within organ limits.");
  if (favourable == Tri::no || lasting == Tri::no || sstr_now == Tri::no ||
      budget_left == Tri::no) {
    RULE("q10.not_eligible");
    set(a, Status::does_not_apply, "not_eligible");
    if (budget_left == Tri::no) a.explanation.push_back("The organ dose budget is spent.");
    if (lasting == Tri::no) a.explanation.push_back("The response lasted less than 12 months.");
    return a;
  }
  if (favourable == Tri::yes && lasting == Tri::yes && sstr_now == Tri::yes &&
      budget_left == Tri::yes) {
    RULE("q10.retreatment_option");
    set(a, Status::applies, "retreatment_option");
    a.actions.push_back(
        {"dosimetry_guided_retreatment",
         "Plan retreatment with dosimetry, keeping kidneys and marrow within their limits."});
    return a;
  }
  RULE("q10.insufficient");
  set(a, Status::insufficient_data, "insufficient_data");
  return a;
}

// ---------------------------------------------------------------------------------------------
// Plan

std::vector<PlanItem> plan(const Report& r) {
  std::vector<PlanItem> p;
  if (r.scope.verdict == "out_of_scope") {
    p.push_back({"out_of_scope",
                 "Outside the consensus: no RLT recommendation from it. Manage by the guideline "
                 "that covers this tumour.",
                 "scope"});
    return p;
  }
  if (r.scope.verdict == "insufficient_data")
    p.push_back({"confirm_scope",
                 "Confirm scope: " +
                     [&] {
                       std::string s;
                       for (const auto& m : r.scope.missing)
                         s += (s.empty() ? "" : ", ") + m.name;
                       return s;
                     }() +
                     ".",
                 "scope"});
  // label contraindications first: they can stop treatment whatever the consensus says
  for (const auto& s : r.label_safety)
    if (s.kind == "contraindication")
      p.push_back({s.code, "Label contraindication (check before any RLT): " + s.text, s.source});
  // actions in question order, de-duplicated by code
  std::vector<std::string> seen;
  for (const auto& q : r.questions)
    for (const auto& act : q.actions) {
      if (std::find(seen.begin(), seen.end(), act.code) != seen.end()) continue;
      seen.push_back(act.code);
      p.push_back({act.code, act.text, q.id});
    }
  return p;
}

}  // namespace

Report evaluate(const model::Case& c, const Policy& policy, const kb::Ruleset& rs) {
  Ctx x{c, policy, rs};
  prepare(x);
  Report r;
  r.meta.program_version = std::string(program_version());
  r.meta.git_commit = std::string(git_commit());
  r.meta.ruleset_id = rs.id;
  r.meta.ruleset_version = rs.version;
  r.meta.ruleset_sha256 = rs.sha256;
  r.meta.source_citation = rs.source_citation;
  r.meta.source_doi = rs.source_doi;
  r.meta.case_id = c.case_id.value.value_or("");
  r.meta.case_description = c.description.value.value_or("");
  r.meta.assessment_date = c.assessment_date.known() ? c.assessment_date.value->iso() : "";
  r.meta.disclaimer = std::string(kDisclaimer);
  r.policy = policy;
  r.scope = scope(x);
  r.grade = grade_entry(x);

  // Derived facts and calculators, shown to the clinician.
  auto& d = r.derived;
  d["lines_before"] = x.d.lines_before ? Json(*x.d.lines_before) : Json();
  d["next_line"] = x.d.lines_before ? Json(*x.d.lines_before + 1) : Json();
  d["progressed_on_ssa"] = to_string(x.d.ssa.progressed);
  d["progressed_on_ssa_course"] = x.d.ssa.treatment_id;
  d["ssa_dose_at_progression"] =
      x.d.ssa.intensity ? Json(model::to_string(*x.d.ssa.intensity)) : Json();
  d["prior_rlt"] = to_string(x.d.prior_rlt);
  d["months_since_last_rlt"] =
      x.d.months_since_last_rlt ? Json(std::round(*x.d.months_since_last_rlt * 10) / 10) : Json();
  d["newly_diagnosed"] = to_string(x.d.newly_diagnosed);
  d["age_years"] = x.d.age_years ? Json(std::floor(*x.d.age_years)) : Json();
  if (x.egfr)
    r.calculators["egfr"] = {{"value", std::round(*x.egfr)},
                             {"unit", "mL/min/1.73 m2"},
                             {"equation", calc::renal::kCkdEpi2021},
                             {"pointer", x.egfr_pointer}};
  if (x.crcl)
    r.calculators["creatinine_clearance"] = {{"value", std::round(*x.crcl)},
                                             {"unit", "mL/min"},
                                             {"equation", calc::renal::kCockcroftGault}};
  // CTCAE v5 grades of the latest labs
  Json ct = Json::array();
  for (auto an : {model::Analyte::haemoglobin, model::Analyte::platelets,
                  model::Analyte::neutrophils, model::Analyte::creatinine, model::Analyte::ast,
                  model::Analyte::alt, model::Analyte::bilirubin}) {
    const auto* l = latest_lab(c, an);
    auto term = calc::ctcae::term_for(an);
    if (l == nullptr || !term) continue;
    calc::ctcae::Input in{*term, *l->value.value, l->lln.value, l->uln.value, std::nullopt};
    auto g = calc::ctcae::grade(in);
    if (!g.ok()) continue;
    ct.push_back({{"term", calc::ctcae::to_string(*term)},
                  {"date", l->date.value->iso()},
                  {"grade", g.value().grade ? Json(*g.value().grade) : Json("ungradable")},
                  {"pointer", l->value.pointer}});
  }
  if (!ct.empty()) r.calculators["ctcae_v5"] = ct;

  if (r.scope.verdict == "out_of_scope") {
    for (const char* id : {"Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10"}) {
      Answer a = start(x, id);
      a.rules.emplace_back("scope.out_of_scope");  // @rule scope.out_of_scope
      set(a, Status::not_applicable, "not_applicable");
      a.explanation.push_back(
          "The case is outside the scope of the consensus; no recommendation is given.");
      r.questions.push_back(std::move(a));
    }
  } else {
    std::optional<dosimetry::Budget> budget;
    if (x.d.prior_rlt == Tri::yes) {
      auto bp = dosimetry::BudgetPolicy::from_ruleset(rs);
      bp.kidney_dose_limit = units::Gray(policy.kidney_limit_gy);
      bp.marrow_limit = units::Gray(policy.marrow_limit_gy);
      // No cycle dose may be estimated from another cycle: a missing dose is missing.
      bp.estimate_unmeasured_cycles = false;
      bp.kidney_limit = policy.kidney_limit_kind == KidneyLimitKind::bed
                            ? dosimetry::KidneyLimit::bed
                            : dosimetry::KidneyLimit::absorbed_dose;
      budget = dosimetry::plan_retreatment(c, bp);
    }
    r.questions = {q1(x), q2(x), q3(x), q4(x), q5(x),
                   q6(x), q7(x), q8(x), q9(x), q10(x, budget ? &*budget : nullptr)};
    if (r.scope.verdict == "insufficient_data") {
      // Unknown scope: no definite answer. Each question keeps, for the clinician, what it would
      // answer if the case is in scope.
      for (auto& q : r.questions) {
        q.details["verdict_if_in_scope"] = q.verdict;
        q.rules.emplace_back("scope.unconfirmed");  // @rule scope.unconfirmed
        for (const auto& m : r.scope.missing)
          q.missing.push_back(m);
        set(q, Status::insufficient_data, "insufficient_data");
        static const std::vector<std::string> kGathering = {"mdt_required",
                                                            "ct_mri_required",
                                                            "sstr_pet_required",
                                                            "consider_fdg_pet",
                                                            "consider_rebiopsy",
                                                            "fdg_pet_before_rlt",
                                                            "g8_screening",
                                                            "frailty_assessment",
                                                            "comprehensive_geriatric_assessment",
                                                            "sstr_pet_at_progression",
                                                            "dosimetry_required"};
        q.actions.erase(std::remove_if(q.actions.begin(), q.actions.end(),
                                       [](const Coded& act) {
                                         return std::find(kGathering.begin(), kGathering.end(),
                                                          act.code) == kGathering.end();
                                       }),
                        q.actions.end());
        q.cautions.push_back({"scope_unconfirmed",
                              "Scope is not confirmed (see scope). If the case is a sporadic, "
                              "well-differentiated GEP-NET, the answer would be: " +
                                  q.details["verdict_if_in_scope"].get<std::string>() + "."});
      }
    }
    if (budget) r.charts["budget"] = dosimetry::to_json(*budget);
  }
  r.recist = x.recist;
  // Timeline of treatments (lines of therapy) for the chart.
  Json tl = Json::array();
  for (const auto& t : c.treatments) {
    if (!t.start.known() || !t.category.known()) continue;
    bool ongoing = t.stop_reason.is(model::StopReason::ongoing) || !t.end.known();
    std::string end = t.end.known() ? t.end.value->iso() : r.meta.assessment_date;
    if (end.empty()) end = t.start.value->iso();
    std::string label = std::string(model::to_string(*t.category.value));
    if (t.agent.known()) label += ": " + *t.agent.value;
    if (label.size() > 28) label = label.substr(0, 27) + "…";
    tl.push_back({{"category", model::to_string(*t.category.value)},
                  {"label", label},
                  {"start", t.start.value->iso()},
                  {"end", end},
                  {"ongoing", ongoing}});
  }
  if (!tl.empty() && !r.meta.assessment_date.empty()) r.charts["timeline"] = tl;
  r.label_safety = label_safety(c, x.crcl, policy);
  if (x.d.prior_rlt == Tri::yes) {
    // Before a further cycle: the label's dose-modification checks (rlt_dosimetry precycle).
    auto pre = dosimetry::check_precycle(dosimetry::precycle_input(c));
    for (const auto& res : pre.results) {
      if (res.status != dosimetry::RuleStatus::triggered || res.rule == nullptr) continue;
      const auto& rule = *res.rule;
      if (rule.check == dosimetry::PrecycleCheck::pregnant ||
          rule.check == dosimetry::PrecycleCheck::breastfeeding)
        continue;  // reported above
      std::vector<FactUsed> why;
      for (const auto& ptr : res.pointers)
        why.push_back({std::string(rule.id), res.finding, ptr});
      r.label_safety.push_back(
          {std::string(rule.id),
           rule.verified && rule.action == dosimetry::PrecycleAction::do_not_treat
               ? "contraindication"
               : "check",
           fmt::format("Before the next cycle: {} — {}. Label action: {}", rule.description,
                       res.finding, rule.action_text),
           fmt::format("{} {} ({})", rule.source.document, rule.source.section,
                       rule.source.revision),
           rule.verified ? "verified" : "unverified", why});
    }
  }
  // Cycles measured on SPECT/CT: their curves are fitted when the HTML report is drawn.
  for (const auto& cy : c.rlt_cycles) {
    if (cy.dosimetry.measurements.empty()) continue;
    r.measured_cycles.push_back(
        {fmt::format("Cycle {} ({}): organ activity and fitted curves", cy.id,
                     cy.date.known() ? cy.date.value->iso() : "date unknown"),
         cy.dosimetry, cy.activity.value, c.patient.sex.value});
  }
  r.plan = plan(r);
  return r;
}

}  // namespace rlt::engine
