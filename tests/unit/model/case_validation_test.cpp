// Every validation rule of the case format, with its exact message. The base case below is
// valid; each test changes one thing and checks the one problem it must cause.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

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
  EXPECT_THAT(problems(j), ElementsAre("/format: expected \"rltguide-case/1\", found nothing",
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

}  // namespace
}  // namespace rlt::model
