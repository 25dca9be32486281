// SVG chart of a study: measured points and the fitted (or integrated) curve of every organ.
// Self-contained SVG 1.1, no scripts, fixed size; the same output for the same input.
#pragma once

#include <string>

#include "dosimetry/organ_dose.hpp"

namespace rlt::dosimetry {

/// Activity (MBq, linear axis) against time after injection (h) for every organ of `r`.
std::string tac_chart_svg(const CycleResult& r, const std::string& title);

}  // namespace rlt::dosimetry
