// RECIST 1.1 (Eisenhauer et al., Eur J Cancer 2009;45:228, ref 63 of the consensus): baseline
// measurability and target selection, sums of diameters in integer tenths of a millimetre,
// target / non-target / new-lesion response per timepoint, the overall timepoint response of
// Tables 1 and 2, and the best overall response with or without confirmation (Table 3).
//
// Input is a series of imaging studies (the same ImagingStudy objects as the case format, see
// series_from_case and read_series). Every cut-off comes from the ruleset (recist.*).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "calc/common.hpp"
#include "kb/ruleset.hpp"
#include "model/case.hpp"

namespace rlt::calc::recist {

inline constexpr std::string_view kVersion = "RECIST 1.1";

// ---- baseline ------------------------------------------------------------------------------

enum class Measurability {
  measurable,         ///< may be a target lesion
  non_measurable,     ///< present but too small (or too-small state): non-target
  pathological_node,  ///< node with short axis 10 to < 15 mm: non-target
  normal_node,        ///< node with short axis < 10 mm: not recorded as disease
  unknown,            ///< the measurement needed to decide is missing
};
std::string_view to_string(Measurability m);

struct MeasurabilityResult {
  Measurability kind = Measurability::unknown;
  std::string reason;
};

/// Measurability of one lesion at baseline: non-nodal long axis ≥ max(10 mm, 2 × slice thickness)
/// on CT/MRI, ≥ 20 mm on chest X-ray; nodes by short axis (≥ 15 target, 10 to < 15 pathological,
/// < 10 normal).
MeasurabilityResult measurability(const model::Lesion& lesion,
                                  std::optional<model::Modality> modality, const kb::Ruleset& rs,
                                  std::optional<units::Millimetre> slice_thickness);

struct BaselineLesion {
  std::string id;
  std::string organ;  ///< "lymph node" for every node (all nodes count as one organ)
  bool nodal = false;
  bool target = false;
  Tenths length;  ///< long axis (short axis for nodes) at baseline; 0 when not measured
  Measurability measurability = Measurability::unknown;
};

// ---- per timepoint -------------------------------------------------------------------------

enum class TargetResponse { cr, pr, sd, pd, ne, none };            ///< none: no target lesions
enum class NonTargetResponse { cr, non_cr_non_pd, pd, ne, none };  ///< none: no non-targets
enum class Overall { cr, pr, sd, non_cr_non_pd, pd, ne };
std::string_view to_string(TargetResponse r);
std::string_view to_string(NonTargetResponse r);
std::string_view to_string(Overall r);

/// Table 1 (target disease at baseline) and Table 2 (non-target disease only). `new_lesions`:
/// true = unequivocal new lesion; nullopt = not reported (gives NE unless PD is already shown).
Overall overall_response(TargetResponse target, NonTargetResponse non_target,
                         std::optional<bool> new_lesions);

struct Timepoint {
  std::string study_id;
  Date date;
  long day = 0;  ///< days since the reference date (treatment start)
  bool baseline = false;
  std::optional<Tenths> sum;    ///< sum of diameters; nullopt when a target was not assessed
  Tenths assessed_sum;          ///< sum over the targets that were assessed
  std::optional<Tenths> nadir;  ///< smallest earlier complete sum (incl. baseline)
  std::optional<double> change_from_baseline;  ///< percent
  std::optional<double> change_from_nadir;     ///< percent; nullopt when the nadir is 0
  TargetResponse target = TargetResponse::none;
  NonTargetResponse non_target = NonTargetResponse::none;
  std::optional<model::NewLesions> new_lesions;
  Overall overall = Overall::ne;
  std::vector<std::string> reasons;
};

// ---- best overall response -----------------------------------------------------------------

struct Params {
  /// A CR or PR must be confirmed by a later assessment at least this many days after it
  /// (RECIST 1.1 section 4.6: "no less than 4 weeks"). Ruleset: recist.confirmation_min_days.
  int confirmation_days = 28;
  /// SD (and non-CR/non-PD) counts only when met at least this many days after the reference
  /// date (protocol-defined, "in general not less than 6–8 weeks"). Ruleset: recist.sd_min_days.
  int sd_min_days = 42;
  /// Whether CR/PR need confirmation (single-arm trials with response as primary endpoint).
  bool confirmation_required = true;
  /// NE assessments tolerated between a response and its confirmation.
  int max_ne_between = 1;

  /// The ruleset whose RECIST thresholds (recist.*) the evaluation uses; set by from_ruleset.
  const kb::Ruleset* rs = nullptr;

  /// The defaults as stored in the ruleset `rs` (which must outlive the Params).
  static Params from_ruleset(const kb::Ruleset& rs);
};

struct Call {  ///< one timepoint's overall response, for the best-response logic
  long day = 0;
  Overall response = Overall::ne;
};

struct BestResponse {
  Overall response = Overall::ne;
  bool confirmation_required = true;
  std::optional<long> response_day;  ///< day of the timepoint that gives the response
  std::vector<std::string> reasons;
};

/// Best overall response of timepoint calls (excluding baseline), in day order. With
/// confirmation (Table 3): CR needs a later CR ≥ confirmation_days after it, PR a later PR or CR;
/// intervening assessments must be no worse (at most max_ne_between NE). An unconfirmed CR/PR,
/// an SD or non-CR/non-PD counts as SD (non-CR/non-PD) when its day ≥ sd_min_days; otherwise the
/// best is PD if any, else NE. Without confirmation the best call is taken, SD again subject to
/// the minimum duration.
BestResponse best_overall_response(std::span<const Call> calls, const Params& params);

// ---- series --------------------------------------------------------------------------------

struct Series {
  std::vector<model::ImagingStudy> studies;
  std::optional<Date> reference_date;  ///< start of treatment; default: the baseline date
  std::string pointer;                 ///< where the studies are in the input ("/studies")
};

struct SeriesResult {
  std::string version{kVersion};
  Params params;
  std::optional<Date> reference_date;
  std::vector<BaselineLesion> lesions;  ///< targets first, then non-targets
  bool targets_selected_automatically = false;
  std::vector<Timepoint> timepoints;  ///< baseline first
  BestResponse best;                  ///< according to params.confirmation_required
  BestResponse best_unconfirmed;
  BestResponse best_confirmed;
  std::vector<std::string> warnings;  ///< choices that do not follow RECIST or need review
};

/// Evaluate a series. Errors: "recist_no_baseline", "recist_no_disease", "recist_dates" (a
/// study without a date or two studies on the same day), "recist_baseline_ambiguous".
Result<SeriesResult> evaluate(const Series& series, const Params& params);

/// The RECIST series of a parsed case: its CT/MRI/chest X-ray studies, in date order.
Series series_from_case(const model::Case& c);

}  // namespace rlt::calc::recist
