// Fit and dose for 5 organs × 4 time points (the SNMMI challenge organs of WE-1 plus a tumour).
#include <benchmark/benchmark.h>

#include "dosimetry/budget.hpp"
#include "dosimetry/organ_dose.hpp"

namespace {

using namespace rlt;

model::CycleDosimetry five_organs() {
  const double t[] = {3.7411, 27.7253, 103.0942, 123.9836};
  struct Roi {
    model::Organ organ;
    double a[4];
    double volume;
  };
  const Roi rois[] = {
      {model::Organ::kidney_left, {98.5614, 73.5994, 25.3957, 19.0466}, 241.0},
      {model::Organ::kidney_right, {92.8914, 66.8605, 23.2095, 15.6670}, 237.2},
      {model::Organ::liver, {378.474, 347.404, 192.664, 173.225}, 2115.4},
      {model::Organ::spleen, {87.2068, 77.6334, 34.6555, 27.9434}, 252.9},
      {model::Organ::tumour, {40.0, 52.0, 30.0, 26.0}, 30.0},
  };
  model::CycleDosimetry d;
  for (const auto& r : rois) {
    model::OrganMeasurement m;
    m.organ.value = r.organ;
    m.volume.value = units::Millilitre(r.volume);
    for (int i = 0; i < 4; ++i) {
      model::ActivityPoint p;
      p.time.value = units::Hours(t[i]);
      p.activity.value = units::Mbq(r.a[i]);
      m.points.push_back(p);
    }
    d.measurements.push_back(m);
  }
  return d;
}

void BM_DosimetryFiveOrgansFourPoints(benchmark::State& state) {
  const auto d = five_organs();
  const dosimetry::DoseOptions o;
  for (auto _ : state) {
    auto r = dosimetry::compute_cycle(d, units::Gbq(7.21043), model::Sex::male, o, {});
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_DosimetryFiveOrgansFourPoints)->Unit(benchmark::kMicrosecond);

void BM_DosimetryUptakeWashoutFit(benchmark::State& state) {
  const std::vector<dosimetry::TacPoint> p = {
      {3.7411, 98.5614}, {27.7253, 73.5994}, {103.0942, 25.3957}, {123.9836, 19.0466}};
  for (auto _ : state) {
    auto f = dosimetry::fit_tac(p, dosimetry::TacModel::uptake_washout);
    benchmark::DoNotOptimize(f);
  }
}
BENCHMARK(BM_DosimetryUptakeWashoutFit)->Unit(benchmark::kMicrosecond);

}  // namespace
