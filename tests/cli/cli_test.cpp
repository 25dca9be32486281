// The command line, run in-process through rlt::cli::run: exit codes, messages, and robustness
// against hostile input (truncated, binary, huge, deeply nested).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli.hpp"

namespace rlt::cli {
namespace {

namespace fs = std::filesystem;

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run run_cli(std::vector<std::string> args) {
  args.insert(args.begin(), "rltguide");
  std::vector<const char*> argv;
  for (auto& a : args)
    argv.push_back(a.c_str());
  std::ostringstream out, err;
  int code = run(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

fs::path temp_file(const std::string& name, const std::string& content) {
  fs::path p = fs::temp_directory_path() / ("rltguide-test-" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

const std::string kExample =
    std::string(RLT_SOURCE_DIR) + "/examples/cases/01-midgut-g2-progressing-on-octreotide.json";

TEST(Cli, ValidExamplePrintsOneLineOk) {
  auto r = run_cli({"validate", kExample});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "OK: " + kExample + " is a valid rltguide-case/2 case (EX-01)\n");
}

const std::string kV1Vector = std::string(RLT_SOURCE_DIR) +
                              "/tests/vectors/case-v1/01-midgut-g2-progressing-on-octreotide.json";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Cli, AV1CaseStillValidates) {
  auto r = run_cli({"validate", kV1Vector});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "OK: " + kV1Vector + " is a valid rltguide-case/1 case (EX-01)\n");
}

TEST(CliCaseUpgrade, WritesTheV2CaseToStandardOutput) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"case", "upgrade", kV1Vector},
        std::vector<std::string>{"case", "upgrade", kV1Vector, "-o", "-"}}) {
    auto r = run_cli(args);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, slurp(kExample));  // the bundled example is the upgrade of the vector
  }
}

TEST(CliCaseUpgrade, WritesTheOutputFileAtomically) {
  fs::path dir = fs::temp_directory_path() / "rltguide-test-upgrade";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path out = dir / "case-v2.json";
  std::ofstream(out) << "old content";
  auto r = run_cli({"case", "upgrade", kV1Vector, "-o", out.string()});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "rltguide: wrote " + out.string() + " (rltguide-case/2 from rltguide-case/1)\n");
  EXPECT_EQ(slurp(out), slurp(kExample));
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
    ++files;
  EXPECT_EQ(files, 1);  // no temporary file left behind
  fs::remove_all(dir);
}

TEST(CliCaseUpgrade, RefusesToOverwriteTheInput) {
  fs::path in = temp_file("upgrade-self.json", slurp(kV1Vector));
  for (const std::string& out : {in.string(), (in.parent_path() / "." / in.filename()).string()}) {
    auto r = run_cli({"case", "upgrade", in.string(), "-o", out});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("-o names the input file"), std::string::npos) << r.err;
  }
  EXPECT_EQ(slurp(in), slurp(kV1Vector));  // untouched
}

TEST(CliCaseUpgrade, InvalidOrUnreadableInputExitsTwo) {
  auto p = temp_file("upgrade-invalid.json",
                     R"({"format": "rltguide-case/1", "assessment_date": "2025-01-01",
    "tumour": {"ki67": 120}})");
  fs::path out = fs::temp_directory_path() / "rltguide-test-upgrade-invalid-out.json";
  fs::remove(out);
  auto r = run_cli({"case", "upgrade", p.string(), "-o", out.string()});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("/tumour/ki67 (line 2, column 16): expected percent 0–100, found 120"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(out));
  r = run_cli({"case", "upgrade", "/nonexistent/case.json"});
  EXPECT_EQ(r.code, 2);
  r = run_cli({"case", "upgrade", kV1Vector, "-o", "/nonexistent-dir/out.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cannot create a temporary file"), std::string::npos) << r.err;
}

TEST(CliCaseUpgrade, MissingArgumentsAreAUsageError) {
  EXPECT_EQ(run_cli({"case"}).code, 1);
  EXPECT_EQ(run_cli({"case", "upgrade"}).code, 1);
}

TEST(Cli, EveryBundledExampleValidates) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(std::string(RLT_SOURCE_DIR) + "/examples/cases")) {
    if (e.path().extension() != ".json") continue;
    ++n;
    auto r = run_cli({"validate", e.path().string()});
    EXPECT_EQ(r.code, 0) << e.path() << "\n" << r.err;
  }
  EXPECT_GE(n, 10);
}

TEST(Cli, InvalidCaseExitsTwoWithEveryProblem) {
  auto p =
      temp_file("invalid.json", R"({"format": "rltguide-case/1", "assessment_date": "2025-01-01",
    "tumour": {"ki67": 120}, "patient": {"ecog": 7}})");
  auto r = run_cli({"validate", p.string()});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("/tumour/ki67 (line 2, column 16): expected percent 0–100, found 120"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("/patient/ecog"), std::string::npos);
  EXPECT_NE(r.err.find(": 2 problems"), std::string::npos);
}

TEST(Cli, JsonOutputListsProblemsWithPointers) {
  auto p = temp_file("invalid2.json", R"({"format": "rltguide-case/1", "assessment_date": "x"})");
  auto r = run_cli({"validate", p.string(), "--format", "json"});
  EXPECT_EQ(r.code, 2);
  auto j = Json::parse(r.out);
  EXPECT_EQ(j["valid"], false);
  EXPECT_EQ(j["problems"][0]["pointer"], "/assessment_date");
  EXPECT_EQ(j["problems"][0]["code"], "bad_date");
}

TEST(Cli, MissingFileExitsTwo) {
  auto r = run_cli({"validate", "/nonexistent/case.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "rltguide: cannot open '/nonexistent/case.json'\n");
}

TEST(Cli, UsageErrorsExitOne) {
  EXPECT_EQ(run_cli({"validate"}).code, 1);
  EXPECT_EQ(run_cli({"no-such-command"}).code, 1);
  EXPECT_EQ(run_cli({"grade", "--ki67", "120"}).code, 1);
  EXPECT_EQ(run_cli({"grade"}).code, 1);
}

TEST(Cli, HelpExitsZero) {
  auto r = run_cli({"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("never replaces"), std::string::npos);
}

TEST(Cli, VersionNamesProgramCommitAndRuleset) {
  auto r = run_cli({"--version"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.rfind("rltguide 0.", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("(git "), std::string::npos);
  EXPECT_NE(r.out.find("ruleset rltguide-rlt-gep-net"), std::string::npos);
  EXPECT_NE(r.out.find("sha256:"), std::string::npos);
}

TEST(Cli, GradePrintsGradeAndWhy) {
  auto r = run_cli({"grade", "--ki67", "12", "--mitoses", "3", "--differentiation", "well"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.rfind("Grade: G2 (NET G2)\n", 0), 0u) << r.out;
  auto j = Json::parse(run_cli({"grade", "--ki67", "21", "--format", "json"}).out);
  EXPECT_EQ(j["grade"], "G3");
}

// Hostile inputs: each must end with exit 2 and a message, never a crash or a hang.
TEST(CliRobustness, TruncatedFile) {
  std::ifstream in(kExample);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  auto p = temp_file("truncated.json", text.substr(0, text.size() / 2));
  auto r = run_cli({"validate", p.string()});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("expected well-formed JSON"), std::string::npos) << r.err;
}

TEST(CliRobustness, BinaryFile) {
  std::string bin;
  for (int i = 0; i < 4096; ++i)
    bin += static_cast<char>((i * 131 + 7) % 256);
  auto p = temp_file("binary.json", bin);
  auto r = run_cli({"validate", p.string()});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("expected well-formed JSON"), std::string::npos) << r.err;
}

TEST(CliRobustness, HugeFile) {
  std::string huge = "{\"format\": \"rltguide-case/1\", \"description\": \"";
  huge += std::string(30u * 1024u * 1024u, 'x');
  huge += "\"}";
  auto p = temp_file("huge.json", huge);
  auto r = run_cli({"validate", p.string()});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("is larger than the limit of 8388608 bytes"), std::string::npos) << r.err;
  fs::remove(p);
}

TEST(CliRobustness, HugeArrayWithinTheLimitReportsACappedList) {
  std::string big =
      "{\"format\": \"rltguide-case/1\", \"assessment_date\": \"2025-01-01\", \"labs\": [";
  for (int i = 0; i < 100000; ++i)
    big += (i ? ",{}" : "{}");
  big += "]}";
  auto p = temp_file("bigarray.json", big);
  auto r = run_cli({"validate", p.string()});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("more problems not shown"), std::string::npos);
}

TEST(CliRobustness, DeeplyNestedFile) {
  std::string deep = "{\"format\": \"rltguide-case/1\", \"tumour\": ";
  deep += std::string(10000, '[') + std::string(10000, ']') + "}";
  auto p = temp_file("deep.json", deep);
  auto r = run_cli({"validate", p.string()});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("expected nesting of at most 64 levels, found deeper nesting"),
            std::string::npos)
      << r.err;
}

TEST(CliRobustness, EmptyFileAndWrongTopLevel) {
  EXPECT_EQ(run_cli({"validate", temp_file("empty.json", "").string()}).code, 2);
  auto r = run_cli({"validate", temp_file("array.json", "[1,2]").string()});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(
      r.err.find("(document) (line 1, column 1): expected a case as an object, found an array"),
      std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace rlt::cli
