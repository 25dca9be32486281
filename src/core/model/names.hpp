// The spelling of every enumeration of the case format, and unit tables for its quantities.
#pragma once

#include <span>
#include <string_view>

#include "base/reader.hpp"
#include "model/case.hpp"

namespace rlt::model {

#define RLT_DECLARE_ENUM(E) \
  EnumTable<E> names(E);    \
  std::string_view to_string(E v);

RLT_DECLARE_ENUM(Sex)
RLT_DECLARE_ENUM(HereditarySyndrome)
RLT_DECLARE_ENUM(CgaResult)
RLT_DECLARE_ENUM(PrimarySite)
RLT_DECLARE_ENUM(Differentiation)
RLT_DECLARE_ENUM(Histology)
RLT_DECLARE_ENUM(Grade)
RLT_DECLARE_ENUM(SampleSite)
RLT_DECLARE_ENUM(Functional)
RLT_DECLARE_ENUM(Extent)
RLT_DECLARE_ENUM(Mgmt)
RLT_DECLARE_ENUM(SstrModality)
RLT_DECLARE_ENUM(UptakeVsLiver)
RLT_DECLARE_ENUM(Modality)
RLT_DECLARE_ENUM(Phase)
RLT_DECLARE_ENUM(LesionState)
RLT_DECLARE_ENUM(NonTargetStatus)
RLT_DECLARE_ENUM(NewLesions)
RLT_DECLARE_ENUM(TreatmentCategory)
RLT_DECLARE_ENUM(Response)
RLT_DECLARE_ENUM(StopReason)
RLT_DECLARE_ENUM(Radiopharmaceutical)
RLT_DECLARE_ENUM(ProgressionStatus)
RLT_DECLARE_ENUM(ProgressionBasis)
RLT_DECLARE_ENUM(Analyte)
RLT_DECLARE_ENUM(Organ)
RLT_DECLARE_ENUM(PregnancyTestResult)
RLT_DECLARE_ENUM(VisitResponseCode)
#undef RLT_DECLARE_ENUM

/// Accepted input units per quantity kind; the first is canonical. Conversions:
/// creatinine 1 mg/dL = 88.4 µmol/L (MW 113.12); bilirubin 1 mg/dL = 17.1 µmol/L (MW 584.66);
/// haemoglobin and albumin 1 g/dL = 10 g/L; 1 mCi = 0.037 GBq exactly; 1 lb = 0.45359237 kg;
/// white cells and lymphocytes 1 /uL = 1 /mm3 = 0.001 x 10^9/L; 5-HIAA 1 mg/24 h = 5.23 umol/24 h
/// (MW 191.18).
namespace unit_tables {
std::span<const UnitDef> activity_gbq();
std::span<const UnitDef> activity_mbq();
std::span<const UnitDef> dose_gy();
std::span<const UnitDef> weight_kg();
std::span<const UnitDef> height_cm();
std::span<const UnitDef> length_mm();
std::span<const UnitDef> mass_g();
std::span<const UnitDef> volume_ml();
std::span<const UnitDef> density_hu();
std::span<const UnitDef> time_h();
/// Units accepted for a lab analyte, canonical first.
std::span<const UnitDef> lab(Analyte a);
}  // namespace unit_tables

}  // namespace rlt::model
