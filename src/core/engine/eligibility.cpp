// The eligibility and safety block, computed before the ten answers: each item is a fact against
// a threshold from a named kind of source. Exclusion criteria the consensus cites (Theiler et al.,
// ref 77, in Q8), label contraindications (cited to the label, never to the consensus), CTCAE
// severity grades, and the receptor requirement of Q1. A missing fact is a work-up item.
#include <fmt/format.h>

#include "base/reader.hpp"
#include "calc/ctcae.hpp"
#include "engine/context.hpp"
#include "model/names.hpp"

namespace rlt::engine::detail {

namespace {

constexpr const char* kTheiler =
    "Theiler et al., Cancers 2021 (consensus ref 77): exclusion criterion of the cohort the "
    "consensus cites in Q8; the consensus sets no cut-off and asks for greater attention (Q8, "
    "5-B)";

/// The latest value of an analyte within the labs window, or nullptr.
const model::Lab* recent_lab(const Ctx& x, model::Analyte a) {
  const auto* l = latest_lab(x.c, a);
  if (l == nullptr) return nullptr;
  if (x.today && age_days(x, *l->date.value) > x.p.labs_max_age_days) return nullptr;
  return l;
}

EligibilityItem item(std::string code, std::string kind, std::string name, Verdict effect) {
  EligibilityItem it;
  it.code = std::move(code);
  it.kind = std::move(kind);
  it.name = std::move(name);
  it.effect = effect;
  return it;
}

/// "meets the exclusion threshold < 45: outside the population studied (reassess)", or "not met".
std::string crossing(const EligibilityItem& it) {
  if (it.crossed != Tri::yes) return "threshold " + it.threshold + " not met";
  return it.kind == "consensus_exclusion" ? "meets the exclusion threshold " + it.threshold +
                                                ": outside the population studied (reassess)"
                                          : "meets " + it.threshold;
}

void missing_lab(const Ctx& x, EligibilityItem& it) {
  it.crossed = Tri::unknown;
  it.text = fmt::format("{}: no value within {} days — obtain it before RLT.", it.name,
                        x.p.labs_max_age_days);
  miss(it.missing, fmt::format("{} within {} days", it.name, x.p.labs_max_age_days), "/labs",
       "needed before RLT");
}

/// A lab against a ruleset threshold (crossed when the threshold holds).
EligibilityItem lab_threshold(const Ctx& x, model::Analyte an, const char* code, const char* name,
                              const char* threshold_id, const char* kind, const char* source,
                              Verdict effect) {
  auto it = item(code, kind, name, effect);
  const auto& th = x.rs.threshold(threshold_id);
  it.threshold = th.describe();
  it.source = source;
  const auto* l = recent_lab(x, an);
  if (l == nullptr) {
    missing_lab(x, it);
    return it;
  }
  std::string unit = std::string(model::unit_tables::lab(an).front().code);
  it.value = Value::num(*l->value.value, unit);
  use(it.rationale, name, *it.value, l->value.pointer);
  it.crossed = tri(th.holds(*l->value.value));
  it.text = fmt::format("{} {} {}: {}.", name, fmt_num(*l->value.value), unit, crossing(it));
  return it;
}

/// A lab graded with CTCAE v5.0: crossed at grade 3 or higher (a severity, not an eligibility
/// threshold of the consensus or the label).
EligibilityItem lab_ctcae(const Ctx& x, model::Analyte an, const char* code, const char* name) {
  auto it = item(code, "severity_grade", name, Verdict::caution);
  it.threshold = "CTCAE v5.0 grade ≥ 3";
  it.source = "CTCAE v5.0 (NCI 2017): severity grade; no eligibility threshold is verified for it";
  const auto* l = recent_lab(x, an);
  auto term = calc::ctcae::term_for(an);
  if (l == nullptr || !term) {
    missing_lab(x, it);
    return it;
  }
  std::string unit = std::string(model::unit_tables::lab(an).front().code);
  it.value = Value::num(*l->value.value, unit);
  use(it.rationale, name, *it.value, l->value.pointer);
  auto g = calc::ctcae::grade({*term, *l->value.value, l->lln.value, l->uln.value, std::nullopt});
  bool decreased_count = *term == calc::ctcae::Term::neutrophil_count_decreased ||
                         *term == calc::ctcae::Term::platelet_count_decreased ||
                         *term == calc::ctcae::Term::anemia;
  if (g.ok() && !g.value().grade && decreased_count) {
    // above the grade-2 cut-off without a lower limit of normal: grade 0 or 1, below grade 3
    it.crossed = Tri::no;
    it.text = fmt::format("{} {} {}: CTCAE grade 0–1.", name, fmt_num(*l->value.value), unit);
    return it;
  }
  if (!g.ok() || !g.value().grade) {
    it.crossed = Tri::unknown;
    it.text = fmt::format("{} {} {}: not gradable ({}).", name, fmt_num(*l->value.value), unit,
                          g.ok() ? "limits of normal missing" : g.error().message);
    miss(it.missing, std::string(name) + " with its limits of normal", l->value.pointer,
         "CTCAE grading needs them");
    return it;
  }
  it.crossed = tri(*g.value().grade >= 3);
  it.text = fmt::format("{} {} {}: CTCAE grade {}.", name, fmt_num(*l->value.value), unit,
                        *g.value().grade);
  return it;
}

/// A lab shown to the board without a threshold (none is verified for it).
EligibilityItem lab_shown(const Ctx& x, model::Analyte an, const char* code, const char* name) {
  auto it = item(code, "label_check", name, Verdict::caution);
  it.source =
      "EU SmPC 4.2 lists it among the tests before each administration; its threshold is not "
      "verified (docs/research/label-verification.md)";
  const auto* l = recent_lab(x, an);
  if (l == nullptr) {
    missing_lab(x, it);
    return it;
  }
  std::string unit = std::string(model::unit_tables::lab(an).front().code);
  it.value = Value::num(*l->value.value, unit);
  use(it.rationale, name, *it.value, l->value.pointer);
  it.crossed = Tri::no;
  it.text = fmt::format("{} {} {}: shown without a threshold (none verified).", name,
                        fmt_num(*l->value.value), unit);
  return it;
}

EligibilityItem renal(const Ctx& x) {
  auto it = item("egfr", "consensus_exclusion", "eGFR (CKD-EPI 2021)", Verdict::caution);
  const auto& th = x.rs.threshold("q8.egfr_caution");
  it.threshold = th.describe();
  it.source = kTheiler;
  if (!x.egfr) {
    it.text = fmt::format(
        "eGFR: needs a creatinine within {} days with age and sex — obtain it before RLT.",
        x.p.labs_max_age_days);
    miss(it.missing, "recent creatinine with age and sex (for eGFR)", "/labs",
         "renal function before RLT");
    return it;
  }
  it.value = Value::num(*x.egfr, "mL/min/1.73 m²", 0);
  use(it.rationale, it.name, *it.value, x.egfr_pointer);
  it.crossed = tri(th.holds(*x.egfr));
  it.text = fmt::format("eGFR {:.0f} mL/min/1.73 m²: {}.", *x.egfr, crossing(it));
  return it;
}

EligibilityItem performance(const Ctx& x) {
  auto it = item("ecog", "consensus_exclusion", "ECOG performance status", Verdict::caution);
  const auto& th = x.rs.threshold("q8.ecog_caution");
  it.threshold = th.describe();
  it.source = kTheiler;
  const auto& e = x.c.patient.ecog;
  if (!e.known()) {
    it.text = "ECOG performance status: not recorded — assess it before RLT.";
    miss(it.missing, "ECOG performance status", e.pointer, "needed before RLT");
    return it;
  }
  it.value = Value::num(*e.value);
  use(it.rationale, it.name, *it.value, e.pointer);
  it.crossed = tri(th.holds(*e.value));
  it.text = fmt::format("ECOG {}: {}.", *e.value, crossing(it));
  return it;
}

EligibilityItem transaminases(const Ctx& x) {
  auto it = item("transaminases", "consensus_exclusion", "AST/ALT", Verdict::caution);
  const auto& th = x.rs.threshold("q8.transaminases_caution");
  it.threshold = th.describe();
  it.source = kTheiler;
  bool any = false;
  it.crossed = Tri::no;
  for (auto an : {model::Analyte::ast, model::Analyte::alt}) {
    const auto* l = recent_lab(x, an);
    if (l == nullptr || !l->uln.known()) {
      it.crossed = it.crossed == Tri::yes ? Tri::yes : Tri::unknown;
      miss(it.missing, fmt::format("{} with its upper limit of normal", model::to_string(an)),
           "/labs", "hepatic function before RLT");
      continue;
    }
    any = true;
    double ratio = *l->value.value / *l->uln.value;
    use(it.rationale, std::string(model::to_string(an)) + " / ULN", Value::num(ratio, {}, 2),
        l->value.pointer);
    if (!it.value || ratio > it.value->number) it.value = Value::num(ratio, "× ULN", 2);
    if (th.holds(ratio)) it.crossed = Tri::yes;
  }
  it.text = it.crossed == Tri::yes
                ? fmt::format(
                      "AST or ALT at {} (exclusion threshold {}): outside the population "
                      "studied (reassess).",
                      it.value ? it.value->display() : "?", it.threshold)
            : it.crossed == Tri::no ? fmt::format("AST and ALT within {}.", it.threshold)
            : any ? "AST/ALT: one of them, or its upper limit of normal, is missing."
                  : "AST/ALT with upper limits of normal: obtain them before RLT.";
  return it;
}

EligibilityItem pregnancy(const Ctx& x) {
  const auto& pt = x.c.patient;
  auto it = item("pregnancy", "label_contraindication", "pregnancy", Verdict::contraindicated);
  it.threshold = "established or suspected, or not excluded";
  it.source =
      "Lutathera EU SmPC 4.3/4.6 (contraindication; Italian text verified) and USPI 2.1 "
      "(verify pregnancy status)";
  if (pt.pregnant.is(true) || pt.pregnancy_test.result.is(model::PregnancyTestResult::positive)) {
    it.crossed = Tri::yes;
    it.value = Value::code("pregnant");
    use(it.rationale, "pregnant", Value::yes_no(true),
        pt.pregnant.is(true) ? pt.pregnant.pointer : pt.pregnancy_test.pointer);
    it.text = "Pregnancy: RLT is contraindicated.";
    return it;
  }
  bool cannot = pt.sex.is(model::Sex::male) || pt.childbearing_potential.is(false);
  if (cannot) {
    it.crossed = Tri::no;
    it.value = Value::code("not applicable");
    use(it.rationale, pt.sex.is(model::Sex::male) ? "sex" : "childbearing potential",
        pt.sex.is(model::Sex::male) ? Value::code("male") : Value::yes_no(false),
        pt.sex.is(model::Sex::male) ? pt.sex.pointer : pt.childbearing_potential.pointer);
    it.text = "Pregnancy: not applicable.";
    return it;
  }
  if (pt.pregnant.is(false) || pt.pregnancy_test.result.is(model::PregnancyTestResult::negative)) {
    it.crossed = Tri::no;
    it.value = Value::code("excluded");
    if (pt.pregnancy_test.result.known())
      use(it.rationale, "pregnancy test", Value::code("negative"), pt.pregnancy_test.pointer);
    else
      use(it.rationale, "pregnant", Value::yes_no(false), pt.pregnant.pointer);
    it.text = "Pregnancy excluded; repeat the check before each administration.";
    return it;
  }
  it.text = "Pregnancy not excluded in a patient who may be pregnant: test before RLT.";
  miss(it.missing, "pregnancy status or test (childbearing potential)",
       pt.childbearing_potential.pointer, "pregnancy must be excluded before RLT");
  return it;
}

EligibilityItem breastfeeding(const Ctx& x) {
  const auto& pt = x.c.patient;
  auto it = item("breastfeeding", "label_check", "breastfeeding", Verdict::caution);
  it.threshold = "breastfeeding";
  it.source = "Lutathera EU SmPC 4.6 (stop breastfeeding during treatment)";
  if (pt.breastfeeding.known()) {
    it.crossed = tri(*pt.breastfeeding.value);
    it.value = Value::yes_no(*pt.breastfeeding.value);
    use(it.rationale, "breastfeeding", *it.value, pt.breastfeeding.pointer);
    it.text = *pt.breastfeeding.value ? "Breastfeeding: must stop during treatment."
                                      : "Not breastfeeding.";
  } else if (pt.sex.is(model::Sex::male) || pt.childbearing_potential.is(false)) {
    it.crossed = Tri::no;
    it.text = "Breastfeeding: not applicable.";
  } else {
    it.crossed = Tri::no;  // asked at the pregnancy check; not a blocker by itself
    it.text = "Breastfeeding: not recorded; ask before treatment.";
  }
  return it;
}

EligibilityItem receptors(const Ctx& x) {
  auto it = item("sstr_status", "consensus_requirement", "SSTR expression of all lesions",
                 Verdict::not_eligible_now);
  it.threshold = "every known lesion above the threshold of its modality";
  it.source = "Consensus Q1 (SSTR-positive disease) and its conclusions (homogeneous expression)";
  if (x.sstr == nullptr || x.sstr_status == SstrStatus::unknown) {
    it.text = "SSTR status: no SSTR PET (or uptake grade) — obtain one before RLT.";
    miss(it.missing, "SSTR PET with an uptake grade", x.c.imaging_pointer + "/sstr",
         "receptor expression decides whether RLT can work");
    return it;
  }
  it.value = Value::code(to_string(x.sstr_status));
  use(it.rationale, it.name, *it.value, x.sstr->pointer);
  if (x.fdg_discordant == Tri::yes)
    use(it.rationale, "FDG-avid lesions without SSTR uptake", Value::yes_no(true),
        x.fdg_discordant_source);
  switch (x.sstr_status) {
    case SstrStatus::negative:
      it.crossed = Tri::yes;
      it.text = "SSTR-negative disease: RLT cannot target it.";
      break;
    case SstrStatus::heterogeneous:
      it.crossed = Tri::yes;
      it.effect = Verdict::caution;
      it.text = "Heterogeneous SSTR expression";
      if (!x.sstr_negative_ids.empty()) {
        std::string ids;
        for (const auto& id : x.sstr_negative_ids)
          ids += (ids.empty() ? "" : ", ") + id;
        it.text += " (below the threshold: " + ids + ")";
      }
      if (x.fdg_discordant == Tri::yes) it.text += "; FDG-avid lesions without SSTR uptake";
      if (x.sstr_borderline) it.text += "; uptake at the threshold is borderline";
      it.text += ": lesions RLT may not reach.";
      break;
    default:
      if (x.sstr_borderline) {
        it.crossed = Tri::yes;
        it.effect = Verdict::caution;
        it.text =
            "SSTR expression in every known lesion, some at the threshold (uptake equal to "
            "liver on PET): borderline — review the images at the board.";
      } else {
        it.crossed = Tri::no;
        it.text = "SSTR expression in every known lesion.";
      }
  }
  return it;
}

}  // namespace

Eligibility eligibility(const Ctx& x, const std::vector<SafetyItem>& label) {
  Eligibility e;
  // label contraindications (cited to the label) come first
  for (const auto& s : label) {
    if (s.kind != "contraindication") continue;
    auto it =
        item(s.code, "label_contraindication", "label contraindication", Verdict::contraindicated);
    it.source = s.source + " (" + s.verification + ")";
    it.crossed = Tri::yes;
    it.text = s.text;
    it.rationale = s.rationale;
    e.items.push_back(std::move(it));
  }
  e.items.push_back(pregnancy(x));
  e.items.push_back(breastfeeding(x));
  e.items.push_back(receptors(x));
  e.items.push_back(renal(x));
  e.items.push_back(lab_threshold(x, model::Analyte::haemoglobin, "haemoglobin", "haemoglobin",
                                  "q8.haemoglobin_caution", "consensus_exclusion", kTheiler,
                                  Verdict::caution));
  e.items.push_back(lab_threshold(x, model::Analyte::platelets, "platelets", "platelets",
                                  "q8.platelets_caution", "consensus_exclusion", kTheiler,
                                  Verdict::caution));
  e.items.push_back(lab_ctcae(x, model::Analyte::neutrophils, "neutrophils", "neutrophils"));
  e.items.push_back(lab_shown(x, model::Analyte::white_cells, "white_cells", "white cells"));
  e.items.push_back(transaminases(x));
  e.items.push_back(lab_ctcae(x, model::Analyte::bilirubin, "bilirubin", "bilirubin"));
  e.items.push_back(lab_shown(x, model::Analyte::albumin, "albumin", "albumin"));
  e.items.push_back(performance(x));
  // creatinine clearance against the label: shown as a check (wording unverified)
  if (x.crcl) {
    auto it = item("creatinine_clearance", "label_check", "creatinine clearance (Cockcroft-Gault)",
                   Verdict::caution);
    it.threshold = "< 40 mL/min";
    it.source =
        "Manufacturer's international safety information: CrCl < 40 mL/min should not be "
        "treated (label wording unverified)";
    it.value = Value::num(*x.crcl, "mL/min", 0);
    use(it.rationale, it.name, *it.value, "/labs");
    it.crossed = tri(*x.crcl < 40.0);
    it.text = fmt::format("Creatinine clearance {:.0f} mL/min{}.", *x.crcl,
                          it.crossed == Tri::yes ? ": below 40 mL/min — check the label" : "");
    e.items.push_back(std::move(it));
  }

  // Status: contraindicated > not eligible now > insufficient data > caution > clear.
  bool contraindicated = false, not_now = false, missing = false, caution = false;
  for (const auto& it : e.items) {
    if (it.crossed == Tri::yes) {
      contraindicated |= it.effect == Verdict::contraindicated;
      not_now |= it.effect == Verdict::not_eligible_now;
      caution |= it.effect == Verdict::caution;
    } else if (it.crossed == Tri::unknown && !it.threshold.empty()) {
      missing = true;  // an item shown without a threshold never changes the status
    }
  }
  e.status = contraindicated ? Verdict::contraindicated
             : not_now       ? Verdict::not_eligible_now
             : missing       ? Verdict::insufficient_data
             : caution       ? Verdict::caution
                             : Verdict::clear;
  return e;
}

}  // namespace rlt::engine::detail
