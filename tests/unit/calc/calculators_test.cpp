#include <gtest/gtest.h>

#include "calc/choi.hpp"
#include "calc/common.hpp"
#include "calc/ctcae.hpp"
#include "calc/krenning.hpp"
#include "calc/netpet.hpp"
#include "calc/performance.hpp"
#include "calc/renal.hpp"
#include "calc/tgr.hpp"
#include "vectors.hpp"

namespace rlt::calc {
namespace {

using nlohmann::json;

TEST(Common, ChangeMeetsIsExactAtTheBoundary) {
  kb::Threshold pr{"x", -30, "%", kb::Comparator::le, "", ""};
  EXPECT_TRUE(change_meets(Tenths{700}, Tenths{1000}, pr));   // exactly −30 %
  EXPECT_FALSE(change_meets(Tenths{701}, Tenths{1000}, pr));  // −29.9 %
  kb::Threshold pd{"y", 20, "%", kb::Comparator::ge, "", ""};
  EXPECT_TRUE(change_meets(Tenths{288}, Tenths{240}, pd));  // 28.8 vs 24: exactly +20 %
  EXPECT_FALSE(change_meets(Tenths{287}, Tenths{240}, pd));
  EXPECT_EQ(to_tenths(units::Millimetre(28.8)).v, 288);
  EXPECT_EQ(compare_scaled(60, 1.5, 40), 0);
  EXPECT_EQ(compare_scaled(0.3, 3, 0.1), 0);  // 0.1·3 is 0.30000000000000004 in binary
}

// ---- Choi --------------------------------------------------------------------------------------

TEST(ChoiVectors, All) {
  auto v = test::load_vectors("choi.json");
  for (const auto& c : v["cases"]) {
    const auto& in = c["input"];
    choi::Input x;
    x.baseline_size = units::Millimetre(in["baseline_size"].get<double>());
    x.size = units::Millimetre(in["size"].get<double>());
    if (in.contains("nadir_size")) x.nadir_size = units::Millimetre(in["nadir_size"].get<double>());
    x.baseline_density = units::Hounsfield(in["baseline_density"].get<double>());
    x.density = units::Hounsfield(in["density"].get<double>());
    x.new_lesions = in.value("new_lesions", false);
    x.new_intratumoural_nodules = in.value("new_nodules", false);
    x.variant = in.value("modified", false) ? choi::Variant::modified : choi::Variant::choi;
    x.reference = in.value("reference", std::string("baseline")) == "nadir"
                      ? choi::Reference::nadir
                      : choi::Reference::baseline;
    auto r = choi::evaluate(x, kb::builtin());
    ASSERT_TRUE(r.ok()) << test::where(c);
    const auto& ex = c["expected"];
    EXPECT_EQ(choi::to_string(r.value().response), ex["response"].get<std::string>())
        << test::where(c);
    if (ex.contains("size_pct")) {
      EXPECT_NEAR(r.value().size_change, ex["size_pct"].get<double>(), 0.05) << test::where(c);
    }
    if (ex.contains("density_pct")) {
      EXPECT_NEAR(r.value().density_change, ex["density_pct"].get<double>(), 0.05)
          << test::where(c);
    }
    if (ex.contains("flag")) {
      EXPECT_EQ(r.value().flag_size_up_density_down, ex["flag"].get<bool>()) << test::where(c);
    }
  }
}

TEST(Choi, Errors) {
  choi::Input x;
  x.baseline_size = units::Millimetre(0);
  x.baseline_density = units::Hounsfield(50);
  EXPECT_EQ(choi::evaluate(x, kb::builtin()).error().code, "choi_reference");
  x.baseline_size = units::Millimetre(50);
  x.baseline_density = units::Hounsfield(-5);
  EXPECT_EQ(choi::evaluate(x, kb::builtin()).error().code, "choi_reference");
  x.baseline_density = units::Hounsfield(50);
  x.reference = choi::Reference::nadir;
  EXPECT_EQ(choi::evaluate(x, kb::builtin()).error().code, "choi_reference");
}

// ---- TGR ---------------------------------------------------------------------------------------

TEST(TgrVectors, All) {
  auto v = test::load_vectors("tgr.json");
  for (const auto& c : v["cases"]) {
    const auto& in = c["input"];
    auto r = tgr::compute(units::Millimetre(in["d0"].get<double>()),
                          units::Millimetre(in["d1"].get<double>()), in["months"].get<double>());
    ASSERT_TRUE(r.ok()) << test::where(c);
    EXPECT_NEAR(r.value().tgr, c["expected"].get<double>(), c["tolerance"].get<double>() + 1e-12)
        << test::where(c);
  }
  for (const auto& c : v["dated"]) {
    const auto& in = c["input"];
    auto r = tgr::compute(
        units::Millimetre(in["d0"].get<double>()), *Date::parse(in["date0"].get<std::string>()),
        units::Millimetre(in["d1"].get<double>()), *Date::parse(in["date1"].get<std::string>()));
    ASSERT_TRUE(r.ok()) << test::where(c);
    EXPECT_NEAR(r.value().tgr, c["expected"].get<double>(), c["tolerance"].get<double>() + 1e-12)
        << test::where(c);
  }
  for (const auto& c : v["cutoffs"]) {
    auto classes = tgr::classify(c["input"]["tgr"].get<double>(), kb::builtin());
    for (const auto& [id, meets] : c["expected"].items()) {
      bool found = false;
      for (const auto& k : classes)
        if (k.threshold_id == id) {
          found = true;
          EXPECT_EQ(k.meets, meets.get<bool>()) << test::where(c) << " " << id;
        }
      EXPECT_TRUE(found) << id;
    }
  }
}

TEST(Tgr, GreponetBoundaryFromMeasurements) {
  // G-6: 100 → 100.8 mm in 3 months is exactly 0.8 %/month and must meet "≥ 0.8".
  auto r = tgr::compute(units::Millimetre(100), units::Millimetre(100.8), 3.0);
  ASSERT_TRUE(r.ok());
  for (const auto& k : tgr::classify(r.value().tgr, kb::builtin()))
    if (k.threshold_id == "tgr.greponet_tgr3m") {
      EXPECT_TRUE(k.meets);
    }
}

TEST(Tgr, UndefinedCases) {
  EXPECT_EQ(tgr::compute(units::Millimetre(0), units::Millimetre(10), 3).error().code,
            "tgr_d0_zero");
  EXPECT_EQ(tgr::compute(units::Millimetre(10), units::Millimetre(10), 0).error().code,
            "tgr_interval");
  EXPECT_EQ(tgr::compute(units::Millimetre(10), units::Millimetre(10), -1).error().code,
            "tgr_interval");
  EXPECT_EQ(tgr::compute(units::Millimetre(10), units::Millimetre(-1), 3).error().code,
            "tgr_negative");
  auto cr = tgr::compute(units::Millimetre(10), units::Millimetre(0), 3);
  ASSERT_TRUE(cr.ok());
  EXPECT_TRUE(cr.value().limit);
  EXPECT_DOUBLE_EQ(cr.value().tgr, -100.0);
  EXPECT_NEAR(tgr::months_between(*Date::parse("2024-01-01"), *Date::parse("2025-01-01")),
              366 * 12 / 365.25, 1e-12);
}

// ---- kidney ------------------------------------------------------------------------------------

TEST(RenalVectors, All) {
  auto v = test::load_vectors("renal.json");
  for (const auto& c : v["cases"]) {
    const auto& in = c["input"];
    const double scr =
        in["creatinine"].get<double>() * (in["unit"] == "mg/dL" ? renal::kUmolPerMgdl : 1.0);
    const model::Sex sex = in["sex"] == "female" ? model::Sex::female : model::Sex::male;
    const double age = in["age"].get<double>();
    const std::string eq = in["equation"];
    double got = 0;
    if (eq == "ckd-epi-2021") {
      auto r = renal::ckd_epi_2021(units::Creatinine(scr), age, sex);
      ASSERT_TRUE(r.ok()) << test::where(c);
      got = r.value().value();
    } else if (eq == "ckd-epi-2009") {
      auto r = renal::ckd_epi_2009(units::Creatinine(scr), age, sex, in.value("black", false));
      ASSERT_TRUE(r.ok()) << test::where(c);
      got = r.value().value();
    } else {
      auto r = renal::cockcroft_gault(units::Creatinine(scr), age,
                                      units::Kilogram(in["weight"].get<double>()), sex);
      ASSERT_TRUE(r.ok()) << test::where(c);
      got = r.value().value();
    }
    EXPECT_NEAR(got, c["expected"].get<double>(), c["tolerance"].get<double>() + 1e-9)
        << test::where(c);
  }
  for (const auto& c : v["errors"]) {
    const auto& in = c["input"];
    auto r =
        renal::ckd_epi_2021(units::Creatinine(in["creatinine"].get<double>() * renal::kUmolPerMgdl),
                            in["age"].get<double>(), model::Sex::male);
    ASSERT_FALSE(r.ok()) << test::where(c);
    EXPECT_EQ(r.error().code, c["expected"].get<std::string>()) << test::where(c);
  }
}

TEST(Renal, EgfrAndClearanceAreDifferentTypes) {
  static_assert(!std::is_same_v<units::Egfr, units::Clearance>);
  static_assert(!std::is_convertible_v<units::Egfr, units::Clearance>);
  auto r =
      renal::cockcroft_gault(units::Creatinine(88.4), 60, units::Kilogram(0), model::Sex::male);
  EXPECT_EQ(r.error().code, "renal_weight");
}

// ---- CTCAE -------------------------------------------------------------------------------------

ctcae::Term term_of(const std::string& s) {
  using ctcae::Term;
  if (s == "platelets") return Term::platelet_count_decreased;
  if (s == "anaemia") return Term::anemia;
  if (s == "neutrophils") return Term::neutrophil_count_decreased;
  if (s == "creatinine") return Term::creatinine_increased;
  if (s == "ast") return Term::ast_increased;
  if (s == "alt") return Term::alt_increased;
  return Term::blood_bilirubin_increased;
}

TEST(CtcaeVectors, All) {
  auto v = test::load_vectors("ctcae.json");
  ASSERT_GT(v["cases"].size(), 60u);
  for (const auto& c : v["cases"]) {
    const auto& in = c["input"];
    ctcae::Input x;
    x.term = term_of(in["term"]);
    x.value = in["value"].get<double>();
    if (in.contains("lln")) x.lln = in["lln"].get<double>();
    if (in.contains("uln")) x.uln = in["uln"].get<double>();
    if (in.contains("baseline")) x.baseline = in["baseline"].get<double>();
    auto r = ctcae::grade(x);
    ASSERT_TRUE(r.ok()) << test::where(c);
    if (c["expected"].is_null())
      EXPECT_FALSE(r.value().grade.has_value())
          << test::where(c) << " got grade " << r.value().grade.value_or(-1);
    else
      EXPECT_EQ(r.value().grade, std::optional<int>(c["expected"].get<int>())) << test::where(c);
  }
}

TEST(Ctcae, RejectsNegativeValues) {
  EXPECT_EQ(ctcae::grade({ctcae::Term::anemia, -1, 120, std::nullopt, std::nullopt}).error().code,
            "ctcae_value");
  EXPECT_EQ(ctcae::kVersion, "CTCAE v5.0");
  EXPECT_EQ(ctcae::term_for(model::Analyte::albumin), std::nullopt);
}

// ---- performance -------------------------------------------------------------------------------

TEST(PerformanceVectors, All) {
  auto v = test::load_vectors("performance.json");
  for (const auto& c : v["karnofsky_to_ecog"]) {
    auto r = performance::karnofsky_to_ecog(c["input"].get<int>());
    if (c["expected"].is_null()) {
      EXPECT_FALSE(r.ok()) << test::where(c);
    } else {
      ASSERT_TRUE(r.ok()) << test::where(c);
      EXPECT_EQ(r.value(), c["expected"].get<int>()) << test::where(c);
    }
  }
  for (const auto& c : v["ecog_to_karnofsky"]) {
    auto r = performance::ecog_to_karnofsky(c["input"].get<int>());
    if (c["expected"].is_null()) {
      EXPECT_FALSE(r.ok()) << test::where(c);
    } else {
      ASSERT_TRUE(r.ok()) << test::where(c);
      EXPECT_EQ(r.value().low, c["expected"][0].get<int>()) << test::where(c);
      EXPECT_EQ(r.value().high, c["expected"][1].get<int>()) << test::where(c);
    }
  }
  for (const auto& c : v["g8"]) {
    const auto& in = c["input"];
    performance::G8Items it{in["food"], in["weight_loss"], in["mobility"],    in["neuropsych"],
                            in["bmi"],  in["drugs"],       in["health_half"], in["age"]};
    auto r = performance::g8(it, kb::builtin());
    ASSERT_TRUE(r.ok()) << test::where(c);
    EXPECT_DOUBLE_EQ(r.value().total(), c["expected"]["total"].get<double>()) << test::where(c);
    EXPECT_EQ(r.value().abnormal, c["expected"]["abnormal"].get<bool>()) << test::where(c);
  }
  for (const auto& c : v["g8_age"])
    EXPECT_EQ(performance::g8_age_points(c["input"].get<double>()).value(),
              c["expected"].get<int>())
        << test::where(c);
  for (const auto& c : v["g8_bmi"])
    EXPECT_EQ(performance::g8_bmi_points(c["input"].get<double>()).value(),
              c["expected"].get<int>())
        << test::where(c);
}

TEST(Performance, Errors) {
  EXPECT_FALSE(performance::ecog_description(6).ok());
  EXPECT_FALSE(performance::ecog_description(-1).ok());
  EXPECT_EQ(performance::g8({3, 0, 0, 0, 0, 0, 0, 0}, kb::builtin()).error().code, "g8_item");
  EXPECT_EQ(performance::g8({0, 0, 0, 0, 0, 0, 3, 0}, kb::builtin()).error().code, "g8_item");
  EXPECT_FALSE(performance::g8_bmi_points(5).ok());
}

// ---- Krenning, NETPET
// ----------------------------------------------------------------------------

TEST(KrenningVectors, All) {
  auto v = test::load_vectors("krenning.json");
  for (const auto& c : v["cases"]) {
    auto scores = c["input"]["scores"].get<std::vector<int>>();
    std::optional<int> minimum;
    if (c["input"].contains("minimum")) minimum = c["input"]["minimum"].get<int>();
    auto r = krenning::sstr_positive(kb::builtin(), scores, minimum);
    ASSERT_TRUE(r.ok()) << test::where(c);
    EXPECT_EQ(r.value().positive, c["expected"].get<bool>()) << test::where(c);
  }
  EXPECT_FALSE(krenning::sstr_positive(kb::builtin(), std::vector<int>{5}).ok());
  EXPECT_FALSE(krenning::sstr_positive(kb::builtin(), std::vector<int>{}).ok());
  EXPECT_TRUE(krenning::sstr_positive(model::UptakeVsLiver::equal).positive);
  EXPECT_FALSE(krenning::sstr_positive(model::UptakeVsLiver::below).positive);
}

TEST(NetpetVectors, All) {
  auto v = test::load_vectors("netpet.json");
  for (const auto& c : v["cases"]) {
    std::vector<netpet::Lesion> ls;
    for (const auto& l : c["input"]) {
      netpet::Lesion x{l["sstr"].get<bool>(), l["fdg"].get<bool>(), std::nullopt};
      if (l.contains("relation")) {
        const std::string rel = l["relation"];
        x.relation = rel == "lower"     ? netpet::FdgVsSstr::lower
                     : rel == "similar" ? netpet::FdgVsSstr::similar
                                        : netpet::FdgVsSstr::higher;
      }
      ls.push_back(x);
    }
    auto r = netpet::grade(ls);
    ASSERT_TRUE(r.ok()) << test::where(c);
    EXPECT_EQ(netpet::to_string(r.value().grade), c["expected"].get<std::string>())
        << test::where(c);
  }
  std::vector<netpet::Lesion> missing{{true, true, std::nullopt}};
  EXPECT_EQ(netpet::grade(missing).error().code, "netpet_relation");
}

}  // namespace
}  // namespace rlt::calc
