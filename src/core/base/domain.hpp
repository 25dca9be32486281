// Numeric domains: every number that enters from a file or a command-line flag is finite and
// inside a domain stated once here (field, unit, range, whether 0 is allowed, and why). The
// readers and the CLI validators check against these, so NaN and infinities never reach the core
// and every message names the field's real range.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <string_view>

namespace rlt {

struct Domain {
  std::string_view field;   ///< as the user sees it: a flag ("--ki67") or a JSON field name
  std::string_view unit;    ///< "" when dimensionless
  double lo = 0;            ///< lower bound
  double hi = 0;            ///< upper bound (inclusive)
  bool lo_open = false;     ///< true: lo itself is excluded (e.g. "greater than 0")
  std::string_view reason;  ///< why the range is what it is

  [[nodiscard]] bool contains(double v) const noexcept {
    return std::isfinite(v) && (lo_open ? v > lo : v >= lo) && v <= hi;
  }
  [[nodiscard]] bool zero_allowed() const noexcept { return contains(0.0); }
  /// "0–100 %", "greater than 0 and at most 3000 µmol/L".
  [[nodiscard]] std::string range_text() const;
  /// A problem message for v, or nothing when v is inside: "--ki67 must be a finite number,
  /// 0–100 % (a percentage of tumour cells); got nan".
  [[nodiscard]] std::optional<std::string> check(double v) const;
};

/// Parse a whole string as a number (as the command line gives it); nothing if it is not one.
std::optional<double> parse_number(std::string_view s);

/// Format a bound for messages: "100", "0.5", "1e-06".
std::string domain_num(double v);

// The domains of the command-line flags and of the calculator inputs. One line each.
namespace domains {
// grade
inline constexpr Domain ki67{"--ki67", "%", 0, 100, false, "a percentage of tumour cells"};
inline constexpr Domain mitoses{
    "--mitoses", "per 2 mm²", 0,
    1000,        false,       "a count per 2 mm²; above 1000 is not a plausible count"};
// evaluate: policy overrides (the same ranges as the policy file)
inline constexpr Domain kidney_limit_gy{"--kidney-limit-gy",
                                        "Gy",
                                        1,
                                        100,
                                        false,
                                        "a cumulative kidney absorbed-dose limit; published "
                                        "limits are 23-40 Gy"};
inline constexpr Domain marrow_limit_gy{"--marrow-limit-gy",
                                        "Gy",
                                        0.1,
                                        10,
                                        false,
                                        "a cumulative bone-marrow absorbed-dose limit; the "
                                        "published limit is 2 Gy"};
// choi
inline constexpr Domain choi_size{
    "--size", "mm", 0, 10000, false, "a sum of long axes; 0 mm means every target disappeared"};
inline constexpr Domain choi_nadir_size{"--nadir-size", "mm",  0,
                                        10000,          false, "a sum of long axes"};
inline constexpr Domain choi_baseline_size{
    "--baseline-size", "mm", 0, 10000, false, "a sum of long axes (the calculator then needs > 0)"};
inline constexpr Domain choi_baseline_density{"--baseline-density",
                                              "HU",
                                              -1000,
                                              3000,
                                              false,
                                              "CT attenuation: -1000 HU is air, 3000 HU dense "
                                              "bone or metal"};
inline constexpr Domain choi_density{
    "--density", "HU",  -1000,
    3000,        false, "CT attenuation: -1000 HU is air, 3000 HU dense bone/metal"};
// tgr
inline constexpr Domain tgr_d0{
    "--d0", "mm", 0, 10000, false, "a sum of diameters (the calculator then needs D0 > 0)"};
inline constexpr Domain tgr_d1{"--d1", "mm",  0,
                               10000,  false, "a sum of diameters; 0 mm is a complete response"};
inline constexpr Domain tgr_months{"--months",
                                   "months",
                                   0.03,
                                   600,
                                   false,
                                   "at least one day (0.03 months) between two scans, so that "
                                   "the rate is finite; at most 50 years"};
// egfr
inline constexpr Domain creatinine_flag{
    "--creatinine", "", 0, 3000, false, "serum creatinine in the unit of --unit"};
inline constexpr Domain creatinine_umol{
    "serum creatinine",
    "µmol/L",
    5,
    3000,
    false,
    "serum creatinine below 5 µmol/L (0.057 mg/dL) is below every assay's range; the equations "
    "divide by it"};
inline constexpr Domain age_years{"--age", "years", 0, 130, false, "a human age"};
inline constexpr Domain weight_kg{
    "--weight", "kg", 0, 500, false, "a body weight (Cockcroft-Gault then needs 20-400 kg)"};
inline constexpr Domain bmi{"--bmi", "kg/m²", 0, 200, false, "a body-mass index"};
inline constexpr Domain g8_age{"--age", "years", 0, 130, false, "a human age"};
// ctcae (in the unit of --unit; the limits divide the value, so they must be positive)
inline constexpr Domain lab_value{"--value",
                                  "",
                                  -1e6,
                                  1e6,
                                  false,
                                  "a finite laboratory value (the calculator rejects a negative "
                                  "one)"};
inline constexpr Domain lab_lln{"--lln", "",   0,
                                1e6,     true, "a lower limit of normal is greater than 0"};
inline constexpr Domain lab_uln{
    "--uln", "", 0, 1e6, true, "grades are multiples of the ULN, so it must be greater than 0"};
inline constexpr Domain lab_baseline{"--baseline", "",    0,
                                     1e6,          false, "a laboratory value is not negative"};
}  // namespace domains

}  // namespace rlt
