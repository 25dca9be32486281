// The standalone RECIST series document (rltguide-recist-series/1, see docs/calculators.md) and
// the JSON rendering of a RECIST evaluation. The studies use the same fields as the case
// format's imaging.studies, so a series can be cut out of a case unchanged.
#pragma once

#include <optional>
#include <string_view>

#include "base/diagnostics.hpp"
#include "base/json_doc.hpp"
#include "calc/recist.hpp"

namespace rlt::calc::recist {

inline constexpr std::string_view kSeriesFormat = "rltguide-recist-series/1";

struct ParsedSeries {
  Series series;
  std::optional<bool> confirmation_required;  ///< overrides of Params when given
  std::optional<int> confirmation_days;
  std::optional<int> sd_min_days;
  Diagnostics diagnostics;  ///< every problem, with pointer and line:column
  JsonDoc doc;
  [[nodiscard]] bool ok() const noexcept { return diagnostics.empty(); }
  /// Params from the ruleset with this document's overrides applied.
  [[nodiscard]] Params params(const kb::Ruleset& rs) const;
};

/// Parse a series document. Unknown fields, wrong types, out-of-range values and missing
/// required fields (format, studies, each study's date, each lesion's id) are all reported.
ParsedSeries read_series(std::string_view text, const JsonLimits& limits = {});

}  // namespace rlt::calc::recist
