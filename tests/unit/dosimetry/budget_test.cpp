// The retreatment planner: WE-4 numbers and the boundaries (budget exactly used, 7.4 GBq cap, no
// budget left, missing Gy/GBq → insufficient data). Expected values are worked out by hand in
// each test from the doses it puts in the case.
#include <cmath>

#include <gtest/gtest.h>

#include "dosimetry/budget.hpp"
#include "kb/ruleset.hpp"
#include "model/case_parser.hpp"
#include "render/calc.hpp"

namespace rlt::dosimetry {
namespace {

model::Case parse(const std::string& cycles, const std::string& patient = R"({"sex": "male"})") {
  std::string text =
      R"({"format": "rltguide-case/1", "assessment_date": "2025-06-01", "patient": )" + patient +
      (cycles.empty() ? "" : R"(, "rlt_cycles": )" + cycles) + "}";
  auto p = model::parse_case(text);
  EXPECT_TRUE(p.ok()) << (p.diagnostics.empty() ? "" : p.diagnostics.items()[0].to_string());
  return p.value;
}

std::string cycle(int i, double gbq, std::optional<double> kidney_gy,
                  std::optional<double> marrow_gy = {}) {
  std::string doses;
  if (kidney_gy)
    doses +=
        fmt::format(R"({{"organ": "kidneys", "dose": {{"value": {}, "unit": "Gy"}}}})", *kidney_gy);
  if (marrow_gy)
    doses += fmt::format(R"({}{{"organ": "bone_marrow", "dose": {{"value": {}, "unit": "Gy"}}}})",
                         doses.empty() ? "" : ", ", *marrow_gy);
  return fmt::format(
      R"({{"id": "c{}", "date": "2024-0{}-01", "radiopharmaceutical": "lu177_dotatate",
      "activity": {{"value": {}, "unit": "GBq"}}{}}})",
      i, i, gbq,
      doses.empty() ? "" : fmt::format(R"(, "dosimetry": {{"absorbed_doses": [{}]}})", doses));
}

TEST(BudgetPolicy, FromRulesetMatchesTheThresholds) {
  auto p = BudgetPolicy::from_ruleset(kb::builtin());
  EXPECT_DOUBLE_EQ(p.kidney_dose_limit.value(), 23.0);
  EXPECT_DOUBLE_EQ(p.kidney_bed_limit.value(), 40.0);
  EXPECT_DOUBLE_EQ(p.kidney_bed_limit_risk.value(), 28.0);
  EXPECT_DOUBLE_EQ(p.marrow_limit.value(), 2.0);
  EXPECT_DOUBLE_EQ(p.max_activity.value(), 7.4);
  EXPECT_DOUBLE_EQ(p.kidney_radiobiology.alpha_beta.value(), 2.6);
  EXPECT_DOUBLE_EQ(p.kidney_radiobiology.repair_half_time.value(), 2.8);
  EXPECT_DOUBLE_EQ(p.kidney_plausible_low.value(), 0.2);
  EXPECT_DOUBLE_EQ(p.kidney_plausible_high.value(), 1.0);
}

TEST(BudgetWe4, InversePlanningNumbers) {
  // WE-4: 0.3802 Gy/GBq → 60.5 GBq to reach 23 Gy = 8.17 cycles of 7.4 GBq.
  const GyPerGbq d(0.3802);
  auto a = activity_for_budget(23.0, d, 0.0, 2.6);
  EXPECT_NEAR(a.value(), 60.5, 0.05);
  EXPECT_NEAR(a.value() / 7.4, 8.17, 0.005);
  // Per 7.4 GBq cycle: D = 2.813 Gy, BED = 2.977 Gy (T_eff 49.22 h) → 9.40 cycles to BED 28 Gy and
  // 13.4 to 40 Gy.
  const double g = g_factor_mono(units::Hours(49.22), units::Hours(2.8));
  auto b = bed(dose_for(d, units::Gbq(7.4)), g, units::Gray(2.6));
  EXPECT_NEAR(dose_for(d, units::Gbq(7.4)).value(), 2.813, 5e-4);
  EXPECT_NEAR(b.value(), 2.977, 5e-4);
  EXPECT_NEAR(28.0 / b.value(), 9.40, 0.005);
  EXPECT_NEAR(40.0 / b.value(), 13.4, 0.05);
  // The BED root gives back the budget exactly.
  auto x = activity_for_budget(2.977, d, g, 2.6);
  EXPECT_NEAR(bed(dose_for(d, x), g, units::Gray(2.6)).value(), 2.977, 1e-9);
}

TEST(Budget, OneMeasuredCycleLeavesRoomAndTheNextActivityIsCapped) {
  // One cycle of 7.21043 GBq with 2.7414 Gy (WE-1): d = 0.380199 Gy/GBq; remaining 20.2586 Gy.
  auto c = parse("[" + cycle(1, 7.21043, 2.7414) + "]");
  auto b = plan_retreatment(c, BudgetPolicy{});
  ASSERT_EQ(b.status, BudgetStatus::ok) << (b.missing.empty() ? "" : b.missing[0].what);
  const double d = 2.7414 / 7.21043;
  EXPECT_NEAR(b.kidneys.gy_per_gbq_used->value(), d, 1e-12);
  EXPECT_NEAR(b.kidneys.remaining_gy, 23.0 - 2.7414, 1e-12);
  EXPECT_TRUE(b.capped);
  EXPECT_EQ(b.limiting_organ, "cap");
  EXPECT_DOUBLE_EQ(b.next_activity->value(), 7.4);
  EXPECT_NEAR(b.remaining_cumulative_activity->value(), (23.0 - 2.7414) / d, 1e-9);
  EXPECT_NEAR(*b.cycles_remaining, (23.0 - 2.7414) / d / 7.4, 1e-9);
  EXPECT_EQ(*b.full_cycles_remaining, 7);
  EXPECT_FALSE(b.facts.empty());
  EXPECT_EQ(b.cycles.size(), 1u);
  EXPECT_EQ(b.cycles[0].kidney_origin, DoseOrigin::reported);
}

TEST(Budget, BudgetExactlyUsed) {
  // 4 × 5.75 Gy = 23 Gy exactly.
  auto c = parse("[" + cycle(1, 7.4, 5.75) + "," + cycle(2, 7.4, 5.75) + "," + cycle(3, 7.4, 5.75) +
                 "," + cycle(4, 7.4, 5.75) + "]");
  auto b = plan_retreatment(c, BudgetPolicy{});
  EXPECT_EQ(b.status, BudgetStatus::budget_exhausted);
  EXPECT_DOUBLE_EQ(b.kidneys.remaining_gy, 0.0);
  EXPECT_DOUBLE_EQ(b.next_activity->value(), 0.0);
  EXPECT_DOUBLE_EQ(*b.cycles_remaining, 0.0);
  EXPECT_EQ(*b.full_cycles_remaining, 0);
}

TEST(Budget, RemainingExactlyOneCappedCycle) {
  // Four cycles of 3.7 Gy and one of 4.5 Gy, all at 7.4 GBq: 19.3 Gy used, 3.7 Gy left.
  auto c = parse("[" + cycle(1, 7.4, 3.7) + "," + cycle(2, 7.4, 3.7) + "," + cycle(3, 7.4, 3.7) +
                 "," + cycle(4, 7.4, 3.7) + "," + cycle(5, 7.4, 4.5) + "]");
  // used = 4 × 3.7 + 4.5 = 19.3; highest Gy/GBq = 4.5/7.4; remaining 3.7 Gy → 3.7/(4.5/7.4)
  // = 6.0844 GBq.
  auto b = plan_retreatment(c, BudgetPolicy{});
  ASSERT_EQ(b.status, BudgetStatus::ok);
  EXPECT_NEAR(b.next_activity->value(), 3.7 / (4.5 / 7.4), 1e-9);
  EXPECT_FALSE(b.capped);
  EXPECT_EQ(b.limiting_organ, "kidneys");
  // With the mean Gy/GBq ((4×3.7 + 4.5)/(5×7.4) = 0.521622) the same budget allows 7.0933 GBq.
  BudgetPolicy mean;
  mean.planning_basis = PlanningBasis::mean;
  auto m = plan_retreatment(c, mean);
  EXPECT_NEAR(m.next_activity->value(), 3.7 / ((4 * 3.7 + 4.5) / 37.0), 1e-9);
  // The last cycle is also the highest here.
  BudgetPolicy last;
  last.planning_basis = PlanningBasis::last;
  EXPECT_NEAR(plan_retreatment(c, last).next_activity->value(), 3.7 / (4.5 / 7.4), 1e-9);
}

TEST(Budget, NoBudgetLeft) {
  auto c = parse("[" + cycle(1, 7.4, 8) + "," + cycle(2, 7.4, 8) + "," + cycle(3, 7.4, 8) + "]");
  auto b = plan_retreatment(c, BudgetPolicy{});
  EXPECT_EQ(b.status, BudgetStatus::budget_exhausted);
  EXPECT_DOUBLE_EQ(b.next_activity->value(), 0.0);
  EXPECT_DOUBLE_EQ(b.kidneys.used_gy, 24.0);
  EXPECT_DOUBLE_EQ(b.kidneys.remaining_gy, 0.0);
  bool warned = false;
  for (const auto& w : b.warnings)
    warned |= w.find("exceeds") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(Budget, MissingGyPerGbqIsInsufficientData) {
  // A dose without the administered activity: no Gy/GBq can be formed.
  auto c = parse(R"([{"id": "c1", "date": "2024-01-01", "radiopharmaceutical": "lu177_dotatate",
      "dosimetry": {"absorbed_doses": [{"organ": "kidneys", "dose": {"value": 3, "unit": "Gy"}}]}}])");
  auto b = plan_retreatment(c, BudgetPolicy{});
  EXPECT_EQ(b.status, BudgetStatus::insufficient_data);
  EXPECT_FALSE(b.next_activity.has_value());
  ASSERT_FALSE(b.missing.empty());
  bool named = false;
  for (const auto& m : b.missing)
    named |= m.what.find("Gy/GBq") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST(Budget, CycleWithoutDosimetryAndNoOtherIsInsufficientData) {
  auto c = parse("[" + cycle(1, 7.4, std::nullopt) + "]");
  auto b = plan_retreatment(c, BudgetPolicy{});
  EXPECT_EQ(b.status, BudgetStatus::insufficient_data);
  EXPECT_FALSE(b.next_activity.has_value());
  ASSERT_GE(b.missing.size(), 1u);
  EXPECT_EQ(b.missing[0].pointer, "/rlt_cycles/0/dosimetry");
}

TEST(Budget, UnknownHistoryIsInsufficientData) {
  auto b = plan_retreatment(parse(""), BudgetPolicy{});
  EXPECT_EQ(b.status, BudgetStatus::insufficient_data);
  ASSERT_EQ(b.missing.size(), 1u);
  EXPECT_EQ(b.missing[0].pointer, "/rlt_cycles");
}

TEST(Budget, UnmeasuredCycleIsEstimatedOrRefused) {
  auto c = parse("[" + cycle(1, 7.4, 3.7) + "," + cycle(2, 7.4, std::nullopt) + "]");
  auto b = plan_retreatment(c, BudgetPolicy{});
  ASSERT_EQ(b.status, BudgetStatus::ok);
  EXPECT_EQ(b.cycles[1].kidney_origin, DoseOrigin::estimated);
  EXPECT_NEAR(b.kidneys.used_gy, 7.4, 1e-12);  // 3.7 + 0.5 × 7.4
  BudgetPolicy strict;
  strict.estimate_unmeasured_cycles = false;
  EXPECT_EQ(plan_retreatment(c, strict).status, BudgetStatus::insufficient_data);
}

TEST(Budget, MarrowCanBeTheLimitingOrgan) {
  // Marrow 0.9 Gy per 7.4 GBq cycle, twice: 1.8 Gy used, 0.2 Gy left at 0.9/7.4 Gy/GBq → 1.644 GBq.
  auto c = parse("[" + cycle(1, 7.4, 3.0, 0.9) + "," + cycle(2, 7.4, 3.0, 0.9) + "]");
  auto b = plan_retreatment(c, BudgetPolicy{});
  ASSERT_EQ(b.status, BudgetStatus::ok);
  EXPECT_EQ(b.limiting_organ, "bone_marrow");
  EXPECT_NEAR(b.next_activity->value(), 0.2 / (0.9 / 7.4), 1e-9);
  EXPECT_TRUE(b.marrow.assessed);
  // Marrow 0.9 Gy per 7.4 GBq (0.12 Gy/GBq) is above the plausible 0.01–0.1 range: warned.
  bool warned = false;
  for (const auto& w : b.warnings)
    warned |= w.find("marrow") != std::string::npos && w.find("plausible") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(Budget, MarrowRequiredButAbsentIsInsufficient) {
  auto c = parse("[" + cycle(1, 7.4, 3.0) + "]");
  BudgetPolicy p;
  p.marrow_required = true;
  EXPECT_EQ(plan_retreatment(c, p).status, BudgetStatus::insufficient_data);
  EXPECT_FALSE(plan_retreatment(c, BudgetPolicy{}).marrow.assessed);
}

TEST(Budget, ImplausibleKidneyGyPerGbqIsWarned) {
  auto c = parse("[" + cycle(1, 7.4, 10.0) + "]");  // 1.35 Gy/GBq
  auto b = plan_retreatment(c, BudgetPolicy{});
  bool warned = false;
  for (const auto& w : b.warnings)
    warned |= w.find("plausible") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(Budget, BedPolicyNeedsKineticsAndUsesRiskFactors) {
  // Reported doses carry no kinetics: with a BED limit that is insufficient data.
  auto c = parse("[" + cycle(1, 7.4, 3.0) + "]",
                 R"({"sex": "male", "comorbidities": ["hypertension"]})");
  BudgetPolicy p;
  p.kidney_limit = KidneyLimit::bed;
  auto b = plan_retreatment(c, p);
  EXPECT_EQ(b.status, BudgetStatus::insufficient_data);
  EXPECT_DOUBLE_EQ(b.kidneys.limit_gy, 28.0);  // hypertension → 28 Gy
  ASSERT_TRUE(b.policy.kidney_risk_factors.has_value());
  EXPECT_TRUE(*b.policy.kidney_risk_factors);
}

TEST(Budget, BedPolicyWithMeasuredKinetics) {
  // A cycle measured as the mono-exponential A(t) = 100·e^{−ln2·t/50} MBq in both kidneys (300 g):
  // Ã = 100·50/ln2 MBq·h, D = Ã·S_ref·m_ref/m·3.6 (ICRP-89 M kidneys), G = 2.8/52.8.
  std::string cyc = R"([{"id": "c1", "date": "2024-01-01", "radiopharmaceutical": "lu177_dotatate",
      "activity": {"value": 7.4, "unit": "GBq"},
      "dosimetry": {"measurements": [{"organ": "kidneys", "mass": {"value": 300, "unit": "g"}, "points": [)";
  const double ln2 = std::log(2.0);
  for (int i = 0; i < 4; ++i) {
    double t = std::array{4.0, 24.0, 72.0, 168.0}[static_cast<std::size_t>(i)];
    cyc += fmt::format(
        R"({}{{"time": {{"value": {}, "unit": "h"}}, "activity": {{"value": {:.12g}, "unit": "MBq"}}}})",
        i ? "," : "", t, 100 * std::exp(-ln2 * t / 50));
  }
  cyc += "]}]}}]";
  auto c = parse(cyc, R"({"sex": "male", "comorbidities": []})");
  BudgetPolicy p;
  p.kidney_limit = KidneyLimit::bed;
  auto b = plan_retreatment(c, p);
  ASSERT_EQ(b.status, BudgetStatus::ok) << (b.missing.empty() ? "" : b.missing[0].what);
  const double tia = 100 * 50 / ln2;
  const double dose = tia * 7.76e-5 * 310.0 / 300.0 * 3.6;
  const double g = 2.8 / 52.8;
  const double bedv = dose * (1 + g * dose / 2.6);
  EXPECT_NEAR(b.cycles[0].kidney_dose->value(), dose, dose * 1e-7);
  EXPECT_NEAR(b.cycles[0].kidney_bed->value(), bedv, bedv * 1e-6);
  EXPECT_DOUBLE_EQ(b.kidneys.limit_gy, 40.0);  // no comorbidities → no risk factors
  EXPECT_NEAR(b.kidneys.remaining_gy, 40.0 - bedv, 1e-6);
  // Remaining cumulative activity: whole cycles of 7.4 GBq at BED b each, then the root for the
  // rest.
  const double d = dose / 7.4;
  const double cycles = (40.0 - bedv) / bedv;
  EXPECT_NEAR(*b.cycles_remaining, cycles, 1e-6);
  const double full = std::floor(cycles);
  const double rest = 40.0 - bedv - full * bedv;
  const double a = g / 2.6;
  const double x = (-1 + std::sqrt(1 + 4 * a * rest)) / (2 * a);
  EXPECT_NEAR(b.remaining_cumulative_activity->value(), full * 7.4 + x / d, 1e-5);
}

TEST(Budget, JsonHasTheStableFields) {
  auto b = plan_retreatment(parse("[" + cycle(1, 7.4, 3.0) + "]"), BudgetPolicy{});
  auto j = to_json(b);
  for (auto key : {"status", "missing", "kidneys", "bone_marrow", "next_activity_gbq", "capped",
                   "cycles_remaining", "full_cycles_remaining", "remaining_cumulative_activity_gbq",
                   "cycles", "warnings", "facts", "policy"})
    EXPECT_TRUE(j.contains(key)) << key;
}

}  // namespace
}  // namespace rlt::dosimetry
