// Replays the fuzz regression corpus (fuzz/corpus/regression/<target>/: crashers and every
// input of issue 9) and the seed corpora through the same entry functions the libFuzzer targets
// use (fuzz/targets.hpp), in the ordinary test build: no clang needed. Under the sanitize preset
// any undefined behaviour or memory error fails the test.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "targets.hpp"

namespace rlt {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

std::size_t replay(const std::string& target, const fs::path& dir) {
  std::size_t n = 0;
  if (!fs::exists(dir)) return n;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    SCOPED_TRACE(e.path().string());
    EXPECT_TRUE(fuzz::run_target(target, slurp(e.path())));
    ++n;
  }
  return n;
}

const fs::path kRoot = RLT_SOURCE_DIR;

TEST(FuzzRegression, EveryTargetReplaysItsCorpus) {
  for (const std::string t : {"case", "policy", "recist", "dosimetry", "cli"}) {
    SCOPED_TRACE(t);
    EXPECT_GT(replay(t, kRoot / "fuzz/corpus/regression" / t), 0U) << "empty regression corpus";
  }
}

TEST(FuzzRegression, SeedsReplay) {
  EXPECT_GT(replay("case", kRoot / "examples/cases"), 0U);
  EXPECT_GT(replay("dosimetry", kRoot / "examples/dosimetry"), 0U);
  EXPECT_GT(replay("cli", kRoot / "fuzz/corpus/cli"), 0U);
  fuzz::policy_input(slurp(kRoot / "examples/policy-first-line-approved.json"));
  fuzz::recist_input(slurp(kRoot / "docs/calculators/series-example.json"));
}

}  // namespace
}  // namespace rlt
