// Biologically effective dose (BED) for a protracted, decaying dose rate (linear-quadratic model
// with mono-exponential repair; Dale 1985, Barone et al. J Nucl Med 2005;46:99S, as used by
// PyTheranostics calculate_bed). The kidney parameters are α/β = 2.6 Gy and T_rep = 2.8 h by
// default (ruleset dosimetry.kidney_alpha_beta, dosimetry.kidney_repair_half_time).
#pragma once

#include <span>

#include "base/units.hpp"
#include "dosimetry/quantities.hpp"

namespace rlt::dosimetry {

struct Radiobiology {
  units::Gray alpha_beta{2.6};
  units::Hours repair_half_time{2.8};
};

/// One exponential term c·e^{−k t} of a dose-rate (or activity) curve.
struct ExpTerm {
  double coefficient;  ///< any positive scale; only ratios matter
  double rate;         ///< k, per hour, > 0
};

/// The Lea-Catcheside factor G of a dose-rate curve that is a sum of exponentials
/// R(t) = Σ c_i e^{−k_i t}:  G = (2/D²) Σ_i Σ_j c_i c_j / ((k_i + k_j)(k_i + μ)), with
/// D = Σ c_i/k_i and μ = ln2/T_rep. Mono-exponential: G = T_rep/(T_rep + T_eff).
/// Returns 0 for an empty or non-integrable curve (any k ≤ 0 or D ≤ 0).
double g_factor(std::span<const ExpTerm> terms, units::Hours repair_half_time);
/// G for mono-exponential clearance with effective half-life t_eff.
double g_factor_mono(units::Hours t_eff, units::Hours repair_half_time);

/// BED = D·(1 + G·D/(α/β)).
units::Bed bed(units::Gray d, double g, units::Gray alpha_beta);

}  // namespace rlt::dosimetry
