// The ranked recommendation at the top of a report: the proposed next step and the alternatives
// the consensus names for the situation, each with its basis (graded recommendation, ungraded
// text, or label). It reads the answers; it never overrules them.
#include <algorithm>

#include <fmt/format.h>

#include "engine/context.hpp"
#include "model/names.hpp"

namespace rlt::engine::detail {

namespace {

const Answer* find(const Decision& d, std::string_view id) {
  for (const auto& q : d.questions)
    if (q.id == id) return &q;
  return nullptr;
}

std::string graded(const Answer& a) {
  return fmt::format("graded recommendation {} ({}-{})", a.id, a.level, a.strength);
}
std::string ungraded(std::string_view where) {
  return fmt::format("ungraded consensus text ({})", where);
}

Option rlt(const Answer& basis_answer, std::string text) {
  return {"rlt", std::move(text), graded(basis_answer), false};
}

/// The alternatives the consensus names after SSA failure, for this primary.
void second_line_alternatives(const Ctx& x, std::vector<Option>& alts, bool rlt_possible = true) {
  bool pnet = x.c.tumour.primary_site.is(model::PrimarySite::pancreas);
  alts.push_back({"everolimus", "Everolimus", ungraded("Q4 text; RLT preferred over it"), false});
  if (pnet)
    alts.push_back({"sunitinib", "Sunitinib (pancreatic NET)",
                    ungraded("Q4 text; RLT preferred over it"), false});
  alts.push_back(
      {"chemotherapy", "Chemotherapy: " + chemotherapy_by_site(x), ungraded("Q5 text"), false});
  alts.push_back({"high_dose_ssa",
                  rlt_possible ? "High-dose SSA as a temporary bridge to RLT, or for patients "
                                 "unfit for other antitumour treatment"
                               : "High-dose SSA for patients unfit for other antitumour treatment",
                  ungraded("Q6 recommendation, second sentence"), false});
  if (x.c.tumour.metastatic_sites.known()) {
    const auto& sites = *x.c.tumour.metastatic_sites.value;
    bool liver_only =
        !sites.empty() &&
        std::all_of(sites.begin(), sites.end(), [](const std::string& s) { return s == "liver"; });
    if (liver_only)
      alts.push_back({"locoregional",
                      "Locoregional treatment of liver-only disease (e.g. embolisation or "
                      "chemoembolisation)",
                      ungraded("Q2 text"), false});
  }
  alts.push_back(
      {"clinical_trial", "A clinical trial", ungraded("Q4/Q5 text: ongoing trials"), false});
}

}  // namespace

Recommendation recommend(const Ctx& x, const Decision& d) {
  Recommendation r;
  if (d.scope.verdict == Verdict::out_of_scope) {
    r.proposed = {"other_guideline",
                  "Outside the consensus: manage by the guideline that covers this tumour "
                  "(e.g. NEC, MiNEN, hereditary syndromes, non-GEP primaries).",
                  "scope (consensus Methods)", false};
    return r;
  }
  if (d.scope.verdict == Verdict::insufficient_data) {
    r.proposed = {"confirm_scope", "Confirm the scope before any recommendation (see scope).",
                  "scope (consensus Methods)", false};
    return r;
  }
  const Answer* q1 = find(d, "Q1");
  const Answer* q5 = find(d, "Q5");
  const Answer* q9 = find(d, "Q9");
  const Answer* q10 = find(d, "Q10");

  if (x.d.prior_rlt == Tri::yes && q10 != nullptr) {
    if (q10->verdict == Verdict::retreatment_option) {
      r.proposed = rlt(*q10, "RLT retreatment, with the activity tailored by dosimetry");
      second_line_alternatives(x, r.alternatives);
    } else {
      r.proposed = {
          q10->verdict == Verdict::not_eligible ? "other_systemic_treatment" : "complete_q10",
          q10->verdict == Verdict::not_eligible
              ? "A treatment other than RLT: retreatment criteria are not met (Q10)"
              : "Complete the retreatment work-up (Q10: response, SSTR PET at "
                "progression, dosimetry) before deciding",
          graded(*q10), false};
      const bool rlt_possible = q10->verdict != Verdict::not_eligible;
      if (x.g3 == Tri::yes)
        r.alternatives.push_back({"chemotherapy_alkylating",
                                  "Alkylating-based chemotherapy (CAPTEM or STZ/5-FU) or FOLFOX",
                                  ungraded("Q9 text: progression on RLT"), false});
      second_line_alternatives(x, r.alternatives, rlt_possible);
    }
    return r;
  }
  const auto& ki67 = x.c.tumour.ki67;
  if (x.g3 == Tri::yes && ki67.known() && !x.rs.threshold("netter2.ki67_max").holds(*ki67.value)) {
    // above the NETTER-2 range: a possible NEC decides the path (Q9 caution)
    r.proposed = {"pathology_review_nec",
                  "Pathology review of differentiation before a treatment decision: Ki-67 above "
                  "the NETTER-2 range may be a neuroendocrine carcinoma, outside the consensus",
                  ungraded("Q9; Methods: NEC excluded"), false};
    r.alternatives.push_back({"chemotherapy_alkylating",
                              "If a well-differentiated G3 NET is confirmed: alkylating-based "
                              "chemotherapy (CAPTEM or STZ/5-FU), or FOLFOX",
                              ungraded("Q9 text"), true});
    if (q9 != nullptr && q9->verdict != Verdict::g3_chemotherapy_preferred)
      r.alternatives.push_back(
          {"rlt", "If a well-differentiated G3 NET is confirmed: RLT", graded(*q9), true});
    return r;
  }
  if (x.g3 == Tri::yes && q9 != nullptr) {
    if (q9->verdict == Verdict::g3_chemotherapy_preferred) {
      r.proposed = {"chemotherapy_alkylating",
                    "Alkylating-based chemotherapy (CAPTEM or STZ/5-FU), or FOLFOX",
                    ungraded("Q9 text"), false};
      r.alternatives.push_back({"clinical_trial", "A clinical trial", ungraded("Q9 text"), false});
    } else {
      r.proposed = rlt(*q9, q9->verdict == Verdict::g3_rlt_option
                                ? "RLT for SSTR-positive G3 (NETTER-2 evidence; available under "
                                  "the current policy or label)"
                                : "RLT for SSTR-positive G3 once approved where you work "
                                  "(NETTER-2 evidence); not marked approved in the policy");
      r.proposed.conditional = q9->verdict != Verdict::g3_rlt_option;
      r.alternatives.push_back({"chemotherapy_alkylating",
                                "Alkylating-based chemotherapy (CAPTEM or STZ/5-FU), or FOLFOX",
                                ungraded("Q9 text"), false});
      r.alternatives.push_back({"ssa",
                                "SSA (some antiproliferative activity in G3, inferior to RLT)",
                                ungraded("Q9 text"), false});
      r.alternatives.push_back(
          {"clinical_trial", "A clinical trial (e.g. COMPOSE)", ungraded("Q9 text"), false});
    }
    return r;
  }
  if (q1 != nullptr && q1->verdict == Verdict::candidate) {
    const auto& t = x.c.tumour;
    bool pancreatic_burden = t.primary_site.is(model::PrimarySite::pancreas) &&
                             (t.bulky.is(true) || t.symptoms.is(true));
    bool rapid = x.c.progression.rapid.is(true);
    if (x.fdg_discordant == Tri::yes) {
      // FDG-avid lesions without SSTR uptake: the biopsy and the board decide (Q2/Q3 text)
      r.proposed = {"biopsy_then_decide",
                    "Biopsy the FDG-avid lesion without SSTR uptake, then decide between "
                    "chemotherapy and RLT at the board",
                    ungraded("Q2 and Q3 text"), false};
      r.alternatives.push_back({"chemotherapy", "Chemotherapy: " + chemotherapy_by_site(x),
                                ungraded("Q3 text: FDG-avid lesions guide towards alternatives "
                                         "to RLT"),
                                false});
      r.alternatives.push_back(rlt(*q1,
                                   "RLT, if the discordant lesions prove well differentiated "
                                   "or are controlled otherwise"));
      r.alternatives.back().conditional = true;
    } else if (q5 != nullptr && q5->verdict == Verdict::chemotherapy_option &&
               (pancreatic_burden || rapid)) {
      // the situation the consensus names for chemotherapy (Q1 text, Q5, Table 2)
      r.proposed = {"rlt_or_chemotherapy",
                    "RLT or chemotherapy (" + chemotherapy_by_site(x) +
                        "): the consensus names chemotherapy for " +
                        (rapid ? std::string("rapid progression")
                               : std::string("bulky or symptomatic pancreatic NETs")) +
                        " needing shrinkage; the board weighs the two",
                    graded(*q5) + "; Q1 text; Table 2", false};
      r.alternatives.push_back(rlt(*q1, "177Lu-DOTATATE RLT (7.4 GBq every 8 weeks × 4)"));
      second_line_alternatives(x, r.alternatives);
    } else {
      r.proposed = rlt(*q1, "177Lu-DOTATATE RLT (7.4 GBq every 8 weeks × 4)");
      second_line_alternatives(x, r.alternatives);
    }
    return r;
  }
  if (q1 != nullptr && (q1->verdict == Verdict::candidate_first_line ||
                        q1->verdict == Verdict::first_line_pending_approval)) {
    bool approved = q1->verdict == Verdict::candidate_first_line || first_line_available(x.p);
    Option first_line{
        "rlt_first_line",
        "First-line 177Lu-DOTATATE with octreotide (NETTER-2 regimen); " + first_line_status(x.p),
        ungraded("Q1 text, NETTER-2"), !approved};
    Option ssa{"ssa_first_line", "A somatostatin analogue (standard dose) as first-line treatment",
               ungraded("Introduction: SSA first line; RLT considered at progression"), false};
    r.proposed = approved ? first_line : ssa;
    r.alternatives.push_back(approved ? ssa : first_line);
    r.alternatives.push_back({"clinical_trial", "A clinical trial", ungraded("Q9 text"), false});
    return r;
  }
  if (x.sstr_status == SstrStatus::negative) {
    r.proposed = {"non_rlt_treatment",
                  "A treatment other than RLT: the disease does not express SSTR",
                  ungraded("Q1: RLT is for SSTR-positive disease"), false};
    second_line_alternatives(x, r.alternatives, false);
    return r;
  }
  if (x.d.lines_before && *x.d.lines_before == 0 && x.g3 == Tri::no) {
    r.proposed = {"ssa_first_line",
                  "A somatostatin analogue (standard dose) as first-line treatment; RLT is "
                  "considered at progression",
                  ungraded("Introduction and Q1: candidates have progressed on SSA"), false};
    r.alternatives.push_back({"surveillance_or_surgery",
                              "Surgery where resectable; otherwise as the board decides",
                              ungraded("Introduction"), false});
    return r;
  }
  if (q1 != nullptr && q1->verdict == Verdict::not_candidate) {
    r.proposed = {
        "no_rlt_now",
        "No RLT now: " + (q1->explanation.empty() ? std::string("see Q1") : q1->explanation.back()),
        graded(*q1), false};
    r.alternatives.push_back({"continue_current",
                              "Continue the current management and reassess at progression",
                              ungraded("Q1"), false});
    return r;
  }
  r.proposed = {"complete_work_up",
                "Complete the missing facts (see the questions) before a recommendation",
                "consensus Q1–Q2", false};
  return r;
}

}  // namespace rlt::engine::detail
