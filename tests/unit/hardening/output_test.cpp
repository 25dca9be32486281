// Issue 9, atomic writes: -o and --svg write through a temporary file and a rename; a failed run
// writes nothing; -o naming the input is refused; a failed write to stdout or a file is an error.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <streambuf>
#include <string>

#include <gtest/gtest.h>

#include "cli_run.hpp"
#include "output.hpp"

namespace rlt {
namespace {

namespace fs = std::filesystem;
using test::run_cli;

struct TempDir {
  fs::path path;
  TempDir() {
    std::string t = (fs::temp_directory_path() / "rlt_h9_XXXXXX").string();
    path = ::mkdtemp(t.data());
  }
  ~TempDir() { fs::remove_all(path); }
  [[nodiscard]] std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), {}));
  }
};

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

const std::string kCase =
    std::string(RLT_SOURCE_DIR) + "/examples/cases/01-midgut-g2-progressing-on-octreotide.json";

TEST(AtomicWrite, WritesAndReplaces) {
  TempDir d;
  const auto p = (d.path / "out.txt").string();
  ASSERT_FALSE(cli::write_file_atomic(p, "first"));
  ASSERT_FALSE(cli::write_file_atomic(p, "second"));
  EXPECT_EQ(slurp(p), "second");
  EXPECT_EQ(d.entries(), 1U);  // no temporary file left
}

TEST(AtomicWrite, FailureLeavesThePreviousFileAndNoFragment) {
  TempDir d;
  // The target is a directory: the rename fails after the content was written to a temp file.
  fs::create_directory(d.path / "target");
  fs::path keep = d.path / "target" / "previous";
  std::ofstream(keep) << "previous report";
  auto e = cli::write_file_atomic((d.path / "target").string(), "new");
  ASSERT_TRUE(e);
  EXPECT_EQ(slurp(keep), "previous report");
  EXPECT_EQ(d.entries(), 1U) << "temporary file left behind";
  // A folder that does not exist.
  EXPECT_TRUE(cli::write_file_atomic((d.path / "no" / "such" / "x").string(), "x"));
}

TEST(AtomicWrite, EvaluateOutputIsAtomicAndFailureExitsNonZero) {
  TempDir d;
  const auto out = (d.path / "r.md").string();
  auto r = run_cli({"evaluate", kCase, "--format", "markdown", "-o", out});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(slurp(out).find("Q1"), std::string::npos);
  EXPECT_EQ(d.entries(), 1U);
  auto bad = run_cli({"evaluate", kCase, "-o", (d.path / "missing" / "r.json").string()});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("cannot write"), std::string::npos) << bad.err;
}

TEST(AtomicWrite, OutputThatIsTheInputIsRefused) {
  TempDir d;
  const auto c = (d.path / "case.json").string();
  fs::copy_file(kCase, c);
  const std::string before = slurp(c);
  auto r = run_cli({"evaluate", c, "-o", c});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("refusing to overwrite"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(c), before);
  // Through another name of the same file (a hard link).
  fs::create_hard_link(c, d.path / "alias.json");
  EXPECT_EQ(run_cli({"evaluate", c, "-o", (d.path / "alias.json").string()}).code, 1);
  EXPECT_EQ(slurp(c), before);
}

TEST(AtomicWrite, DosimetrySvgOnlyFromASuccessfulRun) {
  TempDir d;
  const auto study = (d.path / "study.json").string();
  // A study whose organ has a single time point and no method to use it: the run fails.
  std::ofstream(study) << R"({"format": "rltguide-dosimetry-study/1", "administered_activity":
    {"value": 7.4, "unit": "GBq"}, "organs": [{"organ": "kidney_left",
    "points": [{"time": {"value": 24, "unit": "h"}, "activity": {"value": 50, "unit": "MBq"}}]}]})";
  const auto svg = (d.path / "chart.svg").string();
  auto r = run_cli({"dosimetry", study, "--svg", svg});
  if (r.code != 0) {
    EXPECT_FALSE(fs::exists(svg)) << "a failed run wrote the chart";
  }
  // --svg naming the study itself is refused.
  EXPECT_EQ(run_cli({"dosimetry", study, "--svg", study}).code, 1);
  // A good study writes the chart.
  const std::string good =
      std::string(RLT_SOURCE_DIR) + "/examples/dosimetry/snmmi-challenge-patient.json";
  auto ok = run_cli({"dosimetry", good, "--svg", svg});
  ASSERT_EQ(ok.code, 0) << ok.err;
  EXPECT_NE(slurp(svg).find("<svg"), std::string::npos);
}

// A stream that refuses every write (a closed stdout, a full disk).
struct FailingBuf : std::streambuf {
  int overflow(int) override { return traits_type::eof(); }
  std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
};

TEST(StdoutFailure, AFailedWriteIsNotExitZero) {
  FailingBuf buf;
  std::ostream out(&buf);
  std::ostringstream err;
  const char* argv[] = {"rltguide", "grade", "--ki67", "5"};
  const int code = cli::run(4, argv, out, err);
  EXPECT_NE(code, 0);
  EXPECT_NE(err.str().find("cannot write to standard output"), std::string::npos) << err.str();
}

TEST(StdoutFailure, DevFullIsNotExitZero) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const std::string cmd = std::string(RLT_BINARY) + " kb > /dev/full 2>/dev/null";
  const int status = std::system(cmd.c_str());
  ASSERT_NE(status, -1);
  EXPECT_NE(WEXITSTATUS(status), 0);
  const std::string closed = std::string(RLT_BINARY) + " kb >&- 2>/dev/null";
  const int status2 = std::system(closed.c_str());
  EXPECT_NE(WEXITSTATUS(status2), 0);
}

}  // namespace
}  // namespace rlt
