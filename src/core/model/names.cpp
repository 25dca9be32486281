// Tables written once with a small script from the enum list in case.hpp; keep the two in step.
#include "model/names.hpp"

#include <array>

namespace rlt::model {

namespace {
constexpr std::array kSex = {
    EnumName<Sex>{Sex::female, "female"},
    EnumName<Sex>{Sex::male, "male"},
};
}  // namespace
EnumTable<Sex> names(Sex) {
  return kSex;
}
std::string_view to_string(Sex v) {
  return enum_name<Sex>(kSex, v);
}

namespace {
constexpr std::array kHereditarySyndrome = {
    EnumName<HereditarySyndrome>{HereditarySyndrome::none, "none"},
    EnumName<HereditarySyndrome>{HereditarySyndrome::men1, "men1"},
    EnumName<HereditarySyndrome>{HereditarySyndrome::men4, "men4"},
    EnumName<HereditarySyndrome>{HereditarySyndrome::vhl, "vhl"},
    EnumName<HereditarySyndrome>{HereditarySyndrome::nf1, "nf1"},
    EnumName<HereditarySyndrome>{HereditarySyndrome::tsc, "tsc"},
    EnumName<HereditarySyndrome>{HereditarySyndrome::other, "other"},
};
}  // namespace
EnumTable<HereditarySyndrome> names(HereditarySyndrome) {
  return kHereditarySyndrome;
}
std::string_view to_string(HereditarySyndrome v) {
  return enum_name<HereditarySyndrome>(kHereditarySyndrome, v);
}

namespace {
constexpr std::array kCgaResult = {
    EnumName<CgaResult>{CgaResult::fit, "fit"},
    EnumName<CgaResult>{CgaResult::vulnerable, "vulnerable"},
    EnumName<CgaResult>{CgaResult::frail, "frail"},
};
}  // namespace
EnumTable<CgaResult> names(CgaResult) {
  return kCgaResult;
}
std::string_view to_string(CgaResult v) {
  return enum_name<CgaResult>(kCgaResult, v);
}

namespace {
constexpr std::array kPrimarySite = {
    EnumName<PrimarySite>{PrimarySite::pancreas, "pancreas"},
    EnumName<PrimarySite>{PrimarySite::stomach, "stomach"},
    EnumName<PrimarySite>{PrimarySite::duodenum, "duodenum"},
    EnumName<PrimarySite>{PrimarySite::jejunum, "jejunum"},
    EnumName<PrimarySite>{PrimarySite::ileum, "ileum"},
    EnumName<PrimarySite>{PrimarySite::appendix, "appendix"},
    EnumName<PrimarySite>{PrimarySite::colon, "colon"},
    EnumName<PrimarySite>{PrimarySite::rectum, "rectum"},
    EnumName<PrimarySite>{PrimarySite::unknown_primary_gep, "unknown_primary_gep"},
    EnumName<PrimarySite>{PrimarySite::lung, "lung"},
    EnumName<PrimarySite>{PrimarySite::other, "other"},
};
}  // namespace
EnumTable<PrimarySite> names(PrimarySite) {
  return kPrimarySite;
}
std::string_view to_string(PrimarySite v) {
  return enum_name<PrimarySite>(kPrimarySite, v);
}

namespace {
constexpr std::array kDifferentiation = {
    EnumName<Differentiation>{Differentiation::well, "well"},
    EnumName<Differentiation>{Differentiation::poor, "poor"},
};
}  // namespace
EnumTable<Differentiation> names(Differentiation) {
  return kDifferentiation;
}
std::string_view to_string(Differentiation v) {
  return enum_name<Differentiation>(kDifferentiation, v);
}

namespace {
constexpr std::array kHistology = {
    EnumName<Histology>{Histology::net, "net"},
    EnumName<Histology>{Histology::nec, "nec"},
    EnumName<Histology>{Histology::minen, "minen"},
};
}  // namespace
EnumTable<Histology> names(Histology) {
  return kHistology;
}
std::string_view to_string(Histology v) {
  return enum_name<Histology>(kHistology, v);
}

namespace {
constexpr std::array kGrade = {
    EnumName<Grade>{Grade::g1, "G1"},
    EnumName<Grade>{Grade::g2, "G2"},
    EnumName<Grade>{Grade::g3, "G3"},
};
}  // namespace
EnumTable<Grade> names(Grade) {
  return kGrade;
}
std::string_view to_string(Grade v) {
  return enum_name<Grade>(kGrade, v);
}

namespace {
constexpr std::array kSampleSite = {
    EnumName<SampleSite>{SampleSite::primary, "primary"},
    EnumName<SampleSite>{SampleSite::metastasis, "metastasis"},
};
}  // namespace
EnumTable<SampleSite> names(SampleSite) {
  return kSampleSite;
}
std::string_view to_string(SampleSite v) {
  return enum_name<SampleSite>(kSampleSite, v);
}

namespace {
constexpr std::array kFunctional = {
    EnumName<Functional>{Functional::non_functioning, "non_functioning"},
    EnumName<Functional>{Functional::carcinoid_syndrome, "carcinoid_syndrome"},
    EnumName<Functional>{Functional::insulinoma, "insulinoma"},
    EnumName<Functional>{Functional::gastrinoma, "gastrinoma"},
    EnumName<Functional>{Functional::vipoma, "vipoma"},
    EnumName<Functional>{Functional::glucagonoma, "glucagonoma"},
    EnumName<Functional>{Functional::other, "other"},
};
}  // namespace
EnumTable<Functional> names(Functional) {
  return kFunctional;
}
std::string_view to_string(Functional v) {
  return enum_name<Functional>(kFunctional, v);
}

namespace {
constexpr std::array kExtent = {
    EnumName<Extent>{Extent::localized, "localized"},
    EnumName<Extent>{Extent::locally_advanced, "locally_advanced"},
    EnumName<Extent>{Extent::metastatic, "metastatic"},
};
}  // namespace
EnumTable<Extent> names(Extent) {
  return kExtent;
}
std::string_view to_string(Extent v) {
  return enum_name<Extent>(kExtent, v);
}

namespace {
constexpr std::array kMgmt = {
    EnumName<Mgmt>{Mgmt::deficient, "deficient"},
    EnumName<Mgmt>{Mgmt::proficient, "proficient"},
    EnumName<Mgmt>{Mgmt::unknown, "unknown"},
};
}  // namespace
EnumTable<Mgmt> names(Mgmt) {
  return kMgmt;
}
std::string_view to_string(Mgmt v) {
  return enum_name<Mgmt>(kMgmt, v);
}

namespace {
constexpr std::array kSstrModality = {
    EnumName<SstrModality>{SstrModality::pet, "pet"},
    EnumName<SstrModality>{SstrModality::scintigraphy, "scintigraphy"},
    EnumName<SstrModality>{SstrModality::spect, "spect"},
};
}  // namespace
EnumTable<SstrModality> names(SstrModality) {
  return kSstrModality;
}
std::string_view to_string(SstrModality v) {
  return enum_name<SstrModality>(kSstrModality, v);
}

namespace {
constexpr std::array kUptakeVsLiver = {
    EnumName<UptakeVsLiver>{UptakeVsLiver::below, "below"},
    EnumName<UptakeVsLiver>{UptakeVsLiver::equal, "equal"},
    EnumName<UptakeVsLiver>{UptakeVsLiver::above, "above"},
};
}  // namespace
EnumTable<UptakeVsLiver> names(UptakeVsLiver) {
  return kUptakeVsLiver;
}
std::string_view to_string(UptakeVsLiver v) {
  return enum_name<UptakeVsLiver>(kUptakeVsLiver, v);
}

namespace {
constexpr std::array kModality = {
    EnumName<Modality>{Modality::ct, "ct"},
    EnumName<Modality>{Modality::mri, "mri"},
    EnumName<Modality>{Modality::chest_xray, "chest_xray"},
};
}  // namespace
EnumTable<Modality> names(Modality) {
  return kModality;
}
std::string_view to_string(Modality v) {
  return enum_name<Modality>(kModality, v);
}

namespace {
constexpr std::array kPhase = {
    EnumName<Phase>{Phase::arterial, "arterial"},
    EnumName<Phase>{Phase::portal_venous, "portal_venous"},
    EnumName<Phase>{Phase::delayed, "delayed"},
    EnumName<Phase>{Phase::non_contrast, "non_contrast"},
    EnumName<Phase>{Phase::other, "other"},
};
}  // namespace
EnumTable<Phase> names(Phase) {
  return kPhase;
}
std::string_view to_string(Phase v) {
  return enum_name<Phase>(kPhase, v);
}

namespace {
constexpr std::array kLesionState = {
    EnumName<LesionState>{LesionState::measured, "measured"},
    EnumName<LesionState>{LesionState::too_small, "too_small"},
    EnumName<LesionState>{LesionState::disappeared, "disappeared"},
    EnumName<LesionState>{LesionState::not_evaluable, "not_evaluable"},
};
}  // namespace
EnumTable<LesionState> names(LesionState) {
  return kLesionState;
}
std::string_view to_string(LesionState v) {
  return enum_name<LesionState>(kLesionState, v);
}

namespace {
constexpr std::array kNonTargetStatus = {
    EnumName<NonTargetStatus>{NonTargetStatus::present, "present"},
    EnumName<NonTargetStatus>{NonTargetStatus::absent, "absent"},
    EnumName<NonTargetStatus>{NonTargetStatus::unequivocal_progression, "unequivocal_progression"},
    EnumName<NonTargetStatus>{NonTargetStatus::not_evaluated, "not_evaluated"},
};
}  // namespace
EnumTable<NonTargetStatus> names(NonTargetStatus) {
  return kNonTargetStatus;
}
std::string_view to_string(NonTargetStatus v) {
  return enum_name<NonTargetStatus>(kNonTargetStatus, v);
}

namespace {
constexpr std::array kNewLesions = {
    EnumName<NewLesions>{NewLesions::no, "no"},
    EnumName<NewLesions>{NewLesions::equivocal, "equivocal"},
    EnumName<NewLesions>{NewLesions::yes, "yes"},
};
}  // namespace
EnumTable<NewLesions> names(NewLesions) {
  return kNewLesions;
}
std::string_view to_string(NewLesions v) {
  return enum_name<NewLesions>(kNewLesions, v);
}

namespace {
constexpr std::array kTreatmentCategory = {
    EnumName<TreatmentCategory>{TreatmentCategory::ssa, "ssa"},
    EnumName<TreatmentCategory>{TreatmentCategory::rlt, "rlt"},
    EnumName<TreatmentCategory>{TreatmentCategory::everolimus, "everolimus"},
    EnumName<TreatmentCategory>{TreatmentCategory::sunitinib, "sunitinib"},
    EnumName<TreatmentCategory>{TreatmentCategory::chemotherapy, "chemotherapy"},
    EnumName<TreatmentCategory>{TreatmentCategory::surgery, "surgery"},
    EnumName<TreatmentCategory>{TreatmentCategory::locoregional, "locoregional"},
    EnumName<TreatmentCategory>{TreatmentCategory::other, "other"},
};
}  // namespace
EnumTable<TreatmentCategory> names(TreatmentCategory) {
  return kTreatmentCategory;
}
std::string_view to_string(TreatmentCategory v) {
  return enum_name<TreatmentCategory>(kTreatmentCategory, v);
}

namespace {
constexpr std::array kResponse = {
    EnumName<Response>{Response::cr, "CR"}, EnumName<Response>{Response::pr, "PR"},
    EnumName<Response>{Response::sd, "SD"}, EnumName<Response>{Response::pd, "PD"},
    EnumName<Response>{Response::ne, "NE"},
};
}  // namespace
EnumTable<Response> names(Response) {
  return kResponse;
}
std::string_view to_string(Response v) {
  return enum_name<Response>(kResponse, v);
}

namespace {
constexpr std::array kStopReason = {
    EnumName<StopReason>{StopReason::progression, "progression"},
    EnumName<StopReason>{StopReason::toxicity, "toxicity"},
    EnumName<StopReason>{StopReason::completed, "completed"},
    EnumName<StopReason>{StopReason::ongoing, "ongoing"},
    EnumName<StopReason>{StopReason::other, "other"},
};
}  // namespace
EnumTable<StopReason> names(StopReason) {
  return kStopReason;
}
std::string_view to_string(StopReason v) {
  return enum_name<StopReason>(kStopReason, v);
}

namespace {
constexpr std::array kRadiopharmaceutical = {
    EnumName<Radiopharmaceutical>{Radiopharmaceutical::lu177_dotatate, "lu177_dotatate"},
    EnumName<Radiopharmaceutical>{Radiopharmaceutical::lu177_dotatoc, "lu177_dotatoc"},
    EnumName<Radiopharmaceutical>{Radiopharmaceutical::y90_dotatoc, "y90_dotatoc"},
    EnumName<Radiopharmaceutical>{Radiopharmaceutical::other, "other"},
};
}  // namespace
EnumTable<Radiopharmaceutical> names(Radiopharmaceutical) {
  return kRadiopharmaceutical;
}
std::string_view to_string(Radiopharmaceutical v) {
  return enum_name<Radiopharmaceutical>(kRadiopharmaceutical, v);
}

namespace {
constexpr std::array kProgressionStatus = {
    EnumName<ProgressionStatus>{ProgressionStatus::progressive, "progressive"},
    EnumName<ProgressionStatus>{ProgressionStatus::stable, "stable"},
    EnumName<ProgressionStatus>{ProgressionStatus::responding, "responding"},
    EnumName<ProgressionStatus>{ProgressionStatus::unknown, "unknown"},
};
}  // namespace
EnumTable<ProgressionStatus> names(ProgressionStatus) {
  return kProgressionStatus;
}
std::string_view to_string(ProgressionStatus v) {
  return enum_name<ProgressionStatus>(kProgressionStatus, v);
}

namespace {
constexpr std::array kProgressionBasis = {
    EnumName<ProgressionBasis>{ProgressionBasis::recist, "recist"},
    EnumName<ProgressionBasis>{ProgressionBasis::other_imaging, "other_imaging"},
    EnumName<ProgressionBasis>{ProgressionBasis::clinical, "clinical"},
    EnumName<ProgressionBasis>{ProgressionBasis::biochemical_only, "biochemical_only"},
};
}  // namespace
EnumTable<ProgressionBasis> names(ProgressionBasis) {
  return kProgressionBasis;
}
std::string_view to_string(ProgressionBasis v) {
  return enum_name<ProgressionBasis>(kProgressionBasis, v);
}

namespace {
constexpr std::array kAnalyte = {
    EnumName<Analyte>{Analyte::creatinine, "creatinine"},
    EnumName<Analyte>{Analyte::haemoglobin, "haemoglobin"},
    EnumName<Analyte>{Analyte::platelets, "platelets"},
    EnumName<Analyte>{Analyte::neutrophils, "neutrophils"},
    EnumName<Analyte>{Analyte::ast, "ast"},
    EnumName<Analyte>{Analyte::alt, "alt"},
    EnumName<Analyte>{Analyte::bilirubin, "bilirubin"},
    EnumName<Analyte>{Analyte::albumin, "albumin"},
    EnumName<Analyte>{Analyte::chromogranin_a, "chromogranin_a"},
    EnumName<Analyte>{Analyte::white_cells, "white_cells"},
    EnumName<Analyte>{Analyte::lymphocytes, "lymphocytes"},
    EnumName<Analyte>{Analyte::inr, "inr"},
    EnumName<Analyte>{Analyte::hiaa_5, "5_hiaa"},
};
}  // namespace
EnumTable<Analyte> names(Analyte) {
  return kAnalyte;
}
std::string_view to_string(Analyte v) {
  return enum_name<Analyte>(kAnalyte, v);
}

namespace {
constexpr std::array kOrgan = {
    EnumName<Organ>{Organ::kidneys, "kidneys"},
    EnumName<Organ>{Organ::kidney_left, "kidney_left"},
    EnumName<Organ>{Organ::kidney_right, "kidney_right"},
    EnumName<Organ>{Organ::bone_marrow, "bone_marrow"},
    EnumName<Organ>{Organ::spleen, "spleen"},
    EnumName<Organ>{Organ::liver, "liver"},
    EnumName<Organ>{Organ::tumour, "tumour"},
};
}  // namespace
EnumTable<Organ> names(Organ) {
  return kOrgan;
}
std::string_view to_string(Organ v) {
  return enum_name<Organ>(kOrgan, v);
}

namespace {
constexpr std::array kPregnancyTestResult = {
    EnumName<PregnancyTestResult>{PregnancyTestResult::negative, "negative"},
    EnumName<PregnancyTestResult>{PregnancyTestResult::positive, "positive"},
};
}  // namespace
EnumTable<PregnancyTestResult> names(PregnancyTestResult) {
  return kPregnancyTestResult;
}
std::string_view to_string(PregnancyTestResult v) {
  return enum_name<PregnancyTestResult>(kPregnancyTestResult, v);
}

namespace {
constexpr std::array kVisitResponseCode = {
    EnumName<VisitResponseCode>{VisitResponseCode::cr, "CR"},
    EnumName<VisitResponseCode>{VisitResponseCode::pr, "PR"},
    EnumName<VisitResponseCode>{VisitResponseCode::sd, "SD"},
    EnumName<VisitResponseCode>{VisitResponseCode::pd, "PD"},
    EnumName<VisitResponseCode>{VisitResponseCode::ne, "NE"},
    EnumName<VisitResponseCode>{VisitResponseCode::non_cr_non_pd, "non-CR/non-PD"},
};
}  // namespace
EnumTable<VisitResponseCode> names(VisitResponseCode) {
  return kVisitResponseCode;
}
std::string_view to_string(VisitResponseCode v) {
  return enum_name<VisitResponseCode>(kVisitResponseCode, v);
}

namespace unit_tables {
namespace {
constexpr std::array kActivityGbq = {UnitDef{"GBq", 1.0}, UnitDef{"MBq", 1e-3},
                                     UnitDef{"mCi", 0.037}};
constexpr std::array kActivityMbq = {UnitDef{"MBq", 1.0}, UnitDef{"GBq", 1e3}, UnitDef{"kBq", 1e-3},
                                     UnitDef{"mCi", 37.0}};
constexpr std::array kDoseGy = {UnitDef{"Gy", 1.0}, UnitDef{"mGy", 1e-3}};
constexpr std::array kWeightKg = {UnitDef{"kg", 1.0}, UnitDef{"[lb_av]", 0.45359237},
                                  UnitDef{"g", 1e-3}};
constexpr std::array kHeightCm = {UnitDef{"cm", 1.0}, UnitDef{"m", 100.0}, UnitDef{"[in_i]", 2.54}};
constexpr std::array kLengthMm = {UnitDef{"mm", 1.0}, UnitDef{"cm", 10.0}};
constexpr std::array kMassG = {UnitDef{"g", 1.0}, UnitDef{"kg", 1e3}};
constexpr std::array kVolumeMl = {UnitDef{"mL", 1.0}, UnitDef{"cm3", 1.0}, UnitDef{"L", 1e3}};
constexpr std::array kDensityHu = {UnitDef{"[hnsf'U]", 1.0}};
constexpr std::array kTimeH = {UnitDef{"h", 1.0}, UnitDef{"min", 1.0 / 60.0}, UnitDef{"d", 24.0}};
constexpr std::array kCreatinine = {UnitDef{"umol/L", 1.0}, UnitDef{"mg/dL", 88.4}};
constexpr std::array kHaemoglobin = {UnitDef{"g/L", 1.0}, UnitDef{"g/dL", 10.0}};
constexpr std::array kCells = {UnitDef{"10*9/L", 1.0}, UnitDef{"10*3/uL", 1.0}};
constexpr std::array kEnzyme = {UnitDef{"U/L", 1.0}};
constexpr std::array kBilirubin = {UnitDef{"umol/L", 1.0}, UnitDef{"mg/dL", 17.1}};
constexpr std::array kAlbumin = {UnitDef{"g/L", 1.0}, UnitDef{"g/dL", 10.0}};
constexpr std::array kChromogranin = {UnitDef{"ng/mL", 1.0}, UnitDef{"ug/L", 1.0}};
// white cells and lymphocytes: 1 /uL = 1 /mm3 = 10^6/L = 0.001 x 10^9/L
constexpr std::array kLeucocytes = {UnitDef{"10*9/L", 1.0}, UnitDef{"10^9/L", 1.0},
                                    UnitDef{"10*3/uL", 1.0}, UnitDef{"/uL", 1e-3},
                                    UnitDef{"/mm3", 1e-3}};
constexpr std::array kRatio = {UnitDef{"1", 1.0}};
// 5-HIAA C10H9NO3, molar mass 191.18 g/mol: 1 mg = 1000/191.18 = 5.23 umol
constexpr std::array kHiaa = {UnitDef{"umol/(24.h)", 1.0}, UnitDef{"umol/d", 1.0},
                              UnitDef{"mg/(24.h)", 5.23}, UnitDef{"mg/d", 5.23}};
}  // namespace
std::span<const UnitDef> activity_gbq() {
  return kActivityGbq;
}
std::span<const UnitDef> activity_mbq() {
  return kActivityMbq;
}
std::span<const UnitDef> dose_gy() {
  return kDoseGy;
}
std::span<const UnitDef> weight_kg() {
  return kWeightKg;
}
std::span<const UnitDef> height_cm() {
  return kHeightCm;
}
std::span<const UnitDef> length_mm() {
  return kLengthMm;
}
std::span<const UnitDef> mass_g() {
  return kMassG;
}
std::span<const UnitDef> volume_ml() {
  return kVolumeMl;
}
std::span<const UnitDef> density_hu() {
  return kDensityHu;
}
std::span<const UnitDef> time_h() {
  return kTimeH;
}
std::span<const UnitDef> lab(Analyte a) {
  switch (a) {
    case Analyte::creatinine:
      return kCreatinine;
    case Analyte::haemoglobin:
      return kHaemoglobin;
    case Analyte::platelets:
    case Analyte::neutrophils:
      return kCells;
    case Analyte::ast:
    case Analyte::alt:
      return kEnzyme;
    case Analyte::bilirubin:
      return kBilirubin;
    case Analyte::albumin:
      return kAlbumin;
    case Analyte::chromogranin_a:
      return kChromogranin;
    case Analyte::white_cells:
    case Analyte::lymphocytes:
      return kLeucocytes;
    case Analyte::inr:
      return kRatio;
    case Analyte::hiaa_5:
      return kHiaa;
  }
  return kEnzyme;
}
}  // namespace unit_tables

}  // namespace rlt::model
