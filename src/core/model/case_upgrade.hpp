// Upgrading a case file to the current format (rltguide-case/1 → rltguide-case/2).
#pragma once

#include <string>
#include <string_view>

#include "base/diagnostics.hpp"
#include "base/json_doc.hpp"

namespace rlt::model {

struct UpgradedCase {
  std::string text;          ///< the rltguide-case/2 document (2-space indent, final newline)
  Diagnostics diagnostics;   ///< the input's problems; `text` is empty unless this is empty
  bool was_current = false;  ///< the input was already rltguide-case/2 (re-indented only)
  [[nodiscard]] bool ok() const noexcept { return diagnostics.empty(); }
};

/// Validate a case and write it as rltguide-case/2. The input must be a valid case (of either
/// version). The upgrade changes only what the format changed, keeping every other field, its
/// value and the order of the fields:
///   - "format" becomes "rltguide-case/2";
///   - imaging.studies[].phase becomes "phases": [phase] at the same place (null stays null).
/// Nothing v1 could not say is added: the new v2 fields stay absent, i.e. not known.
UpgradedCase upgrade_case(std::string_view text, const JsonLimits& limits = {});

}  // namespace rlt::model
