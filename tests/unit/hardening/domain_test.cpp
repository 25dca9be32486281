// Issue 9, numeric domains: every finding gets a regression test that fails on the code before
// the fix. Expected ranges are the ones stated in base/domain.hpp; expected numbers are worked
// out by hand in each test.
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "base/domain.hpp"
#include "calc/choi.hpp"
#include "calc/ctcae.hpp"
#include "calc/renal.hpp"
#include "calc/tgr.hpp"
#include "cli_run.hpp"
#include "dosimetry/budget.hpp"
#include "model/case_parser.hpp"

namespace rlt {
namespace {

using test::run_cli;
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(Domain, RejectsNanInfinitiesAndOutOfRange) {
  const Domain& d = domains::ki67;
  EXPECT_TRUE(d.contains(0));
  EXPECT_TRUE(d.contains(100));
  EXPECT_FALSE(d.contains(kNan));
  EXPECT_FALSE(d.contains(kInf));
  EXPECT_FALSE(d.contains(-kInf));
  EXPECT_FALSE(d.contains(100.0001));
  EXPECT_TRUE(d.zero_allowed());
  EXPECT_FALSE(domains::lab_uln.zero_allowed());
  auto m = d.check(kNan);
  ASSERT_TRUE(m);
  EXPECT_EQ(*m, "--ki67 must be a finite number, 0–100 % (a percentage of tumour cells); got nan");
  EXPECT_EQ(domains::lab_uln.range_text(), "greater than 0 and at most 1e+06");
}

TEST(Domain, ParseNumber) {
  EXPECT_EQ(parse_number("12.5"), 12.5);
  EXPECT_TRUE(std::isnan(*parse_number("nan")));
  EXPECT_TRUE(std::isinf(*parse_number("1e999")));
  EXPECT_FALSE(parse_number("12abc"));
  EXPECT_FALSE(parse_number(""));
}

// Finding: `grade --ki67 nan` answered G2 with exit 0.
TEST(DomainFindings, GradeKi67NanIsAnError) {
  for (const char* v : {"nan", "NaN", "inf", "-inf", "1e308"}) {
    auto r = run_cli({"grade", "--ki67", v});
    EXPECT_EQ(r.code, 1) << v << ": " << r.out;
    EXPECT_NE(r.err.find("--ki67"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("0–100 %"), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("Grade:"), std::string::npos) << r.out;
  }
  EXPECT_EQ(run_cli({"grade", "--mitoses", "nan"}).code, 1);
}

// Finding: `--kidney-limit-gy nan` flipped Q10.
TEST(DomainFindings, KidneyLimitNanIsAnError) {
  const std::string c =
      std::string(RLT_SOURCE_DIR) + "/examples/cases/07-prior-rlt-with-dosimetry-retreatment.json";
  auto r = run_cli({"evaluate", c, "--kidney-limit-gy", "nan"});
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.err.find("--kidney-limit-gy must be a finite number, 1–100 Gy"), std::string::npos)
      << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(run_cli({"evaluate", c, "--marrow-limit-gy", "inf"}).code, 1);
}

// Finding: choi with NaN overflowed a signed integer (llround of NaN).
TEST(DomainFindings, ChoiNanIsAnError) {
  auto r = run_cli({"choi", "--baseline-size", "100", "--size", "nan", "--baseline-density", "80",
                    "--density", "60"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("--size must be a finite number, 0–10000 mm"), std::string::npos) << r.err;
  // The core itself refuses non-finite values (a second line of defence).
  calc::choi::Input in;
  in.baseline_size = units::Millimetre(100);
  in.size = units::Millimetre(90);
  in.baseline_density = units::Hounsfield(kNan);
  in.density = units::Hounsfield(60);
  auto c = calc::choi::evaluate(in, kb::builtin());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, "choi_value");
}

// Finding: `egfr --creatinine 1e-320` printed a huge negative number.
TEST(DomainFindings, EgfrDenormalCreatinineIsAnError) {
  auto r = run_cli({"egfr", "--creatinine", "1e-320", "--age", "50", "--sex", "male"});
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.err.find("serum creatinine must be a finite number, 5–3000 µmol/L"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  // The lowest accepted value gives a finite, plausible eGFR: CKD-EPI 2021, male, 50 y,
  // Scr 5 µmol/L = 0.0566 mg/dL: 142 × (0.0566/0.9)^-0.302 × 0.9938^50 = 142 × 2.306 × 0.7325
  // ≈ 240 mL/min/1.73 m².
  auto e = calc::renal::ckd_epi_2021(units::Creatinine(5), 50, model::Sex::male);
  ASSERT_TRUE(e.ok());
  EXPECT_NEAR(e.value().value(), 240, 2);
}

// Finding: a near-zero interval gave an infinite growth rate with contradictory text.
TEST(DomainFindings, TgrInfiniteRateIsAnError) {
  auto r = run_cli(
      {"tgr", "--d0", "1e-300", "--d1", "10000", "--date0", "2024-01-01", "--date1", "2024-01-02"});
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.err.find("tgr_overflow"), std::string::npos) << r.err;
  EXPECT_EQ(run_cli({"tgr", "--d0", "10", "--d1", "20", "--months", "1e-300"}).code, 1);
  EXPECT_EQ(run_cli({"tgr", "--d0", "10", "--d1", "20", "--months", "nan"}).code, 1);
  auto c = calc::tgr::compute(units::Millimetre(1e-300), units::Millimetre(1e4), 0.0329);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, "tgr_overflow");
}

// Finding: `ctcae --uln 0` gave grade 4.
TEST(DomainFindings, CtcaeUlnZeroIsAnError) {
  auto r = run_cli({"ctcae", "--term", "alt", "--value", "50", "--uln", "0"});
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.err.find("--uln must be a finite number, greater than 0"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.out.find("grade 4"), std::string::npos);
  calc::ctcae::Input in{calc::ctcae::Term::alt_increased, 50, std::nullopt, 0.0, std::nullopt};
  auto g = calc::ctcae::grade(in);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().code, "ctcae_limit");
}

// Finding: 1e308 was reported against a range of "-1e+300–1e+300".
TEST(DomainFindings, HugeValueNamesTheRealRange) {
  for (const char* v : {"1e308", "1e999", "-1e999"}) {
    const std::string text =
        std::string(R"({"format": "rltguide-case/1", "assessment_date": "2025-06-01",
        "patient": {"sex": "male", "weight": {"value": )") +
        v + R"(, "unit": "kg"}}})";
    auto p = model::parse_case(text);
    ASSERT_FALSE(p.ok()) << v;
    const std::string msg = p.diagnostics.items()[0].to_string();
    EXPECT_EQ(msg.find("1e+300"), std::string::npos) << msg;
    EXPECT_NE(msg.find("/patient/weight"), std::string::npos) << msg;
    if (std::string(v) == "1e308") {  // 1e999 is already a JSON number overflow at parsing
      EXPECT_NE(msg.find("expected body weight 2–400 kg, found 1e+308"), std::string::npos) << msg;
    }
  }
}

model::Case retreatment_case(double kidney_gy, double marrow_gy) {
  // Two Lu-177 cycles of 7.4 GBq with reported doses.
  auto cycle = [&](int i) {
    return fmt::format(
        R"({{"id": "c{}", "date": "2024-0{}-01", "radiopharmaceutical": "lu177_dotatate",
        "activity": {{"value": 7.4, "unit": "GBq"}}, "dosimetry": {{"absorbed_doses": [
        {{"organ": "kidneys", "dose": {{"value": {}, "unit": "Gy"}}}},
        {{"organ": "bone_marrow", "dose": {{"value": {}, "unit": "Gy"}}}}]}}}})",
        i, i, kidney_gy, marrow_gy);
  };
  auto p = model::parse_case(
      R"({"format": "rltguide-case/1", "assessment_date": "2025-06-01", "patient": {"sex": "male"},
      "rlt_cycles": [)" +
      cycle(1) + ", " + cycle(2) + "]}");
  EXPECT_TRUE(p.ok()) << (p.diagnostics.empty() ? "" : p.diagnostics.items()[0].to_string());
  return p.value;
}

// Finding: a prior marrow dose of 0 Gy (rounded by department software) turned Q10 into
// "budget spent". 0 Gy used means the whole 2 Gy marrow budget remains.
TEST(DomainFindings, ZeroMarrowDoseLeavesTheWholeBudget) {
  auto b = dosimetry::plan_retreatment(retreatment_case(4.0, 0.0),
                                       dosimetry::BudgetPolicy::from_ruleset(kb::builtin()));
  EXPECT_EQ(b.status, dosimetry::BudgetStatus::ok);
  EXPECT_DOUBLE_EQ(b.marrow.used_gy, 0.0);
  EXPECT_DOUBLE_EQ(b.marrow.remaining_gy, 2.0);
  // Kidneys: 8 of 23 Gy used, 4/7.4 = 0.5405 Gy/GBq → 15/0.5405 = 27.75 GBq remain, so the next
  // cycle is capped at the standard 7.4 GBq; 27.75/7.4 = 3.75 cycles.
  ASSERT_TRUE(b.next_activity);
  EXPECT_DOUBLE_EQ(b.next_activity->value(), 7.4);
  ASSERT_TRUE(b.cycles_remaining);
  EXPECT_NEAR(*b.cycles_remaining, 3.75, 0.001);
  EXPECT_EQ(b.full_cycles_remaining, 3);
}

TEST(DomainFindings, ZeroKidneyAndMarrowDosesDoNotExhaustTheBudget) {
  auto b = dosimetry::plan_retreatment(retreatment_case(0.0, 0.0),
                                       dosimetry::BudgetPolicy::from_ruleset(kb::builtin()));
  EXPECT_EQ(b.status, dosimetry::BudgetStatus::ok);
  EXPECT_DOUBLE_EQ(b.kidneys.remaining_gy, 23.0);
  ASSERT_TRUE(b.next_activity);
  EXPECT_DOUBLE_EQ(b.next_activity->value(), 7.4);
  ASSERT_TRUE(b.full_cycles_remaining);
  EXPECT_GE(*b.full_cycles_remaining, 0);
}

// Finding: tiny doses (≤ ~1e-11 Gy) overflowed the float→int conversion (UB; "-2147483648 full
// cycles"). The sanitizer preset turns the UB into a failure; here the count must be sane.
TEST(DomainFindings, TinyDosesDoNotOverflowTheCycleCount) {
  for (double d : {1e-11, 1e-12, 1e-300}) {
    auto b = dosimetry::plan_retreatment(retreatment_case(d, d),
                                         dosimetry::BudgetPolicy::from_ruleset(kb::builtin()));
    EXPECT_EQ(b.status, dosimetry::BudgetStatus::ok) << d;
    ASSERT_TRUE(b.full_cycles_remaining) << d;
    EXPECT_GE(*b.full_cycles_remaining, 0) << d;
    EXPECT_LE(*b.full_cycles_remaining, 1000) << d;
    ASSERT_TRUE(b.remaining_cumulative_activity);
    EXPECT_TRUE(std::isfinite(b.remaining_cumulative_activity->value()));
  }
}

}  // namespace
}  // namespace rlt
