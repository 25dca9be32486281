// Pre-cycle safety from the Lutathera label's dose-modification rules, as data.
//
// Every rule carries its source (document, section, revision, where the wording was seen) and a
// `verified` flag taken from docs/research/label-verification.md. Almost none of the numeric
// thresholds could be verified against the official USPI / EU SmPC text; an unverified rule is
// reported as "unverified — check the current label" and never blocks. Only verified rules can
// make the overall result `do_not_treat` or `withhold`.
//
// Lab grades use CTCAE v5.0 (NCI, 2017); the creatinine clearance is Cockcroft-Gault with actual
// body weight. These are computed privately here (the boundaries used are listed per rule).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/units.hpp"
#include "kb/ruleset.hpp"
#include "model/case.hpp"

namespace rlt::dosimetry {

enum class PrecycleAction {
  proceed,
  caution,      ///< proceed with an explicit precaution
  withhold,     ///< withhold until recovery, then resume (possibly reduced)
  reduce,       ///< give the label's reduced activity
  discontinue,  ///< permanently discontinue
  do_not_treat  ///< contraindicated
};
std::string_view to_string(PrecycleAction a);

struct LabelSource {
  std::string_view document;  ///< "Lutathera USPI", "Lutathera EU SmPC", ...
  std::string_view section;
  std::string_view revision;
  std::string_view evidence;  ///< where/how the wording was seen (label-verification.md row)
};

enum class PrecycleCheck {
  platelets_below,          ///< platelets < threshold (10⁹/L)
  haemoglobin_below,        ///< g/L
  neutrophils_below,        ///< 10⁹/L
  bilirubin_above_uln,      ///< bilirubin > threshold × ULN
  albumin_below,            ///< g/L (the coagulation part of the rule is not in the case)
  crcl_below,               ///< Cockcroft-Gault mL/min
  creatinine_rise_percent,  ///< ≥ threshold % above baseline
  crcl_fall_percent,        ///< ≥ threshold % below baseline
  pregnant,                 ///< patient.pregnant is true
  breastfeeding,            ///< patient.breastfeeding is true
  information               ///< never triggers: a label statement to show
};

struct PrecycleRule {
  std::string_view id;
  std::string_view description;  ///< the rule, in our words
  PrecycleCheck check;
  double threshold;
  PrecycleAction action;
  std::string_view action_text;
  LabelSource source;
  bool verified;
};

/// The rule table.
std::span<const PrecycleRule> precycle_rules();

/// The facts the rules read, from the case (latest lab at or before the assessment date;
/// baseline = latest before the first RLT cycle).
struct PrecycleInput {
  struct Value {
    std::optional<double> value;
    std::string pointer;
    std::optional<double> uln;
  };
  Value platelets, haemoglobin, neutrophils, bilirubin, albumin, creatinine, creatinine_baseline;
  std::optional<double> crcl, crcl_baseline;  ///< mL/min (Cockcroft-Gault, actual weight)
  std::string crcl_note;
  std::optional<bool> pregnant, breastfeeding;
};
PrecycleInput precycle_input(const model::Case& c, const kb::Ruleset& rs);

/// Cockcroft-Gault creatinine clearance (mL/min) with actual body weight; creatinine in µmol/L.
std::optional<double> cockcroft_gault(double creatinine_umol_l, double age_years, double weight_kg,
                                      model::Sex sex);

enum class RuleStatus { triggered, clear, unknown };
std::string_view to_string(RuleStatus s);

struct RuleResult {
  const PrecycleRule* rule = nullptr;
  RuleStatus status = RuleStatus::unknown;
  std::string finding;  ///< what was found, with values
  std::vector<std::string> pointers;
};

struct PrecycleReport {
  std::vector<RuleResult> results;
  PrecycleAction decision = PrecycleAction::proceed;  ///< from verified rules only
  std::vector<std::string> unverified_triggered;      ///< ids of unverified rules that triggered
  std::string summary;
  units::Gbq reduced_activity{3.7};  ///< label reduced activity (unverified in the USPI)
};

PrecycleReport check_precycle(const PrecycleInput& in);

}  // namespace rlt::dosimetry
