#include "calc/renal.hpp"

#include <algorithm>
#include <cmath>

#include "base/domain.hpp"

namespace rlt::calc::renal {

namespace {

std::optional<Error> check(units::Creatinine scr, double age) {
  if (!(age >= 18 && age <= 120))
    return Error{"renal_age", "these equations are for adults: age must be 18 to 120 years"};
  if (auto problem = domains::creatinine_umol.check(scr.value()))
    return Error{"renal_creatinine", *problem};
  return std::nullopt;
}

// The shared CKD-EPI shape: k · min(Scr/κ,1)^α · max(Scr/κ,1)^β · base^age.
double ckd_epi(double scr_mgdl, double kappa, double alpha, double beta, double k, double age_base,
               double age) {
  const double r = scr_mgdl / kappa;
  return k * std::pow(std::min(r, 1.0), alpha) * std::pow(std::max(r, 1.0), beta) *
         std::pow(age_base, age);
}

}  // namespace

Result<units::Egfr> ckd_epi_2021(units::Creatinine scr, double age, model::Sex sex) {
  if (auto e = check(scr, age)) return *e;
  const bool f = sex == model::Sex::female;
  const double scr_mgdl = scr.value() / kUmolPerMgdl;
  double v = ckd_epi(scr_mgdl, f ? 0.7 : 0.9, f ? -0.241 : -0.302, -1.200, 142.0, 0.9938, age);
  if (f) v *= 1.012;
  return units::Egfr(v);
}

Result<units::Egfr> ckd_epi_2009(units::Creatinine scr, double age, model::Sex sex, bool black) {
  if (auto e = check(scr, age)) return *e;
  const bool f = sex == model::Sex::female;
  const double scr_mgdl = scr.value() / kUmolPerMgdl;
  double v = ckd_epi(scr_mgdl, f ? 0.7 : 0.9, f ? -0.329 : -0.411, -1.209, 141.0, 0.993, age);
  if (f) v *= 1.018;
  if (black) v *= 1.159;
  return units::Egfr(v);
}

Result<units::Clearance> cockcroft_gault(units::Creatinine scr, double age, units::Kilogram weight,
                                         model::Sex sex) {
  if (auto e = check(scr, age)) return *e;
  if (!(weight.value() >= 20 && weight.value() <= 400))
    return Error{"renal_weight", "body weight must be 20 to 400 kg"};
  const double scr_mgdl = scr.value() / kUmolPerMgdl;
  double v = (140.0 - age) * weight.value() / (72.0 * scr_mgdl);
  if (sex == model::Sex::female) v *= 0.85;
  return units::Clearance(v);
}

}  // namespace rlt::calc::renal
