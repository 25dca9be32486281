// The study format (rltguide-dosimetry-study/1) and `rltguide dosimetry`.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "cli.hpp"
#include "dosimetry/study.hpp"
#include "render/calc.hpp"

namespace rlt::dosimetry {
namespace {

const std::string kExample =
    std::string(RLT_SOURCE_DIR) + "/examples/dosimetry/snmmi-challenge-patient.json";

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Study, BundledExampleParsesAndReproducesWe2) {
  auto p = parse_study(read(kExample));
  ASSERT_TRUE(p.ok()) << p.diagnostics.items()[0].to_string();
  auto r = run_study(p.value);
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.organs.size(), 4u);
  // WE-2 (OpenDose route, printed to 4 significant figures): kidney L 2.718, liver 2.370,
  // spleen 3.273 Gy. Kidney R: within the ±10 % of the voxel-S value 2.289 Gy.
  EXPECT_NEAR(r.organs[0].dose.value(), 2.718, 6e-4);
  EXPECT_NEAR(r.organs[2].dose.value(), 2.370, 6e-4);
  EXPECT_NEAR(r.organs[3].dose.value(), 3.273, 6e-4);
  EXPECT_NEAR(r.organs[1].dose.value() / 2.289, 1.0, 0.10);
  auto svg = tac_chart_svg(r, "t<&>");
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("t&lt;&amp;&gt;"), std::string::npos);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
}

TEST(Study, EveryProblemHasAPointerAndUnknownFieldsAreErrors) {
  auto p = parse_study(
      R"({"format": "rltguide-dosimetry-study/1", "administered_activity": {"value": 7.4, "unit": "GBq"},
    "method": {"fit": "cubic"}, "colour": "blue",
    "dosimetry": {"measurements": [{"organ": "kidney_left", "points": [{"time": {"value": 4, "unit": "h"}, "activity": {"value": -3, "unit": "MBq"}}]}]}})");
  ASSERT_FALSE(p.ok());
  std::set<std::string> pointers;
  for (const auto& d : p.diagnostics.items()) {
    pointers.insert(d.pointer);
    EXPECT_GT(d.pos.line, 0) << d.to_string();
  }
  EXPECT_TRUE(pointers.count("/method/fit"));
  EXPECT_TRUE(pointers.count("/colour"));
  EXPECT_TRUE(pointers.count("/dosimetry/measurements/0/points/0/activity/value") ||
              pointers.count("/dosimetry/measurements/0/points/0/activity"));
}

TEST(Study, MissingFormatAndDosimetryAreReported) {
  auto p = parse_study("{}");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.diagnostics.items()[0].pointer, "/format");
  auto q = parse_study("[1, 2]");
  EXPECT_FALSE(q.ok());
  auto broken = parse_study("{\"format\": ");
  EXPECT_FALSE(broken.ok());
}

TEST(Study, FitErrorsAreReportedPerOrganNotThrown) {
  auto p = parse_study(R"({"format": "rltguide-dosimetry-study/1", "patient": {"sex": "female"},
    "method": {"fit": "uptake_washout"},
    "dosimetry": {"measurements": [{"organ": "kidneys", "points": [
      {"time": {"value": 4, "unit": "h"}, "activity": {"value": 10, "unit": "MBq"}},
      {"time": {"value": 24, "unit": "h"}, "activity": {"value": 8, "unit": "MBq"}}]}]}})");
  ASSERT_TRUE(p.ok()) << p.diagnostics.items()[0].to_string();
  auto r = run_study(p.value);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].error.code, "too_few_points");
  EXPECT_EQ(r.errors[0].pointer, "/dosimetry/measurements/0");
}

int run_cli(std::vector<std::string> args, std::string& out, std::string& err) {
  std::vector<const char*> argv = {"rltguide"};
  for (const auto& a : args)
    argv.push_back(a.c_str());
  std::ostringstream o, e;
  int rc = cli::run(static_cast<int>(argv.size()), argv.data(), o, e);
  out = o.str();
  err = e.str();
  return rc;
}

TEST(DosimetryCli, TextJsonAndSvg) {
  std::string out, err;
  const std::string svg = ::testing::TempDir() + "rlt_dosimetry_chart.svg";
  ASSERT_EQ(run_cli({"dosimetry", kExample, "--svg", svg}, out, err), 0) << err;
  EXPECT_NE(out.find("kidney_left"), std::string::npos);
  EXPECT_NE(out.find("2.718"), std::string::npos);
  EXPECT_EQ(read(svg).rfind("<svg", 0), 0u);
  ASSERT_EQ(run_cli({"dosimetry", kExample, "--format", "json"}, out, err), 0) << err;
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["organs"].size(), 4u);
  EXPECT_NEAR(j["organs"][0]["absorbed_dose_gy"].get<double>(), 2.718, 6e-4);
  EXPECT_EQ(j["organs"][0]["fit"]["model"], "uptake_washout");
}

TEST(DosimetryCli, BadInputExitsTwo) {
  std::string out, err;
  EXPECT_EQ(run_cli({"dosimetry", "/nonexistent/study.json"}, out, err), 2);
  const std::string bad = ::testing::TempDir() + "rlt_bad_study.json";
  std::ofstream(bad)
      << R"({"format": "rltguide-dosimetry-study/1", "dosimetry": {"measurements": [{"organ": "heart"}]}})";
  EXPECT_EQ(run_cli({"dosimetry", bad}, out, err), 2);
  EXPECT_NE(err.find("/dosimetry/measurements/0/organ"), std::string::npos) << err;
}

}  // namespace
}  // namespace rlt::dosimetry
