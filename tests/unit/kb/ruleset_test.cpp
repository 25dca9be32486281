// The knowledge base: the built-in ruleset loads and is complete, and the loader refuses
// entries that lack a value, unit, comparator, source, level, strength or reference.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kb/ruleset.hpp"

namespace rlt::kb {
namespace {

TEST(Ruleset, BuiltinLoadsWithAllTenRecommendations) {
  const auto& rs = builtin();
  ASSERT_EQ(rs.recommendations.size(), 10u);
  EXPECT_EQ(rs.sha256.size(), 64u);
  EXPECT_EQ(rs.source_doi, "10.1007/s40618-024-02448-6");
}

// Levels and strengths exactly as graded in the consensus text (Panzuto et al. 2024,
// "Recommendation" paragraph of each question).
TEST(Ruleset, GradesAreExactlyAsInTheConsensus) {
  const auto& rs = builtin();
  const std::vector<std::tuple<std::string, std::string, std::string>> expected = {
      {"Q1", "1b", "A"}, {"Q2", "3a", "A"}, {"Q3", "3b", "A"}, {"Q4", "2b", "B"},
      {"Q5", "3b", "A"}, {"Q6", "1b", "A"}, {"Q7", "3b", "A"}, {"Q8", "5", "B"},
      {"Q9", "1b", "A"}, {"Q10", "3b", "B"}};
  for (const auto& [id, level, strength] : expected) {
    const auto* r = rs.recommendation(id);
    ASSERT_NE(r, nullptr) << id;
    EXPECT_EQ(r->level, level) << id;
    EXPECT_EQ(r->strength, strength) << id;
  }
}

TEST(Ruleset, KeyReferencesCarryTheirDoi) {
  const auto& rs = builtin();
  EXPECT_EQ(rs.references.at(5).doi, "10.1056/nejmoa1607427");           // NETTER-1
  EXPECT_EQ(rs.references.at(16).doi, "10.1016/S0140-6736(24)00701-3");  // NETTER-2
  EXPECT_EQ(rs.references.at(63).doi, "10.1016/j.ejca.2008.10.026");     // RECIST 1.1
  EXPECT_EQ(rs.references.at(92).doi, "10.1007/s00259-018-3945-z");      // Garske-Román 2018
}

TEST(Ruleset, ThresholdComparatorsIncludeOrExcludeTheBoundary) {
  const auto& rs = builtin();
  EXPECT_TRUE(rs.threshold("who2022.ki67_g1").holds(2.9));
  EXPECT_FALSE(rs.threshold("who2022.ki67_g1").holds(3.0));
  EXPECT_FALSE(rs.threshold("who2022.ki67_g3").holds(20.0));
  EXPECT_TRUE(rs.threshold("who2022.ki67_g3").holds(20.1));
  EXPECT_TRUE(rs.threshold("netter2.ki67_min").holds(10.0));
  EXPECT_TRUE(rs.threshold("netter2.ki67_max").holds(55.0));
  EXPECT_FALSE(rs.threshold("netter2.ki67_max").holds(55.1));
  EXPECT_EQ(rs.threshold("q10.kidney_limit").describe(), "≤ 23 Gy");
}

TEST(Ruleset, MissingThresholdIdIsAProgrammingError) {
  EXPECT_THROW((void)builtin().threshold("no.such"), std::logic_error);
}

std::vector<std::string> load_problems(const std::string& text) {
  Diagnostics d;
  auto r = load_ruleset(text, "0", d);
  EXPECT_FALSE(r.ok());
  std::vector<std::string> out;
  for (const auto& x : d.items())
    out.push_back(x.pointer + ": " + x.expected + " / " + x.found);
  return out;
}

const char* kHead = R"("format": "rltguide-ruleset/1", "id": "t", "version": "1",
  "source": {"citation": "c", "doi": "10.1/x", "license": "CC BY 4.0"},
  "references": [{"number": 1, "citation": "A et al.", "doi": "10.1000/a"}])";

TEST(Ruleset, LoaderRefusesAThresholdWithoutSource) {
  std::string text =
      std::string("{") + kHead +
      R"(, "thresholds": [{"id": "x", "value": 1, "unit": "Gy", "comparator": "<"}]})";
  EXPECT_THAT(load_problems(text),
              ::testing::ElementsAre("/thresholds/0/source: the source of the number / nothing"));
}

TEST(Ruleset, LoaderRefusesAThresholdWithoutUnitOrComparator) {
  std::string text =
      std::string("{") + kHead + R"(, "thresholds": [{"id": "x", "value": 1, "source": "s"}]})";
  EXPECT_THAT(load_problems(text),
              ::testing::ElementsAre(
                  "/thresholds/0/unit: the unit (UCUM; \"1\" for a pure number) / nothing",
                  "/thresholds/0/comparator: one of <, <=, >, >=, == / nothing"));
}

TEST(Ruleset, LoaderRefusesARecommendationWithoutGradeOrReferences) {
  std::string text = std::string("{") + kHead +
                     R"(, "recommendations": [{"id": "Q1", "question": "q", "summary": "s",
                        "level": "6", "references": [2]}]})";
  EXPECT_THAT(load_problems(text),
              ::testing::ElementsAre(
                  "/recommendations/0/strength: the strength as graded (A..D) / nothing",
                  "/recommendations/0/level: a level of evidence 1a..5 / 6",
                  "/recommendations/0/references: numbers listed under /references / 2",
                  "/recommendations/0/references: at least one reference number / nothing"));
}

TEST(Ruleset, LoaderRefusesAReferenceWithoutDoiOrReason) {
  std::string text = R"({"format": "rltguide-ruleset/1", "id": "t", "version": "1",
    "source": {"citation": "c", "doi": "10.1/x", "license": "l"},
    "references": [{"number": 1, "citation": "A"}, {"number": 2, "citation": "B", "doi": "nope"}]})";
  EXPECT_THAT(load_problems(text),
              ::testing::ElementsAre(
                  "/references/0/doi: a DOI (or no_doi_reason saying why there is none) / nothing",
                  "/references/1/doi: a DOI such as 10.1056/NEJMoa1607427 / \"nope\""));
}

}  // namespace
}  // namespace rlt::kb
