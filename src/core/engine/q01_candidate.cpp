// Q1: who is a candidate for RLT (consensus Q1, 1b-A).
#include <fmt/format.h>

#include "engine/context.hpp"
#include "model/names.hpp"

namespace rlt::engine::detail {

Answer q1(const Ctx& x) {
  Answer a = start(x, "Q1");
  Tri adv = need_advanced(x, a);
  Tri sstr = need_sstr(x, a);
  Tri ssa = need_ssa_progression(x, a);
  if (x.d.prior_rlt == Tri::yes) {
    use(a.rationale, "prior RLT", Value::yes_no(true),
        x.c.rlt_cycles.empty() ? "/treatments" : "/rlt_cycles");
    return decide(a, "q1.prior_rlt", Status::not_applicable, Verdict::see_q10,
                  "The patient has had RLT: a new course is retreatment, answered by Q10.");
  }
  if (adv == Tri::no)
    return decide(
        a, "q1.not_advanced", Status::does_not_apply, Verdict::not_candidate,
        "Localised or resectable disease: RLT is for advanced disease; surgery comes first.");
  if (sstr == Tri::no)
    return decide(a, "q1.sstr_negative", Status::does_not_apply, Verdict::not_candidate,
                  "No sufficient SSTR expression: RLT cannot target the tumour.");
  // Bulky, symptomatic (especially pancreatic) disease needing shrinkage: chemotherapy may be
  // preferred (Q1 text).
  const auto& t = x.c.tumour;
  if (t.bulky.is(true) && t.symptoms.is(true)) {
    a.cautions.push_back(
        {"chemotherapy_may_be_preferred",
         "Bulky, symptomatic disease that needs rapid shrinkage: chemotherapy may be "
         "preferred over RLT (see Q5)."});
  }
  if (x.g3 == Tri::yes)
    a.cautions.push_back({"g3_see_q9", "G3 tumour (see Q9). " + indication_by_grade(x.p)});
  if (x.ki67_only_grade) a.cautions.push_back({"grade_from_ki67_only", ki67_only_text()});

  if (ssa == Tri::yes) {
    if (adv == Tri::yes && sstr == Tri::yes) {
      bool early = x.d.lines_before && *x.d.lines_before <= 1;
      a.actions.push_back(
          {"consider_rlt", early ? "Discuss 177Lu-DOTATATE RLT at the tumour "
                                   "board, early in the sequence."
                                 : "Discuss 177Lu-DOTATATE RLT at the tumour board."});
      return decide(a, "q1.candidate", Status::applies, Verdict::candidate,
                    "Advanced, SSTR-positive GEP-NET progressing on an SSA: a candidate; "
                    "bring RLT in early.");
    }
    return decide(a, "q1.insufficient", Status::insufficient_data, Verdict::insufficient_data);
  }
  // Progression on another first-line systemic treatment: the text says all patients progressing
  // on first-line treatment should be considered (the boxed recommendation names SSA).
  if (ssa == Tri::no && adv == Tri::yes && sstr == Tri::yes) {
    for (const auto& tr : x.c.treatments)
      if (tr.category.known() && *tr.category.value != model::TreatmentCategory::ssa &&
          *tr.category.value != model::TreatmentCategory::surgery &&
          *tr.category.value != model::TreatmentCategory::locoregional &&
          *tr.category.value != model::TreatmentCategory::rlt &&
          tr.stop_reason.is(model::StopReason::progression)) {
        use(a.rationale, "progressed on " + std::string(model::to_string(*tr.category.value)),
            Value::yes_no(true), tr.pointer);
        a.graded = false;
        a.cautions.push_back(
            {"not_after_ssa",
             "Progression on a first-line treatment other than an SSA: the "
             "text considers such patients, the graded recommendation names SSA."});
        a.actions.push_back({"consider_rlt", "Discuss 177Lu-DOTATATE RLT at the tumour board."});
        return decide(a, "q1.candidate_other_first_line", Status::applies, Verdict::candidate);
      }
  }
  // Not (known to have) progressed on SSA: the NETTER-2 first-line population?
  Tri n2 = netter2_population(x, a);
  bool no_prior_systemic = x.d.lines_before.has_value() && *x.d.lines_before == 0;
  if (n2 == Tri::yes && (ssa == Tri::no || no_prior_systemic)) {
    use(a.rationale, "first-line RLT approved (policy)", Value::yes_no(first_line_available(x.p)),
        SourceRef::policy("first_line_approved"));
    a.graded = false;
    if (first_line_available(x.p)) {
      a.actions.push_back(
          {"consider_first_line_rlt",
           "Discuss first-line 177Lu-DOTATATE with octreotide (NETTER-2 regimen)."});
      return decide(
          a, "q1.candidate_first_line", Status::applies, Verdict::candidate_first_line,
          "NETTER-2 population (newly diagnosed G2–G3, Ki-67 10–55 %, SSTR-positive) and the "
          "policy says first-line RLT is approved.");
    }
    return decide(
        a, "q1.first_line_pending_approval", Status::applies, Verdict::first_line_pending_approval,
        "NETTER-2 population, but first-line RLT is not approved under the current policy.");
  }
  if (ssa == Tri::no && n2 == Tri::no)
    return decide(
        a, "q1.no_ssa_progression", Status::does_not_apply, Verdict::not_candidate,
        "No progression on a somatostatin analogue and not the NETTER-2 first-line population: RLT "
        "is not yet indicated.");
  return decide(a, "q1.insufficient", Status::insufficient_data, Verdict::insufficient_data);
}

}  // namespace rlt::engine::detail
