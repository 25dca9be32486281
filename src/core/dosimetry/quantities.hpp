// Quantities and physical constants of Lu-177 dosimetry that base/units.hpp does not hold.
// Kept here (not in units.hpp) because only the dosimetry library uses them.
#pragma once

#include <cmath>
#include <numbers>

#include "base/units.hpp"

namespace rlt::dosimetry {

struct PerHourTag {
  static constexpr std::string_view symbol = "1/h";
};
struct GyPerGbqTag {
  static constexpr std::string_view symbol = "Gy/GBq";
};
struct SValueTag {
  static constexpr std::string_view symbol = "mGy/(MBq.s)";
};

using PerHour = units::Quantity<PerHourTag>;    ///< a rate constant λ
using GyPerGbq = units::Quantity<GyPerGbqTag>;  ///< absorbed dose per administered activity
using SValue = units::Quantity<SValueTag>;      ///< MIRD S-value, mGy per MBq·s

namespace lu177 {
/// Physical half-life 6.647 d = 159.528 h (EU SmPC §2; PyTheranostics isotopes.json).
inline constexpr double half_life_h = 159.528;
inline constexpr double lambda_per_h = std::numbers::ln2 / half_life_h;  ///< 4.3450e-3 /h
/// Mean energy of non-penetrating emissions (β + conversion and Auger electrons), expressed as
/// absorbed dose × mass per time-integrated activity: 0.08532 Gy·g/(MBq·h) (≈ 0.148 MeV per
/// decay; rpt_dosi user guide, dose chapter).
inline constexpr double delta_gy_g_per_mbq_h = 0.08532;
}  // namespace lu177

inline constexpr units::Hours half_life(PerHour lambda) {
  return units::Hours(std::numbers::ln2 / lambda.value());
}
inline constexpr PerHour rate(units::Hours half_life) {
  return PerHour(std::numbers::ln2 / half_life.value());
}
inline constexpr GyPerGbq per_activity(units::Gray d, units::Gbq a) {
  return GyPerGbq(d.value() / a.value());
}
inline constexpr units::Gray dose_for(GyPerGbq g, units::Gbq a) {
  return units::Gray(g.value() * a.value());
}

}  // namespace rlt::dosimetry
