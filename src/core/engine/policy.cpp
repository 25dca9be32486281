#include "engine/policy.hpp"

#include <fmt/format.h>

#include "base/reader.hpp"

namespace rlt::engine {

namespace {
constexpr std::string_view kLocal = "local choice";
}

std::vector<std::pair<std::string, std::string>> Policy::describe() const {
  auto yn = [](bool b) { return b ? "yes" : "no"; };
  return {
      {"jurisdiction", jurisdiction},
      {"first_line_approved",
       fmt::format("{} (default no: not approved when the consensus was written, 2024)",
                   yn(first_line_approved))},
      {"retreatment_approved",
       fmt::format("{} (default no: the consensus calls retreatment not yet approved)",
                   yn(retreatment_approved))},
      {"kidney_limit",
       kidney_limit_kind == KidneyLimitKind::absorbed_dose
           ? fmt::format("{} Gy absorbed dose (consensus Q10, ref 92)", kidney_limit_gy)
           : std::string("kidney BED 28 Gy with risk factors / 40 Gy without (Bodei 2008)")},
      {"marrow_limit", fmt::format("{} Gy (commonly used limit)", marrow_limit_gy)},
      {"imaging_max_age_days", fmt::format("{} ({})", imaging_max_age_days, kLocal)},
      {"sstr_pet_max_age_days", fmt::format("{} ({})", sstr_pet_max_age_days, kLocal)},
      {"fdg_pet_max_age_days", fmt::format("{} ({})", fdg_pet_max_age_days, kLocal)},
      {"labs_max_age_days", fmt::format("{} ({})", labs_max_age_days, kLocal)},
      {"biopsy_max_age_months", fmt::format("{} ({})", biopsy_max_age_months, kLocal)},
  };
}

Json Policy::to_json() const {
  return {{"format", kPolicyFormat},
          {"jurisdiction", jurisdiction},
          {"first_line_approved", first_line_approved},
          {"retreatment_approved", retreatment_approved},
          {"kidney_limit_kind",
           kidney_limit_kind == KidneyLimitKind::absorbed_dose ? "absorbed_dose" : "bed"},
          {"kidney_limit_gy", kidney_limit_gy},
          {"marrow_limit_gy", marrow_limit_gy},
          {"imaging_max_age_days", imaging_max_age_days},
          {"sstr_pet_max_age_days", sstr_pet_max_age_days},
          {"fdg_pet_max_age_days", fdg_pet_max_age_days},
          {"labs_max_age_days", labs_max_age_days},
          {"biopsy_max_age_months", biopsy_max_age_months}};
}

Result<Policy> read_policy(std::string_view text, Diagnostics& diags) {
  JsonDoc doc;
  if (!parse_json(text, JsonLimits{}, doc, diags))
    return Error{"invalid_policy", "the policy is not well-formed JSON"};
  Policy p;
  ObjectReader r(doc, &doc.root, "", diags, "a policy");
  auto format = r.string("format", 40);
  if (format.known() && *format.value != kPolicyFormat)
    r.problem("format", fmt::format("\"{}\"", kPolicyFormat), *format.value, "unknown_format");
  if (auto v = r.string("jurisdiction", 200).value) p.jurisdiction = *v;
  if (auto v = r.boolean("first_line_approved").value) p.first_line_approved = *v;
  if (auto v = r.boolean("retreatment_approved").value) p.retreatment_approved = *v;
  static constexpr std::array kKinds = {
      EnumName<KidneyLimitKind>{KidneyLimitKind::absorbed_dose, "absorbed_dose"},
      EnumName<KidneyLimitKind>{KidneyLimitKind::bed, "bed"}};
  if (auto v = r.enumeration("kidney_limit_kind", EnumTable<KidneyLimitKind>(kKinds)).value)
    p.kidney_limit_kind = *v;
  if (auto v = r.number("kidney_limit_gy", 1, 100, "kidney limit in Gy").value)
    p.kidney_limit_gy = *v;
  if (auto v = r.number("marrow_limit_gy", 0.1, 10, "marrow limit in Gy").value)
    p.marrow_limit_gy = *v;
  if (auto v = r.integer("imaging_max_age_days", 1, 3650, "days").value)
    p.imaging_max_age_days = *v;
  if (auto v = r.integer("sstr_pet_max_age_days", 1, 3650, "days").value)
    p.sstr_pet_max_age_days = *v;
  if (auto v = r.integer("fdg_pet_max_age_days", 1, 3650, "days").value)
    p.fdg_pet_max_age_days = *v;
  if (auto v = r.integer("labs_max_age_days", 1, 3650, "days").value) p.labs_max_age_days = *v;
  if (auto v = r.integer("biopsy_max_age_months", 1, 600, "months").value)
    p.biopsy_max_age_months = *v;
  r.finish();
  if (!diags.empty()) return Error{"invalid_policy", "the policy has problems"};
  return p;
}

}  // namespace rlt::engine
