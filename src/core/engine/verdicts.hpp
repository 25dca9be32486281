// The verdict vocabulary: every code an entry of the report may carry, in one catalogue. The
// report JSON Schema (schemas/report.schema.json) and the HTML badge classes are checked against
// or generated from this table (tests/unit/engine/catalogue_test.cpp). Codes are a stable API
// (shared/spec/clinical-model.md section 3): add a code only with a report format version bump.
#pragma once

#include <array>
#include <string_view>
#include <vector>

namespace rlt::engine {

#define RLT_VERDICTS(X)                                                    \
  X(in_scope, "in_scope", favourable)                                      \
  X(out_of_scope, "out_of_scope", unfavourable)                            \
  X(insufficient_data, "insufficient_data", missing)                       \
  X(g1, "G1", neutral)                                                     \
  X(g2, "G2", neutral)                                                     \
  X(g3, "G3", neutral)                                                     \
  X(unknown, "unknown", missing)                                           \
  X(clear, "clear", favourable)                                            \
  X(caution, "caution", attention)                                         \
  X(not_eligible_now, "not_eligible_now", unfavourable)                    \
  X(contraindicated, "contraindicated", unfavourable)                      \
  X(candidate, "candidate", favourable)                                    \
  X(candidate_first_line, "candidate_first_line", favourable)              \
  X(first_line_pending_approval, "first_line_pending_approval", attention) \
  X(not_candidate, "not_candidate", unfavourable)                          \
  X(see_q10, "see_q10", neutral)                                           \
  X(documented, "documented", favourable)                                  \
  X(not_documented, "not_documented", attention)                           \
  X(not_applicable, "not_applicable", neutral)                             \
  X(recommended, "recommended", attention)                                 \
  X(not_required, "not_required", neutral)                                 \
  X(done, "done", favourable)                                              \
  X(rlt_preferred, "rlt_preferred", favourable)                            \
  X(chemotherapy_option, "chemotherapy_option", attention)                 \
  X(hd_ssa_bridge_or_unfit, "hd_ssa_bridge_or_unfit", attention)           \
  X(recist_monitoring, "recist_monitoring", favourable)                    \
  X(frail_rlt_with_caution, "frail_rlt_with_caution", attention)           \
  X(not_frail, "not_frail", favourable)                                    \
  X(g3_rlt_option, "g3_rlt_option", favourable)                            \
  X(g3_rlt_pending_approval, "g3_rlt_pending_approval", attention)         \
  X(g3_chemotherapy_preferred, "g3_chemotherapy_preferred", attention)     \
  X(retreatment_option, "retreatment_option", favourable)                  \
  X(not_eligible, "not_eligible", unfavourable)

enum class Verdict {
#define RLT_VERDICT_ENUM(name, code, tone) name,
  RLT_VERDICTS(RLT_VERDICT_ENUM)
#undef RLT_VERDICT_ENUM
};

/// How a verdict reads to a clinician; the HTML badge class is derived from it.
enum class Tone { favourable, attention, unfavourable, neutral, missing };

[[nodiscard]] std::string_view code(Verdict v) noexcept;
[[nodiscard]] Tone tone(Verdict v) noexcept;
[[nodiscard]] std::string_view to_string(Tone t) noexcept;
/// Verdict codes compare equal to their string code (the JSON value): `v == "candidate"`.
[[nodiscard]] bool operator==(Verdict v, std::string_view c) noexcept;

/// One entry of the catalogue: a report entry ("scope", "grade", "eligibility", "Q1".."Q10")
/// and the verdicts it may give.
struct CatalogueEntry {
  std::string_view entry;
  std::vector<Verdict> verdicts;
};
[[nodiscard]] const std::vector<CatalogueEntry>& catalogue();
[[nodiscard]] const CatalogueEntry* catalogue_entry(std::string_view entry);
[[nodiscard]] bool allowed(std::string_view entry, Verdict v);
/// Every verdict, in declaration order.
[[nodiscard]] const std::vector<Verdict>& all_verdicts();

}  // namespace rlt::engine
