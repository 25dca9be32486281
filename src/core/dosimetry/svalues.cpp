#include "dosimetry/svalues.hpp"

#include <array>

#include <fmt/format.h>

#include "model/names.hpp"

namespace rlt::dosimetry {

namespace {
using model::Organ;
constexpr std::string_view kIcrp89M =
    "ICRP-89 adult male, Lu-177 S matrix as reproduced in qurit/PyTheranostics "
    "doodle/dosimetry/phantomdata/Lu177-Male-Svalues.csv (OLINDA-2 style)";
constexpr std::string_view kIcrp89F =
    "ICRP-89 adult female, Lu-177 S matrix as reproduced in qurit/PyTheranostics "
    "doodle/dosimetry/phantomdata/Lu177-Female-Svalues.csv (OLINDA-2 style)";
constexpr std::string_view kOdAm =
    "OpenDose, ICRP-110 adult male (AM), as stored in dsarrut/rpt_dosi "
    "rpt_dosi/data/ICRP_110_AM/lu-177_*.json";
constexpr std::string_view kOdAf =
    "OpenDose, ICRP-110 adult female (AF), as stored in dsarrut/rpt_dosi "
    "rpt_dosi/data/ICRP_110_AF/lu-177_*.json";

constexpr std::array kTable = {
    SValueEntry{Organ::kidneys, Phantom::icrp89_adult_male, SValue(7.76e-5), units::Gram(310),
                kIcrp89M, "both kidneys"},
    SValueEntry{Organ::kidneys, Phantom::icrp89_adult_female, SValue(8.70e-5), units::Gram(275),
                kIcrp89F, "both kidneys"},
    SValueEntry{Organ::kidney_left, Phantom::icrp110_adult_male, SValue(1.5662e-4),
                units::Gram(152.983), kOdAm, "left kidney cortex+medulla+pelvis"},
    SValueEntry{Organ::kidney_left, Phantom::icrp110_adult_female, SValue(1.6034e-4),
                units::Gram(149.483), kOdAf, "left kidney cortex+medulla+pelvis"},
    SValueEntry{Organ::spleen, Phantom::icrp110_adult_male, SValue(1.5967e-4), units::Gram(149.968),
                kOdAm, ""},
    SValueEntry{Organ::spleen, Phantom::icrp110_adult_female, SValue(1.8361e-4),
                units::Gram(129.996), kOdAf, ""},
    SValueEntry{Organ::spleen, Phantom::icrp89_adult_male, SValue(1.60e-4), units::Gram(150),
                kIcrp89M, ""},
    SValueEntry{Organ::liver, Phantom::icrp110_adult_male, SValue(1.3713e-5), units::Gram(1799.776),
                kOdAm, ""},
    SValueEntry{Organ::liver, Phantom::icrp110_adult_female, SValue(1.7533e-5),
                units::Gram(1399.995), kOdAf, ""},
    SValueEntry{Organ::liver, Phantom::icrp89_adult_male, SValue(1.37e-5), units::Gram(1800),
                kIcrp89M, ""},
    SValueEntry{Organ::bone_marrow, Phantom::icrp89_adult_male, SValue(1.15e-5), units::Gram(1170),
                kIcrp89M,
                "red marrow ← red marrow; S·m is ~0.048, not Δ (electrons escape into bone)"},
    SValueEntry{Organ::bone_marrow, Phantom::icrp89_adult_female, SValue(1.49e-5), units::Gram(900),
                kIcrp89F, "red marrow ← red marrow"},
};

bool is_female(std::optional<model::Sex> s) {
  return s && *s == model::Sex::female;
}
}  // namespace

std::string_view to_string(Phantom p) {
  switch (p) {
    case Phantom::icrp89_adult_male:
      return "ICRP-89 adult male";
    case Phantom::icrp89_adult_female:
      return "ICRP-89 adult female";
    case Phantom::icrp110_adult_male:
      return "ICRP-110 adult male (OpenDose)";
    case Phantom::icrp110_adult_female:
      return "ICRP-110 adult female (OpenDose)";
  }
  return "?";
}

std::string_view to_string(SValueSet s) {
  return s == SValueSet::icrp89 ? "icrp89" : "opendose_icrp110";
}

std::span<const SValueEntry> svalue_table() {
  return kTable;
}

Result<SValueEntry> find_svalue(model::Organ organ, std::optional<model::Sex> sex, SValueSet set) {
  if (organ == Organ::tumour)
    return Error{"no_svalue",
                 "no organ S-value for a tumour; the local energy deposition method is used"};
  const bool f = is_female(sex);
  Organ look = organ == Organ::kidney_right ? Organ::kidney_left : organ;
  auto want89 = f ? Phantom::icrp89_adult_female : Phantom::icrp89_adult_male;
  auto want110 = f ? Phantom::icrp110_adult_female : Phantom::icrp110_adult_male;
  if (set == SValueSet::icrp89 && (look == Organ::kidney_left)) look = Organ::kidneys;
  // Preference order: the set's own phantom of the patient's sex, the other family of the same
  // sex, then the male phantom of either family.
  std::array order =
      set == SValueSet::icrp89
          ? std::array{want89, want110, Phantom::icrp89_adult_male, Phantom::icrp110_adult_male}
          : std::array{want110, want89, Phantom::icrp110_adult_male, Phantom::icrp89_adult_male};
  for (auto ph : order)
    for (const auto& e : kTable)
      if (e.organ == look && e.phantom == ph) return e;
  return Error{"no_svalue", fmt::format("no S-value for organ {}", model::to_string(organ))};
}

SValue scaled_svalue(const SValueEntry& e, units::Gram patient_mass) {
  return SValue(e.s.value() * e.reference_mass.value() / patient_mass.value());
}

units::Gray mird_dose(units::MbqHours tia, SValue s) {
  return units::Gray(tia.value() * s.value() * 3600.0 / 1000.0);
}

units::Gray led_dose(units::MbqHours tia, units::Gram mass) {
  return units::Gray(lu177::delta_gy_g_per_mbq_h * tia.value() / mass.value());
}

double s_times_mass(const SValueEntry& e) {
  return e.s.value() * 3600.0 / 1000.0 * e.reference_mass.value();
}

}  // namespace rlt::dosimetry
