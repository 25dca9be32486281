// The decision engine: evaluate() on a parsed case, and parse + validate + evaluate + JSON
// render from the text of an example file (issue 4 aims: < 50 µs and < 500 µs).
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>

#include "engine/engine.hpp"
#include "model/case_parser.hpp"
#include "render/report.hpp"

namespace {

std::string example(const char* name) {
  std::ifstream in(std::string(RLT_SOURCE_DIR) + "/examples/cases/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void BM_EngineEvaluateInMemory(benchmark::State& state) {
  auto parsed = rlt::model::parse_case(example("01-midgut-g2-progressing-on-octreotide.json"));
  rlt::engine::Policy policy;
  (void)rlt::kb::builtin();
  for (auto _ : state) {
    auto r = rlt::engine::evaluate(parsed.value, policy, rlt::kb::builtin());
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_EngineEvaluateInMemory);

void BM_EngineParseEvaluateJson(benchmark::State& state) {
  std::string text = example("01-midgut-g2-progressing-on-octreotide.json");
  rlt::engine::Policy policy;
  (void)rlt::kb::builtin();
  for (auto _ : state) {
    auto parsed = rlt::model::parse_case(text);
    auto r = rlt::engine::evaluate(parsed.value, policy, rlt::kb::builtin());
    std::string out = rlt::render::to_json(r).dump();
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_EngineParseEvaluateJson);

void BM_EngineRetreatmentCase(benchmark::State& state) {
  auto parsed = rlt::model::parse_case(example("07-prior-rlt-with-dosimetry-retreatment.json"));
  rlt::engine::Policy policy;
  for (auto _ : state) {
    auto r = rlt::engine::evaluate(parsed.value, policy, rlt::kb::builtin());
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_EngineRetreatmentCase);

}  // namespace

namespace {

void BM_CaseParseValidate(benchmark::State& state) {
  std::string text = example("01-midgut-g2-progressing-on-octreotide.json");
  for (auto _ : state) {
    auto parsed = rlt::model::parse_case(text);
    benchmark::DoNotOptimize(parsed);
  }
}
BENCHMARK(BM_CaseParseValidate);

void BM_ReportToJson(benchmark::State& state) {
  auto parsed = rlt::model::parse_case(example("01-midgut-g2-progressing-on-octreotide.json"));
  auto r = rlt::engine::evaluate(parsed.value, rlt::engine::Policy{}, rlt::kb::builtin());
  for (auto _ : state) {
    std::string out = rlt::render::to_json(r).dump();
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_ReportToJson);

}  // namespace
