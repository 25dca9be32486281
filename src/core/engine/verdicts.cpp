#include "engine/verdicts.hpp"

#include <algorithm>

namespace rlt::engine {

std::string_view code(Verdict v) noexcept {
  switch (v) {
#define RLT_VERDICT_CODE(name, c, tone) \
  case Verdict::name:                   \
    return c;
    RLT_VERDICTS(RLT_VERDICT_CODE)
#undef RLT_VERDICT_CODE
  }
  return "insufficient_data";
}

Tone tone(Verdict v) noexcept {
  switch (v) {
#define RLT_VERDICT_TONE(name, c, t) \
  case Verdict::name:                \
    return Tone::t;
    RLT_VERDICTS(RLT_VERDICT_TONE)
#undef RLT_VERDICT_TONE
  }
  return Tone::missing;
}

std::string_view to_string(Tone t) noexcept {
  switch (t) {
    case Tone::favourable:
      return "favourable";
    case Tone::attention:
      return "attention";
    case Tone::unfavourable:
      return "unfavourable";
    case Tone::neutral:
      return "neutral";
    case Tone::missing:
      return "missing";
  }
  return "missing";
}

bool operator==(Verdict v, std::string_view c) noexcept {
  return code(v) == c;
}

const std::vector<Verdict>& all_verdicts() {
  static const std::vector<Verdict> all = {
#define RLT_VERDICT_LIST(name, c, t) Verdict::name,
      RLT_VERDICTS(RLT_VERDICT_LIST)
#undef RLT_VERDICT_LIST
  };
  return all;
}

const std::vector<CatalogueEntry>& catalogue() {
  using V = Verdict;
  static const std::vector<CatalogueEntry> c = {
      {"scope", {V::in_scope, V::out_of_scope, V::insufficient_data}},
      {"grade", {V::g1, V::g2, V::g3, V::unknown}},
      {"eligibility",
       {V::clear, V::caution, V::not_eligible_now, V::contraindicated, V::insufficient_data}},
      {"Q1",
       {V::candidate, V::candidate_first_line, V::first_line_pending_approval, V::not_candidate,
        V::see_q10, V::insufficient_data, V::not_applicable}},
      {"Q2", {V::documented, V::not_documented, V::not_applicable, V::insufficient_data}},
      {"Q3", {V::recommended, V::not_required, V::done, V::not_applicable, V::insufficient_data}},
      {"Q4", {V::rlt_preferred, V::not_applicable, V::insufficient_data}},
      {"Q5", {V::rlt_preferred, V::chemotherapy_option, V::not_applicable, V::insufficient_data}},
      {"Q6",
       {V::rlt_preferred, V::hd_ssa_bridge_or_unfit, V::not_applicable, V::insufficient_data}},
      {"Q7", {V::recist_monitoring, V::not_applicable, V::insufficient_data}},
      {"Q8", {V::frail_rlt_with_caution, V::not_frail, V::not_applicable, V::insufficient_data}},
      {"Q9",
       {V::g3_rlt_option, V::g3_rlt_pending_approval, V::g3_chemotherapy_preferred,
        V::not_applicable, V::insufficient_data}},
      {"Q10", {V::retreatment_option, V::not_eligible, V::not_applicable, V::insufficient_data}},
  };
  return c;
}

const CatalogueEntry* catalogue_entry(std::string_view entry) {
  const auto& c = catalogue();
  auto it = std::find_if(c.begin(), c.end(), [&](const auto& e) { return e.entry == entry; });
  return it == c.end() ? nullptr : &*it;
}

bool allowed(std::string_view entry, Verdict v) {
  const auto* e = catalogue_entry(entry);
  return e != nullptr && std::find(e->verdicts.begin(), e->verdicts.end(), v) != e->verdicts.end();
}

}  // namespace rlt::engine
