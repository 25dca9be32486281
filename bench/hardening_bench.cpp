// Worst-case inputs near the 8 MiB input limit (issue 9, linear-time algorithms). Each benchmark
// builds the document as text, so parsing is measured as well. Results: docs/benchmarks.md.
#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "calc/recist.hpp"
#include "calc/recist_series.hpp"
#include "engine/engine.hpp"
#include "kb/ruleset.hpp"
#include "model/case_parser.hpp"
#include "render/report.hpp"

namespace {

using namespace rlt;

// A series of `studies` studies with `lesions` non-nodal lesions each (baseline + follow-ups),
// about 95 bytes per lesion: 40,000 lesions × 2 studies ≈ 7.6 MB.
std::string series_text(int studies, int lesions) {
  std::string s = R"({"format": "rltguide-recist-series/1", "studies": [)";
  for (int t = 0; t < studies; ++t) {
    s += fmt::format(
        R"({}{{"id": "ct{}", "date": "2024-{:02}-01", "modality": "ct", "baseline": {},
        "new_lesions": "no", "lesions": [)",
        t ? ", " : "", t, t + 1, t == 0 ? "true" : "false");
    for (int i = 0; i < lesions; ++i)
      s += fmt::format(
          R"({}{{"id": "L{}", "organ": "liver", "long_axis": {{"value": {}, "unit": "mm"}}}})",
          i ? "," : "", i, 20 + (i % 7));
    s += "]}";
  }
  s += "]}";
  return s;
}

void BM_RecistLesionsNearSizeLimit(benchmark::State& state) {
  const std::string text = series_text(2, static_cast<int>(state.range(0)));
  JsonLimits limits;
  for (auto _ : state) {
    auto parsed = calc::recist::read_series(text, limits);
    if (!parsed.ok()) {
      state.SkipWithError("series did not parse");
      break;
    }
    auto r = calc::recist::evaluate(parsed.series, parsed.params(rlt::kb::builtin()));
    benchmark::DoNotOptimize(r);
  }
  state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_RecistLesionsNearSizeLimit)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(40000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// A baseline of `lesions` non-nodal lesions (all 5 largest become targets, the rest non-targets)
// followed by `followups` studies that record no lesion: every followed lesion is "not assessed"
// at every follow-up. 40,000 lesions + 40,000 empty follow-ups ≈ 7.5 MB. Before issue 9 this was
// O(lesions × follow-ups) in time and in the reasons kept (one per missing lesion per study).
std::string followup_series_text(int lesions, int followups) {
  std::string s = R"({"format": "rltguide-recist-series/1", "studies": [)";
  s += R"({"id": "b", "date": "1900-01-01", "modality": "ct", "baseline": true, "new_lesions": "no",
        "lesions": [)";
  for (int i = 0; i < lesions; ++i)
    s += fmt::format(
        R"({}{{"id": "L{}", "organ": "liver", "long_axis": {{"value": {}, "unit": "mm"}}}})",
        i ? "," : "", i, 20 + (i % 7));
  s += "]}";
  for (int t = 0; t < followups; ++t)
    s += fmt::format(
        R"(, {{"id": "f{}", "date": "{:04}-{:02}-{:02}", "modality": "ct", "new_lesions": "no",
        "lesions": []}})",
        t, 1901 + t / 336, 1 + (t / 28) % 12, 1 + t % 28);
  s += "]}";
  return s;
}

void BM_RecistFollowUpsNearSizeLimit(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const std::string text = followup_series_text(n, n);
  JsonLimits limits;
  for (auto _ : state) {
    auto parsed = calc::recist::read_series(text, limits);
    if (!parsed.ok()) {
      state.SkipWithError("series did not parse");
      break;
    }
    auto r = calc::recist::evaluate(parsed.series, parsed.params(rlt::kb::builtin()));
    benchmark::DoNotOptimize(r);
  }
  state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_RecistFollowUpsNearSizeLimit)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(40000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// Example 07 (prior RLT with dosimetry) with `n` extra labs, treatments and RLT cycles each
// (copies of its own entries with fresh ids), through the `evaluate` command's path: parse,
// validate, evaluate, JSON report. n = 10,000 ≈ 6 MB.
std::string big_case_text(int n) {
  std::ifstream in(
      std::string(RLT_SOURCE_DIR) + "/examples/cases/07-prior-rlt-with-dosimetry-retreatment.json",
      std::ios::binary);
  nlohmann::json c = nlohmann::json::parse(std::string(std::istreambuf_iterator<char>(in), {}));
  const nlohmann::json lab = c["labs"].back();
  const nlohmann::json treatment = c["treatments"][0];
  const nlohmann::json cycle = c["rlt_cycles"].back();
  for (int i = 0; i < n; ++i) {
    const std::string date =
        fmt::format("{:04}-{:02}-{:02}", 1960 + i / 336, 1 + (i / 28) % 12, 1 + i % 28);
    nlohmann::json l = lab;
    l["date"] = date;
    c["labs"].push_back(l);
    nlohmann::json t = treatment;
    t["id"] = fmt::format("t{}", i);
    c["treatments"].push_back(t);
    nlohmann::json cy = cycle;
    cy["id"] = fmt::format("x{}", i);
    cy["date"] = date;
    c["rlt_cycles"].push_back(cy);
  }
  return c.dump();
}

void BM_CaseManyLabsTreatmentsCyclesNearSizeLimit(benchmark::State& state) {
  const std::string text = big_case_text(static_cast<int>(state.range(0)));
  engine::Policy policy;
  for (auto _ : state) {
    auto parsed = model::parse_case(text);
    if (!parsed.ok()) {
      state.SkipWithError("case did not parse");
      break;
    }
    auto r = engine::evaluate(parsed.value, policy, rlt::kb::builtin());
    std::string out = render::to_json(r).dump();
    benchmark::DoNotOptimize(out);
  }
  state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_CaseManyLabsTreatmentsCyclesNearSizeLimit)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
