// Worst-case inputs near the 8 MiB input limit (issue 9, linear-time algorithms). Each benchmark
// builds the document as text, so parsing is measured as well. Results: docs/benchmarks.md.
#include <benchmark/benchmark.h>

#include <string>

#include <fmt/format.h>

#include "calc/recist.hpp"
#include "calc/recist_series.hpp"
#include "kb/ruleset.hpp"
#include "model/case_parser.hpp"

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

}  // namespace
