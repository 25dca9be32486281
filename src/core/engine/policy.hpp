// Policy: the local and regulatory settings a report depends on. It is configuration, not case
// data, and every report prints it. Each setting carries where its value comes from: a source,
// or "local choice".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"
#include "base/json_doc.hpp"
#include "base/result.hpp"

namespace rlt::engine {

inline constexpr std::string_view kPolicyFormat = "rltguide-policy/1";

enum class KidneyLimitKind { absorbed_dose, bed };

struct Policy {
  std::string jurisdiction = "unspecified";
  /// First-line RLT for the NETTER-2 population (newly diagnosed G2–G3, Ki-67 10–55 %)
  /// approved where the user works. Default false: the state the consensus describes (2024).
  bool first_line_approved = false;
  /// RLT retreatment approved. Default false, so retreatment carries an off-label caution.
  bool retreatment_approved = false;
  KidneyLimitKind kidney_limit_kind = KidneyLimitKind::absorbed_dose;
  double kidney_limit_gy = 23.0;  ///< consensus Q10, Garske-Román 2018 (ref 92)
  double marrow_limit_gy = 2.0;  ///< commonly used bone-marrow limit (see ruleset q10.marrow_limit)
  int imaging_max_age_days = 90;  ///< how recent CT/MRI must be to count as current (local choice)
  int sstr_pet_max_age_days = 180;  ///< how recent the SSTR PET must be (local choice)
  int fdg_pet_max_age_days =
      180;                     ///< how recent an FDG PET must be to count as done (local choice)
  int labs_max_age_days = 30;  ///< how recent labs must be (local choice)
  int biopsy_max_age_months = 24;  ///< histology older than this counts as "old" (local choice)

  /// One line per setting, "name = value (source)", for every report.
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> describe() const;
  [[nodiscard]] Json to_json() const;
};

/// Read a policy file (rltguide-policy/1): every field optional, unknown fields are errors.
Result<Policy> read_policy(std::string_view text, Diagnostics& diags);

}  // namespace rlt::engine
