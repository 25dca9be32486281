// WHO 2022 grading of gastro-entero-pancreatic neuroendocrine neoplasms (Rindi et al., Endocr
// Pathol 2022, consensus ref 2): NET G1 Ki-67 < 3 % and mitoses < 2/2 mm²; G2 Ki-67 3–20 % or
// mitoses 2–20; G3 Ki-67 > 20 % or mitoses > 20. The higher grade wins when the two indices
// disagree. Poorly differentiated neoplasms are NEC (high grade by definition, not graded).
// The cut-offs are read from the ruleset (thresholds who2022.*).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kb/ruleset.hpp"
#include "model/case.hpp"

namespace rlt::model {

struct GradeInput {
  std::optional<double> ki67;     ///< percent, unrounded
  std::optional<double> mitoses;  ///< per 2 mm²
  std::optional<Differentiation> differentiation;
  std::optional<Histology> histology;
  std::optional<Grade> reported;
};

enum class GradeCategory {
  net_g1,
  net_g2,
  net_g3,
  nec,                                  ///< poorly differentiated or histology NEC
  minen,                                ///< mixed neoplasm: each component needs its own grade
  high_grade_differentiation_required,  ///< > 20 % but differentiation unknown: NET G3 or NEC
  unknown
};

struct GradeResult {
  std::optional<Grade> grade;  ///< G1/G2/G3 (NEC: G3 by definition)
  GradeCategory category = GradeCategory::unknown;
  std::optional<Grade> by_ki67;
  std::optional<Grade> by_mitoses;
  bool partial = false;  ///< only one of the two indices was available
  bool discordant_with_reported = false;
  std::vector<std::string> reasons;  ///< why, in words
};

GradeResult grade_who2022(const GradeInput& in, const kb::Ruleset& rs);
std::string_view to_string(GradeCategory c);
/// "G1", "G2", "G3" or "unknown" — the verdict codes of the contract.
std::string_view grade_code(const std::optional<Grade>& g);

}  // namespace rlt::model
