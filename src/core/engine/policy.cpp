#include "engine/policy.hpp"

#include <fmt/format.h>

#include "base/reader.hpp"

namespace rlt::engine {

namespace {
constexpr std::array kJurisdictions = {
    EnumName<Jurisdiction>{Jurisdiction::unspecified, "unspecified"},
    EnumName<Jurisdiction>{Jurisdiction::eu, "EU"}, EnumName<Jurisdiction>{Jurisdiction::us, "US"},
    EnumName<Jurisdiction>{Jurisdiction::other, "other"}};
constexpr std::array kKinds = {
    EnumName<KidneyLimitKind>{KidneyLimitKind::absorbed_dose, "absorbed_dose"},
    EnumName<KidneyLimitKind>{KidneyLimitKind::bed, "bed"}};
}  // namespace

std::string_view to_string(Jurisdiction j) {
  return enum_name<Jurisdiction>(kJurisdictions, j);
}
std::string_view to_string(KidneyLimitKind k) {
  return enum_name<KidneyLimitKind>(kKinds, k);
}

Result<Policy> read_policy(std::string_view text, Diagnostics& diags) {
  JsonDoc doc;
  if (!parse_json(text, JsonLimits{}, doc, diags))
    return Error{"invalid_policy", "the policy is not well-formed JSON"};
  Policy p;
  ObjectReader r(doc, &doc.root, "", diags, "a policy");
  auto format = r.string("format", 40);
  bool v1 = format.is(std::string(kPolicyFormatV1));
  if (format.known() && !v1 && *format.value != kPolicyFormat)
    r.problem("format", fmt::format("\"{}\" or \"{}\"", kPolicyFormat, kPolicyFormatV1),
              *format.value, "unknown_format");
  if (v1) {
    // v1 had a free-text label; it carried no rule, so only EU and US keep a meaning.
    if (auto v = r.string("jurisdiction", 200).value)
      p.jurisdiction = *v == "EU"                          ? Jurisdiction::eu
                       : *v == "US"                        ? Jurisdiction::us
                       : v->empty() || *v == "unspecified" ? Jurisdiction::unspecified
                                                           : Jurisdiction::other;
  } else if (auto v =
                 r.enumeration("jurisdiction", EnumTable<Jurisdiction>(kJurisdictions)).value) {
    p.jurisdiction = *v;
  }
  if (auto v = r.boolean("first_line_approved").value) p.first_line_approved = *v;
  if (auto v = r.boolean("retreatment_approved").value) p.retreatment_approved = *v;
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
