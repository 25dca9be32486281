// The case: one patient at one decision point (rltguide-case/2; rltguide-case/1 files are read
// and upgraded to this model, what v1 could not say staying unknown). Every clinical fact is a
// Fact<T> and may be missing; see docs/case-format.md for each field and
// ../shared/spec/clinical-model.md section 1 for why the engine needs it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/fact.hpp"
#include "base/source.hpp"
#include "base/units.hpp"

namespace rlt::model {

inline constexpr std::string_view kCaseFormatV1 = "rltguide-case/1";
inline constexpr std::string_view kCaseFormat = "rltguide-case/2";  ///< the current one

enum class Sex { female, male };
enum class HereditarySyndrome { none, men1, men4, vhl, nf1, tsc, other };
enum class CgaResult { fit, vulnerable, frail };
enum class PrimarySite {
  pancreas,
  stomach,
  duodenum,
  jejunum,
  ileum,
  appendix,
  colon,
  rectum,
  unknown_primary_gep,
  lung,
  other
};
enum class Differentiation { well, poor };
enum class Histology { net, nec, minen };
enum class Grade { g1, g2, g3 };
enum class SampleSite { primary, metastasis };
enum class Functional {
  non_functioning,
  carcinoid_syndrome,
  insulinoma,
  gastrinoma,
  vipoma,
  glucagonoma,
  other
};
enum class Extent { localized, locally_advanced, metastatic };
enum class Mgmt { deficient, proficient, unknown };
enum class SstrModality { pet, scintigraphy, spect };  ///< "scintigraphy" = planar
enum class UptakeVsLiver { below, equal, above };
enum class Modality { ct, mri, chest_xray };
enum class Phase { arterial, portal_venous, delayed, non_contrast, other };
enum class LesionState { measured, too_small, disappeared, not_evaluable };
enum class NonTargetStatus { present, absent, unequivocal_progression, not_evaluated };
enum class NewLesions { no, equivocal, yes };
enum class TreatmentCategory {
  ssa,
  rlt,
  everolimus,
  sunitinib,
  chemotherapy,
  surgery,
  locoregional,
  other
};
enum class Response { cr, pr, sd, pd, ne };
enum class StopReason { progression, toxicity, completed, ongoing, other };
enum class Radiopharmaceutical { lu177_dotatate, lu177_dotatoc, y90_dotatoc, other };
enum class ProgressionStatus { progressive, stable, responding, unknown };
enum class ProgressionBasis { recist, other_imaging, clinical, biochemical_only };
enum class Analyte {
  creatinine,
  haemoglobin,
  platelets,
  neutrophils,
  ast,
  alt,
  bilirubin,
  albumin,
  chromogranin_a,
  white_cells,  ///< v2 from here on
  lymphocytes,
  inr,
  hiaa_5  ///< 5-HIAA in 24-hour urine
};
enum class PregnancyTestResult { negative, positive };
enum class VisitResponseCode { cr, pr, sd, pd, ne, non_cr_non_pd };
enum class Organ { kidneys, kidney_left, kidney_right, bone_marrow, spleen, liver, tumour };

/// G8 geriatric screening (Bellera et al., Ann Oncol 2012). Half points occur (self-rated
/// health "does not know" = 0.5), so scores are numbers, not integers.
struct G8 {
  Fact<double> total;  ///< 0–17, as reported
  /// The 8 item scores when given, in the order food_intake, weight_loss, mobility,
  /// neuropsychological, bmi, medications, self_rated_health, age; empty otherwise.
  std::vector<Fact<double>> items;
  std::string items_pointer;

  bool operator==(const G8&) const = default;
};

/// The latest pregnancy test (v2).
struct PregnancyTest {
  std::string pointer;
  Fact<Date> date;
  Fact<PregnancyTestResult> result;

  bool operator==(const PregnancyTest&) const = default;
};

struct Patient {
  Fact<double> age_years;
  Fact<Date> birth_date;
  Fact<Sex> sex;
  Fact<units::Kilogram> weight;
  Fact<units::Centimetre> height;
  Fact<int> ecog;
  Fact<int> karnofsky;
  G8 g8;
  Fact<CgaResult> cga;
  Fact<std::vector<std::string>> comorbidities;
  Fact<bool> unfit_for_other_treatment;
  Fact<bool> pregnant;
  Fact<bool> breastfeeding;
  Fact<HereditarySyndrome> hereditary_syndrome;
  /// v2. JSON "yes"/"no"/"unknown"; "unknown" or absent -> not known.
  Fact<bool> childbearing_potential;
  PregnancyTest pregnancy_test;  ///< v2: the latest test

  bool operator==(const Patient&) const = default;
};

struct Tumour {
  Fact<PrimarySite> primary_site;
  Fact<Differentiation> differentiation;
  Fact<Histology> histology;
  Fact<double> ki67;     ///< percent
  Fact<double> mitoses;  ///< per 2 mm²
  Fact<Date> sample_date;
  Fact<SampleSite> sample_site;
  Fact<Grade> reported_grade;
  Fact<Functional> functional;
  Fact<Extent> extent;
  Fact<bool> resectable;
  Fact<std::vector<std::string>> metastatic_sites;
  Fact<double> hepatic_involvement;  ///< percent of liver volume
  Fact<bool> bulky;
  Fact<bool> symptoms;  ///< tumour-related symptoms
  Fact<Mgmt> mgmt;
  Fact<Date> diagnosis_date;

  bool operator==(const Tumour&) const = default;
};

/// One lesion on one SSTR study (v2). The id names the same lesion at every SSTR study.
struct SstrLesion {
  std::string id;
  std::string pointer;
  Fact<std::string> site;               ///< free text organ/site, e.g. "liver segment 7"
  Fact<UptakeVsLiver> uptake_vs_liver;  ///< below / equal / above normal liver
  Fact<int> krenning;                   ///< 0–4

  bool operator==(const SstrLesion&) const = default;
};

struct SstrImaging {
  std::string id;
  std::string pointer;
  Fact<Date> date;
  Fact<std::string> tracer;
  Fact<SstrModality> modality;
  Fact<int> krenning;  ///< 0–4
  Fact<UptakeVsLiver> uptake_vs_liver;
  Fact<bool> all_lesions_positive;
  Fact<bool> heterogeneous;
  Fact<bool> sstr_negative_lesions;
  std::vector<SstrLesion> lesions;  ///< v2; complete when given
  bool lesions_given = false;

  bool operator==(const SstrImaging&) const = default;
};

/// One lesion on one FDG PET study (v2).
struct FdgLesion {
  std::string id;
  std::string pointer;
  Fact<std::string> site;
  Fact<bool> avid;                ///< FDG-avid (uptake above background as read)
  Fact<double> suvmax;            ///< >= 0
  Fact<std::string> sstr_lesion;  ///< id of the SSTR lesion it matches, if any

  bool operator==(const FdgLesion&) const = default;
};

struct FdgPet {
  std::string id;
  std::string pointer;
  Fact<Date> date;
  Fact<bool> positive;
  Fact<bool> mismatch;             ///< FDG-positive lesions without SSTR uptake
  std::vector<FdgLesion> lesions;  ///< v2; complete when given
  bool lesions_given = false;

  bool operator==(const FdgPet&) const = default;
};

struct Lesion {
  std::string id;
  std::string pointer;
  Fact<std::string> organ;
  Fact<bool> nodal;
  Fact<bool> target;  ///< chosen as a RECIST target lesion (at baseline)
  Fact<LesionState> state;
  Fact<units::Millimetre> long_axis;
  Fact<units::Millimetre> short_axis;
  Fact<units::Hounsfield> density;
  Fact<bool> necrosis;
  Fact<NonTargetStatus> non_target_status;
  Fact<std::string> fragment_of;     ///< a split lesion: id of the lesion it split from
  Fact<std::string> coalesced_into;  ///< merged lesions: id of the lesion that now holds it

  bool operator==(const Lesion&) const = default;
};

struct ImagingStudy {
  std::string id;
  std::string pointer;
  Fact<Date> date;
  Fact<Modality> modality;
  Fact<bool> contrast;
  Fact<Phase> phase;  ///< v1 field; in v2 the single phase when `phases` has exactly one
  Fact<units::Millimetre> slice_thickness;
  Fact<bool> baseline;  ///< the RECIST baseline of the series
  std::vector<Lesion> lesions;
  Fact<NewLesions> new_lesions;
  Fact<bool> new_intratumoural_nodules;
  /// v2 (multiphase CT); a v1 `phase` upgrades to {phase}; empty = not known
  std::vector<Phase> phases;

  bool operator==(const ImagingStudy&) const = default;
};

struct Lab {
  std::string pointer;
  Fact<Analyte> analyte;
  Fact<Date> date;
  Fact<double> value;  ///< canonical unit of the analyte (see units_for)
  Fact<double> uln;    ///< same unit
  Fact<double> lln;    ///< same unit

  bool operator==(const Lab&) const = default;
};

struct Treatment {
  std::string id;
  std::string pointer;
  Fact<TreatmentCategory> category;
  Fact<std::string> agent;
  Fact<std::string> regimen;
  Fact<double> dose_mg;
  Fact<int> interval_days;
  Fact<Date> start;
  Fact<Date> end;
  Fact<Response> best_response;
  Fact<StopReason> stop_reason;
  Fact<Date> progression_date;
  Fact<Date> last_injection;  ///< v2, long-acting SSA: date of the last injection

  bool operator==(const Treatment&) const = default;
};

/// A response reported at one visit (v2), e.g. by the radiologist of a registry.
struct VisitResponse {
  std::string pointer;
  Fact<Date> date;
  Fact<VisitResponseCode> response;
  Fact<std::string> study;     ///< optional id of the CT/MRI study (imaging.studies)
  Fact<std::string> criteria;  ///< e.g. "RECIST 1.1"

  bool operator==(const VisitResponse&) const = default;
};

/// A time point of organ activity measured after an injection.
struct ActivityPoint {
  Fact<units::Hours> time;
  Fact<units::Mbq> activity;

  bool operator==(const ActivityPoint&) const = default;
};

struct OrganMeasurement {
  std::string pointer;
  Fact<Organ> organ;
  std::vector<ActivityPoint> points;
  Fact<units::Gram> mass;
  Fact<units::Millilitre> volume;

  bool operator==(const OrganMeasurement&) const = default;
};

struct BloodSample {
  Fact<units::Hours> time;
  Fact<double> activity_concentration;  ///< MBq/mL of blood

  bool operator==(const BloodSample&) const = default;
};

struct OrganDose {
  std::string pointer;
  Fact<Organ> organ;
  Fact<units::Gray> dose;

  bool operator==(const OrganDose&) const = default;
};

struct CycleDosimetry {
  std::string pointer;
  std::vector<OrganDose> reported;             ///< absorbed doses from the department's software
  std::vector<OrganMeasurement> measurements;  ///< organ activity over time, to compute doses
  std::vector<BloodSample> blood;
  Fact<double> haematocrit;  ///< fraction 0–1

  bool operator==(const CycleDosimetry&) const = default;
};

struct RltCycle {
  std::string id;
  std::string pointer;
  Fact<std::string> course;  ///< course label: cycles of the same course share it
  Fact<Date> date;
  Fact<Radiopharmaceutical> radiopharmaceutical;
  Fact<units::Gbq> activity;
  CycleDosimetry dosimetry;

  bool operator==(const RltCycle&) const = default;
};

struct Progression {
  Fact<ProgressionStatus> status;
  Fact<ProgressionBasis> basis;
  Fact<Date> date;
  Fact<bool> rapid;
  Fact<bool> behaviour_change;  ///< clear increase in lesion number or burden

  bool operator==(const Progression&) const = default;
};

struct Process {
  Fact<bool> mdt_discussed;
  Fact<Date> mdt_date;
  Fact<std::string> patient_preference;

  bool operator==(const Process&) const = default;
};

struct Case {
  std::string format;
  Fact<std::string> case_id;
  Fact<std::string> description;
  Fact<Date> assessment_date;
  Patient patient;
  Tumour tumour;
  std::vector<SstrImaging> sstr_imaging;
  std::vector<FdgPet> fdg_pet;
  std::vector<ImagingStudy> studies;
  std::vector<Lab> labs;
  std::vector<Treatment> treatments;
  std::vector<RltCycle> rlt_cycles;
  Progression progression;
  Process process;
  std::string imaging_pointer = "/imaging";
  /// Whether the lists were given at all: a given list is taken as complete, so an empty one
  /// means "none"; an absent one means "not known".
  bool treatments_given = false;
  bool rlt_cycles_given = false;
  bool labs_given = false;
  bool sstr_given = false;
  bool fdg_given = false;
  std::vector<VisitResponse> responses;  ///< v2: per-visit reported responses
  bool responses_given = false;
  /// Facts imported from an EHR: the FHIR resource behind each JSON pointer (empty for a case
  /// file). Decisions cite it beside the pointer.
  std::map<std::string, FhirRef, std::less<>> provenance;

  bool operator==(const Case&) const = default;
};

}  // namespace rlt::model
