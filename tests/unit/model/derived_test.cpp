// Derived facts. Expected values are worked out by hand in each test from the case it builds.
#include <gtest/gtest.h>

#include "model/case_parser.hpp"
#include "model/derived.hpp"

namespace rlt::model {
namespace {

Case parse(const std::string& text) {
  auto p = parse_case(text);
  EXPECT_TRUE(p.ok()) << (p.diagnostics.empty() ? "" : p.diagnostics.items()[0].to_string());
  return p.value;
}

Derived derive_b(const Case& c) {
  return derive(c, kb::builtin());
}

std::string with(const std::string& body) {
  return R"({"format": "rltguide-case/1", "assessment_date": "2025-03-10")" + body + "}";
}

TEST(Derived, NoTreatmentHistoryLeavesLineAndSsaUnknown) {
  auto d = derive_b(parse(with("")));
  EXPECT_FALSE(d.lines_before.has_value());
  EXPECT_EQ(d.ssa.progressed, Tri::unknown);
  EXPECT_EQ(d.prior_rlt, Tri::unknown);
}

TEST(Derived, EmptyTreatmentHistoryMeansNoPriorLines) {
  auto d = derive_b(parse(with(R"(, "treatments": [])")));
  EXPECT_EQ(d.lines_before, 0);
  EXPECT_EQ(d.ssa.progressed, Tri::no);
  EXPECT_EQ(d.prior_rlt, Tri::no);
}

TEST(Derived, LinesCountSystemicTreatmentsOnly) {
  auto d = derive_b(parse(with(R"(, "treatments": [
    {"id": "s", "category": "surgery", "start": "2020-01-01", "stop_reason": "completed"},
    {"id": "a", "category": "ssa", "start": "2020-03-01", "stop_reason": "progression"},
    {"id": "e", "category": "everolimus", "start": "2021-03-01", "stop_reason": "toxicity"}])")));
  EXPECT_EQ(d.lines_before, 2);  // SSA and everolimus; surgery is not a systemic line
}

TEST(Derived, ProgressionOnAStoppedSsaCourseNamesTheCourse) {
  auto d = derive_b(parse(with(R"(, "treatments": [
    {"id": "ssa-1", "category": "ssa", "agent": "lanreotide", "dose_mg": 120, "interval_days": 28,
     "start": "2020-03-01", "end": "2022-05-01", "stop_reason": "progression",
     "progression_date": "2022-04-20"}])")));
  EXPECT_EQ(d.ssa.progressed, Tri::yes);
  EXPECT_EQ(d.ssa.treatment_id, "ssa-1");
  EXPECT_EQ(d.ssa.date->iso(), "2022-04-20");
  EXPECT_EQ(d.ssa.intensity, SsaIntensity::standard);
}

TEST(Derived, ProgressionNowDuringOngoingSsa) {
  auto d = derive_b(parse(with(R"(, "treatments": [
    {"id": "ssa-1", "category": "ssa", "start": "2023-02-15", "stop_reason": "ongoing"}],
    "progression": {"status": "progressive", "basis": "recist", "date": "2025-02-15"})")));
  EXPECT_EQ(d.ssa.progressed, Tri::yes);
  EXPECT_EQ(d.on_ssa_now, Tri::yes);
}

TEST(Derived, BiochemicalProgressionAloneDoesNotProveProgressionOnSsa) {
  // consensus Q2: chromogranin A alone is not definitive evidence of progression
  auto d = derive_b(parse(with(R"(, "treatments": [
    {"id": "ssa-1", "category": "ssa", "start": "2023-02-15", "stop_reason": "ongoing"}],
    "progression": {"status": "progressive", "basis": "biochemical_only"})")));
  EXPECT_EQ(d.ssa.progressed, Tri::unknown);
}

TEST(Derived, StableDiseaseOnOngoingSsaIsNotProgressionOnSsa) {
  auto d = derive_b(parse(with(R"(, "treatments": [
    {"id": "ssa-1", "category": "ssa", "start": "2023-02-15", "stop_reason": "ongoing"}],
    "progression": {"status": "stable"})")));
  EXPECT_EQ(d.ssa.progressed, Tri::no);
}

TEST(Derived, OngoingSsaWithoutProgressionIsUnknownNotNo) {
  auto d = derive_b(parse(with(R"(, "treatments": [
    {"id": "ssa-1", "category": "ssa", "start": "2023-02-15", "stop_reason": "ongoing"}])")));
  EXPECT_EQ(d.ssa.progressed, Tri::unknown);
}

TEST(Derived, SsaIntensityBoundaries) {
  const auto& rs = kb::builtin();
  Treatment t;
  t.category.value = TreatmentCategory::ssa;
  t.agent.value = "Octreotide LAR";
  t.dose_mg.value = 30;
  t.interval_days.value = 28;
  EXPECT_EQ(ssa_intensity(t, rs), SsaIntensity::standard);  // 30 mg / 28 d: standard
  t.dose_mg.value = 60;
  EXPECT_EQ(ssa_intensity(t, rs), SsaIntensity::high);  // NETTER-1 control arm: 60 mg
  t.agent.value = "lanreotide";
  t.dose_mg.value = 120;
  t.interval_days.value = 14;
  EXPECT_EQ(ssa_intensity(t, rs), SsaIntensity::high);  // CLARINET FORTE: every 14 days
  t.interval_days.value = 21;  // ≤ 21 days: high (ruleset ssa.standard_interval, > 21 standard)
  EXPECT_EQ(ssa_intensity(t, rs), SsaIntensity::high);
  t.interval_days.value = 22;
  EXPECT_EQ(ssa_intensity(t, rs), SsaIntensity::standard);
  t.interval_days.value = 28;
  EXPECT_EQ(ssa_intensity(t, rs), SsaIntensity::standard);
  t.dose_mg.value.reset();
  EXPECT_FALSE(ssa_intensity(t, rs).has_value());  // missing dose: unknown
}

TEST(Derived, MonthsSinceLastRltCycle) {
  // 2024-03-10 → 2025-03-10 is 365 days = 365 × 12 / 365.25 = 11.992 months
  auto d = derive_b(parse(with(R"(, "rlt_cycles": [
    {"id": "c1", "date": "2023-09-10"}, {"id": "c2", "date": "2024-03-10"}])")));
  EXPECT_EQ(d.prior_rlt, Tri::yes);
  EXPECT_NEAR(*d.months_since_last_rlt, 365.0 * 12.0 / 365.25, 1e-9);
}

TEST(Derived, NewlyDiagnosedWindowBothSides) {
  // the ruleset window is ≤ 6 months; 2024-09-10 → 2025-03-10 = 181 days = 5.95 months
  auto in = derive_b(parse(with(R"(, "tumour": {"diagnosis_date": "2024-09-10"})")));
  EXPECT_EQ(in.newly_diagnosed, Tri::yes);
  // 2024-09-01 → 2025-03-10 = 190 days = 6.24 months
  auto out = derive_b(parse(with(R"(, "tumour": {"diagnosis_date": "2024-09-01"})")));
  EXPECT_EQ(out.newly_diagnosed, Tri::no);
  auto unknown = derive_b(parse(with("")));
  EXPECT_EQ(unknown.newly_diagnosed, Tri::unknown);
}

TEST(Derived, AgeFromBirthDate) {
  auto d = derive_b(parse(with(R"(, "patient": {"birth_date": "1945-03-10"})")));
  ASSERT_TRUE(d.age_years.has_value());
  EXPECT_NEAR(*d.age_years, 80.0, 0.01);  // 80 years to the day
  EXPECT_EQ(d.age_pointer, "/patient/birth_date");
}

}  // namespace
}  // namespace rlt::model
