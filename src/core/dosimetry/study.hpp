// A standalone dosimetry study ("rltguide-dosimetry-study/1"): one administration and its
// measurements, read with ObjectReader (every problem with JSON pointer and line:column; unknown
// fields are errors), computed with organ_dose.hpp, and reported as text or JSON.
//
//   {
//     "format": "rltguide-dosimetry-study/1",
//     "study_id": "...", "description": "...", "source": "where the numbers come from",
//     "patient": {"sex": "male"},
//     "radiopharmaceutical": "lu177_dotatate",
//     "administered_activity": {"value": 7.4, "unit": "GBq"},
//     "method": {"fit": "auto", "tail": "last_two_points", "weighting": "none",
//                "s_values": "opendose_icrp110", "density": {"value": 1.0, "unit": "g/mL"}},
//     "radiobiology": {"kidney_alpha_beta": {"value": 2.6, "unit": "Gy"},
//                      "kidney_repair_half_time": {"value": 2.8, "unit": "h"}},
//     "prior_effective_half_lives": [{"organ": "kidney_left", "half_life": {"value": 49, "unit":
//     "h"}}], "dosimetry": { the per-cycle block of the case format (model::read_cycle_dosimetry) }
//   }
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/diagnostics.hpp"
#include "base/fact.hpp"
#include "base/json_doc.hpp"
#include "dosimetry/organ_dose.hpp"
#include "model/case.hpp"

namespace rlt::dosimetry {

inline constexpr std::string_view kStudyFormat = "rltguide-dosimetry-study/1";

struct Study {
  std::string format;
  Fact<std::string> study_id;
  Fact<std::string> description;
  Fact<std::string> source;
  Fact<model::Sex> sex;
  Fact<model::Radiopharmaceutical> radiopharmaceutical;
  Fact<units::Gbq> administered_activity;
  DoseOptions options;
  PriorKinetics prior;
  model::CycleDosimetry dosimetry;
};

struct ParsedStudy {
  Study value;
  Diagnostics diagnostics;
  JsonDoc doc;
  [[nodiscard]] bool ok() const noexcept { return diagnostics.empty(); }
};

ParsedStudy parse_study(std::string_view text, const JsonLimits& limits = {});

/// Compute every organ of the study.
CycleResult run_study(const Study& s);

}  // namespace rlt::dosimetry
