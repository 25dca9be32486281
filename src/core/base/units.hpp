// Strongly typed quantities for the values that can be confused in this domain.
//
// A Quantity<Tag> holds a double in the canonical unit of its kind (named by the tag). Different
// kinds never mix: GBq + Gy, eGFR (mL/min/1.73 m²) vs creatinine clearance (mL/min), or
// absorbed dose vs BED do not compile. Conversion from other units happens only at the input
// boundary (see units_convert.hpp); inside the core every value is canonical.
#pragma once

#include <cmath>
#include <compare>
#include <string_view>

namespace rlt::units {

template <class Tag>
class Quantity {
 public:
  using tag = Tag;
  constexpr Quantity() = default;
  constexpr explicit Quantity(double v) : value_(v) {}

  /// The value in the canonical unit of this kind (Tag::symbol).
  [[nodiscard]] constexpr double value() const noexcept { return value_; }
  static constexpr std::string_view symbol() noexcept { return Tag::symbol; }

  constexpr Quantity operator+(Quantity o) const { return Quantity(value_ + o.value_); }
  constexpr Quantity operator-(Quantity o) const { return Quantity(value_ - o.value_); }
  constexpr Quantity operator-() const { return Quantity(-value_); }
  constexpr Quantity& operator+=(Quantity o) {
    value_ += o.value_;
    return *this;
  }
  constexpr Quantity& operator-=(Quantity o) {
    value_ -= o.value_;
    return *this;
  }
  constexpr Quantity operator*(double k) const { return Quantity(value_ * k); }
  constexpr Quantity operator/(double k) const { return Quantity(value_ / k); }
  /// The ratio of two quantities of the same kind is a plain number.
  constexpr double operator/(Quantity o) const { return value_ / o.value_; }
  constexpr auto operator<=>(const Quantity&) const = default;

 private:
  double value_ = 0.0;
};

template <class Tag>
constexpr Quantity<Tag> operator*(double k, Quantity<Tag> q) {
  return q * k;
}

// Canonical units, one tag per kind. Symbols are UCUM codes where one exists.
struct GbqTag {
  static constexpr std::string_view symbol = "GBq";
};
struct MbqTag {
  static constexpr std::string_view symbol = "MBq";
};
struct GrayTag {
  static constexpr std::string_view symbol = "Gy";
};
struct BedTag {
  static constexpr std::string_view symbol = "Gy";
};  // BED, kept apart from dose
struct ClearanceTag {
  static constexpr std::string_view symbol = "mL/min";
};
struct EgfrTag {
  static constexpr std::string_view symbol = "mL/min/{1.73_m2}";
};
struct MillimetreTag {
  static constexpr std::string_view symbol = "mm";
};
struct PercentTag {
  static constexpr std::string_view symbol = "%";
};
struct CreatinineTag {
  static constexpr std::string_view symbol = "umol/L";
};
struct HaemoglobinTag {
  static constexpr std::string_view symbol = "g/L";
};
struct AlbuminTag {
  static constexpr std::string_view symbol = "g/L";
};
struct BilirubinTag {
  static constexpr std::string_view symbol = "umol/L";
};
struct CellCountTag {
  static constexpr std::string_view symbol = "10*9/L";
};
struct EnzymeTag {
  static constexpr std::string_view symbol = "U/L";
};
struct ChromograninTag {
  static constexpr std::string_view symbol = "ng/mL";
};
struct KilogramTag {
  static constexpr std::string_view symbol = "kg";
};
struct CentimetreTag {
  static constexpr std::string_view symbol = "cm";
};
struct GramTag {
  static constexpr std::string_view symbol = "g";
};
struct MillilitreTag {
  static constexpr std::string_view symbol = "mL";
};
struct HounsfieldTag {
  static constexpr std::string_view symbol = "[hnsf'U]";
};
struct HourTag {
  static constexpr std::string_view symbol = "h";
};
struct MbqHourTag {
  static constexpr std::string_view symbol = "MBq.h";
};

using Gbq = Quantity<GbqTag>;                  ///< administered activity
using Mbq = Quantity<MbqTag>;                  ///< measured organ activity
using Gray = Quantity<GrayTag>;                ///< absorbed dose
using Bed = Quantity<BedTag>;                  ///< biologically effective dose (Gy)
using Clearance = Quantity<ClearanceTag>;      ///< creatinine clearance, mL/min (Cockcroft-Gault)
using Egfr = Quantity<EgfrTag>;                ///< eGFR, mL/min/1.73 m² (CKD-EPI)
using Millimetre = Quantity<MillimetreTag>;    ///< lesion length
using Percent = Quantity<PercentTag>;          ///< a percentage (Ki-67, change from baseline)
using Creatinine = Quantity<CreatinineTag>;    ///< serum creatinine, µmol/L
using Haemoglobin = Quantity<HaemoglobinTag>;  ///< g/L
using Albumin = Quantity<AlbuminTag>;          ///< g/L
using Bilirubin = Quantity<BilirubinTag>;      ///< µmol/L
using CellCount = Quantity<CellCountTag>;      ///< platelets, neutrophils: 10⁹/L
using Enzyme = Quantity<EnzymeTag>;            ///< AST, ALT: U/L
using Chromogranin = Quantity<ChromograninTag>;
using Kilogram = Quantity<KilogramTag>;
using Centimetre = Quantity<CentimetreTag>;
using Gram = Quantity<GramTag>;
using Millilitre = Quantity<MillilitreTag>;
using Hounsfield = Quantity<HounsfieldTag>;
using Hours = Quantity<HourTag>;
using MbqHours = Quantity<MbqHourTag>;  ///< time-integrated activity

/// The only cross-kind conversions the core needs, spelled out.
constexpr Mbq to_mbq(Gbq a) {
  return Mbq(a.value() * 1000.0);
}
constexpr Gbq to_gbq(Mbq a) {
  return Gbq(a.value() / 1000.0);
}

}  // namespace rlt::units
