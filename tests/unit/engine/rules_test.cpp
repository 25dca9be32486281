// Every branch of every rule, and both sides of each threshold a rule uses. The expected
// verdicts follow the consensus text (Panzuto et al. 2024), question by question; each test
// names the rules it covers with "@covers" (read by the traceability matrix).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "engine/engine.hpp"
#include "model/case_parser.hpp"
#include "render/report.hpp"

namespace rlt::engine {
// gtest prints a verdict by its code
void PrintTo(Verdict v, std::ostream* os) {
  *os << code(v);
}
namespace {

// A NETTER-1-like case: metastatic ileal NET G2, SSTR-positive, progressing on standard-dose
// octreotide, MDT done, recent imaging and labs. Each test changes what it needs.
Json base() {
  return Json::parse(R"({
    "format": "rltguide-case/2", "case_id": "R", "assessment_date": "2025-03-10",
    "patient": {"age": 64, "sex": "male", "weight": {"value": 78, "unit": "kg"}, "ecog": 1,
                "comorbidities": [],
                "unfit_for_other_treatment": false, "hereditary_syndrome": "none"},
    "tumour": {"primary_site": "ileum", "differentiation": "well", "histology": "net", "ki67": 8,
               "mitoses": 3, "extent": "metastatic", "resectable": false, "bulky": false,
               "symptoms": false, "functional": "non_functioning", "diagnosis_date": "2022-01-10",
               "sample_date": "2022-01-10", "sample_site": "metastasis"},
    "imaging": {
      "sstr": [{"id": "s1", "date": "2025-02-20", "krenning": 3, "heterogeneous": false,
                "sstr_negative_lesions": false}],
      "fdg_pet": [],
      "studies": [{"id": "c1", "date": "2025-02-15", "modality": "ct", "contrast": true,
                   "lesions": [{"id": "L1", "target": true, "long_axis": {"value": 30, "unit": "mm"}}]}]},
    "labs": [
      {"analyte": "creatinine", "date": "2025-03-01", "value": {"value": 80, "unit": "umol/L"}},
      {"analyte": "haemoglobin", "date": "2025-03-01", "value": {"value": 135, "unit": "g/L"}},
      {"analyte": "platelets", "date": "2025-03-01", "value": {"value": 210, "unit": "10*9/L"}},
      {"analyte": "ast", "date": "2025-03-01", "value": {"value": 30, "unit": "U/L"}, "uln": {"value": 40, "unit": "U/L"}},
      {"analyte": "alt", "date": "2025-03-01", "value": {"value": 30, "unit": "U/L"}, "uln": {"value": 40, "unit": "U/L"}}],
    "treatments": [{"id": "ssa-1", "category": "ssa", "agent": "octreotide LAR", "dose_mg": 30,
                    "interval_days": 28, "start": "2022-02-01", "stop_reason": "ongoing"}],
    "rlt_cycles": [],
    "progression": {"status": "progressive", "basis": "recist", "date": "2025-02-15",
                    "rapid": false, "behaviour_change": false},
    "process": {"mdt_discussed": true, "mdt_date": "2025-03-05"}
  })");
}

Decision eval(const Json& j, Policy p = {}) {
  auto parsed = model::parse_case(j.dump());
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.diagnostics.items()[0].to_string());
  return evaluate(parsed.value, p, kb::builtin());
}

const Answer& q(const Decision& r, const std::string& id) {
  auto it = std::find_if(r.questions.begin(), r.questions.end(),
                         [&](const Answer& a) { return a.id == id; });
  if (it == r.questions.end()) throw std::logic_error("no answer " + id);
  return *it;
}

/// The latest RECIST 1.1 overall response the decision computed (Q7 and its chart).
std::string last_response(const Decision& r) {
  if (!r.recist) return "none";
  return std::string(calc::recist::to_string(r.recist->timepoints.back().overall));
}

bool fired(const Answer& a, const std::string& rule) {
  return std::find(a.rules.begin(), a.rules.end(), rule) != a.rules.end();
}
bool has_code(const std::vector<Coded>& cs, const std::string& code) {
  return std::any_of(cs.begin(), cs.end(), [&](const Coded& c) { return c.code == code; });
}
bool missing_pointer(const Answer& a, const std::string& ptr) {
  return std::any_of(a.missing.begin(), a.missing.end(),
                     [&](const MissingFact& m) { return m.source.pointer == ptr; });
}

// ---------------------------------------------------------------- scope
// @covers scope.out_of_scope
TEST(Scope, NecMinenHereditaryAndNonGepAreOutOfScope) {
  auto j = base();
  EXPECT_EQ(eval(j).scope.verdict, "in_scope");
  j["tumour"]["histology"] = "nec";
  j["tumour"]["differentiation"] = "poor";
  auto r = eval(j);
  EXPECT_EQ(r.scope.verdict, "out_of_scope");
  EXPECT_EQ(r.scope.reasons, (std::vector<std::string>{"nec", "poorly_differentiated"}));
  EXPECT_EQ(q(r, "Q1").verdict, "not_applicable");
  EXPECT_TRUE(fired(q(r, "Q1"), "scope.out_of_scope"));
  j = base();
  j["patient"]["hereditary_syndrome"] = "men1";
  EXPECT_EQ(eval(j).scope.reasons, std::vector<std::string>{"hereditary_syndrome"});
  j = base();
  j["tumour"]["primary_site"] = "lung";
  EXPECT_EQ(eval(j).scope.reasons, std::vector<std::string>{"not_gep"});
  j = base();
  j["tumour"]["histology"] = "minen";
  EXPECT_EQ(eval(j).scope.reasons, std::vector<std::string>{"minen"});
}

// @covers scope.unconfirmed
TEST(Scope, UnknownHereditaryStatusLeavesEveryAnswerInsufficientButKeepsTheConditionalVerdict) {
  auto j = base();
  j["patient"].erase("hereditary_syndrome");
  auto r = eval(j);
  EXPECT_EQ(r.scope.verdict, "insufficient_data");
  const auto& a = q(r, "Q1");
  EXPECT_EQ(a.verdict, "insufficient_data");
  ASSERT_TRUE(a.verdict_if_in_scope);
  EXPECT_EQ(*a.verdict_if_in_scope, "candidate");
  EXPECT_TRUE(missing_pointer(a, "/patient/hereditary_syndrome"));
}

// ---------------------------------------------------------------- Q1
// @covers q1.candidate
TEST(RuleQ1, AdvancedSstrPositiveProgressingOnSsaIsACandidate) {
  auto a = q(eval(base()), "Q1");
  EXPECT_EQ(a.verdict, "candidate");
  EXPECT_EQ(a.level, "1b");
  EXPECT_EQ(a.strength, "A");
  EXPECT_TRUE(has_code(a.actions, "consider_rlt"));
}

// @covers q1.not_advanced
TEST(RuleQ1, LocalisedDiseaseIsNotACandidate) {
  auto j = base();
  j["tumour"]["extent"] = "localized";
  EXPECT_EQ(q(eval(j), "Q1").verdict, "not_candidate");
  j["tumour"]["extent"] = "locally_advanced";
  j["tumour"]["resectable"] = true;
  EXPECT_EQ(q(eval(j), "Q1").verdict, "not_candidate");
  j["tumour"]["resectable"] = false;  // unresectable locally advanced counts as advanced
  EXPECT_EQ(q(eval(j), "Q1").verdict, "candidate");
}

// @covers q1.sstr_negative
TEST(RuleQ1, KrenningBelowTwoIsNotACandidateAndTwoIs) {
  auto j = base();
  j["imaging"]["sstr"][0]["krenning"] = 1;  // below liver
  auto a = q(eval(j), "Q1");
  EXPECT_EQ(a.verdict, "not_candidate");
  EXPECT_TRUE(fired(a, "q1.sstr_negative"));
  j["imaging"]["sstr"][0]["krenning"] = 2;  // about equal to liver: positive (SmPC wording)
  EXPECT_EQ(q(eval(j), "Q1").verdict, "candidate");
}

// @covers q1.insufficient
TEST(RuleQ1, MissingSstrImagingGivesInsufficientDataNamingIt) {
  auto j = base();
  j["imaging"].erase("sstr");
  auto a = q(eval(j), "Q1");
  EXPECT_EQ(a.verdict, "insufficient_data");
  EXPECT_TRUE(missing_pointer(a, "/imaging/sstr"));
}

// @covers q1.first_line_pending_approval q1.candidate_first_line
TEST(RuleQ1, Netter2PopulationDependsOnThePolicy) {
  auto j = base();
  j["treatments"] = Json::array();
  j["tumour"]["ki67"] = 15;
  j["tumour"]["diagnosis_date"] = "2025-01-10";  // 2 months before assessment
  j["progression"] = {{"status", "unknown"}};
  auto a = q(eval(j), "Q1");
  EXPECT_EQ(a.verdict, "first_line_pending_approval");
  Policy p;
  p.first_line_approved = true;
  EXPECT_EQ(q(eval(j, p), "Q1").verdict, "candidate_first_line");
}

// @covers q1.candidate_other_first_line
TEST(RuleQ1, ProgressionOnAnotherFirstLineIsACandidateFromTheText) {
  auto j = base();
  j["treatments"] = Json::parse(R"([{"id": "cap", "category": "chemotherapy", "regimen": "CAPTEM",
    "start": "2023-01-01", "end": "2024-06-01", "stop_reason": "progression"}])");
  auto a = q(eval(j), "Q1");
  EXPECT_EQ(a.verdict, "candidate");
  EXPECT_FALSE(a.graded);
  EXPECT_TRUE(has_code(a.cautions, "not_after_ssa"));
}

// @covers q1.no_ssa_progression
TEST(RuleQ1, Netter2KiBoundaries) {
  auto j = base();
  j["treatments"] = Json::array();
  j["tumour"]["diagnosis_date"] = "2025-01-10";
  j["tumour"]["ki67"] = 10;  // lower bound included (NETTER-2: 10–55 %)
  EXPECT_EQ(q(eval(j), "Q1").verdict, "first_line_pending_approval");
  j["tumour"]["ki67"] = 9.9;
  auto a = q(eval(j), "Q1");
  EXPECT_EQ(a.verdict, "not_candidate");
  EXPECT_TRUE(fired(a, "q1.no_ssa_progression"));
  j["tumour"]["ki67"] = 55;  // upper bound included
  j["tumour"]["mitoses"] = 25;
  EXPECT_EQ(q(eval(j), "Q1").verdict, "first_line_pending_approval");
  j["tumour"]["ki67"] = 55.1;
  EXPECT_EQ(q(eval(j), "Q1").verdict, "not_candidate");
}

TEST(RuleQ1, BulkySymptomaticDiseaseCarriesTheChemotherapyCaution) {
  auto j = base();
  j["tumour"]["bulky"] = true;
  j["tumour"]["symptoms"] = true;
  EXPECT_TRUE(has_code(q(eval(j), "Q1").cautions, "chemotherapy_may_be_preferred"));
  j["tumour"]["symptoms"] = false;
  EXPECT_FALSE(has_code(q(eval(j), "Q1").cautions, "chemotherapy_may_be_preferred"));
}

// ---------------------------------------------------------------- Q2
// @covers q2.documented
TEST(RuleQ2, RecistProgressionIsDocumented) {
  auto a = q(eval(base()), "Q2");
  EXPECT_EQ(a.verdict, "documented");
  EXPECT_TRUE(a.actions.empty());
}

// @covers q2.not_imaging_based
TEST(RuleQ2, BiochemicalProgressionAloneIsNotDocumented) {
  auto j = base();
  j["progression"]["basis"] = "biochemical_only";
  j["imaging"]["studies"][0]["lesions"][0].erase("target");
  auto r = eval(j);
  EXPECT_EQ(q(r, "Q1").verdict, "insufficient_data");  // progression on SSA is not proven
  auto a = q(r, "Q2");
  EXPECT_EQ(a.verdict, "not_documented");
  EXPECT_TRUE(has_code(a.cautions, "biochemical_progression_only"));
  EXPECT_TRUE(has_code(a.actions, "ct_mri_required"));
}

// @covers q2.no_progression
TEST(RuleQ2, StableDiseaseIsNotDocumentedProgression) {
  auto j = base();
  j["progression"]["status"] = "stable";
  EXPECT_EQ(q(eval(j), "Q2").verdict, "not_documented");
}

// @covers q2.insufficient
TEST(RuleQ2, UnknownProgressionIsInsufficient) {
  auto j = base();
  j.erase("progression");
  auto a = q(eval(j), "Q2");
  EXPECT_EQ(a.verdict, "insufficient_data");
  EXPECT_TRUE(missing_pointer(a, "/progression/status"));
}

// @covers q2.mdt_required q2.ct_mri_required q2.sstr_pet_required
TEST(RuleQ2, MissingPrerequisitesBecomeActions) {
  auto j = base();
  j["process"]["mdt_discussed"] = false;
  j["imaging"]["studies"][0]["date"] = "2024-11-01";  // 129 days old (> 90)
  j["imaging"]["sstr"][0]["date"] = "2024-08-01";     // 221 days old (> 180)
  auto a = q(eval(j), "Q2");
  EXPECT_TRUE(has_code(a.actions, "mdt_required"));
  EXPECT_TRUE(has_code(a.actions, "ct_mri_required"));
  EXPECT_TRUE(has_code(a.actions, "sstr_pet_required"));
  // the other side of the windows: 90 and 180 days old are still current
  j["process"]["mdt_discussed"] = true;
  j["imaging"]["studies"][0]["date"] = "2024-12-10";  // 90 days
  j["imaging"]["sstr"][0]["date"] = "2024-09-11";     // 180 days
  a = q(eval(j), "Q2");
  EXPECT_TRUE(a.actions.empty()) << a.actions[0].code;
}

// @covers q2.behaviour_change
TEST(RuleQ2, ChangedBehaviourSuggestsFdgPetAndRebiopsyOfOldPrimaryHistology) {
  auto j = base();
  j["progression"]["behaviour_change"] = true;
  j["tumour"]["sample_site"] = "primary";
  j["tumour"]["sample_date"] = "2018-01-01";
  auto a = q(eval(j), "Q2");
  EXPECT_TRUE(has_code(a.actions, "consider_fdg_pet"));
  ASSERT_TRUE(has_code(a.actions, "consider_rebiopsy"));
  auto it = std::find_if(a.actions.begin(), a.actions.end(),
                         [](const Coded& c) { return c.code == "consider_rebiopsy"; });
  EXPECT_NE(it->text.find("comes from the primary"), std::string::npos);
}

// ---------------------------------------------------------------- Q3
// @covers q3.not_required
TEST(RuleQ3, HomogeneousUptakeWithoutRapidProgressionNeedsNoFdgPet) {
  EXPECT_EQ(q(eval(base()), "Q3").verdict, "not_required");
}

// @covers q3.recommended
TEST(RuleQ3, HeterogeneousUptakeOrRapidProgressionCallsForFdgPet) {
  auto j = base();
  j["imaging"]["sstr"][0]["heterogeneous"] = true;
  EXPECT_EQ(q(eval(j), "Q3").verdict, "recommended");
  j = base();
  j["progression"]["rapid"] = true;
  EXPECT_EQ(q(eval(j), "Q3").verdict, "recommended");
}

// @covers q3.done
TEST(RuleQ3, RecentFdgPetIsDoneAndMismatchIsFlagged) {
  auto j = base();
  j["progression"]["rapid"] = true;
  j["imaging"]["fdg_pet"] =
      Json::parse(R"([{"id": "f1", "date": "2025-02-25", "positive": true, "mismatch": true}])");
  auto a = q(eval(j), "Q3");
  EXPECT_EQ(a.verdict, "done");
  EXPECT_TRUE(has_code(a.cautions, "fdg_sstr_mismatch"));
}

// @covers q3.insufficient
TEST(RuleQ3, UnknownFdgHistoryOrUnknownTriggersAreInsufficient) {
  auto j = base();
  j["progression"]["rapid"] = true;
  j["imaging"].erase("fdg_pet");
  EXPECT_EQ(q(eval(j), "Q3").verdict, "insufficient_data");
  j = base();
  j["progression"].erase("rapid");
  EXPECT_EQ(q(eval(j), "Q3").verdict, "insufficient_data");
}

// ---------------------------------------------------------------- Q4–Q6 gates
// @covers q4.rlt_preferred q4.not_g1g2 q5.not_g1g2 q6.not_g1g2
TEST(RuleQ4, RltPreferredForG1G2AndNotApplicableForG3) {
  auto a = q(eval(base()), "Q4");
  EXPECT_EQ(a.verdict, "rlt_preferred");
  EXPECT_EQ(a.level, "2b");
  EXPECT_EQ(a.strength, "B");
  auto j = base();
  j["tumour"]["ki67"] = 20.1;  // G3 (> 20 %)
  auto r = eval(j);
  EXPECT_EQ(q(r, "Q4").verdict, "not_applicable");
  EXPECT_EQ(q(r, "Q5").verdict, "not_applicable");
  EXPECT_EQ(q(r, "Q6").verdict, "not_applicable");
  j["tumour"]["ki67"] = 20;  // G2
  EXPECT_EQ(q(eval(j), "Q4").verdict, "rlt_preferred");
}

// @covers q4.no_ssa_failure q5.no_ssa_failure q6.no_ssa_failure
TEST(RuleQ4, NoSsaFailureMakesTheComparisonsNotApplicable) {
  auto j = base();
  j["treatments"] = Json::array();
  auto r = eval(j);
  EXPECT_EQ(q(r, "Q4").verdict, "not_applicable");
  EXPECT_EQ(q(r, "Q5").verdict, "not_applicable");
  EXPECT_EQ(q(r, "Q6").verdict, "not_applicable");
}

// @covers q4.sstr_negative q5.sstr_negative q6.sstr_negative
TEST(RuleQ4, SstrNegativeDiseaseMakesTheComparisonsNotApplicable) {
  auto j = base();
  j["imaging"]["sstr"][0]["krenning"] = 0;
  auto r = eval(j);
  EXPECT_EQ(q(r, "Q4").verdict, "not_applicable");
  EXPECT_EQ(q(r, "Q5").verdict, "not_applicable");
  EXPECT_EQ(q(r, "Q6").verdict, "not_applicable");
}

// @covers q4.insufficient q5.insufficient q6.insufficient
TEST(RuleQ4, GradeFromOneIndexBelowG3IsNotEnough) {
  auto j = base();
  // Ki-67 8 % alone: the routine biopsy grade (G2); the questions answer on it, with a caution
  // that a mitotic count > 20/2 mm² would make it G3 (WHO 2022; issue 8 item 10)
  j["tumour"].erase("mitoses");
  auto r = eval(j);
  EXPECT_EQ(q(r, "Q4").verdict, "rlt_preferred");
  EXPECT_TRUE(has_code(q(r, "Q4").cautions, "grade_from_ki67_only"));
  EXPECT_EQ(q(r, "Q5").verdict, "rlt_preferred");
  EXPECT_EQ(q(r, "Q6").verdict, "rlt_preferred");
  // the mitotic count alone stays a lower bound: Ki-67 could make it G3
  auto m = base();
  m["tumour"].erase("ki67");
  auto rm = eval(m);
  EXPECT_EQ(q(rm, "Q4").verdict, "insufficient_data");
  EXPECT_TRUE(missing_pointer(q(rm, "Q4"), "/tumour/ki67"));
  j["tumour"]["ki67"] = 25;  // G3 by Ki-67 alone is definite: the higher index wins
  EXPECT_EQ(q(eval(j), "Q4").verdict, "not_applicable");
}

TEST(RuleQ4, PreferenceConditionsNotMetAreNamed) {
  auto j = base();
  j["imaging"]["sstr"][0]["heterogeneous"] = true;
  auto a = q(eval(j), "Q4");
  EXPECT_EQ(a.verdict, "rlt_preferred");
  ASSERT_TRUE(has_code(a.cautions, "preference_conditions_not_met"));
  EXPECT_NE(a.cautions[0].text.find("heterogeneous"), std::string::npos);
}

// @covers q4.prior_rlt q5.prior_rlt q6.prior_rlt q1.prior_rlt
TEST(RuleQ4, AfterRltTheSecondLineComparisonsDoNotApply) {
  auto j = base();
  j["rlt_cycles"] = Json::parse(R"([{"id": "c1", "date": "2023-01-10"}])");
  auto r = eval(j);
  EXPECT_EQ(q(r, "Q4").verdict, "not_applicable");
  EXPECT_EQ(q(r, "Q5").verdict, "not_applicable");
  EXPECT_EQ(q(r, "Q6").verdict, "not_applicable");
  // after any prior RLT a new course is retreatment: Q1 defers to Q10 (issue 8 item 8), so no
  // report calls the patient a candidate in Q1 and not eligible in Q10
  EXPECT_EQ(q(r, "Q1").verdict, "see_q10");
}

// @covers q4.not_advanced q5.not_advanced q6.not_advanced
TEST(RuleQ4, ResectableDiseaseMakesTheComparisonsNotApplicable) {
  auto j = base();
  j["tumour"]["extent"] = "locally_advanced";
  j["tumour"]["resectable"] = true;
  auto r = eval(j);
  EXPECT_EQ(q(r, "Q4").verdict, "not_applicable");
  EXPECT_EQ(q(r, "Q5").verdict, "not_applicable");
  EXPECT_EQ(q(r, "Q6").verdict, "not_applicable");
  j["tumour"].erase("resectable");
  EXPECT_EQ(q(eval(j), "Q4").verdict, "insufficient_data");
}

TEST(RuleQ4, LaterLinesCarryACaution) {
  auto j = base();
  j["treatments"].push_back({{"id", "eve"},
                             {"category", "everolimus"},
                             {"start", "2024-01-01"},
                             {"end", "2024-12-01"},
                             {"stop_reason", "progression"}});
  EXPECT_TRUE(has_code(q(eval(j), "Q4").cautions, "later_line"));
  EXPECT_FALSE(has_code(q(eval(base()), "Q4").cautions, "later_line"));
}

// ---------------------------------------------------------------- Q5
// @covers q5.rlt_preferred
TEST(RuleQ5, IlealNetWithoutRapidProgressionPrefersRlt) {
  EXPECT_EQ(q(eval(base()), "Q5").verdict, "rlt_preferred");
}

// @covers q5.chemotherapy_option
TEST(RuleQ5, PancreaticBulkyOrSymptomaticOrRapidIsAChemotherapyOption) {
  auto j = base();
  j["tumour"]["primary_site"] = "pancreas";
  EXPECT_EQ(q(eval(j), "Q5").verdict, "rlt_preferred");
  j["tumour"]["bulky"] = true;
  EXPECT_EQ(q(eval(j), "Q5").verdict, "chemotherapy_option");
  j["tumour"]["bulky"] = false;
  j["tumour"]["symptoms"] = true;
  EXPECT_EQ(q(eval(j), "Q5").verdict, "chemotherapy_option");
  j = base();  // ileal but bulky: not an option by the pancreatic clause
  j["tumour"]["bulky"] = true;
  EXPECT_EQ(q(eval(j), "Q5").verdict, "rlt_preferred");
  j["progression"]["rapid"] = true;  // rapid progression: any site
  EXPECT_EQ(q(eval(j), "Q5").verdict, "chemotherapy_option");
}

TEST(RuleQ5, PancreaticWithUnknownBurdenIsInsufficient) {
  auto j = base();
  j["tumour"]["primary_site"] = "pancreas";
  j["tumour"].erase("bulky");
  EXPECT_EQ(q(eval(j), "Q5").verdict, "insufficient_data");
}

// ---------------------------------------------------------------- Q6
// @covers q6.rlt_preferred
TEST(RuleQ6, StandardDoseFailureInAFitPatientPrefersRlt) {
  auto a = q(eval(base()), "Q6");
  EXPECT_EQ(a.verdict, "rlt_preferred");
  EXPECT_EQ(a.level, "1b");
}

// @covers q6.hd_ssa_unfit
TEST(RuleQ6, UnfitPatientKeepsHighDoseSsa) {
  auto j = base();
  j["patient"]["unfit_for_other_treatment"] = true;
  EXPECT_EQ(q(eval(j), "Q6").verdict, "hd_ssa_bridge_or_unfit");
  j["patient"].erase("unfit_for_other_treatment");
  EXPECT_EQ(q(eval(j), "Q6").verdict, "insufficient_data");
}

// @covers q6.already_high_dose
TEST(RuleQ6, ProgressionOnHighDoseSsaIsNotThisComparison) {
  auto j = base();
  j["treatments"][0]["dose_mg"] = 60;  // NETTER-1 control arm dose
  EXPECT_EQ(q(eval(j), "Q6").verdict, "not_applicable");
  j["treatments"][0]["dose_mg"] = 30;
  j["treatments"][0]["interval_days"] = 21;  // every 3 weeks: high dose (≤ 21 days)
  EXPECT_EQ(q(eval(j), "Q6").verdict, "not_applicable");
  j["treatments"][0]["interval_days"] = 22;  // a shifted 4-weekly schedule is still standard
  EXPECT_EQ(q(eval(j), "Q6").verdict, "rlt_preferred");
  j["treatments"][0].erase("interval_days");
  EXPECT_EQ(q(eval(j), "Q6").verdict, "insufficient_data");
}

// ---------------------------------------------------------------- Q7
// @covers q7.recist_monitoring
TEST(RuleQ7, RecistResponseIsReportedFromTheMeasurements) {
  auto j = base();
  j["imaging"]["studies"] = Json::parse(R"([
    {"id": "b", "date": "2024-06-01", "baseline": true, "contrast": true,
     "lesions": [{"id": "L1", "target": true, "long_axis": {"value": 50, "unit": "mm"}}]},
    {"id": "f", "date": "2025-02-15", "contrast": true,
     "lesions": [{"id": "L1", "target": true, "long_axis": {"value": 35, "unit": "mm"}}], "new_lesions": "no"}])");
  auto r = eval(j);
  EXPECT_EQ(q(r, "Q7").verdict, "recist_monitoring");
  EXPECT_EQ(last_response(r), "PR");  // 50 → 35 mm is −30 %: PR (RECIST 1.1 ≤ −30 %)
  j["imaging"]["studies"][1]["lesions"][0]["long_axis"]["value"] = 35.1;  // −29.8 %: SD
  EXPECT_EQ(last_response(eval(j)), "SD");
}

// @covers q7.morphology_change
TEST(RuleQ7, NecrosisOrDensityFallWithGrowthIsAMorphologyCaution) {
  auto j = base();
  j["imaging"]["studies"][0]["lesions"][0]["necrosis"] = true;
  EXPECT_TRUE(has_code(q(eval(j), "Q7").cautions, "morphology_change"));
  j = base();
  j["imaging"]["studies"] = Json::parse(R"([
    {"id": "b", "date": "2024-06-01", "lesions": [{"id": "L1", "long_axis": {"value": 30, "unit": "mm"},
      "density": {"value": 90, "unit": "[hnsf'U]"}}]},
    {"id": "f", "date": "2025-02-15", "lesions": [{"id": "L1", "long_axis": {"value": 33, "unit": "mm"},
      "density": {"value": 60, "unit": "[hnsf'U]"}}]}])");
  EXPECT_TRUE(has_code(q(eval(j), "Q7").cautions, "morphology_change"));
  j["imaging"]["studies"][1]["lesions"][0]["density"]["value"] = 95;
  EXPECT_FALSE(has_code(q(eval(j), "Q7").cautions, "morphology_change"));
}

// ---------------------------------------------------------------- Q8
// @covers q8.not_frail
TEST(RuleQ8, YoungerFitPatientIsNotFrail) {
  EXPECT_EQ(q(eval(base()), "Q8").verdict, "not_frail");
}

// @covers q8.frail
TEST(RuleQ8, G8AtOrBelowFourteenIsFrail) {
  auto j = base();
  j["patient"]["age"] = 78;
  // G8 ≤ 14 is abnormal (Bellera et al. 2012): a screen that calls for a comprehensive geriatric
  // assessment, which decides
  j["patient"]["g8"] = {{"total", 14}};
  auto a = q(eval(j), "Q8");
  EXPECT_EQ(a.verdict, "insufficient_data");
  EXPECT_TRUE(has_code(a.actions, "comprehensive_geriatric_assessment"));
  j["patient"]["g8"] = {{"total", 14.5}};
  EXPECT_EQ(q(eval(j), "Q8").verdict, "not_frail");
  j["patient"]["g8"] = {{"total", 14}};
  j["patient"]["cga"] = "frail";  // the comprehensive assessment decides
  EXPECT_EQ(q(eval(j), "Q8").verdict, "frail_rlt_with_caution");
  // issue 8 item 15: "vulnerable" is not "frail" (a caution, not the frail verdict)
  j["patient"]["cga"] = "vulnerable";
  auto v = q(eval(j), "Q8");
  EXPECT_EQ(v.verdict, "not_frail");
  EXPECT_TRUE(has_code(v.cautions, "cga_vulnerable"));
}

// @covers q8.insufficient
TEST(RuleQ8, OlderPatientWithoutScreeningIsInsufficient) {
  auto j = base();
  j["patient"]["age"] = 70;  // G8 age (≥ 70)
  auto a = q(eval(j), "Q8");
  EXPECT_EQ(a.verdict, "insufficient_data");
  EXPECT_TRUE(has_code(a.actions, "g8_screening"));
  j["patient"]["age"] = 69;
  EXPECT_EQ(q(eval(j), "Q8").verdict, "not_frail");  // below 70, ECOG 1, no comorbidity
  j["patient"]["comorbidities"] = {"heart failure"};
  a = q(eval(j), "Q8");
  EXPECT_EQ(a.verdict, "insufficient_data");  // comorbidity: frailty must be assessed
  EXPECT_TRUE(has_code(a.actions, "frailty_assessment"));
  j["patient"].erase("comorbidities");
  EXPECT_EQ(q(eval(j), "Q8").verdict, "insufficient_data");
}

// @covers q8.marrow_caution q8.renal_caution q8.hepatic_caution q8.performance_caution
TEST(RuleQ8, TheilerThresholdsAreCautionFlagsOnBothSides) {
  auto j = base();
  j["labs"][1]["value"]["value"] = 79;   // Hb < 80 g/L
  j["labs"][2]["value"]["value"] = 74;   // platelets < 75
  j["labs"][3]["value"]["value"] = 121;  // AST 121/40 = 3.03 × ULN > 3
  j["patient"]["ecog"] = 3;              // ECOG ≥ 3
  j["labs"][0]["value"]["value"] = 150;  // 64 y male, 150 µmol/L = 1.697 mg/dL → eGFR 44.6
  auto a = q(eval(j), "Q8");
  EXPECT_TRUE(has_code(a.cautions, "marrow_caution"));
  EXPECT_TRUE(has_code(a.cautions, "renal_caution"));
  EXPECT_TRUE(has_code(a.cautions, "hepatic_caution"));
  EXPECT_TRUE(has_code(a.cautions, "performance_caution"));
  j["labs"][1]["value"]["value"] = 80;
  j["labs"][2]["value"]["value"] = 75;
  j["labs"][3]["value"]["value"] = 120;  // exactly 3 × ULN: not above
  j["patient"]["ecog"] = 2;
  j["labs"][0]["value"]["value"] = 145;  // 1.640 mg/dL → eGFR 46.4
  a = q(eval(j), "Q8");
  EXPECT_FALSE(has_code(a.cautions, "marrow_caution"));
  EXPECT_FALSE(has_code(a.cautions, "renal_caution"));
  EXPECT_FALSE(has_code(a.cautions, "hepatic_caution"));
  EXPECT_FALSE(has_code(a.cautions, "performance_caution"));
}

// ---------------------------------------------------------------- Q9
// @covers q9.not_g3
TEST(RuleQ9, NotApplicableBelowG3) {
  EXPECT_EQ(q(eval(base()), "Q9").verdict, "not_applicable");
}

// @covers q9.rlt_pending_approval q9.rlt_option
TEST(RuleQ9, SstrPositiveG3DependsOnApproval) {
  auto j = base();
  j["tumour"]["ki67"] = 30;
  EXPECT_EQ(q(eval(j), "Q9").verdict, "g3_rlt_pending_approval");
  Policy p;
  p.first_line_approved = true;
  EXPECT_EQ(q(eval(j, p), "Q9").verdict, "g3_rlt_option");
}

// @covers q9.chemotherapy_preferred
TEST(RuleQ9, SstrNegativeG3OrProgressionOnRltPrefersChemotherapy) {
  auto j = base();
  j["tumour"]["ki67"] = 30;
  j["imaging"]["sstr"][0]["krenning"] = 1;
  EXPECT_EQ(q(eval(j), "Q9").verdict, "g3_chemotherapy_preferred");
  j["imaging"]["sstr"][0]["krenning"] = 3;
  j["treatments"].push_back({{"id", "rlt-1"},
                             {"category", "rlt"},
                             {"start", "2023-01-01"},
                             {"end", "2023-07-01"},
                             {"stop_reason", "progression"}});
  EXPECT_EQ(q(eval(j), "Q9").verdict, "g3_chemotherapy_preferred");
}

// @covers q9.insufficient
TEST(RuleQ9, NoGradeIsInsufficient) {
  auto j = base();
  j["tumour"].erase("ki67");
  j["tumour"].erase("mitoses");
  EXPECT_EQ(q(eval(j), "Q9").verdict, "insufficient_data");
}

// ---------------------------------------------------------------- Q10
Json with_rlt(double kidney_gy_per_cycle, const std::string& progression_date) {
  auto j = base();
  j["treatments"].push_back({{"id", "rlt-1"},
                             {"category", "rlt"},
                             {"start", "2021-03-01"},
                             {"end", "2021-08-16"},
                             {"best_response", "PR"},
                             {"stop_reason", "completed"},
                             {"progression_date", progression_date}});
  Json cycles = Json::array();
  const char* dates[] = {"2021-03-01", "2021-04-26", "2021-06-21", "2021-08-16"};
  for (int i = 0; i < 4; ++i)
    cycles.push_back(
        {{"id", "c" + std::to_string(i + 1)},
         {"course", "first"},
         {"date", dates[i]},
         {"activity", {{"value", 7.4}, {"unit", "GBq"}}},
         {"dosimetry",
          {{"absorbed_doses",
            {{{"organ", "kidneys"}, {"dose", {{"value", kidney_gy_per_cycle}, {"unit", "Gy"}}}},
             {{"organ", "bone_marrow"}, {"dose", {{"value", 0.2}, {"unit", "Gy"}}}}}}}}});
  j["rlt_cycles"] = cycles;
  j["progression"]["date"] = progression_date;
  return j;
}

// @covers q10.no_prior_rlt
TEST(RuleQ10, NoPriorRltIsNotApplicable) {
  EXPECT_EQ(q(eval(base()), "Q10").verdict, "not_applicable");
}

// @covers q10.retreatment_option
TEST(RuleQ10, LongResponseNewSstrPetAndBudgetLeftIsARetreatmentOption) {
  auto r = eval(with_rlt(4.0, "2024-12-20"));
  const auto& a = q(r, "Q10");
  EXPECT_EQ(a.verdict, "retreatment_option");
  EXPECT_TRUE(has_code(a.cautions, "off_label"));
  // 4 × 4.0 = 16 Gy used; 7 Gy left; 1 Gy/GBq would allow 7 GBq... here 4.0/7.4 = 0.541 Gy/GBq
  // → 7 / 0.541 = 12.95 GBq, capped at 7.4 GBq
  ASSERT_TRUE(r.budget && r.budget->next_activity);
  EXPECT_NEAR(r.budget->kidneys.remaining_gy, 7.0, 1e-9);
  EXPECT_NEAR(r.budget->next_activity->value(), 7.4, 1e-9);
  Policy p;
  p.retreatment_approved = true;
  EXPECT_FALSE(has_code(q(eval(with_rlt(4.0, "2024-12-20"), p), "Q10").cautions, "off_label"));
}

// @covers q10.not_eligible
TEST(RuleQ10, ResponseShorterThanTwelveMonthsOrSpentBudgetIsNotEligible) {
  // last cycle 2021-08-16; "at least one year": progression on 2022-08-16 qualifies, the day
  // before does not (SSTR PET 2025-02-20 is after the course)
  EXPECT_EQ(q(eval(with_rlt(4.0, "2022-08-15")), "Q10").verdict, "not_eligible");
  EXPECT_EQ(q(eval(with_rlt(4.0, "2022-08-16")), "Q10").verdict, "retreatment_option");
  // 4 × 5.75 = 23 Gy: the kidney budget is spent exactly
  auto spent = eval(with_rlt(5.75, "2024-12-20"));
  EXPECT_EQ(q(spent, "Q10").verdict, "not_eligible");
  ASSERT_TRUE(spent.budget && spent.budget->next_activity);
  EXPECT_NEAR(spent.budget->next_activity->value(), 0.0, 1e-9);
}

// @covers q10.sstr_pet_required
TEST(RuleQ10, SstrPetFromBeforeTheFirstCourseDoesNotCount) {
  auto j = with_rlt(4.0, "2024-12-20");
  j["imaging"]["sstr"][0]["date"] = "2020-12-01";
  auto a = q(eval(j), "Q10");
  EXPECT_EQ(a.verdict, "insufficient_data");
  EXPECT_TRUE(has_code(a.actions, "sstr_pet_at_progression"));
}

// @covers q10.insufficient
TEST(RuleQ10, MissingDosimetryIsInsufficient) {
  auto j = with_rlt(4.0, "2024-12-20");
  for (auto& c : j["rlt_cycles"])
    c.erase("dosimetry");
  auto a = q(eval(j), "Q10");
  EXPECT_EQ(a.verdict, "insufficient_data");
  EXPECT_TRUE(has_code(a.actions, "dosimetry_required"));
  j = base();
  j.erase("treatments");
  j.erase("rlt_cycles");
  EXPECT_EQ(q(eval(j), "Q10").verdict, "insufficient_data");
}

// ---------------------------------------------------------------- report contract
TEST(Report, EveryAnswerCarriesGradeReferencesAndProvenance) {
  auto r = eval(base());
  ASSERT_EQ(r.questions.size(), 10u);
  auto j = render::to_json(r);
  EXPECT_EQ(j["format"], "rltguide-report/1");
  EXPECT_EQ(j["ruleset"]["source"]["doi"], "10.1007/s40618-024-02448-6");
  EXPECT_EQ(j["ruleset"]["sha256"].get<std::string>().size(), 64u);
  EXPECT_FALSE(j["generated_by"]["git_commit"].get<std::string>().empty());
  for (const auto& a : j["questions"]) {
    EXPECT_FALSE(a["evidence"]["level"].get<std::string>().empty());
    EXPECT_FALSE(a["references"].empty());
    EXPECT_FALSE(a["recommendation"].get<std::string>().empty());
  }
  EXPECT_NE(render::render_html(r).find("does not make it"), std::string::npos);
  EXPECT_NE(render::render_text(r).find("does not make it"), std::string::npos);
}

// ---------------------------------------------------------------- the ruleset is explicit
// An evaluation uses the thresholds of the ruleset it is given, everywhere: the SSTR positivity
// threshold (Krenning), the Q8 attention flags, the G8 cut-off, RECIST and the Q10 kidney limit.
// Each changed value below is a deliberate edit of the built-in ruleset; each expectation is
// worked out from the case and the edited number.
kb::Ruleset edited_ruleset(const std::map<std::string, double>& values) {
  std::ifstream in(std::string(RLT_SOURCE_DIR) + "/data/ruleset/consensus-2024.json");
  Json doc = Json::parse(in);
  for (auto& t : doc["thresholds"])
    if (auto it = values.find(t["id"].get<std::string>()); it != values.end())
      t["value"] = it->second;
  Diagnostics d;
  auto rs = kb::load_ruleset(doc.dump(), "edited", d);
  EXPECT_TRUE(rs.ok());
  return rs.value();
}

Decision eval_with(const Json& j, const kb::Ruleset& rs) {
  auto parsed = model::parse_case(j.dump());
  EXPECT_TRUE(parsed.ok());
  return evaluate(parsed.value, Policy{}, rs);
}

TEST(ExplicitRuleset, AnEditedRulesetIsAppliedEverywhere) {
  auto rs = edited_ruleset({{"sstr.krenning_positive", 4},
                            {"q8.haemoglobin_caution", 140},
                            {"g8.abnormal", 16},
                            {"recist.pr_change", -40},
                            {"q10.kidney_limit", 20}});
  // Krenning 3: positive at ≥ 2 (built-in), negative at ≥ 4 → Q1 not a candidate.
  EXPECT_EQ(q(eval(base()), "Q1").verdict, "candidate");
  EXPECT_EQ(q(eval_with(base(), rs), "Q1").verdict, "not_candidate");
  // Haemoglobin 135 g/L: no flag at < 80, a marrow flag at < 140.
  EXPECT_FALSE(has_code(q(eval(base()), "Q8").cautions, "marrow_caution"));
  EXPECT_TRUE(has_code(q(eval_with(base(), rs), "Q8").cautions, "marrow_caution"));
  // G8 15: normal at ≤ 14; abnormal at ≤ 16, which calls for a geriatric assessment.
  auto g8 = base();
  g8["patient"]["g8"] = {{"total", 15}};
  EXPECT_EQ(q(eval(g8), "Q8").verdict, "not_frail");
  EXPECT_TRUE(has_code(q(eval_with(g8, rs), "Q8").actions, "comprehensive_geriatric_assessment"));
  // RECIST: 50 → 35 mm is −30 %: PR at ≤ −30 % (built-in), SD at ≤ −40 %.
  auto rc = base();
  rc["imaging"]["studies"] = Json::parse(R"([
    {"id": "b", "date": "2024-06-01", "baseline": true, "contrast": true,
     "lesions": [{"id": "L1", "target": true, "long_axis": {"value": 50, "unit": "mm"}}]},
    {"id": "f", "date": "2025-02-15", "contrast": true,
     "lesions": [{"id": "L1", "target": true, "long_axis": {"value": 35, "unit": "mm"}}], "new_lesions": "no"}])");
  EXPECT_EQ(last_response(eval(rc)), "PR");
  EXPECT_EQ(last_response(eval_with(rc, rs)), "SD");
  // Q10: 4 cycles × 4.0 Gy = 16 Gy used: 7 Gy left of 23, 4 Gy left of 20.
  auto r10 = eval_with(with_rlt(4.0, "2024-12-20"), rs);
  ASSERT_TRUE(r10.budget);
  EXPECT_NEAR(r10.budget->kidneys.remaining_gy, 4.0, 1e-9);
  EXPECT_NEAR(r10.limits.kidney.gy, 20.0, 1e-12);
  EXPECT_FALSE(r10.limits.kidney.overridden);
}

// A policy override of an organ limit is explicit, and the decision says it overrides.
TEST(ExplicitRuleset, APolicyOverrideOfALimitIsReported) {
  Policy p;
  p.kidney_limit_gy = 18.0;
  auto r = eval(with_rlt(4.0, "2024-12-20"), p);
  EXPECT_TRUE(r.limits.kidney.overridden);
  EXPECT_NEAR(r.limits.kidney.gy, 18.0, 1e-12);
  EXPECT_NEAR(r.limits.kidney.ruleset_gy, 23.0, 1e-12);  // q10.kidney_limit
  ASSERT_TRUE(r.budget);
  EXPECT_NEAR(r.budget->kidneys.remaining_gy, 2.0, 1e-9);  // 18 − 16
  EXPECT_NE(render::render_text(r).find("policy override"), std::string::npos);
}

// ---------------------------------------------------------------- the verdict catalogue
// Every verdict an answer gives belongs to its question's catalogue entry, and the report JSON
// Schema lists exactly the verdicts of the catalogue.
TEST(VerdictCatalogue, SchemaEnumsMatchTheCatalogue) {
  std::ifstream in(std::string(RLT_SOURCE_DIR) + "/schemas/report.schema.json");
  Json schema = Json::parse(in);
  auto set_of = [](const Json& e) {
    std::set<std::string> s;
    for (const auto& v : e)
      s.insert(v.get<std::string>());
    return s;
  };
  auto catalogue_set = [](std::initializer_list<std::string_view> entries) {
    std::set<std::string> s;
    for (auto e : entries)
      for (auto v : catalogue_entry(e)->verdicts)
        s.insert(std::string(code(v)));
    return s;
  };
  const auto& p = schema["properties"];
  EXPECT_EQ(set_of(p["scope"]["properties"]["verdict"]["enum"]), catalogue_set({"scope"}));
  EXPECT_EQ(set_of(p["grade"]["properties"]["verdict"]["enum"]), catalogue_set({"grade"}));
  EXPECT_EQ(set_of(p["questions"]["items"]["properties"]["verdict"]["enum"]),
            catalogue_set({"Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10"}));
}

TEST(VerdictCatalogue, EveryExampleAnswerIsInItsQuestionsCatalogue) {
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(RLT_SOURCE_DIR) + "/examples/cases")) {
    std::ifstream in(e.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto parsed = model::parse_case(text);
    ASSERT_TRUE(parsed.ok()) << e.path();
    auto r = evaluate(parsed.value, Policy{}, kb::builtin());
    EXPECT_TRUE(allowed("scope", r.scope.verdict)) << e.path();
    EXPECT_TRUE(allowed("grade", r.grade.verdict)) << e.path();
    for (const auto& a : r.questions)
      EXPECT_TRUE(allowed(a.id, a.verdict)) << e.path() << " " << a.id << " " << code(a.verdict);
  }
}

// ================================================================ engine 2: the board's answer
// Expected values cite the consensus (Panzuto et al. 2024) or the label section they come from.

bool plan_has(const Decision& r, const std::string& code) {
  return std::any_of(r.plan.begin(), r.plan.end(),
                     [&](const PlanItem& p) { return p.code == code; });
}
std::size_t plan_index(const Decision& r, const std::string& code) {
  for (std::size_t i = 0; i < r.plan.size(); ++i)
    if (r.plan[i].code == code) return i;
  return r.plan.size();
}
const EligibilityItem* item_of(const Decision& r, const std::string& code) {
  for (const auto& it : r.eligibility.items)
    if (it.code == code) return &it;
  return nullptr;
}
void set_lab(Json& j, const std::string& analyte, double v) {
  for (auto& l : j["labs"])
    if (l["analyte"] == analyte) l["value"]["value"] = v;
}

// @covers q2.first_line
TEST(Engine2, UntreatedPatientNeedsNoDocumentedProgression) {
  // Q1 text: candidates have progressed on SSA; without any treatment Q2 does not arise.
  auto j = base();
  j["treatments"] = Json::array();
  j["progression"] = Json::object();
  auto r = eval(j);
  EXPECT_EQ(q(r, "Q2").verdict, "not_applicable");
  EXPECT_EQ(r.recommendation.proposed.code, "ssa_first_line");  // Introduction: SSA first line
}

TEST(Engine2, HaemoglobinBelowTheCitedExclusionCrossesEligibilityButKeepsTheVerdict) {
  // Q8 text: Theiler et al. (ref 77) excluded haemoglobin < 80 g/L.
  auto j = base();
  auto ok = eval(j);
  EXPECT_EQ(item_of(ok, "haemoglobin")->crossed, Tri::no);
  set_lab(j, "haemoglobin", 80);  // at the threshold: not crossed ("< 80")
  EXPECT_EQ(item_of(eval(j), "haemoglobin")->crossed, Tri::no);
  set_lab(j, "haemoglobin", 79);
  auto r = eval(j);
  const auto* hb = item_of(r, "haemoglobin");
  ASSERT_NE(hb, nullptr);
  EXPECT_EQ(hb->crossed, Tri::yes);
  EXPECT_EQ(hb->kind, "consensus_exclusion");
  EXPECT_NE(hb->source.find("ref 77"), std::string::npos);
  // the consensus sets no cut-off (Q8, 5-B: greater attention): a caution, not an exclusion
  EXPECT_EQ(hb->effect, "caution");
  EXPECT_NE(r.eligibility.status, "clear");
  // the consensus's verdict stands, with the eligibility caution; RLT is conditional
  EXPECT_EQ(q(r, "Q1").verdict, "candidate");
  EXPECT_TRUE(has_code(q(r, "Q1").cautions, "eligibility_not_clear"));
  EXPECT_TRUE(r.recommendation.proposed.conditional);
  // "reassess X" comes before the RLT decision, and no RLT preparation is planned yet
  EXPECT_LT(plan_index(r, "reassess_haemoglobin"), plan_index(r, "board_decision"));
  EXPECT_FALSE(plan_has(r, "ssa_washout"));
}

TEST(Engine2, PregnancyIsALabelContraindicationAndNotExcludedIsMissing) {
  // EU SmPC 4.3/4.6: contraindicated in established or suspected pregnancy, or when pregnancy
  // has not been excluded; USPI 2.1: verify pregnancy status.
  auto j = base();
  j["patient"]["sex"] = "female";
  j["patient"]["childbearing_potential"] = "yes";
  auto r = eval(j);
  EXPECT_EQ(item_of(r, "pregnancy")->crossed, Tri::unknown);
  EXPECT_EQ(r.eligibility.status, "insufficient_data");
  j["patient"]["pregnancy_test"] = {{"date", "2025-03-05"}, {"result", "negative"}};
  EXPECT_EQ(item_of(eval(j), "pregnancy")->crossed, Tri::no);
  j["patient"]["pregnancy_test"]["result"] = "positive";
  auto p = eval(j);
  EXPECT_EQ(p.eligibility.status, "contraindicated");
  EXPECT_EQ(p.recommendation.proposed.code, "no_rlt_contraindicated");
  EXPECT_FALSE(plan_has(p, "consider_rlt"));
  EXPECT_FALSE(plan_has(p, "amino_acid_infusion"));
  // a man has no pregnancy item to check
  auto m = base();
  EXPECT_EQ(item_of(eval(m), "pregnancy")->crossed, Tri::no);
}

Json pet_lesions(const char* l2_uptake) {
  auto j = base();
  j["imaging"]["sstr"] = Json::parse(std::string(R"([{"id": "s1", "date": "2025-02-20",
      "modality": "pet", "tracer": "68Ga-DOTATATE",
      "lesions": [{"id": "L1", "site": "liver", "uptake_vs_liver": "above"},
                  {"id": "L2", "site": "bone", "uptake_vs_liver": ")") +
                                     l2_uptake + R"("}]}])");
  return j;
}

TEST(Engine2, SstrStatusIsThatOfEveryLesionNeverTheBest) {
  // Conclusions: the preference for RLT applies where the disease homogeneously expresses SSTR.
  auto all = eval(pet_lesions("above"));
  EXPECT_EQ(item_of(all, "sstr_status")->value->display(), "positive");
  EXPECT_FALSE(has_code(q(all, "Q4").cautions, "preference_conditions_not_met"));
  auto one_below = eval(pet_lesions("below"));
  EXPECT_EQ(item_of(one_below, "sstr_status")->value->display(), "heterogeneous");
  EXPECT_EQ(q(one_below, "Q1").verdict, "candidate");  // SSTR expression exists
  EXPECT_TRUE(has_code(q(one_below, "Q4").cautions, "preference_conditions_not_met"));
  EXPECT_EQ(q(one_below, "Q3").verdict,
            "recommended");  // Q3: heterogeneous uptake → FDG PET
                             // on PET, uptake equal to liver is borderline: expression, flagged for
                             // review (spec §2)
  auto equal = eval(pet_lesions("equal"));
  EXPECT_EQ(item_of(equal, "sstr_status")->value->display(), "positive");
  EXPECT_NE(item_of(equal, "sstr_status")->text.find("borderline"), std::string::npos);
  EXPECT_EQ(item_of(equal, "sstr_status")->effect, "caution");
  EXPECT_EQ(q(equal, "Q1").verdict, "candidate");
  // the same reading on planar scintigraphy (Krenning 2 = liver) is positive (EU SmPC 4.2)
  auto planar = pet_lesions("equal");
  planar["imaging"]["sstr"][0]["modality"] = "scintigraphy";
  EXPECT_EQ(item_of(eval(planar), "sstr_status")->value->display(), "positive");
}

TEST(Engine2, FdgAvidLesionWithoutSstrUptakeOffersChemotherapyAndABiopsy) {
  // Q3 text: FDG uptake may indicate undifferentiated foci, guiding towards alternatives such
  // as chemotherapy; Q5 names chemotherapy when RLT's conditions fail; Q2: repeat histology.
  auto j = pet_lesions("below");
  j["imaging"]["fdg_pet"] = Json::parse(R"([{"id": "f1", "date": "2025-02-25", "positive": true,
      "lesions": [{"id": "F1", "site": "bone", "avid": true, "sstr_lesion": "L2"}]}])");
  auto r = eval(j);
  EXPECT_EQ(q(r, "Q5").verdict, "chemotherapy_option");
  EXPECT_TRUE(plan_has(r, "biopsy_discordant_lesion"));
  EXPECT_EQ(r.recommendation.proposed.code, "biopsy_then_decide");
  // ileal primary: fluoropyrimidine-based chemotherapy (Q5 text)
  ASSERT_FALSE(r.recommendation.alternatives.empty());
  EXPECT_NE(r.recommendation.alternatives[0].text.find("fluoropyrimidine"), std::string::npos);
  // an FDG-avid lesion that matches an SSTR-positive lesion is not discordant
  j["imaging"]["fdg_pet"][0]["lesions"][0]["sstr_lesion"] = "L1";
  j["imaging"]["sstr"][0]["lesions"][1]["uptake_vs_liver"] = "above";
  EXPECT_EQ(q(eval(j), "Q5").verdict, "rlt_preferred");
}

TEST(Engine2, ProgressionWithinTwelveMonthsOfRltIsProgressionOnRlt) {
  // Q9 text: chemotherapy for patients progressing on RLT; Q10: response ≥ 12 months.
  auto j = with_rlt(4.0, "2022-03-01");  // last cycle 2021-08-16: progression after 6.5 months
  j["tumour"]["ki67"] = 30;
  j["treatments"][1]["best_response"] = "SD";
  auto r = eval(j);
  EXPECT_EQ(q(r, "Q9").verdict, "g3_chemotherapy_preferred");
  EXPECT_EQ(q(r, "Q10").verdict, "not_eligible");
  EXPECT_EQ(q(r, "Q1").verdict, "see_q10");
  EXPECT_NE(r.recommendation.proposed.code, "rlt");
  // progression 12 calendar months after the last cycle is not progression on RLT
  auto late = with_rlt(4.0, "2022-08-16");
  late["tumour"]["ki67"] = 30;
  EXPECT_NE(q(eval(late), "Q9").verdict, "g3_chemotherapy_preferred");
}

TEST(Engine2, ComputedRecistProgressionOnAnSsaCountsAsProgressionOnIt) {
  // Q2: progression documented on CT/MRI; RECIST 1.1: +20 % and +5 mm is PD.
  auto j = base();
  j["progression"] = Json::object();
  j["imaging"]["studies"] = Json::parse(R"([
    {"id": "b", "date": "2024-06-01", "baseline": true, "contrast": true,
     "lesions": [{"id": "L1", "target": true, "long_axis": {"value": 50, "unit": "mm"}}]},
    {"id": "f", "date": "2025-02-15", "contrast": true,
     "lesions": [{"id": "L1", "target": true, "long_axis": {"value": 61, "unit": "mm"}}], "new_lesions": "no"}])");
  auto r = eval(j);  // 50 → 61 mm: +22 %, +11 mm → PD while octreotide LAR ongoing since 2022
  EXPECT_EQ(last_response(r), "PD");
  EXPECT_EQ(q(r, "Q2").verdict, "documented");
  EXPECT_EQ(q(r, "Q1").verdict, "candidate");
  j["imaging"]["studies"][1]["lesions"][0]["long_axis"]["value"] = 59;  // +18 %: SD
  EXPECT_NE(q(eval(j), "Q1").verdict, "candidate");
}

TEST(Engine2, DocumentedOnImagingWithoutACtOrMriSaysSo) {
  auto j = base();
  j["imaging"]["studies"] = Json::array();
  j["progression"]["basis"] = "other_imaging";
  auto a = q(eval(j), "Q2");
  EXPECT_EQ(a.verdict, "documented");
  ASSERT_FALSE(a.explanation.empty());
  EXPECT_NE(a.explanation.back().find("no CT or MRI"), std::string::npos);
  EXPECT_TRUE(has_code(a.actions, "ct_mri_required"));
}

TEST(Engine2, RegulatoryStatementsFollowTheJurisdiction) {
  // lutathera-label.md: EU indication G1–G2; US indication without grade restriction.
  auto j = base();
  j["tumour"]["ki67"] = 25;
  auto both = q(eval(j), "Q1");
  auto text = [](const Answer& a) {
    for (const auto& c : a.cautions)
      if (c.code == "g3_see_q9") return c.text;
    return std::string();
  };
  EXPECT_NE(text(both).find("EU SmPC"), std::string::npos);
  EXPECT_NE(text(both).find("US label"), std::string::npos);
  Policy eu;
  eu.jurisdiction = Jurisdiction::eu;
  auto e = q(eval(j, eu), "Q1");
  EXPECT_NE(text(e).find("EU SmPC"), std::string::npos);
  EXPECT_EQ(text(e).find("US label"), std::string::npos);
}

TEST(Engine2, PreparationComputesTheSsaWashoutFromTheLastInjection) {
  // USPI 2: stop long-acting SSA at least 4 weeks before; EU SmPC 4.5: 30 days.
  auto j = base();
  j["treatments"][0]["last_injection"] = "2025-02-20";
  // complete pre-treatment labs, so that eligibility is clear and RLT is proposed outright
  j["labs"].push_back({{"analyte", "neutrophils"},
                       {"date", "2025-03-01"},
                       {"value", {{"value", 3.5}, {"unit", "10*9/L"}}}});
  j["labs"].push_back({{"analyte", "bilirubin"},
                       {"date", "2025-03-01"},
                       {"value", {{"value", 10}, {"unit", "umol/L"}}},
                       {"uln", {{"value", 21}, {"unit", "umol/L"}}}});
  auto r = eval(j);
  EXPECT_EQ(r.eligibility.status, "clear");
  ASSERT_TRUE(plan_has(r, "ssa_washout"));
  const auto& p = r.plan[plan_index(r, "ssa_washout")];
  EXPECT_NE(p.text.find("2025-03-20"), std::string::npos);  // 20 Feb + 28 days
  EXPECT_NE(p.text.find("2025-03-22"), std::string::npos);  // 20 Feb + 30 days
  EXPECT_EQ(p.phase, Phase::preparation);
  EXPECT_TRUE(plan_has(r, "recist_followup"));
  // no carcinoid syndrome in the base case: no echocardiography item
  EXPECT_FALSE(plan_has(r, "echocardiography"));
  j["tumour"]["functional"] = "carcinoid_syndrome";
  EXPECT_TRUE(plan_has(eval(j), "echocardiography"));  // Q2 text; ENETS 2022 (ref 9)
}

// @covers q3.sstr_negative
TEST(Engine2, NoRecistFollowUpOrPreparationWhenRltIsNotProposed) {
  auto j = base();
  j["imaging"]["sstr"][0]["krenning"] = 1;  // below liver on planar imaging: SSTR-negative
  auto r = eval(j);
  EXPECT_NE(r.recommendation.proposed.code, "rlt");
  EXPECT_FALSE(plan_has(r, "recist_followup"));
  EXPECT_FALSE(plan_has(r, "amino_acid_infusion"));
  EXPECT_FALSE(r.recommendation.proposed.text.empty());  // never an empty plan
  EXPECT_EQ(q(r, "Q3").verdict, "not_applicable");       // Q3 concerns FDG PET before RLT
}

TEST(Engine2, G3AboveTheNetter2RangeAsksForPathologyReview) {
  // NETTER-2 (ref 16): Ki-67 10–55 %.
  auto j = base();
  j["tumour"]["ki67"] = 55;
  EXPECT_FALSE(has_code(q(eval(j), "Q9").cautions, "outside_netter2_range"));
  j["tumour"]["ki67"] = 56;
  auto a = q(eval(j), "Q9");
  EXPECT_TRUE(has_code(a.cautions, "outside_netter2_range"));
  EXPECT_TRUE(has_code(a.actions, "pathology_review_nec"));
}

TEST(Engine2, MissingMarrowDosimetryIsUnknownNotNonLimiting) {
  auto j = with_rlt(4.0, "2024-12-20");
  for (auto& cy : j["rlt_cycles"])
    cy["dosimetry"]["absorbed_doses"].erase(1);
  auto a = q(eval(j), "Q10");
  EXPECT_EQ(a.verdict, "insufficient_data");
}

TEST(Engine2, BothMarrowFlagsAreShownWhenBothCountsAreLow) {
  // Q8 text: haemoglobin < 80 g/L and platelets < 75 ×10⁹/L (ref 77).
  auto j = base();
  set_lab(j, "haemoglobin", 70);
  set_lab(j, "platelets", 60);
  auto a = q(eval(j), "Q8");
  EXPECT_EQ(std::count_if(a.cautions.begin(), a.cautions.end(),
                          [](const Coded& c) { return c.code == "marrow_caution"; }),
            2);
}

// ---------------------------------------------------------------- properties
// Variants of every example and of the base case, each made worse in one safety fact.
std::vector<std::pair<std::string, Json>> cases_and_variants() {
  std::vector<std::pair<std::string, Json>> out;
  std::vector<std::pair<std::string, Json>> bases = {{"base", base()},
                                                     {"rlt", with_rlt(4.0, "2024-12-20")}};
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(RLT_SOURCE_DIR) + "/examples/cases")) {
    std::ifstream in(e.path());
    bases.emplace_back(e.path().filename().string(), Json::parse(in));
  }
  for (const auto& b : bases)
    out.push_back(b);
  return out;
}

std::vector<std::pair<std::string, Json>> worse(const Json& j) {
  std::vector<std::pair<std::string, Json>> v;
  auto scale_lab = [&](const char* analyte, double factor, const char* name) {
    Json w = j;
    bool any = false;
    if (w.contains("labs"))
      for (auto& l : w["labs"])
        if (l["analyte"] == analyte) {
          l["value"]["value"] = l["value"]["value"].get<double>() * factor;
          any = true;
        }
    if (any) v.emplace_back(name, w);
  };
  scale_lab("creatinine", 3.0, "creatinine ×3 (lower eGFR)");
  scale_lab("haemoglobin", 0.5, "haemoglobin ×0.5");
  scale_lab("platelets", 0.3, "platelets ×0.3");
  if (j.contains("patient")) {
    Json w = j;
    w["patient"]["ecog"] = 3;
    v.emplace_back("ECOG 3", w);
  }
  if (j.contains("imaging") && j["imaging"].contains("sstr") && !j["imaging"]["sstr"].empty()) {
    Json w = j;
    auto& s = w["imaging"]["sstr"].back();
    if (s.contains("lesions"))
      s["lesions"].push_back({{"id", "NEG"}, {"uptake_vs_liver", "below"}});
    else
      s["sstr_negative_lesions"] = true;
    v.emplace_back("an SSTR-negative lesion", w);
  }
  return v;
}

bool favouring(Verdict v) {
  return v == Verdict::candidate || v == Verdict::candidate_first_line ||
         v == Verdict::first_line_pending_approval || v == Verdict::rlt_preferred ||
         v == Verdict::g3_rlt_option || v == Verdict::g3_rlt_pending_approval ||
         v == Verdict::retreatment_option;
}
int severity(Verdict s) {
  return s == Verdict::clear               ? 0
         : s == Verdict::caution           ? 1
         : s == Verdict::insufficient_data ? 2
         : s == Verdict::not_eligible_now  ? 3
                                           : 4;
}

Decision eval_json(const Json& j) {
  auto parsed = model::parse_case(j.dump());
  if (!parsed.ok()) throw std::runtime_error(parsed.diagnostics.items()[0].to_string());
  return evaluate(parsed.value, Policy{}, kb::builtin());
}

TEST(Engine2Property, MakingASafetyFactWorseNeverFavoursRltMore) {
  for (const auto& [name, j] : cases_and_variants()) {
    auto before = eval_json(j);
    std::set<std::string> crossed_before;
    for (const auto& it : before.eligibility.items)
      if (it.crossed == Tri::yes) crossed_before.insert(it.code);
    for (const auto& [change, w] : worse(j)) {
      auto after = eval_json(w);
      for (std::size_t i = 0; i < after.questions.size(); ++i)
        EXPECT_FALSE(favouring(after.questions[i].verdict) &&
                     !favouring(before.questions[i].verdict))
            << name << " with " << change << ": " << after.questions[i].id << " became "
            << code(after.questions[i].verdict);
      for (const auto& c : crossed_before) {
        const auto* it = item_of(after, c);
        EXPECT_TRUE(it != nullptr && it->crossed == Tri::yes)
            << name << " with " << change << ": eligibility item " << c << " disappeared";
      }
      if (before.eligibility.status != Verdict::insufficient_data &&
          after.eligibility.status != Verdict::insufficient_data) {
        EXPECT_GE(severity(after.eligibility.status), severity(before.eligibility.status))
            << name << " with " << change;
      }
    }
  }
}

TEST(Engine2Property, NoReportContradictsItself) {
  for (const auto& [name, j] : cases_and_variants()) {
    std::vector<std::pair<std::string, Json>> all = {{name, j}};
    for (auto& w : worse(j))
      all.push_back(w);
    for (const auto& [n, c] : all) {
      auto r = eval_json(c);
      const Answer* q1 = nullptr;
      const Answer* q10 = nullptr;
      for (const auto& a : r.questions) {
        if (a.id == "Q1") q1 = &a;
        if (a.id == "Q10") q10 = &a;
      }
      ASSERT_TRUE(q1 && q10);
      // never a candidate in one place and not eligible in another
      EXPECT_FALSE(q1->verdict == Verdict::candidate && q10->verdict == Verdict::not_eligible)
          << name << "/" << n;
      bool rlt_proposed = r.recommendation.proposed.code == "rlt" ||
                          r.recommendation.proposed.code == "rlt_first_line";
      // RLT follow-up and preparation only when RLT is proposed
      EXPECT_TRUE(rlt_proposed || !plan_has(r, "recist_followup")) << name << "/" << n;
      EXPECT_TRUE(rlt_proposed || !plan_has(r, "amino_acid_infusion")) << name << "/" << n;
      // a contraindication leaves no RLT item in the plan and no unconditional RLT proposal
      if (r.eligibility.status == Verdict::contraindicated) {
        EXPECT_FALSE(rlt_proposed) << name << "/" << n;
        EXPECT_FALSE(plan_has(r, "consider_rlt")) << name << "/" << n;
      }
      // a crossed item makes an RLT proposal conditional
      if (rlt_proposed && r.eligibility.status != Verdict::clear) {
        EXPECT_TRUE(r.recommendation.proposed.conditional) << name << "/" << n;
      }
      // the plan runs in clinical order, without duplicates
      std::set<std::string> codes;
      for (std::size_t i = 0; i < r.plan.size(); ++i) {
        EXPECT_TRUE(codes.insert(r.plan[i].code).second)
            << name << "/" << n << " " << r.plan[i].code;
        if (i > 0) {
          EXPECT_LE(static_cast<int>(r.plan[i - 1].phase), static_cast<int>(r.plan[i].phase));
        }
      }
      EXPECT_FALSE(r.recommendation.proposed.text.empty()) << name << "/" << n;
    }
  }
}

}  // namespace
}  // namespace rlt::engine
