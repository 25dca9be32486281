// Reading and validating a case (rltguide-case/2, or rltguide-case/1 upgraded in memory). All
// problems are collected at once.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "base/diagnostics.hpp"
#include "base/json_doc.hpp"
#include "base/reader.hpp"
#include "model/case.hpp"

namespace rlt::model {

struct ParsedCase {
  Case value;
  Diagnostics diagnostics;  ///< empty when the case is valid
  JsonDoc doc;              ///< the parsed document (positions for later messages)
  [[nodiscard]] bool ok() const noexcept { return diagnostics.empty(); }
};

/// Parse and validate the text of a case document.
ParsedCase parse_case(std::string_view text, const JsonLimits& limits = {});

/// Read one CT/MRI study with its lesions (also used by the RECIST series format). Lesion ids
/// must be unique within the study; the study date is required. `format_version` 1 reads the
/// single "phase" (as phases = {phase}); 2 reads the list "phases" (rltguide-case/2).
ImagingStudy read_imaging_study(ObjectReader& r, int format_version = 1);
/// Read one lesion; `ids` collects the lesion ids of its study.
Lesion read_lesion(ObjectReader& r, std::set<std::string>& ids);

/// Read the cycle dosimetry block (also used by the dosimetry study format).
CycleDosimetry read_cycle_dosimetry(ObjectReader& r);

/// Accepted plausible range of each lab analyte in its canonical unit (for validation).
struct LabRange {
  double lo;
  double hi;
};
LabRange plausible_range(Analyte a);

}  // namespace rlt::model
