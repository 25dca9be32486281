// Policy: the local and regulatory settings a decision depends on. It is configuration, not case
// data, and every report prints it. The organ limits have one home, the ruleset (q10.kidney_limit,
// q10.marrow_limit); a policy may override them, and the report then says so.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.hpp"
#include "base/result.hpp"

namespace rlt::engine {

inline constexpr std::string_view kPolicyFormat = "rltguide-policy/2";
inline constexpr std::string_view kPolicyFormatV1 = "rltguide-policy/1";

enum class KidneyLimitKind { absorbed_dose, bed };
/// Whose regulatory statements apply: the EU SmPC and the US label differ. Unspecified: a report
/// states both.
enum class Jurisdiction { unspecified, eu, us, other };
std::string_view to_string(Jurisdiction j);
std::string_view to_string(KidneyLimitKind k);

struct Policy {
  Jurisdiction jurisdiction = Jurisdiction::unspecified;
  /// First-line RLT for the NETTER-2 population (newly diagnosed G2–G3, Ki-67 10–55 %)
  /// approved where the user works. Default false: the state the consensus describes (2024).
  bool first_line_approved = false;
  /// RLT retreatment approved. Default false, so retreatment carries an off-label caution.
  bool retreatment_approved = false;
  KidneyLimitKind kidney_limit_kind = KidneyLimitKind::absorbed_dose;
  /// Overrides of the ruleset's organ limits (q10.kidney_limit, q10.marrow_limit), in Gy.
  std::optional<double> kidney_limit_gy;
  std::optional<double> marrow_limit_gy;
  int imaging_max_age_days = 90;  ///< how recent CT/MRI must be to count as current (local choice)
  int sstr_pet_max_age_days = 180;  ///< how recent the SSTR PET must be (local choice)
  int fdg_pet_max_age_days =
      180;                     ///< how recent an FDG PET must be to count as done (local choice)
  int labs_max_age_days = 30;  ///< how recent labs must be (local choice)
  int biopsy_max_age_months = 24;  ///< histology older than this counts as "old" (local choice)
};

/// Read a policy file (rltguide-policy/2, or /1 whose free-text jurisdiction is read as "other"
/// unless it is EU or US): every field optional, unknown fields are errors.
Result<Policy> read_policy(std::string_view text, Diagnostics& diags);

}  // namespace rlt::engine
