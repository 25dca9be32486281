// Lu-177 organ self-dose S-values (MIRD: D = Ã·S), scaled to the patient's organ mass, and the
// local energy deposition (LED) cross-check D = Δ·Ã/m.
//
// Every value carries its phantom and source; all were read from the files named in `source`
// (see docs/dosimetry.md, table "S-values"). Self-dose only: cross-dose from other organs is not
// included (for Lu-177, whose dose is ~90 % from non-penetrating electrons, it is small for
// kidneys, liver and spleen; it is not small for red marrow, see marrow_dose).
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "base/result.hpp"
#include "base/units.hpp"
#include "dosimetry/quantities.hpp"
#include "model/case.hpp"

namespace rlt::dosimetry {

enum class Phantom {
  icrp89_adult_male,
  icrp89_adult_female,
  icrp110_adult_male,
  icrp110_adult_female
};
std::string_view to_string(Phantom p);

/// Which family of S-values to prefer.
enum class SValueSet {
  opendose_icrp110,  ///< OpenDose ICRP-110 voxel phantoms; ICRP-89 where OpenDose has no entry here
  icrp89             ///< ICRP-89 stylised-phantom matrix (OLINDA-2 style)
};
std::string_view to_string(SValueSet s);

struct SValueEntry {
  model::Organ organ;
  Phantom phantom;
  SValue s;                    ///< self S, mGy/(MBq·s)
  units::Gram reference_mass;  ///< organ mass in the phantom
  std::string_view source;     ///< file / publication the value was read from
  std::string_view note;
};

/// The whole table (for documentation and tests).
std::span<const SValueEntry> svalue_table();

/// The entry for an organ, sex and set. Unknown sex → the male phantom (after mass scaling the
/// self-S·m of male and female phantoms differ by < 1 %; the caller warns). kidney_right uses
/// the left-kidney value (no right-kidney value was verified). tumour has no organ S-value:
/// error "no_svalue" (use local energy deposition).
Result<SValueEntry> find_svalue(model::Organ organ, std::optional<model::Sex> sex, SValueSet set);

/// S scaled to the patient's organ mass (self-dose ∝ 1/m): S·m_ref/m_pat.
SValue scaled_svalue(const SValueEntry& e, units::Gram patient_mass);

/// D = Ã·S·3600 s/h / 1000 mGy/Gy.
units::Gray mird_dose(units::MbqHours tia, SValue s);
/// Local energy deposition: D = Δ·Ã/m with Δ = 0.08532 Gy·g/(MBq·h).
units::Gray led_dose(units::MbqHours tia, units::Gram mass);
/// S·m in Gy·g/(MBq·h) (≈ Δ for self-dose; a unit test of every table row).
double s_times_mass(const SValueEntry& e);

}  // namespace rlt::dosimetry
