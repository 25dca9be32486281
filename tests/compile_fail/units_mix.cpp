// Each RLT_CASE_* below must fail to compile: quantities of different kinds do not mix, and a
// bare number does not silently become a quantity. Built only by the compile_fail tests.
#include "base/units.hpp"

using namespace rlt::units;

int main() {
#if defined(RLT_CASE_CONTROL)
  Egfr a(60);
  Egfr b = a + Egfr(5);
  Clearance c(50);
  Gray d = Gray(2) + Gray(3);
  Millimetre e = Millimetre(10) + Millimetre(2);
  return (b < a || c.value() < 0 || d.value() < 0 || e.value() < 0) ? 1 : 0;
#elif defined(RLT_CASE_EGFR_PLUS_CLEARANCE)
  auto x = Egfr(60) + Clearance(50);
  return x.value() > 0;
#elif defined(RLT_CASE_EGFR_LESS_CLEARANCE)
  return Egfr(60) < Clearance(50);
#elif defined(RLT_CASE_CLEARANCE_FROM_EGFR)
  Clearance c = Egfr(60);
  return c.value() > 0;
#elif defined(RLT_CASE_GY_PLUS_GBQ)
  auto x = Gray(2) + Gbq(7.4);
  return x.value() > 0;
#elif defined(RLT_CASE_MM_PLUS_PERCENT)
  auto x = Millimetre(10) + Percent(20);
  return x.value() > 0;
#elif defined(RLT_CASE_MM_FROM_DOUBLE)
  Millimetre m = 12.5;
  return m.value() > 0;
#elif defined(RLT_CASE_BED_PLUS_GY)
  auto x = Bed(20) + Gray(2);
  return x.value() > 0;
#else
#error "define one RLT_CASE_*"
#endif
}
