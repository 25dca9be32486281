// Tumour growth rate (Gomez-Roca et al., Eur J Cancer 2011; Ferté et al., 2014):
//   TGR = 100 · (exp(3 · ln(D_t / D_0) / t) − 1)  in % of tumour volume per month,
// with D the RECIST sum of diameters and t in months = days · 12 / 365.25. Cut-offs (GREPONET,
// Dromain) are ruleset thresholds with their own comparator (≥ or >).
#pragma once

#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "base/units.hpp"
#include "kb/ruleset.hpp"

namespace rlt::calc::tgr {

struct Output {
  double tgr = 0;      ///< %/month
  double months = 0;   ///< the interval used
  bool limit = false;  ///< D_t = 0: the limit −100 %/month is reported
  std::string note;
};

/// Months between two dates as the TGR literature counts them (days · 12 / 365.25).
double months_between(Date from, Date to);

/// Errors: "tgr_d0_zero" (D_0 ≤ 0), "tgr_interval" (t ≤ 0), "tgr_negative" (D_t < 0).
Result<Output> compute(units::Millimetre d0, units::Millimetre dt, double months);
Result<Output> compute(units::Millimetre d0, Date t0, units::Millimetre dt, Date t1);

struct Classification {
  std::string threshold_id;
  std::string description;  ///< e.g. "≥ 0.8 %/month"
  bool meets = false;
  std::string source;
  std::string note;
};

/// The value against every TGR cut-off of the ruleset (tgr.*). Equality within 1e-12 relative
/// counts as equal, so 0.8 computed from 100 → 100.8 mm over 3 months meets "≥ 0.8".
std::vector<Classification> classify(double tgr, const kb::Ruleset& rs);

}  // namespace rlt::calc::tgr
