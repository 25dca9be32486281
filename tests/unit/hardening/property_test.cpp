// Issue 9, property test over generated numeric inputs: for every calculator command, every
// numeric flag takes values from a list of ordinary, boundary and hostile numbers (0, tiny,
// denormal, negative, huge, NaN, ±inf) while the other flags keep a valid value. The answer is
// either a clear error (exit 1 or 2, the message names the flag or the quantity) or exit 0 with
// only finite numbers in the JSON output.
#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace rlt {
namespace {

const std::vector<std::string> kValues = {
    "0",   "-0",   "1e-320", "1e-300", "1e-12", "0.5",  "1",     "7.4", "18",
    "50",  "99.9", "100",    "150",    "3000",  "1e6",  "1e308", "-1",  "-1e308",
    "nan", "-nan", "inf",    "-inf",   "1e999", "0x10", "1e",    "",    "12abc"};

struct Command {
  std::vector<std::string> base;                          ///< valid arguments
  std::map<std::string, std::vector<std::string>> flags;  ///< numeric flag → what names it
};

// Every number in the JSON is finite (nlohmann writes NaN/inf as null, so check no nulls where a
// number was expected: any null at all is suspicious in calculator output except "grade").
void expect_finite(const nlohmann::json& j, const std::string& where) {
  if (j.is_number_float()) {
    EXPECT_TRUE(std::isfinite(j.get<double>())) << where;
  }
  if (j.is_object() || j.is_array())
    for (auto it = j.begin(); it != j.end(); ++it)
      expect_finite(*it, where);
}

std::vector<std::string> with(std::vector<std::string> base, const std::string& flag,
                              const std::string& value) {
  for (std::size_t i = 0; i + 1 < base.size(); ++i)
    if (base[i] == flag) {
      base[i + 1] = value;
      return base;
    }
  base.push_back(flag);
  base.push_back(value);
  return base;
}

TEST(CalculatorProperty, EveryNumericFlagGivesAClearErrorOrAFiniteAnswer) {
  const std::vector<Command> commands = {
      {{"grade", "--ki67", "12", "--format", "json"}, {{"--ki67", {}}, {"--mitoses", {}}}},
      {{"choi", "--baseline-size", "100", "--size", "90", "--baseline-density", "80", "--density",
        "60", "--format", "json"},
       {{"--baseline-size", {"baseline size"}},
        {"--size", {"size"}},
        {"--baseline-density", {"baseline density"}},
        {"--density", {"density"}},
        {"--nadir-size", {"nadir"}}}},
      {{"tgr", "--d0", "100", "--d1", "110", "--months", "3", "--format", "json"},
       {{"--d0", {"first sum", "growth rate"}},
        {"--d1", {"second sum", "growth rate"}},
        {"--months", {"interval", "rate"}}}},
      {{"egfr", "--creatinine", "80", "--age", "60", "--sex", "male", "--weight", "70",
        "--equation", "all", "--format", "json"},
       {{"--creatinine", {"creatinine"}}, {"--age", {"age"}}, {"--weight", {"weight"}}}},
      {{"ctcae", "--term", "alt", "--value", "50", "--uln", "40", "--format", "json"},
       {{"--value", {"values"}}, {"--uln", {"limits"}}, {"--baseline", {"values"}}}},
      {{"ctcae", "--term", "platelets", "--value", "50", "--lln", "150", "--format", "json"},
       {{"--lln", {"limits"}}}},
      {{"g8", "--food", "2", "--weight-loss", "3", "--mobility", "2", "--neuropsych", "2", "--bmi",
        "24", "--drugs", "1", "--health", "as-good", "--age", "70", "--format", "json"},
       {{"--bmi", {"BMI", "bmi"}}, {"--age", {"age"}}}},
      {{"ecog", "--ecog", "1", "--format", "json"}, {{"--ecog", {"ECOG"}}}},
      {{"ecog", "--karnofsky", "70", "--format", "json"}, {{"--karnofsky", {"Karnofsky"}}}},
      {{"krenning", "--score", "3", "--format", "json"}, {{"--score", {"score"}}}},
  };
  int cases = 0;
  for (const auto& c : commands) {
    for (const auto& [flag, names] : c.flags) {
      for (const auto& v : kValues) {
        const auto args = with(c.base, flag, v);
        std::string where = c.base[0] + " " + flag + " '" + v + "'";
        auto r = test::run_cli(args);
        ++cases;
        ASSERT_NE(r.code, 3) << where << ": internal error " << r.err;
        if (r.code == 0) {
          auto j = nlohmann::json::parse(r.out, nullptr, false);
          ASSERT_FALSE(j.is_discarded()) << where << ": " << r.out;
          expect_finite(j, where);
          continue;
        }
        EXPECT_TRUE(r.code == 1 || r.code == 2) << where;
        EXPECT_TRUE(r.out.empty()) << where << ": output with an error: " << r.out;
        bool named = r.err.find(flag) != std::string::npos;
        for (const auto& n : names)
          named = named || r.err.find(n) != std::string::npos;
        EXPECT_TRUE(named) << where << ": the message does not name the field: " << r.err;
      }
    }
  }
  EXPECT_GT(cases, 400);
}

}  // namespace
}  // namespace rlt
