#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli.hpp"
#include "vectors.hpp"

namespace rlt::cli {
namespace {

struct Run {
  int code;
  std::string out, err;
};

Run run_cli(std::vector<std::string> args) {
  args.insert(args.begin(), "rltguide");
  std::vector<const char*> argv;
  for (const auto& a : args)
    argv.push_back(a.c_str());
  std::ostringstream out, err;
  int code = run(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

std::string temp_file(const std::string& name, const std::string& content) {
  auto p = std::filesystem::temp_directory_path() / ("rlt_calc_test_" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

TEST(CliRecist, TextJsonAndSvg) {
  auto v = test::load_vectors("recist.json");
  auto file = temp_file("r3.json", v["series"][0]["input"].dump(1));
  auto svg = std::filesystem::temp_directory_path() / "rlt_calc_test_r3.svg";
  std::filesystem::remove(svg);
  auto r = run_cli({"recist", file, "--svg", svg.string()});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Best overall response (confirmation required, ≥ 28 days): PR"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(std::filesystem::exists(svg));
  auto j = run_cli({"recist", file, "--format", "json"});
  ASSERT_EQ(j.code, 0) << j.err;
  auto doc = nlohmann::json::parse(j.out);
  EXPECT_EQ(doc["timepoints"][1]["overall"], "PR");
  EXPECT_EQ(doc["timepoints"][1]["change_from_baseline_pct"], -30.0);
  auto u = run_cli({"recist", file, "--no-confirmation", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(u.out)["best_overall_response"]["confirmation_required"], false);
}

TEST(CliRecist, InvalidInputIsExit2WithPositions) {
  auto file = temp_file("bad.json",
                        "{\n \"format\": \"rltguide-recist-series/1\",\n \"studies\": [{\"date\": "
                        "\"x\"}],\n \"oops\": 1\n}");
  auto r = run_cli({"recist", file});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("/studies/0/date (line 3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/oops"), std::string::npos) << r.err;
  EXPECT_EQ(run_cli({"recist", "/nonexistent/file.json"}).code, 2);
  auto nodisease = temp_file(
      "empty.json", R"({"format":"rltguide-recist-series/1","studies":[{"date":"2024-01-01"}]})");
  auto e = run_cli({"recist", nodisease});
  EXPECT_EQ(e.code, 2);
  EXPECT_NE(e.err.find("recist_no_disease"), std::string::npos) << e.err;
}

TEST(CliRecist, UsageErrorsAreExit1) {
  EXPECT_EQ(run_cli({"recist"}).code, 1);
  EXPECT_EQ(run_cli({"recist", "x.json", "--format", "xml"}).code, 1);
  auto h = run_cli({"recist", "--help"});
  EXPECT_EQ(h.code, 0);
  EXPECT_NE(h.out.find("--svg"), std::string::npos);
}

TEST(CliCalculators, Egfr) {
  auto r =
      run_cli({"egfr", "--creatinine", "1.2", "--unit", "mg/dL", "--age", "55", "--sex", "male"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("CKD-EPI 2021 (race-free, creatinine): 71 mL/min/1.73 m² (71.42)"),
            std::string::npos)
      << r.out;
  auto cg = run_cli({"egfr", "--creatinine", "100", "--age", "70", "--sex", "female", "--weight",
                     "60", "--equation", "cockcroft-gault", "--format", "json"});
  ASSERT_EQ(cg.code, 0) << cg.err;
  auto j = nlohmann::json::parse(cg.out);
  EXPECT_EQ(j["results"][0]["unit"], "mL/min");
  EXPECT_NEAR(j["results"][0]["value"].get<double>(), 43.83, 0.005);
  EXPECT_EQ(
      run_cli({"egfr", "--creatinine", "1", "--unit", "mg/dL", "--age", "15", "--sex", "male"})
          .code,
      2);
  EXPECT_EQ(run_cli({"egfr", "--creatinine", "1", "--age", "50", "--sex", "male", "--equation",
                     "cockcroft-gault"})
                .code,
            1);
  EXPECT_EQ(run_cli({"egfr", "--age", "50"}).code, 1);
}

TEST(CliCalculators, Ctcae) {
  auto r = run_cli({"ctcae", "--term", "platelets", "--value", "80", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["grade"].is_null());
  EXPECT_EQ(j["version"], "CTCAE v5.0");
  auto h =
      run_cli({"ctcae", "--term", "anaemia", "--value", "9.5", "--unit", "g/dL", "--lln", "12"});
  EXPECT_EQ(h.code, 0) << h.err;
  EXPECT_NE(h.out.find("grade 2"), std::string::npos) << h.out;
  EXPECT_EQ(run_cli({"ctcae", "--term", "anaemia", "--value", "9.5", "--unit", "mmol/L"}).code, 1);
  EXPECT_EQ(run_cli({"ctcae", "--term", "alt", "--value", "-3", "--uln", "40"}).code, 2);
}

TEST(CliCalculators, TgrChoiEcogG8NetpetKrenning) {
  auto t = run_cli({"tgr", "--d0", "100", "--d1", "100.8", "--months", "3"});
  EXPECT_EQ(t.code, 0) << t.err;
  EXPECT_NE(t.out.find("tgr.greponet_tgr3m ≥ 0.8 %/month: yes"), std::string::npos) << t.out;
  EXPECT_EQ(run_cli({"tgr", "--d0", "0", "--d1", "10", "--months", "3"}).code, 2);
  EXPECT_EQ(run_cli({"tgr", "--d0", "10", "--d1", "10"}).code, 1);
  EXPECT_EQ(
      run_cli({"tgr", "--d0", "10", "--d1", "10", "--date0", "2024-02-30", "--date1", "2024-03-01"})
          .code,
      1);

  auto c = run_cli({"choi", "--baseline-size", "100", "--size", "110", "--baseline-density", "80",
                    "--density", "75"});
  EXPECT_EQ(c.code, 0) << c.err;
  EXPECT_NE(c.out.find("Choi response: PD"), std::string::npos) << c.out;

  auto e = run_cli({"ecog", "--karnofsky", "70", "--format", "json"});
  ASSERT_EQ(e.code, 0) << e.err;
  EXPECT_EQ(nlohmann::json::parse(e.out)["ecog"], 1);
  EXPECT_EQ(run_cli({"ecog", "--karnofsky", "75"}).code, 2);
  EXPECT_EQ(run_cli({"ecog"}).code, 1);

  auto g = run_cli({"g8", "--food", "2", "--weight-loss", "3", "--mobility", "2", "--neuropsych",
                    "2", "--bmi", "23", "--drugs", "0", "--health", "not-as-good", "--age", "70"});
  EXPECT_EQ(g.code, 0) << g.err;
  EXPECT_NE(g.out.find("G8: 14 / 17 - abnormal"), std::string::npos) << g.out;
  EXPECT_EQ(
      run_cli({"g8", "--food", "5", "--weight-loss", "3", "--mobility", "2", "--neuropsych", "2",
               "--bmi-points", "3", "--drugs", "0", "--health", "better", "--age-points", "2"})
          .code,
      2);

  auto n = run_cli({"netpet", "--lesion", "sstr+/fdg+:higher", "--lesion", "sstr+/fdg-"});
  EXPECT_EQ(n.code, 0) << n.err;
  EXPECT_NE(n.out.find("NETPET P4"), std::string::npos) << n.out;
  EXPECT_EQ(run_cli({"netpet", "--lesion", "sstr+"}).code, 1);
  EXPECT_EQ(run_cli({"netpet", "--lesion", "sstr+/fdg+"}).code, 2);

  auto k = run_cli({"krenning", "--score", "3", "--score", "2", "--format", "json"});
  ASSERT_EQ(k.code, 0) << k.err;
  EXPECT_EQ(nlohmann::json::parse(k.out)["sstr_positive"], true);
}

}  // namespace
}  // namespace rlt::cli
