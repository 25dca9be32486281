// Q8: frail patients (consensus Q8, 5-B). Attention flags use the exclusion thresholds of the
// cohort the consensus cites (Theiler et al., ref 77); frailty needs a validated tool.
#include <algorithm>

#include <fmt/format.h>

#include "base/reader.hpp"
#include "engine/context.hpp"
#include "model/names.hpp"

namespace rlt::engine::detail {

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
        Value::num(*l->value.value, std::string(model::unit_tables::lab(an).front().code)),
        l->value.pointer);
    const auto& th = rs.threshold(th_id);
    if (th.holds(*l->value.value)) {
      a.rules.emplace_back(std::string("q8.") + flag);  // @rule q8.marrow_caution
      a.cautions.push_back({flag, fmt::format("{} {} (attention {}; Theiler et al., ref 77)", name,
                                              fmt_num(*l->value.value), th.describe())});
    }
  };
  lab_flag(model::Analyte::haemoglobin, "q8.haemoglobin_caution", "marrow_caution", "haemoglobin");
  lab_flag(model::Analyte::platelets, "q8.platelets_caution", "marrow_caution", "platelets");
  // both marrow flags are shown when both counts are low (one caution each)
  if (x.egfr) {
    use(a.rationale, "eGFR (CKD-EPI 2021)", Value::num(*x.egfr, "mL/min/1.73 m²", 0),
        x.egfr_pointer);
    const auto& th = rs.threshold("q8.egfr_caution");
    if (th.holds(*x.egfr)) {
      RULE("q8.renal_caution");
      a.cautions.push_back(
          {"renal_caution", fmt::format("eGFR {:.0f} mL/min/1.73 m² (attention {}; ref 77)",
                                        *x.egfr, th.describe())});
    }
  } else {
    miss(a.missing, "recent creatinine with age and sex (for eGFR)", "/labs",
         "renal function before RLT");
  }
  const auto& tx = rs.threshold("q8.transaminases_caution");
  for (auto an : {model::Analyte::ast, model::Analyte::alt}) {
    const auto* l = latest_lab(x.c, an);
    if (l == nullptr || !l->uln.known()) {
      miss(a.missing, fmt::format("{} with its upper limit of normal", model::to_string(an)),
           "/labs", "hepatic function before RLT");
      continue;
    }
    double ratio = *l->value.value / *l->uln.value;
    use(a.rationale, std::string(model::to_string(an)) + " / ULN", Value::num(ratio, {}, 2),
        l->value.pointer);
    if (tx.holds(ratio) && std::none_of(a.cautions.begin(), a.cautions.end(), [](const Coded& c) {
          return c.code == "hepatic_caution";
        })) {
      RULE("q8.hepatic_caution");
      a.cautions.push_back(
          {"hepatic_caution", fmt::format("AST or ALT {} (ref 77).", tx.describe())});
    }
  }
  const auto& ecog_th = rs.threshold("q8.ecog_caution");
  if (pt.ecog.known()) {
    use(a.rationale, "ECOG", Value::num(*pt.ecog.value), pt.ecog.pointer);
    if (ecog_th.holds(*pt.ecog.value)) {
      RULE("q8.performance_caution");
      a.cautions.push_back(
          {"performance_caution",
           fmt::format("ECOG {} (attention {}; ref 77)", *pt.ecog.value, ecog_th.describe())});
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
  const auto& g8_abnormal = rs.threshold("g8.abnormal");
  const auto& g8_age = rs.threshold("q8.g8_screening_age");
  if (pt.cga.known()) {
    use(a.rationale, "comprehensive geriatric assessment",
        Value::code(model::to_string(*pt.cga.value)), pt.cga.pointer);
    // "vulnerable" is not "frail": it calls for attention, not the frail pathway
    frail = tri(*pt.cga.value == model::CgaResult::frail);
    if (*pt.cga.value == model::CgaResult::vulnerable)
      a.cautions.push_back({"cga_vulnerable",
                            "Comprehensive geriatric assessment: vulnerable (not frail); address "
                            "the impaired domains before and during RLT."});
  } else if (pt.g8.total.known()) {
    use(a.rationale, "G8 score", Value::num(*pt.g8.total.value), pt.g8.total.pointer);
    // G8 is a screen: a normal score rules frailty out; an abnormal one calls for the
    // comprehensive geriatric assessment that decides (Bellera et al. 2012)
    if (g8_abnormal.holds(*pt.g8.total.value)) {
      a.actions.push_back(
          {"comprehensive_geriatric_assessment",
           fmt::format("G8 {}: a comprehensive geriatric assessment decides whether the patient "
                       "is frail.",
                       g8_abnormal.describe())});
      miss(a.missing, "comprehensive geriatric assessment", pt.cga.pointer,
           "an abnormal G8 screen calls for it");
    } else {
      frail = Tri::no;
    }
  } else if (x.d.age_years && pt.ecog.known() && com.known() && com.value->empty() &&
             !g8_age.holds(*x.d.age_years) && *pt.ecog.value <= 1) {
    use(a.rationale, "age", Value::num(*x.d.age_years, {}, 0), x.d.age_pointer);
    use(a.rationale, "comorbidities", Value::code("none"), com.pointer);
    frail = Tri::no;
    a.explanation.emplace_back(
        "Younger than the age of geriatric screening, ECOG 0–1 and no comorbidity.");
  } else {
    miss(a.missing, "G8 screening or a comprehensive geriatric assessment", pt.g8.total.pointer,
         "validated tools should assess frailty");
    if (com.known() && !com.value->empty())
      use(a.rationale, "comorbidities", Value::text_of(fmt::format("{} listed", com.value->size())),
          com.pointer);
    bool screen = x.d.age_years && g8_age.holds(*x.d.age_years);
    a.actions.push_back(
        {screen ? "g8_screening" : "frailty_assessment",
         screen ? fmt::format("Screen with the G8 questionnaire (age {}).", g8_age.describe())
                : "Assess frailty with a validated tool (comorbidities, function, "
                  "nutrition, cognition)."});
  }
  if (frail == Tri::yes) {
    a.actions.push_back({"renal_marrow_attention",
                         "Check renal function and blood counts closely before and during RLT."});
    return decide(a, "q8.frail", Status::applies, Verdict::frail_rlt_with_caution,
                  "Frail: RLT remains a valid option; check renal function and marrow reserve "
                  "with particular care.");
  }
  if (frail == Tri::no)
    return decide(a, "q8.not_frail", Status::does_not_apply, Verdict::not_frail);
  return decide(a, "q8.insufficient", Status::insufficient_data, Verdict::insufficient_data);
}

}  // namespace rlt::engine::detail
