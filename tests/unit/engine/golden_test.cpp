// End-to-end golden files: every bundled example evaluated with the default policy must give
// the JSON report in tests/golden/<example>.report.json. Version-dependent fields (program
// version, git commit, ruleset hash) are masked. Refresh with scripts/refresh-goldens after
// reviewing the change; see docs/testing.md.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/engine.hpp"
#include "model/case_parser.hpp"
#include "render/report.hpp"

namespace rlt::engine {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = RLT_SOURCE_DIR;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

Json masked(Json j) {
  j["generated_by"] = {{"program", "rltguide"}, {"version", "*"}, {"git_commit", "*"}};
  j["ruleset"]["sha256"] = "*";
  return j;
}

TEST(Golden, EveryExampleMatchesItsGoldenReport) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(kSource / "examples/cases")) {
    if (e.path().extension() != ".json") continue;
    ++n;
    auto parsed = model::parse_case(read(e.path()));
    ASSERT_TRUE(parsed.ok()) << e.path();
    Json actual = masked(render::to_json(evaluate(parsed.value, Policy{}, kb::builtin())));
    fs::path golden = kSource / "tests/golden" / (e.path().stem().string() + ".report.json");
    ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run scripts/refresh-goldens";
    Json expected = Json::parse(read(golden));
    EXPECT_TRUE(actual == expected)
        << e.path().filename() << ": report differs from its golden. Diff:\n"
        << Json::diff(expected, actual).dump(2);
  }
  EXPECT_GE(n, 10);
}

}  // namespace
}  // namespace rlt::engine
