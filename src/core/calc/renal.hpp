// Kidney function from serum creatinine.
//  - CKD-EPI 2021 race-free creatinine equation (Inker et al., NEJM 2021;385:1737): the default.
//  - CKD-EPI 2009 (Levey et al., Ann Intern Med 2009;150:604): for comparison with older
//    records only; labelled as such in every output.
//  - Cockcroft-Gault (Nephron 1976;16:31) with ACTUAL body weight, in mL/min (not normalised to
//    body surface): the creatinine clearance that the Lutathera label's renal rule refers to.
// eGFR and creatinine clearance are different types (units::Egfr, units::Clearance).
// Creatinine is µmol/L inside the core; the equations use mg/dL = µmol/L ÷ 88.4.
#pragma once

#include <string_view>

#include "base/result.hpp"
#include "base/units.hpp"
#include "model/case.hpp"

namespace rlt::calc::renal {

inline constexpr std::string_view kCkdEpi2021 = "CKD-EPI 2021 (race-free, creatinine)";
inline constexpr std::string_view kCkdEpi2009 = "CKD-EPI 2009 (creatinine; superseded by 2021)";
inline constexpr std::string_view kCockcroftGault = "Cockcroft-Gault (actual body weight)";
inline constexpr double kUmolPerMgdl = 88.4;  ///< creatinine, MW 113.12 g/mol

/// Errors: "renal_age" (adult equations: 18–120 years), "renal_creatinine" (≤ 0 or > 3000 µmol/L).
Result<units::Egfr> ckd_epi_2021(units::Creatinine scr, double age_years, model::Sex sex);
/// `black`: the race coefficient of the 2009 equation (1.159), kept only to reproduce old values.
Result<units::Egfr> ckd_epi_2009(units::Creatinine scr, double age_years, model::Sex sex,
                                 bool black);
/// Errors as above and "renal_weight" (weight outside 20–400 kg).
Result<units::Clearance> cockcroft_gault(units::Creatinine scr, double age_years,
                                         units::Kilogram weight, model::Sex sex);

}  // namespace rlt::calc::renal
