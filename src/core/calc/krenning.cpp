#include "calc/krenning.hpp"

#include <array>

#include <fmt/format.h>

#include "base/reader.hpp"
#include "kb/ruleset.hpp"

namespace rlt::calc::krenning {

Result<std::string> describe(int score) {
  static constexpr std::array<std::string_view, 5> kText = {
      "no uptake", "uptake much lower than normal liver",
      "uptake about equal to (or slightly below) normal liver", "uptake greater than normal liver",
      "uptake greater than spleen (or kidneys after splenectomy)"};
  if (score < 0 || score > 4) return Error{"krenning_range", "the Krenning score is 0 to 4"};
  return std::string(kText[static_cast<std::size_t>(score)]);
}

Result<Positivity> sstr_positive(const kb::Ruleset& rs, std::span<const int> scores,
                                 std::optional<int> minimum) {
  if (scores.empty()) return Error{"krenning_range", "at least one score is needed"};
  const kb::Threshold& t = rs.threshold("sstr.krenning_positive");
  Positivity p;
  p.rule = minimum ? fmt::format("≥ {} (local choice)", *minimum) : t.describe();
  p.positive = true;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const int s = scores[i];
    if (s < 0 || s > 4)
      return Error{"krenning_range", fmt::format("score {} is outside 0 to 4", s)};
    const bool ok = minimum ? s >= *minimum : t.holds(static_cast<double>(s));
    if (!ok) {
      p.positive = false;
      p.reasons.push_back(
          fmt::format("lesion {} has score {}, below the rule {}", i + 1, s, p.rule));
    }
  }
  if (p.positive)
    p.reasons.push_back(fmt::format("all {} score{} meet {}", scores.size(),
                                    scores.size() == 1 ? "" : "s", p.rule));
  return p;
}

Positivity sstr_positive(model::UptakeVsLiver uptake) {
  Positivity p;
  p.rule = "uptake at least as high as normal liver";
  p.positive = uptake != model::UptakeVsLiver::below;
  p.reasons.push_back(p.positive ? "uptake equal to or above normal liver"
                                 : "uptake below normal liver");
  return p;
}

}  // namespace rlt::calc::krenning
