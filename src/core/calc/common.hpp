// Small helpers shared by the calculators: lengths in integer tenths of a millimetre, exact
// percentage comparisons, and a tolerant comparison for ratios of lab values.
#pragma once

#include <cstdint>
#include <string>

#include "base/units.hpp"
#include "kb/ruleset.hpp"

namespace rlt::calc {

/// A length in whole tenths of a millimetre. RECIST sums and their comparisons use this type so
/// that boundaries such as "exactly -30 %" or "exactly +5 mm" are decided without rounding error.
struct Tenths {
  std::int64_t v = 0;
  constexpr Tenths operator+(Tenths o) const { return {v + o.v}; }
  constexpr Tenths operator-(Tenths o) const { return {v - o.v}; }
  constexpr Tenths& operator+=(Tenths o) {
    v += o.v;
    return *this;
  }
  constexpr auto operator<=>(const Tenths&) const = default;
  [[nodiscard]] constexpr double mm() const { return static_cast<double>(v) / 10.0; }
};

/// Round a length to the nearest tenth of a millimetre (the precision radiologists report).
Tenths to_tenths(units::Millimetre m);
units::Millimetre to_mm(Tenths t);

/// Does the change from `ref` to `now`, as a percentage of `ref`, satisfy the threshold
/// "change <cmp> value %"? Decided by cross-multiplication in integers (thresholds are used with
/// a resolution of 0.001 %). `ref` must be positive.
bool change_meets(Tenths now, Tenths ref, const kb::Threshold& pct);

/// The percentage change from ref to now, for display (nullopt-free: caller checks ref > 0).
double percent_change(Tenths now, Tenths ref);

/// Compare a against k·b with a relative tolerance of 1e-12, so that 60 compares equal to
/// 1.5 × 40 whatever the binary rounding. Returns -1, 0 or +1.
int compare_scaled(double a, double k, double b);

/// "x <cmp> threshold" with the same tolerance as compare_scaled (equality within 1e-12
/// relative counts as equal). For values computed in floating point (TGR, eGFR classes).
bool holds_tolerant(const kb::Threshold& t, double x);

/// Shortest decimal rendering with at most `digits` decimals ("12.5", "-30", "0.8").
std::string fmt_fixed(double v, int digits);

}  // namespace rlt::calc
