// rltguide-case/1 → /2. The v1 originals of the bundled examples are kept in
// tests/vectors/case-v1/; each must upgrade to exactly the bundled (v2) example, the upgrade must
// change only what docs/case-format.md ("Upgrading from rltguide-case/1") says it changes, and
// the v1 file and its upgrade must parse to the same Case facts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "model/case_parser.hpp"
#include "model/case_upgrade.hpp"
#include "model/names.hpp"

namespace rlt::model {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = RLT_SOURCE_DIR;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The documented upgrade, written independently of upgrade_case: the format becomes
// rltguide-case/2 and imaging.studies[].phase becomes phases = [phase]; nothing else changes.
Json documented_upgrade(Json j) {
  j["format"] = "rltguide-case/2";
  if (j.contains("imaging") && j["imaging"].contains("studies"))
    for (auto& s : j["imaging"]["studies"])
      if (s.contains("phase")) {
        s["phases"] = s["phase"].is_null() ? Json() : Json::array({s["phase"]});
        s.erase("phase");
      }
  return j;
}

// The facts of a case, without what the format change moves: the format string and the pointer
// of the single phase (".../phase" in v1, ".../phases" in v2).
Case comparable(Case c) {
  c.format.clear();
  for (auto& s : c.studies)
    s.phase.pointer.clear();
  return c;
}

TEST(CaseUpgrade, EveryV1VectorUpgradesToItsBundledExample) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(kSource / "tests/vectors/case-v1")) {
    ++n;
    SCOPED_TRACE(e.path().filename().string());
    std::string v1 = read(e.path());
    fs::path example = kSource / "examples/cases" / e.path().filename();
    ASSERT_TRUE(fs::exists(example));
    std::string v2 = read(example);

    ASSERT_EQ(Json::parse(v1)["format"], "rltguide-case/1");
    auto up = upgrade_case(v1);
    ASSERT_TRUE(up.ok()) << up.diagnostics.items()[0].to_string();
    EXPECT_FALSE(up.was_current);
    EXPECT_EQ(up.text, v2);  // byte for byte: the example was written by this upgrade
    EXPECT_EQ(Json::parse(v2), documented_upgrade(Json::parse(v1)));

    auto a = parse_case(v1);
    auto b = parse_case(v2);
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(a.value.format, "rltguide-case/1");
    EXPECT_EQ(b.value.format, "rltguide-case/2");
    EXPECT_TRUE(comparable(a.value) == comparable(b.value));
    for (std::size_t i = 0; i < a.value.studies.size(); ++i)
      EXPECT_EQ(a.value.studies[i].phases, b.value.studies[i].phases);
  }
  EXPECT_EQ(n, 11);  // examples 01–11 were rltguide-case/1
}

TEST(CaseUpgrade, ComparisonSeesAChangedFact) {
  // guard for the test above: comparable() must not hide a real difference
  std::string v1 =
      read(kSource / "tests/vectors/case-v1/01-midgut-g2-progressing-on-octreotide.json");
  auto j = Json::parse(v1);
  j["tumour"]["ki67"] = 9;
  auto a = parse_case(v1);
  auto b = parse_case(j.dump());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_FALSE(comparable(a.value) == comparable(b.value));
}

TEST(CaseUpgrade, KeepsFieldOrderAndPutsPhasesWherePhaseWas) {
  auto up = upgrade_case(R"({"format": "rltguide-case/1", "case_id": "U",
    "assessment_date": "2025-01-10", "imaging": {"studies": [
      {"id": "ct", "date": "2025-01-01", "contrast": true, "phase": "arterial", "baseline": true},
      {"id": "mr", "date": "2025-01-02", "phase": null}]}})");
  ASSERT_TRUE(up.ok());
  EXPECT_EQ(up.text, R"({
  "format": "rltguide-case/2",
  "case_id": "U",
  "assessment_date": "2025-01-10",
  "imaging": {
    "studies": [
      {
        "id": "ct",
        "date": "2025-01-01",
        "contrast": true,
        "phases": [
          "arterial"
        ],
        "baseline": true
      },
      {
        "id": "mr",
        "date": "2025-01-02",
        "phases": null
      }
    ]
  }
}
)");
}

TEST(CaseUpgrade, AV2CaseIsLeftAsItIs) {
  std::string v2 = read(kSource / "examples/cases/12-v2-per-lesion-sstr-fdg.json");
  auto up = upgrade_case(v2);
  ASSERT_TRUE(up.ok());
  EXPECT_TRUE(up.was_current);
  EXPECT_EQ(up.text, v2);
}

TEST(CaseUpgrade, AnInvalidCaseIsNotUpgraded) {
  auto up = upgrade_case(R"({"format": "rltguide-case/1", "assessment_date": "2025-01-10",
    "tumour": {"ki67": 120}})");
  EXPECT_FALSE(up.ok());
  EXPECT_TRUE(up.text.empty());
  ASSERT_EQ(up.diagnostics.size(), 1u);
  EXPECT_EQ(up.diagnostics.items()[0].pointer, "/tumour/ki67");
  EXPECT_FALSE(upgrade_case("not json").ok());
  EXPECT_FALSE(upgrade_case("").ok());
  EXPECT_FALSE(upgrade_case("[1, 2]").ok());
}

TEST(CaseUpgrade, TheV2ExampleUsesEveryNewField) {
  auto p = parse_case(read(kSource / "examples/cases/12-v2-per-lesion-sstr-fdg.json"));
  ASSERT_TRUE(p.ok()) << p.diagnostics.items()[0].to_string();
  const Case& c = p.value;
  EXPECT_TRUE(c.patient.childbearing_potential.is(true));
  EXPECT_TRUE(c.patient.pregnancy_test.result.is(PregnancyTestResult::negative));
  ASSERT_EQ(c.sstr_imaging.size(), 1u);
  ASSERT_EQ(c.sstr_imaging[0].lesions.size(), 4u);
  int below = 0;
  for (const auto& l : c.sstr_imaging[0].lesions)
    below += l.uptake_vs_liver.is(UptakeVsLiver::below) ? 1 : 0;
  EXPECT_EQ(below, 1);
  ASSERT_EQ(c.fdg_pet[0].lesions.size(), 2u);
  EXPECT_TRUE(c.fdg_pet[0].lesions[0].avid.is(true));
  EXPECT_TRUE(c.fdg_pet[0].lesions[0].sstr_lesion.is("L3"));  // the lesion below liver
  EXPECT_TRUE(c.treatments[0].last_injection.known());
  EXPECT_EQ(c.studies[2].phases.size(), 3u);
  EXPECT_EQ(c.responses.size(), 2u);
  std::set<Analyte> analytes;
  for (const auto& l : c.labs)
    analytes.insert(*l.analyte.value);
  for (Analyte a : {Analyte::white_cells, Analyte::neutrophils, Analyte::lymphocytes, Analyte::inr,
                    Analyte::hiaa_5})
    EXPECT_EQ(analytes.count(a), 1u) << to_string(a);
}

}  // namespace
}  // namespace rlt::model
