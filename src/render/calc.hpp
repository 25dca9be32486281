// Renderings of calculator and dosimetry results: JSON for machines, SVG charts for people.
// The core computes; these functions only present (src/README.md).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "calc/recist_series.hpp"
#include "dosimetry/budget.hpp"
#include "dosimetry/organ_dose.hpp"
#include "dosimetry/precycle.hpp"
#include "dosimetry/study.hpp"

namespace rlt::calc::recist {
/// The evaluation as JSON: per-timepoint table, lesions, best overall response with reasons.
nlohmann::json to_json(const SeriesResult& r);
/// An SVG line chart of the sum of diameters over time (days from the reference date), each
/// point labelled with its overall response; the baseline and the PR line are drawn dashed.
std::string to_svg(const SeriesResult& r);
}  // namespace rlt::calc::recist

namespace rlt::dosimetry {
nlohmann::json to_json(const Budget& b);
nlohmann::json to_json(const TacFit& f);
nlohmann::json to_json(const OrganResult& r);
nlohmann::json to_json(const MarrowResult& r);
nlohmann::json to_json(const CycleResult& r);
nlohmann::json to_json(const PrecycleReport& r);
/// Activity (MBq, linear axis) against time after injection (h) for every organ of `r`.
/// Self-contained SVG 1.1, no scripts, fixed size; the same output for the same input.
std::string tac_chart_svg(const CycleResult& r, const std::string& title);
/// A study's inputs and results, as JSON and as text for a physicist.
nlohmann::json study_json(const Study& s, const CycleResult& r);
std::string study_text(const Study& s, const CycleResult& r);
}  // namespace rlt::dosimetry
