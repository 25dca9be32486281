// Facts the engine derives from the case and shows in every report: WHO grade, line of
// therapy, progression on a somatostatin analogue, SSA dose intensity, months since the last RLT
// cycle, whether the case is "newly diagnosed" in the sense of NETTER-2. Each derived fact says
// which input facts it used (their JSON pointers) and is three-valued where inputs may be missing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/fact.hpp"
#include "kb/ruleset.hpp"
#include "model/case.hpp"
#include "model/grading.hpp"

namespace rlt::model {

enum class SsaIntensity { standard, high };
std::string_view to_string(SsaIntensity s);

/// Standard vs high dose of one SSA course. Standard: octreotide LAR 30 mg or lanreotide 120 mg
/// every 28 days; high: a higher dose or a shorter interval (NETTER-1 control arm, CLARINET
/// FORTE; thresholds ssa.*). Unknown when agent, dose or interval is missing.
std::optional<SsaIntensity> ssa_intensity(const Treatment& t, const kb::Ruleset& rs);

struct SsaProgression {
  Tri progressed = Tri::unknown;
  std::string treatment_id;  ///< the SSA course on which the patient progressed
  std::string pointer;       ///< its JSON pointer
  std::optional<Date> date;  ///< progression date, when given
  std::optional<SsaIntensity> intensity;
  std::string why;
};

struct Derived {
  GradeResult grade;
  /// Systemic lines already given (SSA, RLT, everolimus, sunitinib, chemotherapy, other
  /// systemic); unknown when no treatment history is given.
  std::optional<int> lines_before;
  SsaProgression ssa;
  Tri on_ssa_now = Tri::unknown;
  std::optional<double> months_since_last_rlt;
  std::optional<Date> last_rlt_date;
  Tri prior_rlt = Tri::unknown;
  Tri newly_diagnosed = Tri::unknown;  ///< diagnosis within the NETTER-2 window
  std::optional<double> months_since_diagnosis;
  std::optional<double> age_years;  ///< given, or from birth date at the assessment date
  std::string age_pointer;
};

Derived derive(const Case& c, const kb::Ruleset& rs);

}  // namespace rlt::model
