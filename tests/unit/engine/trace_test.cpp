// Traceability: every recommendation Q1–Q10 has at least one rule, and every rule at least one
// test that names it with "@covers".
#include <gtest/gtest.h>

#include "engine/trace.hpp"
#include "kb/ruleset.hpp"

namespace rlt::engine {
namespace {

TEST(Traceability, EveryRecommendationHasARuleAndEveryRuleATest) {
  const auto& rows = trace_rows();
  ASSERT_FALSE(rows.empty());
  for (const auto& rec : kb::builtin().recommendations) {
    std::string prefix = "q" + rec.id.substr(1) + ".";
    int rules = 0;
    for (const auto& r : rows)
      if (r.rule.rfind(prefix, 0) == 0) ++rules;
    EXPECT_GT(rules, 0) << rec.id << " has no rule";
  }
  for (const auto& r : rows)
    EXPECT_FALSE(r.tests.empty()) << r.rule << " (" << r.source << ") has no test";
}

}  // namespace
}  // namespace rlt::engine
