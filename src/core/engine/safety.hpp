// Label safety: rules of the Lutathera product labels (US Prescribing Information, EU SmPC),
// reported apart from the consensus and citing the label. Each rule states how far its wording
// was verified (docs/research/label-verification.md): "verified" (the words were seen in label
// text), "partial" (an older revision, a translation, or a national label), "unverified". A
// partial or unverified rule is shown as a check for the clinician; it never blocks.
#pragma once

#include <optional>
#include <vector>

#include "engine/decision.hpp"
#include "engine/policy.hpp"
#include "model/case.hpp"

namespace rlt::engine {

std::vector<SafetyItem> label_safety(const model::Case& c, std::optional<double> crcl_ml_min,
                                     const Policy& policy);

}  // namespace rlt::engine
