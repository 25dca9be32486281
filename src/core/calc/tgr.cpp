#include "calc/tgr.hpp"

#include <cmath>

#include "calc/common.hpp"
#include "kb/ruleset.hpp"

namespace rlt::calc::tgr {

double months_between(Date from, Date to) {
  return static_cast<double>(to.days_since(from)) * 12.0 / 365.25;
}

Result<Output> compute(units::Millimetre d0, units::Millimetre dt, double months) {
  if (!(d0.value() > 0) || !std::isfinite(d0.value()))
    return Error{
        "tgr_d0_zero",
        "the first sum of diameters must be greater than 0 mm (the logarithm is undefined)"};
  if (!(dt.value() >= 0) || !std::isfinite(dt.value()))
    return Error{"tgr_negative", "the second sum of diameters must be 0 mm or more"};
  if (!(months > 0) || !std::isfinite(months))
    return Error{
        "tgr_interval",
        "the interval must be greater than 0 months (the second measurement after the first)"};
  Output o;
  o.months = months;
  if (dt.value() == 0) {
    o.tgr = -100.0;
    o.limit = true;
    o.note =
        "the second sum is 0 mm (complete response): TGR is reported as its limit, -100 %/month";
    return o;
  }
  o.tgr = 100.0 * std::expm1(3.0 * std::log(dt.value() / d0.value()) / months);
  // A very short interval or a huge ratio overflows the exponential: no finite rate to report.
  if (!std::isfinite(o.tgr))
    return Error{"tgr_overflow",
                 "the growth rate is not a finite number for these sums and this interval (the "
                 "interval is too short for the change); give a longer interval"};
  return o;
}

Result<Output> compute(units::Millimetre d0, Date t0, units::Millimetre dt, Date t1) {
  return compute(d0, dt, months_between(t0, t1));
}

std::vector<Classification> classify(double value, const kb::Ruleset& rs) {
  std::vector<Classification> out;
  for (const auto& [id, t] : rs.thresholds) {
    if (id.rfind("tgr.", 0) != 0) continue;
    out.push_back({id, t.describe(), holds_tolerant(t, value), t.source, t.note});
  }
  return out;
}

}  // namespace rlt::calc::tgr
