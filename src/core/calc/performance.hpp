// Performance status and geriatric screening.
//  - ECOG/WHO performance status 0–5 (Oken et al., Am J Clin Oncol 1982;5:649).
//  - Karnofsky 0–100 in steps of 10, and the conventional (not validated) mapping to ECOG:
//    100–90 → 0, 80–70 → 1, 60–50 → 2, 40–30 → 3, 20–10 → 4, 0 → 5. KPS → ECOG is one value;
//    ECOG → KPS is a range.
//  - G8 (Bellera et al., Ann Oncol 2012;23:2166): eight items, total 0–17, abnormal at ≤ 14
//    (ruleset g8.abnormal). Item P can score 0.5, so scores are kept in half points.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "kb/ruleset.hpp"

namespace rlt::calc::performance {

/// The ECOG grade's definition, in our words. Error "ecog_range" outside 0–5.
Result<std::string> ecog_description(int ecog);

struct KarnofskyRange {
  int low = 0;
  int high = 0;
};
/// Error "ecog_range".
Result<KarnofskyRange> ecog_to_karnofsky(int ecog);
/// Error "karnofsky_range" (not 0–100 or not a multiple of 10).
Result<int> karnofsky_to_ecog(int karnofsky);
Result<std::string> karnofsky_description(int karnofsky);

// ---- G8 ---------------------------------------------------------------------------------

struct G8Items {
  int food_intake = 0;  ///< A: 0 severe decrease, 1 moderate, 2 none
  int weight_loss = 0;  ///< B: 0 > 3 kg, 1 does not know, 2 1–3 kg, 3 none
  int mobility = 0;     ///< C: 0 bed/chair, 1 out of bed but not out, 2 goes out
  int neuropsych = 0;   ///< E: 0 severe dementia/depression, 1 mild, 2 none
  int bmi = 0;          ///< F: 0 < 19, 1 19–<21, 2 21–<23, 3 ≥ 23
  int drugs = 0;        ///< H: 0 takes > 3 drugs a day, 1 no
  int health_half = 0;  ///< P in HALF points: 0 not as good, 1 (=0.5) does not know, 2 (=1) as
                        ///< good, 4 (=2) better
  int age = 0;          ///< 0 > 85, 1 80–85, 2 < 80
};

/// Points of item F from a BMI in kg/m²; error "g8_bmi" outside 10–80.
Result<int> g8_bmi_points(double bmi);
/// Points of the age item; error "g8_age" outside 0–130.
Result<int> g8_age_points(double age_years);

struct G8Result {
  int total_half = 0;  ///< total in half points (0–34)
  [[nodiscard]] double total() const { return total_half / 2.0; }
  bool abnormal = false;
  std::string rule;  ///< "≤ 14" from the ruleset
};
/// Error "g8_item" naming the first item out of range.
Result<G8Result> g8(const G8Items& items, const kb::Ruleset& rs);

}  // namespace rlt::calc::performance
