// WHO 2022 grading. Expected grades come from the WHO 2022 table (Rindi et al., Endocr Pathol
// 2022, consensus ref 2): Ki-67 < 3 % G1, 3–20 % G2, > 20 % G3; mitoses < 2, 2–20, > 20 per
// 2 mm²; the higher grade wins; poorly differentiated = NEC. Vector ids W-n are from
// shared/reference/calculators.md section 4.
#include <gtest/gtest.h>

#include "model/grading.hpp"

namespace rlt::model {
namespace {

GradeResult g(std::optional<double> ki67, std::optional<double> mitoses,
              std::optional<Differentiation> diff = Differentiation::well,
              std::optional<Grade> reported = std::nullopt) {
  return grade_who2022({ki67, mitoses, diff, std::nullopt, reported}, kb::builtin());
}

TEST(GradeWho2022, Ki67BoundariesFollowTheWhoIntervals) {
  EXPECT_EQ(g(2.9, std::nullopt).grade, Grade::g1);   // < 3 %
  EXPECT_EQ(g(3.0, std::nullopt).grade, Grade::g2);   // 3 % is G2
  EXPECT_EQ(g(20.0, std::nullopt).grade, Grade::g2);  // 20 % is still G2
  EXPECT_EQ(g(20.1, std::nullopt).grade, Grade::g3);  // > 20 %
}

TEST(GradeWho2022, MitoticBoundariesFollowTheWhoIntervals) {
  EXPECT_EQ(g(std::nullopt, 1).grade, Grade::g1);
  EXPECT_EQ(g(std::nullopt, 2).grade, Grade::g2);
  EXPECT_EQ(g(std::nullopt, 20).grade, Grade::g2);
  EXPECT_EQ(g(std::nullopt, 21).grade, Grade::g3);
  EXPECT_EQ(g(std::nullopt, 20.4).grade, Grade::g3);  // a fractional count above 20
}

TEST(GradeWho2022, VectorsFromCalculatorsReference) {
  EXPECT_EQ(g(2, 1).category, GradeCategory::net_g1);    // W-1
  EXPECT_EQ(g(3, 1).category, GradeCategory::net_g2);    // W-2
  EXPECT_EQ(g(2.9, 2).category, GradeCategory::net_g2);  // W-3: mitoses decide
  EXPECT_EQ(g(20, 20).category, GradeCategory::net_g2);  // W-4
  EXPECT_EQ(g(21, 5).category, GradeCategory::net_g3);   // W-5
  EXPECT_EQ(g(15, 25).category, GradeCategory::net_g3);  // W-6: higher grade wins
  EXPECT_EQ(g(80, std::nullopt, Differentiation::poor).category, GradeCategory::nec);  // W-7
  EXPECT_EQ(g(35, std::nullopt, std::nullopt).category,
            GradeCategory::high_grade_differentiation_required);  // W-8
  EXPECT_EQ(g(2.5, 0).grade, Grade::g1);                          // W-9
}

TEST(GradeWho2022, HigherGradeWinsWhenIndicesDisagree) {
  auto r = g(1, 25);
  EXPECT_EQ(r.by_ki67, Grade::g1);
  EXPECT_EQ(r.by_mitoses, Grade::g3);
  EXPECT_EQ(r.grade, Grade::g3);
}

TEST(GradeWho2022, OneIndexAloneIsMarkedPartial) {  // W-11
  EXPECT_TRUE(g(12, std::nullopt).partial);
  EXPECT_FALSE(g(12, 3).partial);
}

TEST(GradeWho2022, NoIndexGivesUnknown) {
  auto r = g(std::nullopt, std::nullopt);
  EXPECT_FALSE(r.grade.has_value());
  EXPECT_EQ(grade_code(r.grade), "unknown");
}

TEST(GradeWho2022, ReportedGradeThatDisagreesIsFlagged) {
  EXPECT_TRUE(g(12, std::nullopt, Differentiation::well, Grade::g1).discordant_with_reported);
  EXPECT_FALSE(g(12, std::nullopt, Differentiation::well, Grade::g2).discordant_with_reported);
}

TEST(GradeWho2022, PoorDifferentiationIsNecWhateverTheIndex) {
  auto r = g(15, 3, Differentiation::poor);
  EXPECT_EQ(r.category, GradeCategory::nec);
  EXPECT_EQ(r.grade, Grade::g3);
}

}  // namespace
}  // namespace rlt::model
