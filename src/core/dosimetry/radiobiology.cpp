#include "dosimetry/radiobiology.hpp"

#include <cmath>
#include <numbers>

namespace rlt::dosimetry {

double g_factor(std::span<const ExpTerm> terms, units::Hours repair_half_time) {
  if (terms.empty() || !(repair_half_time.value() > 0)) return 0.0;
  const double mu = std::numbers::ln2 / repair_half_time.value();
  double d = 0;
  for (const auto& t : terms) {
    if (!(t.rate > 0) || !std::isfinite(t.coefficient)) return 0.0;
    d += t.coefficient / t.rate;
  }
  if (!(d > 0)) return 0.0;
  double s = 0;
  for (const auto& a : terms)
    for (const auto& b : terms)
      s += a.coefficient * b.coefficient / ((a.rate + b.rate) * (a.rate + mu));
  return 2.0 * s / (d * d);
}

double g_factor_mono(units::Hours t_eff, units::Hours repair_half_time) {
  if (!(t_eff.value() > 0) || !(repair_half_time.value() > 0)) return 0.0;
  return repair_half_time.value() / (repair_half_time.value() + t_eff.value());
}

units::Bed bed(units::Gray d, double g, units::Gray alpha_beta) {
  return units::Bed(d.value() * (1.0 + g * d.value() / alpha_beta.value()));
}

}  // namespace rlt::dosimetry
