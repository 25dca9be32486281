// What every rule shares: the case, policy and ruleset of one evaluation, the conditions derived
// from them once (Ctx), and the small helpers that record facts used, facts missing and the
// deciding rule in an Answer. Internal to the engine.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "calc/recist.hpp"
#include "engine/decision.hpp"
#include "engine/policy.hpp"
#include "kb/ruleset.hpp"
#include "model/case.hpp"
#include "model/derived.hpp"

namespace rlt::engine::detail {

/// Marks a rule that decided (part of) an answer without setting its verdict. The traceability
/// matrix (cmake/ScanTrace.cmake) reads RULE("...") and decide(a, "...") marks.
#define RULE(id) a.rules.emplace_back(id)

enum class SstrStatus { positive, heterogeneous, negative, unknown };
std::string_view to_string(SstrStatus s);

/// Everything the rules share, computed once per case.
struct Ctx {
  Ctx(const model::Case& case_, const Policy& policy, const kb::Ruleset& ruleset)
      : c(case_), p(policy), rs(ruleset) {}
  const model::Case& c;
  const Policy& p;
  const kb::Ruleset& rs;
  model::Derived d;
  std::optional<Date> today;

  // SSTR imaging: the latest study, and whether it shows receptor expression. With per-lesion
  // readings (case format 2) the status is that of every lesion, never the best one: positive
  // (all above the modality's threshold), heterogeneous (some below, or FDG-avid lesions without
  // SSTR uptake), negative (none above).
  const model::SstrImaging* sstr = nullptr;
  SstrStatus sstr_status = SstrStatus::unknown;
  bool sstr_borderline = false;  ///< a lesion at the threshold (equal to liver on PET)
  std::vector<std::string> sstr_negative_ids;  ///< lesions below the threshold
  Tri fdg_discordant = Tri::unknown;           ///< FDG-avid lesions without SSTR uptake
  std::vector<std::string> fdg_discordant_ids;
  SourceRef fdg_discordant_source;
  // Progression during RLT or within the consensus's 12-month window after its last cycle.
  Tri progressed_on_rlt = Tri::unknown;
  SourceRef progressed_on_rlt_source;
  // A G1–G2 grade from Ki-67 alone (no mitotic count): the routine grade, with a caution.
  bool ki67_only_grade = false;
  Tri sstr_positive = Tri::unknown;
  std::string sstr_why;
  Tri sstr_recent = Tri::unknown;
  Tri heterogeneous = Tri::unknown;
  // FDG PET: the latest.
  const model::FdgPet* fdg = nullptr;
  // CT/MRI: the latest study.
  const model::ImagingStudy* ct = nullptr;
  Tri advanced = Tri::unknown;
  // Grade. g3: yes when G3 (the higher index wins, so one index suffices); no only when both
  // indices place the tumour below G3; a G1–G2 from one index alone is a lower bound: unknown.
  std::optional<model::Grade> grade;
  Tri g3 = Tri::unknown;
  Tri well_differentiated = Tri::unknown;
  // RECIST from the case's studies, when computable.
  std::optional<calc::recist::SeriesResult> recist;
  // Kidney function from the latest creatinine within the labs window.
  std::optional<double> egfr;  ///< mL/min/1.73 m², CKD-EPI 2021
  std::string egfr_pointer;
  std::optional<double> crcl;  ///< mL/min, Cockcroft-Gault
  // The retreatment budget, when the patient had RLT.
  std::optional<dosimetry::Budget> budget;
};

/// Compute the shared conditions of `x` from its case, policy and ruleset.
void prepare(Ctx& x);

template <class T>
const T* latest(const std::vector<T>& xs) {
  const T* best = nullptr;
  for (const auto& e : xs)
    if (e.date.known() && (best == nullptr || *e.date.value >= *best->date.value)) best = &e;
  return best;
}
const model::Lab* latest_lab(const model::Case& c, model::Analyte a);
long age_days(const Ctx& x, const Date& d);

void use(std::vector<FactUsed>& r, std::string name, Value value, SourceRef source);
void miss(std::vector<MissingFact>& m, std::string name, SourceRef source, std::string why);

/// A new answer for question `id` with its recommendation, grade and references from the ruleset.
Answer start(const Ctx& x, std::string_view id);
void set(Answer& a, Status s, Verdict v);
/// The tail every rule shares: record the rule, set status and verdict, add the reason (when
/// given) and hand the answer back, so that a rule ends in `return decide(a, ...)`.
[[nodiscard]] Answer decide(Answer& a, std::string_view rule, Status s, Verdict v,
                            std::string why = {});

// Shared conditions, each recording its facts (or what is missing) in the answer that uses it.
Tri need_sstr(const Ctx& x, Answer& a);
Tri need_advanced(const Ctx& x, Answer& a);
Tri need_grade_g1g2(const Ctx& x, Answer& a);
Tri need_ssa_progression(const Ctx& x, Answer& a);
Tri fact_tri(Answer& a, const Fact<bool>& f, const std::string& name, const std::string& why);
/// The NETTER-2 population: newly diagnosed, advanced, SSTR-positive, well-differentiated
/// G2–G3, Ki-67 within the trial's range (Singh et al., Lancet 2024; consensus ref 16).
Tri netter2_population(const Ctx& x, Answer& a);
/// Applicability of Q4–Q6 (progressive G1–G2 after SSA failure, SSTR-positive, advanced, no
/// prior RLT). Returns the finished answer when the question does not apply or lacks data.
std::optional<Answer> second_line_gate(const Ctx& x, Answer& a, const char* qid);
/// The conditions under which the consensus prefers RLT (conclusions and Table 2).
void preference_conditions(const Ctx& x, Answer& a);

/// The approved indication by grade, as the policy's jurisdiction states it (both EU and US when
/// unspecified); cited to the label, never to the consensus.
std::string indication_by_grade(const Policy& p);
/// First-line (and G3) RLT is available: the policy says so, or the US label (no grade or line
/// restriction) applies.
bool first_line_available(const Policy& p);
/// Whether first-line RLT is a regulatory matter here, in words.
std::string first_line_status(const Policy& p);
/// Chemotherapy named by primary site (Q5 text).
std::string chemotherapy_by_site(const Ctx& x);
/// The caution for a G1–G2 graded on Ki-67 alone.
std::string ki67_only_text();

// The questions and the entries before them.
Eligibility eligibility(const Ctx& x, const std::vector<SafetyItem>& label);
Recommendation recommend(const Ctx& x, const Decision& d);
ScopeEntry scope(const Ctx& x);
GradeEntry grade_entry(const Ctx& x);
Answer q1(const Ctx& x);
Answer q2(const Ctx& x);
Answer q3(const Ctx& x);
Answer q4(const Ctx& x);
Answer q5(const Ctx& x);
Answer q6(const Ctx& x);
Answer q7(const Ctx& x);
Answer q8(const Ctx& x);
Answer q9(const Ctx& x);
Answer q10(const Ctx& x);
std::vector<PlanItem> plan(const Ctx& x, const Decision& d);

}  // namespace rlt::engine::detail
