// Krenning-type SSTR uptake score (0–4, read against normal liver and spleen; Kwekkeboom &
// Krenning, Semin Nucl Med 2002) and the SSTR-positivity rule the EU SmPC of Lutathera words as
// tumour uptake at least as high as normal liver: score ≥ 2 (ruleset sstr.krenning_positive).
// The score is read by a physician, never computed from SUVs here.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "kb/ruleset.hpp"
#include "model/case.hpp"

namespace rlt::calc::krenning {

/// The meaning of a score. Error "krenning_range" outside 0–4.
Result<std::string> describe(int score);

struct Positivity {
  bool positive = false;
  std::string rule;  ///< e.g. "≥ 2", from the ruleset unless a minimum was given
  std::vector<std::string> reasons;
};

/// Every lesion (or the reported patient-level score) must reach the minimum; the default is
/// sstr.krenning_positive, `minimum` overrides it (e.g. 3 where a centre asks for uptake above
/// liver on PET). Error "krenning_range" for a score outside 0–4 or an empty list.
Result<Positivity> sstr_positive(const kb::Ruleset& rs, std::span<const int> scores,
                                 std::optional<int> minimum = std::nullopt);

/// Uptake relative to liver: equal or above → positive.
Positivity sstr_positive(model::UptakeVsLiver uptake);

}  // namespace rlt::calc::krenning
