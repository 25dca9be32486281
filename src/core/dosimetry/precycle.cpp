#include "dosimetry/precycle.hpp"

#include "calc/ctcae.hpp"
#include "calc/renal.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "model/derived.hpp"

namespace rlt::dosimetry {

namespace {

constexpr LabelSource kUsTable{
    "Lutathera USPI",
    "§2 Dosage and Administration, table of dose modifications for adverse reactions",
    "4/2024 (the current revision; the table body was not retrieved)",
    "label-verification.md A3–A10: table body not seen in any USPI copy; values as summarised in "
    "AJR 2022 "
    "Table 1 (PMC10133840, secondary) and, for platelets and 3.7 GBq, the Swiss Fachinformation "
    "(sister label)"};
constexpr LabelSource kUsRenal{
    "Lutathera USPI", "§2 dose-modification table, renal toxicity row", "4/2024",
    "label-verification.md A6: the 40 mL/min and ±40 % definitions were NOT seen in "
    "any label copy (only in non-label code)"};
constexpr LabelSource kUsHepatic{
    "Lutathera USPI", "§2 dose-modification table, hepatotoxicity row", "4/2024",
    "label-verification.md A8: not seen in any label copy; prothrombin ratio < 70 % vs "
    "INR > 1.5 unresolved"};
constexpr LabelSource kEuRenal{
    "Lutathera EU SmPC", "§4.3 Contraindications", "French text, BCB record 03/04/2025",
    "label-verification.md B3: \"clairance de la créatinine < 30 mL/min\" seen in French; "
    "English and current EMA revision not confirmed"};
constexpr LabelSource kEuPregnancy{
    "Lutathera EU SmPC", "§4.6 (and §4.3)", "older English revision (undated)",
    "label-verification.md C5: \"contraindicated during established or suspected "
    "pregnancy or when pregnancy has not been excluded\" seen verbatim"};
constexpr LabelSource kEuBreastfeeding{
    "Lutathera EU SmPC", "§4.6", "older English revision (undated)",
    "label-verification.md C8: \"Breast-feeding should be avoided during treatment "
    "... the child must be weaned\" seen verbatim"};
constexpr LabelSource kUsFootnote{
    "Lutathera USPI", "§2 dose-modification table, footnote", "manufacturer reproduction (undated)",
    "label-verification.md A2: footnote seen verbatim on lutathera-hcp.com"};

constexpr std::string_view kResumeReduced =
    "withhold until recovery, then resume at the reduced activity 3.7 GBq (return to 7.4 GBq if no "
    "recurrence); "
    "permanently discontinue on recurrence after reduction or if the delay reaches 16 weeks";

constexpr std::array kRules = {
    PrecycleRule{"label.pregnancy", "Established or suspected pregnancy, or pregnancy not excluded",
                 PrecycleCheck::pregnant, 0, PrecycleAction::do_not_treat,
                 "do not administer (contraindicated)", kEuPregnancy, true},
    PrecycleRule{"label.breastfeeding", "Breastfeeding", PrecycleCheck::breastfeeding, 0,
                 PrecycleAction::caution,
                 "breastfeeding must stop (the child must be weaned) before treatment",
                 kEuBreastfeeding, true},
    PrecycleRule{"label.lymphopenia", "Grade 3–4 haematological toxicity solely due to lymphopenia",
                 PrecycleCheck::information, 0, PrecycleAction::proceed,
                 "no dose modification required", kUsFootnote, true},
    PrecycleRule{"label.thrombocytopenia",
                 "Thrombocytopenia CTCAE v5.0 grade ≥ 2 (platelets < 75 ×10⁹/L)",
                 PrecycleCheck::platelets_below, 75.0, PrecycleAction::withhold, kResumeReduced,
                 kUsTable, false},
    PrecycleRule{"label.anaemia", "Anaemia CTCAE v5.0 grade ≥ 3 (haemoglobin < 80 g/L)",
                 PrecycleCheck::haemoglobin_below, 80.0, PrecycleAction::withhold, kResumeReduced,
                 kUsTable, false},
    PrecycleRule{"label.neutropenia", "Neutropenia CTCAE v5.0 grade ≥ 3 (neutrophils < 1.0 ×10⁹/L)",
                 PrecycleCheck::neutrophils_below, 1.0, PrecycleAction::withhold, kResumeReduced,
                 kUsTable, false},
    PrecycleRule{
        "label.renal_crcl",
        "Renal toxicity: creatinine clearance (Cockcroft-Gault, actual weight) < 40 mL/min",
        PrecycleCheck::crcl_below, 40.0, PrecycleAction::withhold, kResumeReduced, kUsRenal, false},
    PrecycleRule{"label.renal_creatinine_rise",
                 "Renal toxicity: serum creatinine ≥ 40 % above baseline",
                 PrecycleCheck::creatinine_rise_percent, 40.0, PrecycleAction::withhold,
                 kResumeReduced, kUsRenal, false},
    PrecycleRule{"label.renal_crcl_fall",
                 "Renal toxicity: creatinine clearance ≥ 40 % below baseline",
                 PrecycleCheck::crcl_fall_percent, 40.0, PrecycleAction::withhold, kResumeReduced,
                 kUsRenal, false},
    PrecycleRule{"label.hepatic_bilirubin",
                 "Hepatotoxicity: bilirubin > 3 × ULN (CTCAE v5.0 grade ≥ 3)",
                 PrecycleCheck::bilirubin_above_uln, 3.0, PrecycleAction::withhold, kResumeReduced,
                 kUsHepatic, false},
    PrecycleRule{"label.hepatic_albumin",
                 "Hepatotoxicity: albumin < 30 g/L with a low prothrombin ratio (< 70 %; or INR > "
                 "1.5: unresolved)",
                 PrecycleCheck::albumin_below, 30.0, PrecycleAction::withhold, kResumeReduced,
                 kUsHepatic, false},
    PrecycleRule{"label.eu_renal_contraindication",
                 "Kidney failure with creatinine clearance < 30 mL/min", PrecycleCheck::crcl_below,
                 30.0, PrecycleAction::do_not_treat, "do not administer (contraindicated)",
                 kEuRenal, false},
};

int severity(PrecycleAction a) {
  switch (a) {
    case PrecycleAction::proceed:
      return 0;
    case PrecycleAction::caution:
      return 1;
    case PrecycleAction::reduce:
      return 2;
    case PrecycleAction::withhold:
      return 3;
    case PrecycleAction::discontinue:
      return 4;
    case PrecycleAction::do_not_treat:
      return 5;
  }
  return 0;
}

const model::Lab* latest(const model::Case& c, model::Analyte a, std::optional<Date> before,
                         bool strictly) {
  const model::Lab* best = nullptr;
  for (const auto& l : c.labs) {
    if (!l.analyte.is(a) || !l.value.known() || !l.date.known()) continue;
    if (before && (strictly ? !(*l.date < *before) : *before < *l.date)) continue;
    if (best == nullptr || *best->date < *l.date) best = &l;
  }
  return best;
}

PrecycleInput::Value value_of(const model::Lab* l) {
  PrecycleInput::Value v;
  if (l == nullptr) return v;
  v.value = l->value.value;
  v.pointer = l->pointer;
  v.uln = l->uln.value;
  return v;
}

std::string num(double v) {
  return fmt::format("{:.3g}", v);
}

}  // namespace

std::string_view to_string(PrecycleAction a) {
  switch (a) {
    case PrecycleAction::proceed:
      return "proceed";
    case PrecycleAction::caution:
      return "caution";
    case PrecycleAction::withhold:
      return "withhold";
    case PrecycleAction::reduce:
      return "reduce";
    case PrecycleAction::discontinue:
      return "discontinue";
    case PrecycleAction::do_not_treat:
      return "do_not_treat";
  }
  return "?";
}

std::string_view to_string(RuleStatus s) {
  switch (s) {
    case RuleStatus::triggered:
      return "triggered";
    case RuleStatus::clear:
      return "clear";
    case RuleStatus::unknown:
      return "unknown";
  }
  return "?";
}

std::span<const PrecycleRule> precycle_rules() {
  return kRules;
}

// One implementation of each formula: Cockcroft-Gault and CTCAE v5.0 grading come from rlt_calc.
std::optional<double> cockcroft_gault(double scr, double age, double weight, model::Sex sex) {
  auto r = calc::renal::cockcroft_gault(units::Creatinine(scr), age, units::Kilogram(weight), sex);
  return r.ok() ? std::optional<double>(r.value().value()) : std::nullopt;
}

std::optional<int> ctcae(calc::ctcae::Term t, double v, std::optional<double> uln = std::nullopt) {
  auto g = calc::ctcae::grade({t, v, std::nullopt, uln, std::nullopt});
  return g.ok() ? g.value().grade : std::nullopt;
}

PrecycleInput precycle_input(const model::Case& c, const kb::Ruleset& rs) {
  PrecycleInput in;
  std::optional<Date> at = c.assessment_date.value;
  std::optional<Date> first_rlt;
  for (const auto& cy : c.rlt_cycles)
    if (cy.date.known() && (!first_rlt || *cy.date < *first_rlt)) first_rlt = *cy.date;
  using A = model::Analyte;
  in.platelets = value_of(latest(c, A::platelets, at, false));
  in.haemoglobin = value_of(latest(c, A::haemoglobin, at, false));
  in.neutrophils = value_of(latest(c, A::neutrophils, at, false));
  in.bilirubin = value_of(latest(c, A::bilirubin, at, false));
  in.albumin = value_of(latest(c, A::albumin, at, false));
  in.creatinine = value_of(latest(c, A::creatinine, at, false));
  if (first_rlt) in.creatinine_baseline = value_of(latest(c, A::creatinine, first_rlt, true));
  auto d = model::derive(c, rs);
  const auto& p = c.patient;
  if (d.age_years && p.weight.known() && p.sex.known()) {
    if (in.creatinine.value)
      in.crcl = cockcroft_gault(*in.creatinine.value, *d.age_years, p.weight->value(), *p.sex);
    if (in.creatinine_baseline.value)
      in.crcl_baseline =
          cockcroft_gault(*in.creatinine_baseline.value, *d.age_years, p.weight->value(), *p.sex);
    in.crcl_note =
        "Cockcroft-Gault with the current actual body weight and age (baseline uses the same "
        "weight)";
  } else {
    in.crcl_note = "creatinine clearance needs age, sex and weight";
  }
  in.pregnant = p.pregnant.value;
  in.breastfeeding = p.breastfeeding.value;
  return in;
}

PrecycleReport check_precycle(const PrecycleInput& in) {
  PrecycleReport rep;
  for (const auto& rule : kRules) {
    RuleResult r;
    r.rule = &rule;
    auto below = [&](const PrecycleInput::Value& v, std::string_view what, std::string_view unit) {
      if (!v.value) {
        r.finding = fmt::format("{} not given", what);
        return;
      }
      r.pointers.push_back(v.pointer);
      bool hit = *v.value < rule.threshold;
      r.status = hit ? RuleStatus::triggered : RuleStatus::clear;
      r.finding = fmt::format("{} {} {}", what, num(*v.value), unit);
    };
    switch (rule.check) {
      case PrecycleCheck::platelets_below:
        below(in.platelets, "platelets", "×10⁹/L");
        if (in.platelets.value)
          r.finding += fmt::format(
              " (CTCAE grade {})",
              ctcae(calc::ctcae::Term::platelet_count_decreased, *in.platelets.value).value_or(-1));
        break;
      case PrecycleCheck::haemoglobin_below:
        below(in.haemoglobin, "haemoglobin", "g/L");
        if (in.haemoglobin.value)
          r.finding +=
              fmt::format(" (CTCAE grade {})",
                          ctcae(calc::ctcae::Term::anemia, *in.haemoglobin.value).value_or(-1));
        break;
      case PrecycleCheck::neutrophils_below:
        below(in.neutrophils, "neutrophils", "×10⁹/L");
        if (in.neutrophils.value)
          r.finding += fmt::format(
              " (CTCAE grade {})",
              ctcae(calc::ctcae::Term::neutrophil_count_decreased, *in.neutrophils.value)
                  .value_or(-1));
        break;
      case PrecycleCheck::albumin_below:
        below(in.albumin, "albumin", "g/L");
        if (r.status == RuleStatus::triggered) {
          r.status = RuleStatus::unknown;
          r.finding +=
              "; below 30 g/L, but the coagulation part of the rule (prothrombin ratio / INR) is "
              "not in "
              "the case";
        }
        break;
      case PrecycleCheck::bilirubin_above_uln:
        if (!in.bilirubin.value) {
          r.finding = "bilirubin not given";
        } else if (!in.bilirubin.uln) {
          r.pointers.push_back(in.bilirubin.pointer);
          r.finding = fmt::format("bilirubin {} µmol/L, but its upper limit of normal is not given",
                                  num(*in.bilirubin.value));
        } else {
          r.pointers.push_back(in.bilirubin.pointer);
          double x = *in.bilirubin.value / *in.bilirubin.uln;
          r.status = x > rule.threshold ? RuleStatus::triggered : RuleStatus::clear;
          r.finding = fmt::format("bilirubin {} × ULN (CTCAE grade {})", num(x),
                                  ctcae(calc::ctcae::Term::blood_bilirubin_increased,
                                        *in.bilirubin.value, *in.bilirubin.uln)
                                      .value_or(-1));
        }
        break;
      case PrecycleCheck::crcl_below:
        if (!in.crcl) {
          r.finding = in.creatinine.value ? in.crcl_note : "creatinine not given";
        } else {
          r.pointers.push_back(in.creatinine.pointer);
          r.status = *in.crcl < rule.threshold ? RuleStatus::triggered : RuleStatus::clear;
          r.finding =
              fmt::format("creatinine clearance {} mL/min (Cockcroft-Gault)", num(*in.crcl));
        }
        break;
      case PrecycleCheck::creatinine_rise_percent:
        if (!in.creatinine.value || !in.creatinine_baseline.value) {
          r.finding = "current and baseline (before the first RLT) creatinine needed";
        } else {
          r.pointers = {in.creatinine.pointer, in.creatinine_baseline.pointer};
          double pct = (*in.creatinine.value / *in.creatinine_baseline.value - 1.0) * 100.0;
          r.status = pct >= rule.threshold - 1e-9 ? RuleStatus::triggered : RuleStatus::clear;
          r.finding = fmt::format("creatinine {:+.0f} % from baseline", pct);
        }
        break;
      case PrecycleCheck::crcl_fall_percent:
        if (!in.crcl || !in.crcl_baseline) {
          r.finding = "current and baseline creatinine clearance needed";
        } else {
          r.pointers = {in.creatinine.pointer, in.creatinine_baseline.pointer};
          double pct = (1.0 - *in.crcl / *in.crcl_baseline) * 100.0;
          r.status = pct >= rule.threshold - 1e-9 ? RuleStatus::triggered : RuleStatus::clear;
          r.finding = fmt::format("creatinine clearance {:.0f} % below baseline", pct);
        }
        break;
      case PrecycleCheck::pregnant:
        r.pointers.push_back("/patient/pregnant");
        if (in.pregnant) {
          r.status = *in.pregnant ? RuleStatus::triggered : RuleStatus::clear;
          r.finding = *in.pregnant ? "pregnant" : "not pregnant";
        } else {
          r.finding = "pregnancy status not given (the label asks to verify it before starting)";
        }
        break;
      case PrecycleCheck::breastfeeding:
        r.pointers.push_back("/patient/breastfeeding");
        if (in.breastfeeding) {
          r.status = *in.breastfeeding ? RuleStatus::triggered : RuleStatus::clear;
          r.finding = *in.breastfeeding ? "breastfeeding" : "not breastfeeding";
        } else {
          r.finding = "breastfeeding status not given";
        }
        break;
      case PrecycleCheck::information:
        r.status = RuleStatus::clear;
        r.finding = "label statement";
        break;
    }
    if (r.status == RuleStatus::triggered) {
      if (rule.verified) {
        if (severity(rule.action) > severity(rep.decision)) rep.decision = rule.action;
      } else {
        rep.unverified_triggered.emplace_back(rule.id);
      }
    }
    rep.results.push_back(std::move(r));
  }
  rep.summary = fmt::format("{} from verified label rules", to_string(rep.decision));
  if (!rep.unverified_triggered.empty())
    rep.summary += fmt::format(
        "; {} unverified rule(s) triggered — unverified, check the current label before "
        "acting on them",
        rep.unverified_triggered.size());
  return rep;
}

}  // namespace rlt::dosimetry
