#include "calc/performance.hpp"

#include <array>

#include <fmt/format.h>

#include "kb/ruleset.hpp"

namespace rlt::calc::performance {

namespace {
constexpr std::array<std::string_view, 6> kEcog = {
    "fully active; no restriction of pre-disease activity",
    "restricted in strenuous activity; walks about and can do light or desk work",
    "walks about and cares for self but cannot work; up and about more than half of waking hours",
    "limited self-care; in bed or chair more than half of waking hours",
    "completely disabled; no self-care; confined to bed or chair",
    "dead",
};
constexpr std::array<std::string_view, 11> kKarnofsky = {
    "dead",
    "moribund",
    "very sick; hospital admission and active supportive treatment needed",
    "severely disabled; hospital admission indicated though death not imminent",
    "disabled; needs special care and help",
    "needs considerable help and frequent medical care",
    "needs occasional help but cares for most personal needs",
    "cares for self; unable to carry on normal activity or do active work",
    "normal activity with effort; some signs or symptoms",
    "able to carry on normal activity; minor signs or symptoms",
    "normal; no complaints; no evidence of disease",
};
}  // namespace

Result<std::string> ecog_description(int ecog) {
  if (ecog < 0 || ecog > 5) return Error{"ecog_range", "ECOG performance status is 0 to 5"};
  return std::string(kEcog[static_cast<std::size_t>(ecog)]);
}

Result<KarnofskyRange> ecog_to_karnofsky(int ecog) {
  if (ecog < 0 || ecog > 5) return Error{"ecog_range", "ECOG performance status is 0 to 5"};
  if (ecog == 5) return KarnofskyRange{0, 0};
  const int high = 100 - 20 * ecog;
  return KarnofskyRange{high - 10, high};
}

Result<int> karnofsky_to_ecog(int kps) {
  if (kps < 0 || kps > 100 || kps % 10 != 0)
    return Error{"karnofsky_range", "Karnofsky performance status is 0 to 100 in steps of 10"};
  if (kps == 0) return 5;
  return (100 - kps) / 20;  // 100,90→0; 80,70→1; 60,50→2; 40,30→3; 20,10→4
}

Result<std::string> karnofsky_description(int kps) {
  if (kps < 0 || kps > 100 || kps % 10 != 0)
    return Error{"karnofsky_range", "Karnofsky performance status is 0 to 100 in steps of 10"};
  return std::string(kKarnofsky[static_cast<std::size_t>(kps / 10)]);
}

Result<int> g8_bmi_points(double bmi) {
  if (!(bmi >= 10 && bmi <= 80)) return Error{"g8_bmi", "BMI must be 10 to 80 kg/m²"};
  if (bmi < 19) return 0;
  if (bmi < 21) return 1;
  if (bmi < 23) return 2;
  return 3;
}

Result<int> g8_age_points(double age) {
  if (!(age >= 0 && age <= 130)) return Error{"g8_age", "age must be 0 to 130 years"};
  if (age > 85) return 0;
  if (age >= 80) return 1;
  return 2;
}

Result<G8Result> g8(const G8Items& i, const kb::Ruleset& rs) {
  struct Check {
    std::string_view name;
    int value;
    int max;
  };
  const std::array<Check, 7> checks = {{{"food_intake", i.food_intake, 2},
                                        {"weight_loss", i.weight_loss, 3},
                                        {"mobility", i.mobility, 2},
                                        {"neuropsych", i.neuropsych, 2},
                                        {"bmi", i.bmi, 3},
                                        {"drugs", i.drugs, 1},
                                        {"age", i.age, 2}}};
  for (const auto& c : checks)
    if (c.value < 0 || c.value > c.max)
      return Error{"g8_item",
                   fmt::format("G8 item {} scores 0 to {}, not {}", c.name, c.max, c.value)};
  if (i.health_half != 0 && i.health_half != 1 && i.health_half != 2 && i.health_half != 4)
    return Error{"g8_item", "G8 item health scores 0, 0.5, 1 or 2"};
  G8Result r;
  r.total_half =
      2 * (i.food_intake + i.weight_loss + i.mobility + i.neuropsych + i.bmi + i.drugs + i.age) +
      i.health_half;
  const kb::Threshold& t = rs.threshold("g8.abnormal");
  r.abnormal = t.holds(r.total());  // halves are exact in binary
  r.rule = t.describe();
  return r;
}

}  // namespace rlt::calc::performance
