// Time-activity curves (TAC): fitting sums of exponentials, model choice, trapezoid integration
// with an explicit tail rule, and single-time-point (STP) estimates of the time-integrated
// activity (TIA, Ã).
//
// Values are organ activities in MBq (or blood activity concentrations in MBq/mL: the functions
// only need positive numbers); times are hours after the injection. A TIA is in the value unit
// times hours (MBq·h or MBq·h/mL).
//
// Models (all rates are effective: biological clearance plus physical decay):
//   mono_exp        A(t) = A0·e^{−λ t}                           Ã = A0/λ
//   uptake_washout  A(t) = A·(e^{−λw t} − e^{−λu t}), λu > λw    Ã = A·(1/λw − 1/λu)
//   bi_exp          A(t) = A1·e^{−λ1 t} + A2·e^{−λ2 t}           Ã = A1/λ1 + A2/λ2
//   tri_exp_uptake  A(t) = A·e^{−λ1 t} + C·e^{−λ2 t} − (A+C)·e^{−λ3 t}
//                                                     Ã = A/λ1 + C/λ2 − (A+C)/λ3
// Fits are least squares solved with Eigen's Levenberg-Marquardt (MINPACK lmder port), rates
// parametrised as λ = e^θ so they stay positive; the covariance is σ²(JᵀJ)⁻¹ with
// σ² = RSS/(n − p), carried to λ and to Ã by the delta method.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "base/units.hpp"
#include "dosimetry/quantities.hpp"
#include "dosimetry/radiobiology.hpp"

namespace rlt::dosimetry {

enum class TacModel { mono_exp, uptake_washout, bi_exp, tri_exp_uptake };
std::string_view to_string(TacModel m);
std::optional<TacModel> tac_model_from(std::string_view name);
/// Number of free parameters (2, 3, 4, 5).
int parameter_count(TacModel m);
/// Names of the parameters in the order of TacFit::parameters ("A0", "lambda", ...).
std::vector<std::string> parameter_names(TacModel m);

struct TacPoint {
  double time_h = 0;  ///< hours after injection, ≥ 0
  double value = 0;   ///< MBq (or MBq/mL), > 0
};

enum class Weighting {
  none,      ///< ordinary least squares (as PyTheranostics by default)
  relative,  ///< σ_i ∝ value_i
  poisson    ///< σ_i ∝ √value_i
};

struct FitOptions {
  Weighting weighting = Weighting::none;
  int max_evaluations = 4000;
  /// Reject a fit whose slowest rate is below the Lu-177 physical decay constant (clearance
  /// slower than decay is impossible).
  bool require_physical_clearance = true;
};

struct TacFit {
  TacModel model = TacModel::mono_exp;
  std::vector<double> parameters;       ///< amplitudes in the value unit, rates in 1/h
  std::vector<double> standard_errors;  ///< same order; empty when n = p (no residual freedom)
  std::vector<double> residuals;        ///< measured − fitted, per point, in the value unit
  std::vector<TacPoint> points;         ///< the data, sorted by time
  int n = 0;                            ///< number of points
  double rss = 0;                       ///< weighted residual sum of squares (the objective)
  double r_squared = 0;                 ///< 1 − Σres²/Σ(y−ȳ)², unweighted
  double aic = 0;                       ///< n·ln(RSS/n) + 2p
  std::optional<double> aicc;           ///< AIC + 2p(p+1)/(n−p−1), when n − p − 1 > 0
  int evaluations = 0;
  std::string solver_status;
  double tia = 0;                ///< analytic integral 0..∞
  std::optional<double> tia_sd;  ///< standard error of Ã (delta method)
  units::Hours t_eff{0};         ///< ln2 / slowest rate (terminal effective half-life)

  /// The fitted curve at t hours.
  [[nodiscard]] double value(double t_h) const;
  /// The curve as exponential terms (for the BED G-factor).
  [[nodiscard]] std::vector<ExpTerm> terms() const;
};

/// Check points for fitting or integration: finite, time ≥ 0, value > 0, distinct times,
/// at least `min_points`. Error codes: too_few_points, not_finite, negative_time,
/// non_positive_value, duplicate_time.
Result<std::vector<TacPoint>> checked_points(std::span<const TacPoint> points, int min_points);

/// Fit one model. Errors: as checked_points (n ≥ p), fit_not_converged, fit_degenerate (the data
/// cannot determine every parameter), fit_unphysical (negative amplitude, uptake faster than
/// washout violated, clearance slower than physical decay).
Result<TacFit> fit_tac(std::span<const TacPoint> points, TacModel model, const FitOptions& o = {});

struct ModelChoice {
  TacFit best;
  std::vector<TacFit> candidates;  ///< every model that fitted, in the order tried
  std::vector<Error> rejected;     ///< models that could not be fitted, with why
  std::string criterion;           ///< "AICc" or "AIC"
  std::string reason;              ///< why the best was chosen
};

/// Fit each candidate with fewer parameters than points and choose by AICc (AIC when AICc is
/// undefined for a candidate); a model with fewer parameters within 2 units of the minimum is
/// preferred. Error when no candidate fits.
Result<ModelChoice> fit_best(std::span<const TacPoint> points, std::span<const TacModel> candidates,
                             const FitOptions& o = {});
/// The default candidates: mono_exp, uptake_washout, bi_exp, tri_exp_uptake.
std::span<const TacModel> default_candidates();

enum class TailRule {
  physical_decay,   ///< A_last/λ_phys (an upper bound)
  last_two_points,  ///< A_last/λ with λ from the last two points (at least λ_phys)
  given_rate        ///< A_last/λ with λ supplied (e.g. from a fit)
};
std::string_view to_string(TailRule r);

struct TrapezoidResult {
  double area_measured = 0;  ///< from t = 0 (activity 0) to the last point
  double tail = 0;           ///< from the last point to ∞
  double tia = 0;
  TailRule tail_rule = TailRule::physical_decay;
  double tail_rate = 0;  ///< λ used for the tail, 1/h
  std::vector<std::string> warnings;
};

/// Trapezoid rule from (0, 0) through the points, plus the tail. At least 1 point (2 for
/// last_two_points). A last-two-points rate below λ_phys (or rising activity) is replaced by
/// λ_phys with a warning.
Result<TrapezoidResult> integrate_trapezoid(std::span<const TacPoint> points, TailRule tail,
                                            std::optional<PerHour> given_rate = std::nullopt);

struct StpResult {
  std::string method;  ///< "Hänscheid 2018" or "Madsen 2018"
  double tia = 0;
  std::optional<double> x;  ///< t/T_eff when T_eff is known
  bool in_accurate_range = false;
  std::string accurate_range;  ///< the range, for the report
  std::vector<std::string> warnings;
};

/// Hänscheid 2018: Ã ≈ A(t)·2t/ln2. Ratio to the true TIA for mono-exponential clearance is
/// 2x·2^{−x} with x = t/T_eff; within −10 %/+6.2 % for 0.77 ≤ x ≤ 2.43. `t_eff` (e.g. from an
/// earlier cycle) is only used to check that range; without it a warning says it is unchecked.
Result<StpResult> stp_hanscheid(TacPoint p, std::optional<units::Hours> t_eff);
/// Madsen 2018: Ã = A(t)·e^{λt}/λ, λ = ln2/T_eff (from an earlier cycle or a population).
/// Its first-order sensitivity to an error in T_eff is |1 − x·ln2|; the accurate range is taken
/// as sensitivity ≤ 0.5, i.e. 0.72 ≤ x ≤ 2.16 (a 20 % error in T_eff moves Ã by ≤ 10 %).
Result<StpResult> stp_madsen(TacPoint p, units::Hours t_eff);
/// 2x·2^{−x}: Hänscheid estimate over the true TIA for mono-exponential clearance.
double hanscheid_ratio(double x);

}  // namespace rlt::dosimetry
