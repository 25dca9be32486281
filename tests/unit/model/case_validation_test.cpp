// Every validation rule of the case format, with its exact message. The base case below is
// valid; each test changes one thing and checks the one problem it must cause.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <string>
#include <vector>

#include "model/case_parser.hpp"

namespace rlt::model {
namespace {

Json base() {
  return Json::parse(R"({
    "format": "rltguide-case/1",
    "case_id": "T-1",
    "assessment_date": "2025-03-10",
    "patient": {"age": 64, "sex": "male", "weight": {"value": 78, "unit": "kg"}, "ecog": 1},
    "tumour": {"primary_site": "ileum", "differentiation": "well", "ki67": 8,
               "diagnosis_date": "2023-01-10"},
    "labs": [{"analyte": "creatinine", "date": "2025-03-01",
              "value": {"value": 80, "unit": "umol/L"}}],
    "treatments": [{"id": "ssa-1", "category": "ssa", "start": "2023-02-15",
                    "stop_reason": "ongoing"}],
    "rlt_cycles": [{"id": "c1", "date": "2024-01-10",
                    "activity": {"value": 7.4, "unit": "GBq"}}]
  })");
}

std::string plain(const Diagnostic& d) {
  return d.pointer + ": expected " + d.expected + (d.found.empty() ? "" : ", found " + d.found);
}

std::vector<std::string> problems(const Json& j) {
  auto p = parse_case(j.dump(2));
  std::vector<std::string> out;
  for (const auto& d : p.diagnostics.items())
    out.push_back(plain(d));
  return out;
}

using ::testing::ElementsAre;

TEST(CaseValidation, BaseCaseIsValid) {
  auto p = parse_case(base().dump());
  EXPECT_TRUE(p.ok()) << (p.diagnostics.empty() ? "" : p.diagnostics.items()[0].to_string());
}

TEST(CaseValidation, Ki67AboveHundredIsOutOfRange) {
  auto j = base();
  j["tumour"]["ki67"] = 120;
  EXPECT_THAT(problems(j), ElementsAre("/tumour/ki67: expected percent 0–100, found 120"));
}

TEST(CaseValidation, EcogOutsideZeroToFive) {
  auto j = base();
  j["patient"]["ecog"] = 6;
  EXPECT_THAT(problems(j),
              ElementsAre("/patient/ecog: expected ECOG performance status 0–5, found 6"));
  j["patient"]["ecog"] = 1.5;
  EXPECT_THAT(
      problems(j),
      ElementsAre("/patient/ecog: expected ECOG performance status as a whole number, found 1.5"));
}

TEST(CaseValidation, UnknownFieldIsAnErrorWithASuggestion) {
  auto j = base();
  j["tumour"]["ki76"] = 8;
  EXPECT_THAT(problems(j), ElementsAre("/tumour/ki76: expected only the fields of tumour (did you "
                                       "mean \"ki67\"?), found unknown field \"ki76\""));
}

TEST(CaseValidation, WrongTypeIsReported) {
  auto j = base();
  j["patient"]["age"] = "sixty";
  EXPECT_THAT(problems(j),
              ElementsAre("/patient/age: expected age in years as a number, found \"sixty\""));
}

TEST(CaseValidation, UnknownEnumValueListsTheAllowedOnes) {
  auto j = base();
  j["tumour"]["primary_site"] = "pancrea";
  EXPECT_THAT(problems(j),
              ElementsAre("/tumour/primary_site: expected one of pancreas, stomach, duodenum, "
                          "jejunum, ileum, appendix, colon, rectum, unknown_primary_gep, lung, "
                          "other (did you mean \"pancreas\"?), found \"pancrea\""));
}

TEST(CaseValidation, UnknownUnitIsAnError) {
  auto j = base();
  j["labs"][0]["value"]["unit"] = "mmol/L";
  EXPECT_THAT(problems(j), ElementsAre("/labs/0/value/unit: expected a unit of creatinine value, "
                                       "one of umol/L, mg/dL, found \"mmol/L\""));
}

TEST(CaseValidation, ImpossibleLabValueIsOutOfRange) {
  auto j = base();
  j["labs"][0]["value"] = {{"value", 80}, {"unit", "mg/dL"}};  // 7072 µmol/L
  EXPECT_THAT(problems(j), ElementsAre("/labs/0/value/value: expected creatinine value 5–3000 "
                                       "umol/L, found 80 mg/dL (= 7072 umol/L)"));
}

TEST(CaseValidation, NegativeActivityIsOutOfRange) {
  auto j = base();
  j["rlt_cycles"][0]["activity"]["value"] = -7.4;
  EXPECT_THAT(problems(j), ElementsAre("/rlt_cycles/0/activity/value: expected administered "
                                       "activity 0.01–50 GBq, found -7.4"));
}

TEST(CaseValidation, NegativeAbsorbedDoseIsOutOfRange) {
  auto j = base();
  j["rlt_cycles"][0]["dosimetry"] = {
      {"absorbed_doses", {{{"organ", "kidneys"}, {"dose", {{"value", -2}, {"unit", "Gy"}}}}}}};
  EXPECT_THAT(problems(j), ElementsAre("/rlt_cycles/0/dosimetry/absorbed_doses/0/dose/value: "
                                       "expected absorbed dose 0–1000 Gy, found -2"));
}

TEST(CaseValidation, BadDateIsReported) {
  auto j = base();
  j["tumour"]["diagnosis_date"] = "2023-02-30";
  EXPECT_THAT(problems(j),
              ElementsAre("/tumour/diagnosis_date: expected a calendar date as "
                          "\"YYYY-MM-DD\" (year 1900 or later), found \"2023-02-30\""));
}

TEST(CaseValidation, DateAfterAssessmentIsReported) {
  auto j = base();
  j["tumour"]["diagnosis_date"] = "2025-03-11";
  EXPECT_THAT(problems(j), ElementsAre("/tumour/diagnosis_date: expected a date on or before "
                                       "assessment_date 2025-03-10, found 2025-03-11"));
  j["tumour"]["diagnosis_date"] = "2025-03-10";  // the same day is allowed
  EXPECT_TRUE(problems(j).empty());
}

TEST(CaseValidation, EndBeforeStartIsReported) {
  auto j = base();
  j["treatments"][0]["end"] = "2023-01-01";
  j["treatments"][0]["stop_reason"] = "progression";
  EXPECT_THAT(problems(j), ElementsAre("/treatments/0/end: expected a date on or after start "
                                       "2023-02-15, found 2023-01-01"));
}

TEST(CaseValidation, DuplicateIdsAreReported) {
  auto j = base();
  j["treatments"].push_back(j["treatments"][0]);
  EXPECT_THAT(problems(j), ElementsAre("/treatments/1/id: expected an id not used by another "
                                       "treatments entry, found \"ssa-1\""));
}

TEST(CaseValidation, MissingFormatAndAssessmentDateAreReported) {
  auto j = base();
  j.erase("format");
  j.erase("assessment_date");
  EXPECT_THAT(problems(j), ElementsAre("/format: expected \"rltguide-case/2\" (or "
                                       "\"rltguide-case/1\"), found nothing",
                                       "/assessment_date: expected the date of the decision point "
                                       "as \"YYYY-MM-DD\", found nothing"));
}

TEST(CaseValidation, AllProblemsAreReportedAtOnce) {
  auto j = base();
  j["tumour"]["ki67"] = 120;
  j["patient"]["ecog"] = 9;
  j["tumour"]["grade"] = "G2";
  EXPECT_EQ(problems(j).size(), 3u);
}

TEST(CaseValidation, MalformedJsonGivesLineAndColumn) {
  auto p = parse_case("{\n  \"format\": \"rltguide-case/1\",\n  \"case_id\": \n}");
  ASSERT_EQ(p.diagnostics.items().size(), 1u);
  EXPECT_EQ(p.diagnostics.items()[0].code, "malformed_json");
  EXPECT_EQ(p.diagnostics.items()[0].pos.line, 4);
}

TEST(CaseValidation, PositionOfASemanticErrorIsTheFieldsLine) {
  auto p = parse_case(
      "{\"format\": \"rltguide-case/1\", \"assessment_date\": \"2025-01-01\",\n"
      "\"tumour\": {\n  \"ki67\": 120}}");
  ASSERT_EQ(p.diagnostics.items().size(), 1u);
  EXPECT_EQ(p.diagnostics.items()[0].to_string(),
            "/tumour/ki67 (line 3, column 3): expected percent 0–100, found 120");
}

TEST(CaseValidation, UnitsAreConvertedAtTheBoundary) {
  auto j = base();
  j["labs"] = Json::parse(R"([
    {"analyte": "creatinine", "date": "2025-03-01", "value": {"value": 1.0, "unit": "mg/dL"}},
    {"analyte": "haemoglobin", "date": "2025-03-01", "value": {"value": 12.5, "unit": "g/dL"}},
    {"analyte": "bilirubin", "date": "2025-03-01", "value": {"value": 1.0, "unit": "mg/dL"}}])");
  j["patient"]["weight"] = {{"value", 150}, {"unit", "[lb_av]"}};
  j["rlt_cycles"][0]["activity"] = {{"value", 200}, {"unit", "mCi"}};
  auto p = parse_case(j.dump());
  ASSERT_TRUE(p.ok());
  const auto& c = p.value;
  EXPECT_DOUBLE_EQ(*c.labs[0].value.value, 88.4);                    // 1 mg/dL × 88.4
  EXPECT_DOUBLE_EQ(*c.labs[1].value.value, 125.0);                   // 12.5 g/dL × 10
  EXPECT_DOUBLE_EQ(*c.labs[2].value.value, 17.1);                    // 1 mg/dL × 17.1
  EXPECT_NEAR(c.patient.weight.value->value(), 68.0388555, 1e-6);    // 150 × 0.45359237
  EXPECT_NEAR(c.rlt_cycles[0].activity.value->value(), 7.4, 1e-12);  // 200 × 0.037
}

TEST(CaseValidation, NullMeansUnknownNotFalse) {
  auto j = base();
  j["tumour"]["symptoms"] = nullptr;
  auto p = parse_case(j.dump());
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p.value.tumour.symptoms.known());
  EXPECT_EQ(p.value.tumour.symptoms.pointer, "/tumour/symptoms");
}

TEST(CaseValidation, ShortAxisLongerThanLongAxisIsReported) {
  auto j = base();
  j["imaging"] = Json::parse(R"({"studies": [{"id": "s1", "date": "2025-01-01", "lesions": [
      {"id": "N1", "nodal": true, "long_axis": {"value": 12, "unit": "mm"},
       "short_axis": {"value": 2, "unit": "cm"}}]}]})");
  EXPECT_THAT(problems(j), ElementsAre("/imaging/studies/0/lesions/0/short_axis: expected a short "
                                       "axis no longer than the long axis (12 mm), found 20 mm"));
}

// --- rltguide-case/2 (issue 13) ---------------------------------------------------------------
// The same base case as the current format; each test below adds v2 facts and checks the one
// problem a rule must cause, with its exact message.

Json base_v2() {
  auto j = base();
  j["format"] = "rltguide-case/2";
  return j;
}

TEST(CaseValidationV2, BaseCaseIsValidInBothVersions) {
  EXPECT_TRUE(problems(base()).empty());
  EXPECT_TRUE(problems(base_v2()).empty());
  EXPECT_EQ(parse_case(base().dump()).value.format, "rltguide-case/1");
  EXPECT_EQ(parse_case(base_v2().dump()).value.format, "rltguide-case/2");
}

TEST(CaseValidationV2, UnknownFormatNamesBothVersions) {
  auto j = base_v2();
  j["format"] = "rltguide-case/3";
  EXPECT_THAT(problems(j), ElementsAre("/format: expected \"rltguide-case/2\" (or "
                                       "\"rltguide-case/1\"), found \"rltguide-case/3\""));
}

TEST(CaseValidationV2, V2FieldInAV1FileNamesTheFormatItNeeds) {
  auto j = base();
  j["patient"]["childbearing_potential"] = "no";
  j["treatments"][0]["last_injection"] = "2025-02-01";
  j["responses"] = Json::array();
  j["imaging"] = Json::parse(R"({"sstr": [{"id": "s", "lesions": []}],
      "fdg_pet": [{"id": "f", "lesions": []}],
      "studies": [{"id": "ct", "date": "2025-01-01", "phases": ["arterial"]}]})");
  j["patient"]["pregnancy_test"] = nullptr;  // even null: v1 has no such field
  auto msg = [](const std::string& ptr, const std::string& key) {
    return ptr + ": expected a field of rltguide-case/1 (\"" + key +
           "\" is new in rltguide-case/2: set \"format\" to that), found the field \"" + key + "\"";
  };
  EXPECT_THAT(problems(j),
              ElementsAre(msg("/patient/childbearing_potential", "childbearing_potential"),
                          msg("/patient/pregnancy_test", "pregnancy_test"),
                          msg("/imaging/sstr/0/lesions", "lesions"),
                          msg("/imaging/fdg_pet/0/lesions", "lesions"),
                          msg("/imaging/studies/0/phases", "phases"),
                          msg("/treatments/0/last_injection", "last_injection"),
                          msg("/responses", "responses")));
}

TEST(CaseValidationV2, V2EnumerationValueInAV1File) {
  auto j = base();
  j["labs"][0] = Json::parse(
      R"({"analyte": "white_cells", "date": "2025-03-01", "value": {"value": 6, "unit": "10*9/L"}})");
  j["imaging"] = Json::parse(R"({"sstr": [{"id": "s", "modality": "spect"}]})");
  EXPECT_THAT(
      problems(j),
      ElementsAre("/imaging/sstr/0/modality: expected one of pet, scintigraphy in rltguide-case/1 "
                  "(\"spect\" is new in rltguide-case/2: set \"format\" to that), found \"spect\"",
                  "/labs/0/analyte: expected one of creatinine, haemoglobin, platelets, "
                  "neutrophils, ast, alt, bilirubin, albumin, chromogranin_a in rltguide-case/1 "
                  "(\"white_cells\" is new in rltguide-case/2: set \"format\" to that), found "
                  "\"white_cells\""));
  j["format"] = "rltguide-case/2";
  EXPECT_TRUE(problems(j).empty());
}

TEST(CaseValidationV2, V1PhaseUpgradesToPhasesAndV2FactsStayUnknown) {
  auto j = base();
  j["imaging"] = Json::parse(R"({"studies": [{"id": "ct", "date": "2025-01-01",
      "phase": "portal_venous"}, {"id": "ct2", "date": "2025-02-01"}]})");
  auto p = parse_case(j.dump());
  ASSERT_TRUE(p.ok());
  const auto& c = p.value;
  ASSERT_EQ(c.studies.size(), 2u);
  EXPECT_EQ(c.studies[0].phases, std::vector<Phase>{Phase::portal_venous});
  EXPECT_TRUE(c.studies[0].phase.is(Phase::portal_venous));
  EXPECT_TRUE(c.studies[1].phases.empty());  // not known
  EXPECT_FALSE(c.patient.childbearing_potential.known());
  EXPECT_EQ(c.patient.childbearing_potential.pointer, "/patient/childbearing_potential");
  EXPECT_FALSE(c.patient.pregnancy_test.result.known());
  EXPECT_EQ(c.patient.pregnancy_test.result.pointer, "/patient/pregnancy_test/result");
  EXPECT_FALSE(c.treatments[0].last_injection.known());
  EXPECT_EQ(c.treatments[0].last_injection.pointer, "/treatments/0/last_injection");
  EXPECT_FALSE(c.responses_given);
}

TEST(CaseValidationV2, PhaseIsTheV1SpellingInAV2File) {
  auto j = base_v2();
  j["imaging"] =
      Json::parse(R"({"studies": [{"id": "ct", "date": "2025-01-01", "phase": "portal_venous"}]})");
  EXPECT_THAT(problems(j), ElementsAre("/imaging/studies/0/phase: expected \"phases\", a list of "
                                       "phases (\"phase\" is the field of rltguide-case/1), "
                                       "found the field \"phase\""));
}

TEST(CaseValidationV2, PhasesAreAListOfKnownPhasesEachOnce) {
  auto j = base_v2();
  j["imaging"] = Json::parse(R"({"studies": [
      {"id": "a", "date": "2025-01-01", "phases": ["arterial", "portal_venous", "delayed"]},
      {"id": "b", "date": "2025-01-01", "phases": []},
      {"id": "c", "date": "2025-01-01", "phases": ["arterial", "arterial"]},
      {"id": "d", "date": "2025-01-01", "phases": ["venous"]},
      {"id": "e", "date": "2025-01-01", "phases": "arterial"}]})");
  EXPECT_THAT(
      problems(j),
      ElementsAre("/imaging/studies/1/phases: expected at least one phase (leave phases out when "
                  "not known), found an empty array",
                  "/imaging/studies/2/phases: expected each phase at most once, found "
                  "\"arterial\" more than once",
                  "/imaging/studies/3/phases/0: expected one of arterial, portal_venous, delayed, "
                  "non_contrast, other, found \"venous\"",
                  "/imaging/studies/4/phases: expected an array of names, found \"arterial\""));
  j["imaging"]["studies"] = Json::array({j["imaging"]["studies"][0]});
  auto p = parse_case(j.dump());
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.value.studies[0].phases,
            (std::vector<Phase>{Phase::arterial, Phase::portal_venous, Phase::delayed}));
  EXPECT_FALSE(p.value.studies[0].phase.known());  // more than one phase: no single phase
}

Json with_sstr_lesions(Json lesions) {
  auto j = base_v2();
  j["imaging"]["sstr"] = Json::array(
      {{{"id", "sstr-1"}, {"date", "2025-03-01"}, {"modality", "pet"}, {"lesions", lesions}}});
  return j;
}

TEST(CaseValidationV2, SstrLesionsAreRead) {
  auto p = parse_case(with_sstr_lesions(Json::parse(R"([
      {"id": "L1", "site": "liver segment 7", "uptake_vs_liver": "above", "krenning": 4},
      {"id": "L2", "uptake_vs_liver": "below"}])"))
                          .dump());
  ASSERT_TRUE(p.ok());
  const auto& s = p.value.sstr_imaging[0];
  EXPECT_TRUE(s.lesions_given);
  ASSERT_EQ(s.lesions.size(), 2u);
  EXPECT_EQ(s.lesions[1].id, "L2");
  EXPECT_EQ(s.lesions[1].pointer, "/imaging/sstr/0/lesions/1");
  EXPECT_TRUE(s.lesions[0].site.is("liver segment 7"));
  EXPECT_TRUE(s.lesions[0].krenning.is(4));
  EXPECT_TRUE(s.lesions[1].uptake_vs_liver.is(UptakeVsLiver::below));
  EXPECT_FALSE(s.lesions[1].krenning.known());
  EXPECT_TRUE(with_sstr_lesions(Json::array()).dump().size() > 0);
  auto empty = parse_case(with_sstr_lesions(Json::array()).dump());
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty.value.sstr_imaging[0].lesions_given);  // given and empty: no lesions
  EXPECT_FALSE(parse_case(base_v2().dump()).value.fdg_given);
}

TEST(CaseValidationV2, SstrLesionIdIsRequiredAndUsedOncePerStudy) {
  auto j = with_sstr_lesions(Json::parse(R"([{"id": "L1"}, {"id": "L1"}, {"site": "liver"}])"));
  EXPECT_THAT(problems(j),
              ElementsAre("/imaging/sstr/0/lesions/1/id: expected a lesion id used once per "
                          "study, found \"L1\"",
                          "/imaging/sstr/0/lesions/2/id: expected an id for this lesion (the same "
                          "id at every SSTR study), found nothing"));
  // the same id on another SSTR study is the same lesion, not a duplicate
  j = with_sstr_lesions(Json::parse(R"([{"id": "L1"}])"));
  j["imaging"]["sstr"].push_back(j["imaging"]["sstr"][0]);
  j["imaging"]["sstr"][1]["id"] = "sstr-2";
  EXPECT_TRUE(problems(j).empty());
}

TEST(CaseValidationV2, SstrLesionFieldsAreChecked) {
  auto j = with_sstr_lesions(Json::parse(R"([
      {"id": "L1", "krenning": 5},
      {"id": "L2", "uptake_vs_liver": "higher"},
      {"id": "L3", "krening": 3}])"));
  EXPECT_THAT(
      problems(j),
      ElementsAre(
          "/imaging/sstr/0/lesions/0/krenning: expected Krenning-type uptake score 0–4, found 5",
          "/imaging/sstr/0/lesions/1/uptake_vs_liver: expected one of below, equal, above, found "
          "\"higher\"",
          "/imaging/sstr/0/lesions/2/krening: expected only the fields of lesions (did you mean "
          "\"krenning\"?), found unknown field \"krening\""));
}

TEST(CaseValidationV2, KrenningMustAgreeWithUptakeVsLiver) {
  // Krenning scale: 0 none, 1 much lower than liver, 2 about equal to (or slightly below) liver,
  // 3 above liver, 4 above spleen. So below: 0–2, equal: 2, above: 3–4.
  auto j = with_sstr_lesions(Json::parse(R"([
      {"id": "a", "uptake_vs_liver": "below", "krenning": 3},
      {"id": "b", "uptake_vs_liver": "equal", "krenning": 1},
      {"id": "c", "uptake_vs_liver": "above", "krenning": 2},
      {"id": "ok1", "uptake_vs_liver": "below", "krenning": 2},
      {"id": "ok2", "uptake_vs_liver": "equal", "krenning": 2},
      {"id": "ok3", "uptake_vs_liver": "above", "krenning": 4}])"));
  EXPECT_THAT(problems(j),
              ElementsAre("/imaging/sstr/0/lesions/0/krenning: expected a Krenning score that "
                          "agrees with uptake_vs_liver \"below\" (0–2), found 3",
                          "/imaging/sstr/0/lesions/1/krenning: expected a Krenning score that "
                          "agrees with uptake_vs_liver \"equal\" (2), found 1",
                          "/imaging/sstr/0/lesions/2/krenning: expected a Krenning score that "
                          "agrees with uptake_vs_liver \"above\" (3 or 4), found 2"));
}

TEST(CaseValidationV2, SpectIsAnSstrModality) {
  auto j = with_sstr_lesions(Json::array());
  j["imaging"]["sstr"][0]["modality"] = "spect";
  auto p = parse_case(j.dump());
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p.value.sstr_imaging[0].modality.is(SstrModality::spect));
}

Json with_fdg_lesions(Json lesions, bool positive = true) {
  auto j = with_sstr_lesions(Json::parse(R"([{"id": "L1"}, {"id": "P1"}])"));
  j["imaging"]["fdg_pet"] = Json::array(
      {{{"id", "fdg-1"}, {"date", "2025-03-02"}, {"positive", positive}, {"lesions", lesions}}});
  return j;
}

TEST(CaseValidationV2, FdgLesionsAreReadAndLinked) {
  auto p = parse_case(with_fdg_lesions(Json::parse(R"([
      {"id": "F1", "site": "pancreas", "avid": true, "suvmax": 7.5, "sstr_lesion": "P1"},
      {"id": "F2", "avid": false}])"))
                          .dump());
  ASSERT_TRUE(p.ok()) << p.diagnostics.items()[0].to_string();
  const auto& f = p.value.fdg_pet[0];
  EXPECT_TRUE(f.lesions_given);
  ASSERT_EQ(f.lesions.size(), 2u);
  EXPECT_TRUE(f.lesions[0].avid.is(true));
  EXPECT_TRUE(f.lesions[0].suvmax.is(7.5));
  EXPECT_TRUE(f.lesions[0].sstr_lesion.is("P1"));
  EXPECT_FALSE(f.lesions[1].suvmax.known());
  EXPECT_FALSE(f.lesions[1].sstr_lesion.known());  // no match known
}

TEST(CaseValidationV2, FdgLesionMustNameAnExistingSstrLesion) {
  auto j = with_fdg_lesions(Json::parse(R"([{"id": "F1", "sstr_lesion": "P2"}])"));
  EXPECT_THAT(problems(j),
              ElementsAre("/imaging/fdg_pet/0/lesions/0/sstr_lesion: expected the id of a lesion "
                          "in imaging.sstr[].lesions, one of L1, P1 (did you mean \"P1\"?), "
                          "found \"P2\""));
  j["imaging"].erase("sstr");
  EXPECT_THAT(problems(j),
              ElementsAre("/imaging/fdg_pet/0/lesions/0/sstr_lesion: expected the id of a lesion "
                          "in imaging.sstr[].lesions (none are given), found \"P2\""));
}

// Issue 9 (linear time): an unknown reference lists the first 20 ids (sorted) and the count, not
// all of them. 25 SSTR lesions S00..S24: listed S00..S19, then "… (25 ids in all)"; with at most
// 200 ids "did you mean" still looks at all of them (S2 → S02, the first at edit distance 1).
TEST(CaseValidationV2, UnknownReferenceListsTwentyIdsAndTheCount) {
  Json sstr = Json::array();
  for (int i = 0; i < 25; ++i)
    sstr.push_back({{"id", fmt::format("S{:02}", i)}});
  auto j = with_sstr_lesions(sstr);
  j["imaging"]["fdg_pet"] =
      Json::array({{{"id", "fdg-1"},
                    {"date", "2025-03-02"},
                    {"positive", true},
                    {"lesions", Json::array({{{"id", "F1"}, {"sstr_lesion", "S2"}}})}}});
  EXPECT_THAT(problems(j),
              ElementsAre("/imaging/fdg_pet/0/lesions/0/sstr_lesion: expected the id of a lesion "
                          "in imaging.sstr[].lesions, one of S00, S01, S02, S03, S04, S05, S06, "
                          "S07, S08, S09, S10, S11, S12, S13, S14, S15, S16, S17, S18, S19, … (25 "
                          "ids in all) (did you mean \"S02\"?), found \"S2\""));
}

TEST(CaseValidationV2, FdgLesionFieldsAreChecked) {
  auto j = with_fdg_lesions(Json::parse(R"([
      {"id": "F1", "suvmax": -1},
      {"id": "F1", "avid": "yes"},
      {"avid": true}])"));
  EXPECT_THAT(
      problems(j),
      ElementsAre("/imaging/fdg_pet/0/lesions/0/suvmax: expected SUVmax 0–100, found -1",
                  "/imaging/fdg_pet/0/lesions/1/id: expected a lesion id used once per study, "
                  "found \"F1\"",
                  "/imaging/fdg_pet/0/lesions/1/avid: expected true or false, found \"yes\"",
                  "/imaging/fdg_pet/0/lesions/2/id: expected an id for this lesion (unique "
                  "within this FDG study), found nothing"));
}

TEST(CaseValidationV2, AvidLesionContradictsANegativeStudy) {
  auto j = with_fdg_lesions(Json::parse(R"([{"id": "F1", "avid": true}])"), false);
  EXPECT_THAT(problems(j), ElementsAre("/imaging/fdg_pet/0/lesions/0/avid: expected no FDG-avid "
                                       "lesion on a study reported \"positive\": false, found "
                                       "true"));
}

TEST(CaseValidationV2, LastInjectionOfALongActingSsa) {
  auto j = base_v2();
  j["treatments"][0]["last_injection"] = "2025-02-17";
  auto p = parse_case(j.dump());
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.value.treatments[0].last_injection.value, Date::parse("2025-02-17"));
  EXPECT_EQ(p.value.treatments[0].last_injection.pointer, "/treatments/0/last_injection");
}

TEST(CaseValidationV2, LastInjectionDatesAreChecked) {
  auto j = base_v2();
  j["treatments"][0]["last_injection"] = "2023-01-01";  // start is 2023-02-15
  EXPECT_THAT(problems(j), ElementsAre("/treatments/0/last_injection: expected a date on or after "
                                       "start 2023-02-15, found 2023-01-01"));
  j["treatments"][0]["last_injection"] = "2024-06-01";
  j["treatments"][0]["end"] = "2024-05-01";
  j["treatments"][0]["stop_reason"] = "progression";
  EXPECT_THAT(problems(j), ElementsAre("/treatments/0/last_injection: expected a date on or "
                                       "before end 2024-05-01, found 2024-06-01"));
  j = base_v2();
  j["treatments"][0]["last_injection"] = "2025-03-11";  // assessment 2025-03-10
  EXPECT_THAT(problems(j), ElementsAre("/treatments/0/last_injection: expected a date on or before "
                                       "assessment_date 2025-03-10, found 2025-03-11"));
}

TEST(CaseValidationV2, LastInjectionOnlyForAnSsa) {
  auto j = base_v2();
  j["treatments"][0]["category"] = "everolimus";
  j["treatments"][0]["last_injection"] = "2025-01-01";
  EXPECT_THAT(problems(j), ElementsAre("/treatments/0/last_injection: expected a last injection "
                                       "only on a treatment of category ssa (long-acting "
                                       "somatostatin analogue), found category \"everolimus\""));
}

TEST(CaseValidationV2, ChildbearingPotentialIsYesNoOrUnknown) {
  auto j = base_v2();
  j["patient"]["sex"] = "female";
  j["patient"]["childbearing_potential"] = "yes";
  EXPECT_TRUE(parse_case(j.dump()).value.patient.childbearing_potential.is(true));
  j["patient"]["childbearing_potential"] = "no";
  EXPECT_TRUE(parse_case(j.dump()).value.patient.childbearing_potential.is(false));
  j["patient"]["childbearing_potential"] = "unknown";  // "unknown" is not "no"
  auto p = parse_case(j.dump());
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p.value.patient.childbearing_potential.known());
  j["patient"]["childbearing_potential"] = true;
  EXPECT_THAT(problems(j), ElementsAre("/patient/childbearing_potential: expected one of yes, no, "
                                       "unknown, found true"));
  j["patient"]["childbearing_potential"] = "yse";
  EXPECT_THAT(problems(j), ElementsAre("/patient/childbearing_potential: expected one of yes, no, "
                                       "unknown (did you mean \"yes\"?), found \"yse\""));
}

TEST(CaseValidationV2, PregnancyTestNeedsDateAndResult) {
  auto j = base_v2();
  j["patient"]["sex"] = "female";
  j["patient"]["pregnancy_test"] = {{"date", "2025-03-03"}, {"result", "negative"}};
  auto p = parse_case(j.dump());
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p.value.patient.pregnancy_test.result.is(PregnancyTestResult::negative));
  EXPECT_EQ(p.value.patient.pregnancy_test.date.value, Date::parse("2025-03-03"));
  j["patient"]["pregnancy_test"] = Json::object();
  EXPECT_THAT(problems(j),
              ElementsAre("/patient/pregnancy_test/date: expected the date of the test as "
                          "\"YYYY-MM-DD\", found nothing",
                          "/patient/pregnancy_test/result: expected one of negative, positive, "
                          "found nothing"));
  j["patient"]["pregnancy_test"] = {{"date", "2025-03-03"}, {"result", "negativ"}};
  EXPECT_THAT(problems(j), ElementsAre("/patient/pregnancy_test/result: expected one of negative, "
                                       "positive (did you mean \"negative\"?), found "
                                       "\"negativ\""));
  j["patient"]["pregnancy_test"] = {{"date", "2025-03-12"}, {"result", "negative"}};
  EXPECT_THAT(problems(j), ElementsAre("/patient/pregnancy_test/date: expected a date on or before "
                                       "assessment_date 2025-03-10, found 2025-03-12"));
}

TEST(CaseValidationV2, PositivePregnancyTestContradictsNoChildbearingPotential) {
  auto j = base_v2();
  j["patient"]["sex"] = "female";
  j["patient"]["childbearing_potential"] = "no";
  j["patient"]["pregnancy_test"] = {{"date", "2025-03-03"}, {"result", "positive"}};
  EXPECT_THAT(problems(j), ElementsAre("/patient/pregnancy_test/result: expected a result "
                                       "consistent with childbearing_potential \"no\", found "
                                       "\"positive\""));
}

Json with_responses(Json responses) {
  auto j = base_v2();
  j["imaging"]["studies"] = Json::parse(R"([
      {"id": "ct-1", "date": "2024-09-01", "baseline": true},
      {"id": "ct-2", "date": "2025-03-01"}])");
  j["responses"] = std::move(responses);
  return j;
}

TEST(CaseValidationV2, PerVisitResponsesAreRead) {
  auto p = parse_case(with_responses(Json::parse(R"([
      {"date": "2025-03-01", "response": "non-CR/non-PD", "study": "ct-2", "criteria": "RECIST 1.1"},
      {"date": "2025-03-05", "response": "PD"}])"))
                          .dump());
  ASSERT_TRUE(p.ok()) << p.diagnostics.items()[0].to_string();
  const auto& r = p.value.responses;
  EXPECT_TRUE(p.value.responses_given);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_TRUE(r[0].response.is(VisitResponseCode::non_cr_non_pd));
  EXPECT_TRUE(r[0].study.is("ct-2"));
  EXPECT_TRUE(r[0].criteria.is("RECIST 1.1"));
  EXPECT_EQ(r[1].pointer, "/responses/1");
  EXPECT_TRUE(r[1].response.is(VisitResponseCode::pd));
  EXPECT_FALSE(r[1].study.known());
}

TEST(CaseValidationV2, ResponseNeedsDateAndACode) {
  auto j = with_responses(Json::parse(R"([{"criteria": "RECIST 1.1"},
      {"date": "2025-03-01", "response": "progression"}])"));
  EXPECT_THAT(problems(j),
              ElementsAre("/responses/0/date: expected the date of the visit as \"YYYY-MM-DD\", "
                          "found nothing",
                          "/responses/0/response: expected one of CR, PR, SD, PD, NE, "
                          "non-CR/non-PD, found nothing",
                          "/responses/1/response: expected one of CR, PR, SD, PD, NE, "
                          "non-CR/non-PD, found \"progression\""));
}

TEST(CaseValidationV2, ResponseStudyMustExistAndNotFollowTheVisit) {
  auto j = with_responses(Json::parse(R"([
      {"date": "2025-03-01", "response": "SD", "study": "ct-3"},
      {"date": "2025-02-01", "response": "SD", "study": "ct-2"}])"));
  EXPECT_THAT(problems(j),
              ElementsAre("/responses/0/study: expected the id of a study in imaging.studies, one "
                          "of ct-1, ct-2 (did you mean \"ct-1\"?), found \"ct-3\"",
                          "/responses/1/date: expected a date on or after the date of study ct-2 "
                          "(2025-03-01), found 2025-02-01"));
}

TEST(CaseValidationV2, NewAnalytesWithTheirUnits) {
  auto j = base_v2();
  j["labs"] = Json::parse(R"json([
    {"analyte": "white_cells", "date": "2025-03-01", "value": {"value": 6200, "unit": "/uL"}},
    {"analyte": "lymphocytes", "date": "2025-03-01", "value": {"value": 1.4, "unit": "10^9/L"}},
    {"analyte": "lymphocytes", "date": "2025-03-01", "value": {"value": 900, "unit": "/mm3"}},
    {"analyte": "inr", "date": "2025-03-01", "value": {"value": 1.1, "unit": "1"}},
    {"analyte": "5_hiaa", "date": "2025-03-01", "value": {"value": 10, "unit": "mg/(24.h)"}},
    {"analyte": "5_hiaa", "date": "2025-03-01", "value": {"value": 40, "unit": "umol/(24.h)"}}
  ])json");
  auto p = parse_case(j.dump());
  ASSERT_TRUE(p.ok()) << p.diagnostics.items()[0].to_string();
  const auto& l = p.value.labs;
  EXPECT_TRUE(l[0].analyte.is(Analyte::white_cells));
  EXPECT_NEAR(*l[0].value.value, 6.2, 1e-12);  // 6200/µL = 6200 × 10⁶/L = 6.2 × 10⁹/L
  EXPECT_NEAR(*l[1].value.value, 1.4, 1e-12);
  EXPECT_NEAR(*l[2].value.value, 0.9, 1e-12);  // 900/mm³ = 900/µL = 0.9 × 10⁹/L
  EXPECT_TRUE(l[3].analyte.is(Analyte::inr));
  EXPECT_DOUBLE_EQ(*l[3].value.value, 1.1);
  EXPECT_TRUE(l[4].analyte.is(Analyte::hiaa_5));
  // 5-HIAA C10H9NO3: 10×12.011 + 9×1.008 + 14.007 + 3×15.999 = 191.19 g/mol, so
  // 1 mg = 1000/191.19 = 5.23 µmol; 10 mg/24 h = 52.3 µmol/24 h
  EXPECT_NEAR(*l[4].value.value, 52.3, 1e-9);
  EXPECT_DOUBLE_EQ(*l[5].value.value, 40.0);
}

TEST(CaseValidationV2, NewAnalyteUnitsAndRanges) {
  auto j = base_v2();
  j["labs"] = Json::parse(R"([
    {"analyte": "inr", "date": "2025-03-01", "value": {"value": 25, "unit": "1"}},
    {"analyte": "inr", "date": "2025-03-01", "value": {"value": 1, "unit": "%"}},
    {"analyte": "white_cells", "date": "2025-03-01", "value": {"value": 600, "unit": "10*9/L"}},
    {"analyte": "5_hiaa", "date": "2025-03-01", "value": {"value": 30, "unit": "mg/L"}}])");
  EXPECT_THAT(
      problems(j),
      ElementsAre("/labs/0/value/value: expected inr value 0.5–20 1, found 25",
                  "/labs/1/value/unit: expected a unit of inr value, one of 1, found \"%\"",
                  "/labs/2/value/value: expected white_cells value 0–500 10*9/L, found 600",
                  "/labs/3/value/unit: expected a unit of 5_hiaa value, one of umol/(24.h), "
                  "umol/d, mg/(24.h), mg/d, found \"mg/L\""));
}

}  // namespace
}  // namespace rlt::model
