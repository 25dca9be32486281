#include "calc/recist.hpp"
#include "render/calc.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "calc/recist_series.hpp"
#include "model/case_parser.hpp"
#include "vectors.hpp"

namespace rlt::calc::recist {
namespace {

using nlohmann::json;

TargetResponse target_of(const std::string& s) {
  if (s == "cr") return TargetResponse::cr;
  if (s == "pr") return TargetResponse::pr;
  if (s == "sd") return TargetResponse::sd;
  if (s == "pd") return TargetResponse::pd;
  if (s == "ne") return TargetResponse::ne;
  return TargetResponse::none;
}
NonTargetResponse non_target_of(const std::string& s) {
  if (s == "cr") return NonTargetResponse::cr;
  if (s == "non_cr_non_pd") return NonTargetResponse::non_cr_non_pd;
  if (s == "pd") return NonTargetResponse::pd;
  if (s == "ne") return NonTargetResponse::ne;
  return NonTargetResponse::none;
}
Overall overall_of(const std::string& s) {
  if (s == "cr") return Overall::cr;
  if (s == "pr") return Overall::pr;
  if (s == "sd") return Overall::sd;
  if (s == "non_cr_non_pd") return Overall::non_cr_non_pd;
  if (s == "pd") return Overall::pd;
  return Overall::ne;
}
Measurability measurability_of(const std::string& s) {
  if (s == "measurable") return Measurability::measurable;
  if (s == "non_measurable") return Measurability::non_measurable;
  if (s == "pathological_node") return Measurability::pathological_node;
  if (s == "normal_node") return Measurability::normal_node;
  return Measurability::unknown;
}

TEST(RecistVectors, Measurability) {
  auto v = test::load_vectors("recist.json");
  ASSERT_FALSE(v["measurability"].empty());
  for (const auto& c : v["measurability"]) {
    const auto& in = c["input"];
    model::Lesion l;
    l.id = "L";
    if (in.contains("nodal")) l.nodal.value = in["nodal"].get<bool>();
    if (in.contains("long_axis"))
      l.long_axis.value = units::Millimetre(in["long_axis"].get<double>());
    if (in.contains("short_axis"))
      l.short_axis.value = units::Millimetre(in["short_axis"].get<double>());
    if (in.contains("state")) l.state.value = model::LesionState::too_small;
    const std::string mod = in["modality"];
    std::optional<model::Modality> m = mod == "chest_xray" ? model::Modality::chest_xray
                                       : mod == "mri"      ? model::Modality::mri
                                                           : model::Modality::ct;
    std::optional<units::Millimetre> slice;
    if (in.contains("slice_thickness"))
      slice = units::Millimetre(in["slice_thickness"].get<double>());
    EXPECT_EQ(measurability(l, m, kb::builtin(), slice).kind, measurability_of(c["expected"]))
        << test::where(c);
  }
}

TEST(RecistVectors, TimepointTables1And2) {
  auto v = test::load_vectors("recist.json");
  for (const auto& c : v["timepoint_table"]) {
    const auto& in = c["input"];
    std::optional<bool> new_lesions;
    if (!in["new"].is_null()) new_lesions = in["new"].get<bool>();
    EXPECT_EQ(
        overall_response(target_of(in["target"]), non_target_of(in["non_target"]), new_lesions),
        overall_of(c["expected"]))
        << test::where(c);
  }
}

TEST(RecistVectors, BestOverallResponseTable3AndWindows) {
  auto v = test::load_vectors("recist.json");
  Params p = Params::from_ruleset(kb::builtin());
  ASSERT_EQ(p.confirmation_days, 28);
  ASSERT_EQ(p.sd_min_days, 42);
  for (const auto& c : v["best_response"]) {
    std::vector<Call> calls;
    for (const auto& x : c["input"]["calls"])
      calls.push_back({x["day"].get<long>(), overall_of(x["response"])});
    Params q = p;
    q.confirmation_required = c["input"]["confirmation_required"].get<bool>();
    auto b = best_overall_response(calls, q);
    EXPECT_EQ(b.response, overall_of(c["expected"]))
        << test::where(c) << " got " << to_string(b.response);
  }
}

TEST(RecistVectors, Series) {
  auto v = test::load_vectors("recist.json");
  ASSERT_GE(v["series"].size(), 15u);
  for (const auto& c : v["series"]) {
    auto parsed = read_series(c["input"].dump());
    ASSERT_TRUE(parsed.ok()) << test::where(c) << ": "
                             << parsed.diagnostics.items().front().to_string();
    auto r = evaluate(parsed.series, parsed.params(kb::builtin()));
    ASSERT_TRUE(r.ok()) << test::where(c) << ": " << r.error().message;
    const auto& res = r.value();
    const auto& ex = c["expected"];
    ASSERT_EQ(res.timepoints.size(), ex["sums"].size()) << test::where(c);
    for (std::size_t i = 0; i < res.timepoints.size(); ++i) {
      const auto& t = res.timepoints[i];
      if (ex["sums"][i].is_null()) {
        EXPECT_FALSE(t.sum.has_value()) << test::where(c) << " timepoint " << i;
      } else {
        ASSERT_TRUE(t.sum.has_value()) << test::where(c) << " timepoint " << i;
        // integer tenths: exact
        EXPECT_EQ(t.sum->v, std::llround(ex["sums"][i].get<double>() * 10))
            << test::where(c) << " timepoint " << i;
      }
      if (i > 0) {
        EXPECT_EQ(t.overall, overall_of(ex["overall"][i - 1]))
            << test::where(c) << " timepoint " << i << " got " << to_string(t.overall);
      }
    }
    EXPECT_EQ(res.best.response, overall_of(ex["best"]))
        << test::where(c) << " got " << to_string(res.best.response);
    if (ex.contains("targets")) {
      std::vector<std::string> targets;
      for (const auto& l : res.lesions)
        if (l.target) targets.push_back(l.id);
      EXPECT_EQ(targets, ex["targets"].get<std::vector<std::string>>()) << test::where(c);
    }
  }
}

TEST(Recist, NadirNotBaselineDecidesProgression) {
  // R-5 restated: the PD reference is the nadir, so a sum 50 % below baseline can still be PD.
  auto v = test::load_vectors("recist.json");
  for (const auto& c : v["series"]) {
    if (c["id"] != "R-5") continue;
    auto parsed = read_series(c["input"].dump());
    auto r = evaluate(parsed.series, parsed.params(kb::builtin()));
    ASSERT_TRUE(r.ok());
    const auto& last = r.value().timepoints.back();
    EXPECT_EQ(last.target, TargetResponse::pd);
    ASSERT_TRUE(last.change_from_baseline);
    EXPECT_NEAR(*last.change_from_baseline, -50.0, 1e-9);
    ASSERT_TRUE(last.change_from_nadir);
    EXPECT_NEAR(*last.change_from_nadir, 20.0, 1e-9);
  }
}

TEST(RecistSeriesReader, ReportsEveryProblemWithPointerAndPosition) {
  const std::string text = R"({
  "format": "rltguide-recist-series/1",
  "studies": [
    {"id": "a", "date": "2024-13-01", "lesions": [{"organ": "liver", "long_axis": {"value": 10, "unit": "in"}}]},
    {"id": "b", "date": "2024-02-01", "colour": "red", "new_lesions": "maybe"}
  ],
  "extra": 1
})";
  auto p = read_series(text);
  ASSERT_FALSE(p.ok());
  std::vector<std::string> pointers;
  for (const auto& d : p.diagnostics.items()) {
    pointers.push_back(d.pointer);
    if (d.code != "missing_field") {
      EXPECT_GT(d.pos.line, 0) << d.to_string();
    }
  }
  auto has = [&](const std::string& ptr) {
    return std::find(pointers.begin(), pointers.end(), ptr) != pointers.end();
  };
  EXPECT_TRUE(has("/studies/0/date"));
  EXPECT_TRUE(has("/studies/0/lesions/0/id"));
  EXPECT_TRUE(has("/studies/0/lesions/0/long_axis/unit") || has("/studies/0/lesions/0/long_axis"));
  EXPECT_TRUE(has("/studies/1/colour"));
  EXPECT_TRUE(has("/studies/1/new_lesions"));
  EXPECT_TRUE(has("/extra"));
}

TEST(RecistSeriesReader, RejectsWrongFormatAndMalformedJson) {
  EXPECT_FALSE(read_series(R"({"format":"x","studies":[]})").ok());
  EXPECT_FALSE(read_series("{").ok());
  EXPECT_FALSE(read_series("[]").ok());
  EXPECT_FALSE(read_series("").ok());
}

TEST(Recist, ErrorsAreResultsNotCrashes) {
  Series s;
  EXPECT_EQ(evaluate(s, Params::from_ruleset(kb::builtin())).error().code, "recist_no_baseline");
  model::ImagingStudy a;
  a.id = "a";
  s.studies.push_back(a);
  EXPECT_EQ(evaluate(s, Params::from_ruleset(kb::builtin())).error().code, "recist_dates");
  s.studies[0].date.value = Date::parse("2024-01-01");
  EXPECT_EQ(evaluate(s, Params::from_ruleset(kb::builtin())).error().code, "recist_no_disease");
  s.studies.push_back(s.studies[0]);
  EXPECT_EQ(evaluate(s, Params::from_ruleset(kb::builtin())).error().code, "recist_dates");
  s.studies[1].date.value = Date::parse("2024-02-01");
  s.studies[0].baseline.value = true;
  s.studies[1].baseline.value = true;
  EXPECT_EQ(evaluate(s, Params::from_ruleset(kb::builtin())).error().code,
            "recist_baseline_ambiguous");
}

TEST(Recist, ReaderSelectedTargetsOverLimitsAreFlagged) {
  const std::string text = R"({"format":"rltguide-recist-series/1","studies":[
    {"date":"2024-01-01","baseline":true,"new_lesions":"no","lesions":[
      {"id":"a","organ":"liver","target":true,"long_axis":{"value":20,"unit":"mm"}},
      {"id":"b","organ":"liver","target":true,"long_axis":{"value":20,"unit":"mm"}},
      {"id":"c","organ":"liver","target":true,"long_axis":{"value":20,"unit":"mm"}},
      {"id":"d","organ":"lung","target":true,"long_axis":{"value":8,"unit":"mm"}}]}]})";
  auto p = read_series(text);
  ASSERT_TRUE(p.ok());
  auto r = evaluate(p.series, p.params(kb::builtin()));
  ASSERT_TRUE(r.ok());
  bool per_organ = false, not_measurable = false;
  for (const auto& w : r.value().warnings) {
    per_organ = per_organ || w.find("per organ") != std::string::npos;
    not_measurable = not_measurable || w.find("\"d\" is marked target") != std::string::npos;
  }
  EXPECT_TRUE(per_organ);
  EXPECT_TRUE(not_measurable);
  EXPECT_FALSE(r.value().targets_selected_automatically);
}

// Issue 9 (linear time): a follow-up is evaluated from its own records. Followed lesions it has
// no record of are named one reason each up to 20 targets and 20 non-targets, then counted.
// Hand count: baseline targets a, b (marked) and non-targets n0..n24; the follow-up records b,
// n3 and n24, so a is not assessed (target NE) and 23 non-targets are not evaluated (NE):
// n0, n1, n2, n4..n20 are named (20), n21..n23 counted ("3 more").
TEST(Recist, MissingLesionsAtFollowUpNamedUpToTwentyThenCounted) {
  std::string base, follow;
  for (int i = 0; i < 25; ++i) {
    base +=
        fmt::format(R"(,{{"id":"n{}","organ":"liver","long_axis":{{"value":12,"unit":"mm"}}}})", i);
    if (i == 3 || i == 24)
      follow += fmt::format(
          R"(,{{"id":"n{}","organ":"liver","long_axis":{{"value":12,"unit":"mm"}}}})", i);
  }
  const std::string text = fmt::format(
      R"({{"format":"rltguide-recist-series/1","studies":[
    {{"date":"2024-01-01","baseline":true,"new_lesions":"no","lesions":[
      {{"id":"a","organ":"liver","target":true,"long_axis":{{"value":20,"unit":"mm"}}}},
      {{"id":"b","organ":"lung","target":true,"long_axis":{{"value":20,"unit":"mm"}}}}{}]}},
    {{"date":"2024-03-01","new_lesions":"no","lesions":[
      {{"id":"b","organ":"lung","long_axis":{{"value":20,"unit":"mm"}}}}{}]}}]}})",
      base, follow);
  auto p = read_series(text);
  ASSERT_TRUE(p.ok());
  auto r = evaluate(p.series, p.params(kb::builtin()));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().timepoints.size(), 2u);
  const Timepoint& tp = r.value().timepoints[1];
  EXPECT_EQ(tp.target, TargetResponse::ne);
  EXPECT_EQ(tp.non_target, NonTargetResponse::ne);
  std::vector<std::string> missing;
  for (const auto& why : tp.reasons)
    if (why.find("not assessed") != std::string::npos ||
        why.find("not evaluated") != std::string::npos)
      missing.push_back(why);
  std::vector<std::string> want = {"target \"a\" not assessed"};
  for (int i : {0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    want.push_back(fmt::format("non-target \"n{}\" not evaluated", i));
  want.emplace_back("3 more non-target lesions not evaluated");
  EXPECT_EQ(missing, want);
}

TEST(Recist, SeriesFromCase) {
  const std::string text = R"({"format":"rltguide-case/1","assessment_date":"2024-06-01",
    "imaging":{"studies":[
      {"id":"s2","date":"2024-03-01","modality":"ct","new_lesions":"no","lesions":[
        {"id":"L1","organ":"liver","long_axis":{"value":2.1,"unit":"cm"}}]},
      {"id":"s1","date":"2024-01-01","modality":"ct","baseline":true,"new_lesions":"no","lesions":[
        {"id":"L1","organ":"liver","long_axis":{"value":3,"unit":"cm"}}]}]}})";
  auto c = model::parse_case(text);
  ASSERT_TRUE(c.ok()) << c.diagnostics.items().front().to_string();
  auto s = series_from_case(c.value);
  EXPECT_EQ(s.studies.size(), 2u);
  auto r = evaluate(s, Params::from_ruleset(kb::builtin()));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().timepoints.size(), 2u);
  EXPECT_EQ(r.value().timepoints[0].sum->v, 300);  // 3 cm = 30.0 mm
  EXPECT_EQ(r.value().timepoints[1].sum->v, 210);  // (21 − 30)/30 = −30 % → PR
  EXPECT_EQ(r.value().timepoints[1].overall, Overall::pr);
}

TEST(Recist, JsonAndSvgRender) {
  auto v = test::load_vectors("recist.json");
  auto parsed = read_series(v["series"][0]["input"].dump());
  auto r = evaluate(parsed.series, parsed.params(kb::builtin()));
  ASSERT_TRUE(r.ok());
  auto j = to_json(r.value());
  EXPECT_EQ(j["criteria"], "RECIST 1.1");
  EXPECT_EQ(j["timepoints"].size(), 3u);
  EXPECT_EQ(j["best_overall_response"]["response"], "PR");
  auto svg = to_svg(r.value());
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_NE(svg.find(">PR<"), std::string::npos);
}

}  // namespace
}  // namespace rlt::calc::recist
