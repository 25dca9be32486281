#include "model/derived.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "model/names.hpp"

namespace rlt::model {

std::string_view to_string(SsaIntensity s) {
  return s == SsaIntensity::standard ? "standard" : "high";
}

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return s;
}

bool systemic(TreatmentCategory c) {
  switch (c) {
    case TreatmentCategory::ssa:
    case TreatmentCategory::rlt:
    case TreatmentCategory::everolimus:
    case TreatmentCategory::sunitinib:
    case TreatmentCategory::chemotherapy:
      return true;
    case TreatmentCategory::surgery:
    case TreatmentCategory::locoregional:
    case TreatmentCategory::other:
      return false;
  }
  return false;
}

/// Whether a course is still running: from its stop reason, or ended when it has an end date.
/// Neither given: unknown (an absent end date alone does not prove the course is ongoing).
Tri ongoing(const Treatment& t) {
  if (t.stop_reason.known()) return tri(*t.stop_reason.value == StopReason::ongoing);
  if (t.end.known()) return Tri::no;
  return Tri::unknown;
}
}  // namespace

std::optional<SsaIntensity> ssa_intensity(const Treatment& t, const kb::Ruleset& rs) {
  if (!t.category.is(TreatmentCategory::ssa) || !t.agent.known() || !t.dose_mg.known() ||
      !t.interval_days.known())
    return std::nullopt;
  std::string agent = lower(*t.agent.value);
  const kb::Threshold* dose = nullptr;
  if (agent.find("octreotide") != std::string::npos) {
    dose = &rs.threshold("ssa.octreotide_standard_dose");
  } else if (agent.find("lanreotide") != std::string::npos) {
    dose = &rs.threshold("ssa.lanreotide_standard_dose");
  } else {
    return std::nullopt;
  }
  const auto& interval = rs.threshold("ssa.standard_interval");
  bool standard = dose->holds(*t.dose_mg.value) && interval.holds(*t.interval_days.value);
  return standard ? SsaIntensity::standard : SsaIntensity::high;
}

Derived derive(const Case& c, const kb::Ruleset& rs) {
  Derived d;
  const Tumour& tu = c.tumour;
  d.grade = grade_who2022({tu.ki67.value, tu.mitoses.value, tu.differentiation.value,
                           tu.histology.value, tu.reported_grade.value},
                          rs);

  // Age: as given, or from the birth date at the assessment date.
  if (c.patient.age_years.known()) {
    d.age_years = *c.patient.age_years.value;
    d.age_pointer = c.patient.age_years.pointer;
  } else if (c.patient.birth_date.known() && c.assessment_date.known()) {
    d.age_years = c.assessment_date.value->months_since(*c.patient.birth_date.value) / 12.0;
    d.age_pointer = c.patient.birth_date.pointer;
  }

  if (c.treatments_given) {
    int lines = 0;
    for (const auto& t : c.treatments)
      if (t.category.known() && systemic(*t.category.value)) ++lines;
    d.lines_before = lines;
  }

  // Progression on a somatostatin analogue.
  std::vector<const Treatment*> ssas;
  for (const auto& t : c.treatments)
    if (t.category.is(TreatmentCategory::ssa)) ssas.push_back(&t);
  std::sort(ssas.begin(), ssas.end(), [](const Treatment* a, const Treatment* b) {
    return a->start.value.value_or(Date{}) < b->start.value.value_or(Date{});
  });
  const Treatment* prog = nullptr;
  for (const Treatment* t : ssas)
    if (t->stop_reason.is(StopReason::progression) || t->progression_date.known()) prog = t;
  const auto& pr = c.progression;
  // Current progression counts only when documented on imaging: a rising marker or symptoms
  // alone do not prove progression (consensus Q2).
  bool imaging_progression =
      pr.status.is(ProgressionStatus::progressive) &&
      (pr.basis.is(ProgressionBasis::recist) || pr.basis.is(ProgressionBasis::other_imaging));
  if (prog == nullptr && imaging_progression) {
    // progression now, while an SSA course is ongoing (or ended on/after the progression date)
    for (const Treatment* t : ssas) {
      bool during = ongoing(*t) == Tri::yes;
      if (!during && pr.date.known() && t->start.known() && t->end.known())
        during = *pr.date.value >= *t->start.value && *pr.date.value <= *t->end.value;
      if (during) prog = t;
    }
  }
  if (prog != nullptr) {
    d.ssa.progressed = Tri::yes;
    d.ssa.treatment_id = prog->id;
    d.ssa.pointer = prog->pointer;
    d.ssa.date = prog->progression_date.value;
    if (!d.ssa.date) d.ssa.date = pr.date.value;
    d.ssa.intensity = ssa_intensity(*prog, rs);
    d.ssa.why = prog->stop_reason.is(StopReason::progression) || prog->progression_date.known()
                    ? fmt::format("SSA course {} ended or was marked for progression",
                                  prog->id.empty() ? prog->pointer : prog->id)
                    : fmt::format("progression is documented now while SSA course {} is ongoing",
                                  prog->id.empty() ? prog->pointer : prog->id);
  } else if (c.treatments_given && ssas.empty()) {
    d.ssa.progressed = Tri::no;
    d.ssa.why = "the treatment history lists no somatostatin analogue";
  } else if (c.treatments_given) {
    // With stable or responding disease now, an ongoing course has not failed (yet).
    bool not_progressing_now =
        pr.status.is(ProgressionStatus::stable) || pr.status.is(ProgressionStatus::responding);
    bool all_known = std::all_of(ssas.begin(), ssas.end(), [&](const Treatment* t) {
      return t->stop_reason.known() &&
             (!t->stop_reason.is(StopReason::ongoing) || not_progressing_now);
    });
    if (all_known) {
      d.ssa.progressed = Tri::no;
      d.ssa.why = not_progressing_now
                      ? "no SSA course ended for progression and the disease is not progressing now"
                      : "every SSA course ended for a reason other than progression";
    } else {
      d.ssa.why =
          "an SSA course is ongoing or its stop reason is not given, and progression on it "
          "is not documented";
    }
  } else {
    d.ssa.why = "no treatment history was given";
  }
  if (c.treatments_given) {
    d.on_ssa_now = Tri::no;
    for (const Treatment* t : ssas)
      d.on_ssa_now = d.on_ssa_now || ongoing(*t);
  }

  // RLT history.
  std::optional<Date> last;
  for (const auto& cy : c.rlt_cycles)
    if (cy.date.known() && (!last || *cy.date.value > *last)) last = *cy.date.value;
  bool rlt_in_treatments = false;
  for (const auto& t : c.treatments)
    if (t.category.is(TreatmentCategory::rlt)) {
      rlt_in_treatments = true;
      if (t.end.known() && (!last || *t.end.value > *last) && c.rlt_cycles.empty())
        last = *t.end.value;
    }
  if (!c.rlt_cycles.empty() || rlt_in_treatments) {
    d.prior_rlt = Tri::yes;
  } else if (c.rlt_cycles_given || c.treatments_given) {
    d.prior_rlt = Tri::no;
  }
  d.last_rlt_date = last;
  if (last && c.assessment_date.known())
    d.months_since_last_rlt = c.assessment_date.value->months_since(*last);

  // Newly diagnosed (NETTER-2).
  if (tu.diagnosis_date.known() && c.assessment_date.known()) {
    d.months_since_diagnosis = c.assessment_date.value->months_since(*tu.diagnosis_date.value);
    d.newly_diagnosed =
        tri(rs.threshold("netter2.newly_diagnosed_months").holds(*d.months_since_diagnosis));
  }
  return d;
}

}  // namespace rlt::model
