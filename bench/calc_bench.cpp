// Benchmarks of the calculators; results are recorded in docs/benchmarks.md ("Calculators").
#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include "calc/recist.hpp"
#include "calc/recist_series.hpp"
#include "calc/renal.hpp"
#include "render/calc.hpp"

namespace {

using namespace rlt;

// A baseline with 5 targets in 4 organs and 2 non-targets, then 19 follow-ups every 8 weeks with
// slowly changing sizes (shrinking, then growing again).
calc::recist::Series make_series() {
  calc::recist::Series s;
  const char* organs[] = {"liver", "liver", "lung", "pancreas", "bone"};
  Date d = *Date::parse("2024-01-01");
  for (int t = 0; t < 20; ++t) {
    model::ImagingStudy st;
    st.id = fmt::format("ct{}", t);
    st.date.value = Date(std::chrono::year_month_day(d.days() + std::chrono::days(56 * t)));
    st.modality.value = model::Modality::ct;
    st.baseline.value = t == 0;
    st.new_lesions.value = model::NewLesions::no;
    const double scale = t < 10 ? 1.0 - 0.04 * t : 0.64 + 0.05 * (t - 10);
    for (int i = 0; i < 5; ++i) {
      model::Lesion l;
      l.id = fmt::format("T{}", i);
      l.organ.value = organs[i];
      l.long_axis.value = units::Millimetre((20.0 + 6.0 * i) * scale);
      st.lesions.push_back(l);
    }
    model::Lesion n;
    n.id = "N1";
    n.nodal.value = true;
    n.short_axis.value = units::Millimetre(12);
    st.lesions.push_back(n);
    model::Lesion b;
    b.id = "B1";
    b.organ.value = "bone";
    b.state.value = model::LesionState::too_small;
    if (t > 0) b.non_target_status.value = model::NonTargetStatus::present;
    st.lesions.push_back(b);
    s.studies.push_back(std::move(st));
  }
  return s;
}

void BM_RecistSeries20(benchmark::State& state) {
  const auto series = make_series();
  const auto params = calc::recist::Params::from_ruleset(rlt::kb::builtin());
  for (auto _ : state) {
    auto r = calc::recist::evaluate(series, params);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_RecistSeries20);

void BM_RecistSeries20WithJson(benchmark::State& state) {
  const auto series = make_series();
  const auto params = calc::recist::Params::from_ruleset(rlt::kb::builtin());
  for (auto _ : state) {
    auto r = calc::recist::evaluate(series, params);
    auto j = calc::recist::to_json(r.value());
    benchmark::DoNotOptimize(j);
  }
}
BENCHMARK(BM_RecistSeries20WithJson);

void BM_CkdEpi2021(benchmark::State& state) {
  double scr = 60;
  for (auto _ : state) {
    auto r = calc::renal::ckd_epi_2021(units::Creatinine(scr), 64, model::Sex::female);
    benchmark::DoNotOptimize(r);
    scr = scr < 200 ? scr + 0.5 : 60;
  }
}
BENCHMARK(BM_CkdEpi2021);

void BM_CkdEpi2009(benchmark::State& state) {
  double scr = 60;
  for (auto _ : state) {
    auto r = calc::renal::ckd_epi_2009(units::Creatinine(scr), 64, model::Sex::male, false);
    benchmark::DoNotOptimize(r);
    scr = scr < 200 ? scr + 0.5 : 60;
  }
}
BENCHMARK(BM_CkdEpi2009);

void BM_CockcroftGault(benchmark::State& state) {
  double scr = 60;
  for (auto _ : state) {
    auto r = calc::renal::cockcroft_gault(units::Creatinine(scr), 64, units::Kilogram(72),
                                          model::Sex::male);
    benchmark::DoNotOptimize(r);
    scr = scr < 200 ? scr + 0.5 : 60;
  }
}
BENCHMARK(BM_CockcroftGault);

}  // namespace
