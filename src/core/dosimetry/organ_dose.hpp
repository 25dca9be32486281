// From the measurements of one RLT cycle to organ absorbed doses: choose and fit the
// time-activity curve (or integrate by trapezoid, or use a single-time-point method), apply the
// mass-scaled S-value, cross-check with local energy deposition, kidney BED, Gy/GBq, and the
// blood-based red-marrow dose.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/result.hpp"
#include "base/units.hpp"
#include "dosimetry/quantities.hpp"
#include "dosimetry/radiobiology.hpp"
#include "dosimetry/svalues.hpp"
#include "dosimetry/tac.hpp"
#include "model/case.hpp"

namespace rlt::dosimetry {

enum class Method {
  automatic,  ///< ≥3 points: fit with model choice (trapezoid if none fits); 2: mono-exp
              ///< through both; 1: Madsen with a prior T_eff, else Hänscheid
  mono_exp,
  uptake_washout,
  bi_exp,
  tri_exp_uptake,
  trapezoid,
  hanscheid,
  madsen
};
std::string_view to_string(Method m);
std::optional<Method> method_from(std::string_view name);

struct DoseOptions {
  Method method = Method::automatic;
  TailRule trapezoid_tail = TailRule::last_two_points;
  Weighting weighting = Weighting::none;
  SValueSet svalues = SValueSet::opendose_icrp110;
  /// Organ density to turn a volume into a mass. 1.0 g/mL (as in the WE-1 organ-level check);
  /// kidney tissue is ≈1.05 g/mL, so 1.0 slightly overestimates the dose (conservative).
  double density_g_per_ml = 1.0;
  Radiobiology kidney;
};

/// Effective half-lives known from earlier cycles (for Madsen and the Hänscheid range check).
using PriorKinetics = std::map<model::Organ, units::Hours>;

struct OrganResult {
  model::Organ organ = model::Organ::kidneys;
  std::string pointer;
  std::string method;  ///< how Ã was obtained, for the report
  std::optional<TacFit> fit;
  std::vector<TacFit> candidates;  ///< other models fitted during the choice
  std::string selection;           ///< why this model
  std::optional<TrapezoidResult> trapezoid;
  std::optional<StpResult> stp;
  units::MbqHours tia{0};
  std::optional<double> tia_sd;  ///< MBq·h
  units::Gram mass{0};
  std::string mass_origin;  ///< "measured", "volume × 1 g/mL", "phantom reference"
  std::optional<SValueEntry> svalue;
  SValue s_scaled{0};
  units::Gray dose{0};  ///< MIRD with the scaled S (LED for tumour)
  std::optional<units::Gray> dose_sd;
  units::Gray dose_led{0};  ///< local energy deposition cross-check
  std::optional<units::Hours> t_eff;
  std::optional<double> g_factor;  ///< kidneys only
  std::optional<units::Bed> bed;   ///< kidneys only
  std::optional<GyPerGbq> gy_per_gbq;
  std::vector<std::string> warnings;
};

struct MarrowResult {
  std::string pointer;
  std::optional<TacFit> fit;    ///< of blood activity concentration (MBq/mL)
  double blood_tia_per_ml = 0;  ///< MBq·h/mL
  double rmblr = 1.0;           ///< red-marrow-to-blood ratio, 0.19/(1 − HCT)
  units::Gram marrow_mass{0};
  units::MbqHours tia{0};
  SValueEntry svalue{};
  units::Gray dose{0};  ///< self-dose only
  std::optional<GyPerGbq> gy_per_gbq;
  std::vector<std::string> warnings;
};

struct OrganError {
  std::string pointer;
  std::optional<model::Organ> organ;
  Error error;
};

struct CycleResult {
  std::vector<OrganResult> organs;
  std::optional<MarrowResult> marrow;
  std::vector<OrganError> errors;
  std::vector<std::string> warnings;
};

/// Reference red-marrow mass: 1170 g (male) / 900 g (female), ICRP-89 (PyTheranostics
/// human_phantom_masses.csv).
units::Gram reference_marrow_mass(model::Sex sex);
/// The blood-to-marrow scaling RMBLR·m_RM in grams (WE-5): RMBLR = 0.19/(1 − HCT), or 1 when the
/// haematocrit is unknown (as PyTheranostics); mass defaults to the reference of `sex`.
double marrow_blood_factor(model::Sex sex, std::optional<units::Gram> mass,
                           std::optional<double> haematocrit);

/// Dose for one organ from its measurements.
Result<OrganResult> organ_dose(const model::OrganMeasurement& m,
                               std::optional<units::Gbq> administered,
                               std::optional<model::Sex> sex, const DoseOptions& o,
                               const PriorKinetics& prior);

/// Red-marrow self-dose from blood samples (EANM blood method, Hindorf 2010). Cross-dose from the
/// remainder of the body and organs is not included, so the dose is a lower bound (warned).
Result<MarrowResult> marrow_dose_from_blood(const model::CycleDosimetry& d,
                                            std::optional<units::Gbq> administered,
                                            std::optional<model::Sex> sex, const DoseOptions& o);

/// Every organ measurement of a cycle, and the marrow when blood samples are given.
CycleResult compute_cycle(const model::CycleDosimetry& d, std::optional<units::Gbq> administered,
                          std::optional<model::Sex> sex, const DoseOptions& o,
                          const PriorKinetics& prior);

}  // namespace rlt::dosimetry
