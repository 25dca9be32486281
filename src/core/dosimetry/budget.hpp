// Cumulative organ budgets and the retreatment activity planner (consensus Q10).
//
// Entry point for the decision engine:
//
//     dosimetry::BudgetPolicy policy = dosimetry::BudgetPolicy::from_ruleset(kb::builtin());
//     dosimetry::Budget b = dosimetry::plan_retreatment(the_case, policy);
//     if (b.status == dosimetry::BudgetStatus::insufficient_data) { ... b.missing ... }
//
// What it does, cycle by cycle over every RLT cycle of the case (model::Case::rlt_cycles):
//   1. Kidney and bone-marrow absorbed dose of the cycle: the dose the department reported
//      (absorbed_doses), else the dose computed from organ activity measurements (time-activity
//      fit, MIRD S-values scaled to the organ mass; see organ_dose.hpp), else — only when
//      policy.estimate_unmeasured_cycles is set and the patient has a Gy/GBq from another
//      Lu-177 cycle — an estimate from the patient's own Gy/GBq (flagged as an estimate).
//      Kidneys: the "kidneys" value if given, otherwise the higher (policy: or the mean) of
//      the left and right kidney.
//   2. Kidney BED of the cycle: BED = D·(1 + G·D/(α/β)) with G from the fitted kinetics, or from
//      the cycle's (or, flagged, another cycle's) effective half-life. Per-cycle BEDs add
//      (full repair between cycles).
//   3. Cumulative kidney dose (or BED, by policy) against its limit and cumulative marrow dose
//      against its limit; the patient's Gy/GBq per cycle, mean, last and highest.
//   4. The largest next activity keeping every assessed organ at or under its limit, capped at
//      policy.max_activity (7.4 GBq), from the Gy/GBq chosen by policy.planning_basis: for an
//      absorbed-dose limit A = R/d; for a BED limit the positive root of
//      (G/(α/β))·(dA)² + dA − R = 0. Also the remaining cumulative activity and the number of
//      cycles at the capped activity that remain.
//
// Missing data is never replaced by a default: when the kidney dose of any cycle, or the
// patient's kidney Gy/GBq, cannot be established, status is insufficient_data and `missing`
// names each missing input with its JSON pointer. Marrow is optional unless policy says
// otherwise: when no cycle has a marrow dose, the marrow is reported as not assessed (a warning)
// and does not constrain the activity.
//
// Every number the planner used is listed in `facts` with its JSON pointer, so a report can
// cite it. The API is stable: fields may be added, none will change meaning.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/units.hpp"
#include "dosimetry/quantities.hpp"
#include "dosimetry/radiobiology.hpp"
#include "kb/ruleset.hpp"
#include "model/case.hpp"

namespace rlt::dosimetry {

/// Which quantity the kidney limit applies to (a policy choice, shown in the report).
enum class KidneyLimit {
  absorbed_dose,  ///< cumulative kidney absorbed dose ≤ 23 Gy (Garske-Román 2018)
  bed  ///< cumulative kidney BED ≤ 28 Gy with risk factors / 40 Gy without (Bodei 2008)
};
/// Which of the patient's per-cycle Gy/GBq values projects the next cycle.
enum class PlanningBasis {
  highest,  ///< the highest per-cycle value (conservative; default)
  mean,     ///< the mean over cycles with a value
  last      ///< the most recent cycle with a value
};
/// How a left and a right kidney dose become one kidney dose.
enum class KidneyCombine { higher, mean };

std::string_view to_string(KidneyLimit v);
std::string_view to_string(PlanningBasis v);

struct BudgetPolicy {
  KidneyLimit kidney_limit = KidneyLimit::absorbed_dose;
  units::Gray kidney_dose_limit{23.0};     ///< ruleset q10.kidney_limit
  units::Bed kidney_bed_limit{40.0};       ///< ruleset q10.kidney_bed_limit (no risk factors)
  units::Bed kidney_bed_limit_risk{28.0};  ///< ruleset q10.kidney_bed_limit_risk
  /// Renal risk factors (hypertension, diabetes). Unset: taken from the case comorbidities when
  /// they name hypertension or diabetes; when the comorbidities are unknown the stricter limit
  /// is used and a warning says so.
  std::optional<bool> kidney_risk_factors;
  units::Gray marrow_limit{2.0};  ///< ruleset q10.marrow_limit
  bool marrow_required = false;   ///< true: no marrow dose → insufficient_data
  units::Gbq max_activity{7.4};   ///< per cycle; ruleset rlt.standard_activity
  PlanningBasis planning_basis = PlanningBasis::highest;
  KidneyCombine kidney_combine = KidneyCombine::higher;
  /// Estimate the dose of a Lu-177 cycle without dosimetry from the patient's own Gy/GBq of
  /// other cycles (flagged). When false, such a cycle makes the budget insufficient_data.
  bool estimate_unmeasured_cycles = true;
  Radiobiology kidney_radiobiology;     ///< α/β 2.6 Gy, T_rep 2.8 h (ruleset dosimetry.kidney_*)
  GyPerGbq kidney_plausible_low{0.2};   ///< ruleset dosimetry.kidney_gy_per_gbq_low
  GyPerGbq kidney_plausible_high{1.0};  ///< ruleset dosimetry.kidney_gy_per_gbq_high
  GyPerGbq marrow_plausible_low{0.01};  ///< dosimetry.md WE-8 (cohort gate)
  GyPerGbq marrow_plausible_high{0.1};

  /// The defaults above, read from the ruleset thresholds (q10.*, rlt.standard_activity,
  /// dosimetry.kidney_*). Throws std::logic_error if an id is absent (a programming error).
  static BudgetPolicy from_ruleset(const kb::Ruleset& rs);
};

enum class BudgetStatus {
  ok,                ///< budget left; next_activity > 0
  budget_exhausted,  ///< an organ is at or over its limit; next_activity is 0
  insufficient_data  ///< see `missing`; the numbers below are partial or absent
};
std::string_view to_string(BudgetStatus v);

/// Where a per-cycle dose came from.
enum class DoseOrigin { none, reported, computed, estimated };
std::string_view to_string(DoseOrigin v);

/// One number the planner used, with where it came from.
struct InputFact {
  std::string pointer;  ///< JSON pointer into the case
  std::string what;     ///< "cycle 2 kidney_left absorbed dose"
  std::string value;    ///< as used, with unit: "3.1 Gy"
};

/// One missing input that stops the planner.
struct MissingInput {
  std::string pointer;
  std::string what;
};

struct CycleRow {
  std::string id;
  std::string pointer;
  std::optional<Date> date;
  std::optional<units::Gbq> activity;
  std::optional<units::Gray> kidney_dose;
  DoseOrigin kidney_origin = DoseOrigin::none;
  std::optional<units::Hours> kidney_t_eff;  ///< used for the BED
  bool kidney_t_eff_borrowed = false;        ///< taken from another cycle
  std::optional<units::Bed> kidney_bed;
  std::optional<GyPerGbq> kidney_gy_per_gbq;
  std::optional<units::Gray> marrow_dose;
  DoseOrigin marrow_origin = DoseOrigin::none;
  std::optional<GyPerGbq> marrow_gy_per_gbq;
};

struct OrganBudget {
  std::string organ;      ///< "kidneys" or "bone_marrow"
  bool assessed = false;  ///< false: no dose in any cycle (marrow only; kidneys → insufficient)
  bool limit_is_bed = false;  ///< the limit, used and remaining are BED (Gy) rather than dose
  double limit_gy = 0;        ///< limit, in Gy of absorbed dose or of BED (limit_is_bed)
  double used_gy = 0;         ///< cumulative over all cycles, same quantity as the limit
  double remaining_gy = 0;    ///< max(0, limit − used)
  units::Gray cumulative_dose{0};
  std::optional<units::Bed> cumulative_bed;  ///< kidneys, when every cycle has a BED
  std::optional<GyPerGbq> gy_per_gbq_last, gy_per_gbq_mean, gy_per_gbq_highest;
  std::optional<GyPerGbq> gy_per_gbq_used;      ///< the value projected (policy.planning_basis)
  std::optional<units::Gbq> max_next_activity;  ///< uncapped, from this organ alone
  std::string limit_source;                     ///< ruleset id and citation of the limit
};

struct Budget {
  BudgetStatus status = BudgetStatus::insufficient_data;
  std::vector<MissingInput> missing;
  OrganBudget kidneys;
  OrganBudget marrow;
  units::Gray kidney_remaining_dose{0};     ///< convenience: remaining Gy (absorbed) or 0
  std::optional<units::Gbq> next_activity;  ///< largest next activity, capped; 0 when exhausted
  bool capped = false;                      ///< next_activity was limited by max_activity
  std::string limiting_organ;               ///< "kidneys", "bone_marrow" or "cap"
  std::optional<units::Gbq> remaining_cumulative_activity;  ///< until the first organ limit
  std::optional<double> cycles_remaining;    ///< in units of capped cycles (e.g. 8.17)
  std::optional<int> full_cycles_remaining;  ///< whole cycles at the capped activity
  std::vector<CycleRow> cycles;
  std::vector<std::string> warnings;
  std::vector<InputFact> facts;
  BudgetPolicy policy;  ///< as applied (risk factors resolved)
};

/// Plan the next RLT cycle from every cycle of the case. Never throws on bad input.
Budget plan_retreatment(const model::Case& c, const BudgetPolicy& policy);

/// The largest activity d·A-keeping a remaining budget R (Gy): A = R/d for an absorbed-dose
/// limit (g = 0), or the root of (g/ab)(dA)² + dA − R = 0 for BED with G-factor g.
/// Returns 0 when R ≤ 0. Requires d > 0.
units::Gbq activity_for_budget(double remaining_gy, GyPerGbq d, double g_factor,
                               double alpha_beta_gy);

}  // namespace rlt::dosimetry
