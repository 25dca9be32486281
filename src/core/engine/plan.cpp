// The plan, in clinical order: eligibility and safety → work-up → treatment decision →
// preparation → follow-up. Items come from the eligibility block, the label checks, the answers
// and the recommendation; each code appears once.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "engine/context.hpp"

namespace rlt::engine {

std::string_view to_string(Phase p) {
  switch (p) {
    case Phase::eligibility:
      return "eligibility";
    case Phase::work_up:
      return "work_up";
    case Phase::decision:
      return "decision";
    case Phase::preparation:
      return "preparation";
    case Phase::follow_up:
      return "follow_up";
  }
  return "decision";
}

namespace detail {

namespace {

constexpr std::array<std::string_view, 16> kWorkUp = {
    "confirm_scope",           "mdt_required",
    "ct_mri_required",         "sstr_pet_required",
    "consider_fdg_pet",        "fdg_pet_before_rlt",
    "consider_rebiopsy",       "biopsy_discordant_lesion",
    "pathology_review_nec",    "g8_screening",
    "frailty_assessment",      "comprehensive_geriatric_assessment",
    "sstr_pet_at_progression", "dosimetry_required",
    "obtain_missing_facts",    "pregnancy_test"};
constexpr std::array<std::string_view, 2> kFollowUp = {"recist_followup", "renal_marrow_attention"};
constexpr std::array<std::string_view, 3> kRltActions = {"consider_rlt", "consider_first_line_rlt",
                                                         "dosimetry_guided_retreatment"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& xs, std::string_view code) {
  return std::find(xs.begin(), xs.end(), code) != xs.end();
}

Phase phase_of(std::string_view code) {
  if (in(kWorkUp, code)) return Phase::work_up;
  if (in(kFollowUp, code)) return Phase::follow_up;
  return Phase::decision;
}

bool rlt_option(const Option& o) {
  return o.code == "rlt" || o.code == "rlt_first_line";
}

/// Preparation for RLT, each item cited to the label (or the consensus), only where it applies.
void preparation(const Ctx& x, std::vector<PlanItem>& p) {
  const auto& c = x.c;
  const bool eu = x.p.jurisdiction != Jurisdiction::us;
  const bool us = x.p.jurisdiction != Jurisdiction::eu;
  // Long-acting SSA: stopped before each dose; earliest date from the last injection.
  for (const auto& t : c.treatments) {
    if (!t.category.is(model::TreatmentCategory::ssa) ||
        !t.stop_reason.is(model::StopReason::ongoing))
      continue;
    std::string when;
    if (t.last_injection.known()) {
      const Date& last = *t.last_injection.value;
      std::vector<std::string> dates;
      if (us) dates.push_back(fmt::format("US: from {} (4 weeks)", last.plus_days(28).iso()));
      if (eu) dates.push_back(fmt::format("EU: from {} (30 days)", last.plus_days(30).iso()));
      std::string d;
      for (const auto& s : dates)
        d += (d.empty() ? "" : "; ") + s;
      when = fmt::format(" Last long-acting injection {}; earliest RLT {}.", last.iso(), d);
    } else {
      when =
          " The date of the last long-acting injection is not recorded (needed for the "
          "earliest RLT date).";
    }
    p.push_back({"ssa_washout",
                 "Stop the long-acting SSA before each RLT dose (US label: at least 4 weeks; EU "
                 "SmPC: 30 days)." +
                     when,
                 "label: USPI 2 (2024); EU SmPC 4.5", Phase::preparation});
    break;
  }
  p.push_back({"short_acting_octreotide",
               "Short-acting octreotide may cover symptoms; withhold it for at least 24 hours "
               "before each dose.",
               "label: USPI 2 (2020 text); EU SmPC 4.5", Phase::preparation});
  p.push_back(
      {"amino_acid_infusion",
       "Renal protection: an amino-acid infusion with L-lysine and L-arginine over 4 hours, "
       "starting 30 minutes before each dose.",
       "label: EU SmPC 4.2 (2024, Italian text)", Phase::preparation});
  p.push_back({"antiemetic", "An antiemetic before the amino-acid infusion.",
               "label: USPI 2 (summary seen; wording unverified)", Phase::preparation});
  p.push_back({"labs_before_each_cycle",
               fmt::format("Blood counts, kidney and liver tests before each cycle (within the "
                           "label's window; this policy counts labs within {} days).",
                           x.p.labs_max_age_days),
               "label: EU SmPC 4.2 (older English text)", Phase::preparation});
  const auto& pt = c.patient;
  bool may_conceive = !pt.sex.is(model::Sex::male) && !pt.childbearing_potential.is(false);
  if (may_conceive) {
    p.push_back({"pregnancy_check_each_dose",
                 "Verify that pregnancy is excluded before each dose, and advise effective "
                 "contraception during and after treatment (period as the label states).",
                 "label: USPI 2.1; EU SmPC 4.6", Phase::preparation});
  }
  if (c.tumour.functional.is(model::Functional::carcinoid_syndrome)) {
    p.push_back({"echocardiography",
                 "Carcinoid syndrome: echocardiography for carcinoid heart disease before RLT.",
                 "consensus Q2 text; ENETS 2022 guidance (ref 9)", Phase::preparation});
    p.push_back({"hormonal_crisis_precautions",
                 "Carcinoid syndrome: plan for a hormonal (carcinoid) crisis during and after the "
                 "infusion (monitoring, octreotide at hand).",
                 "label: warnings on neuroendocrine hormonal crisis (wording unverified)",
                 Phase::preparation});
  }
}

}  // namespace

std::vector<PlanItem> plan(const Ctx& x, const Decision& r) {
  std::vector<PlanItem> p;
  std::vector<std::string> seen;
  auto add = [&](PlanItem item) {
    if (std::find(seen.begin(), seen.end(), item.code) != seen.end()) return;
    seen.push_back(item.code);
    p.push_back(std::move(item));
  };
  if (r.scope.verdict == Verdict::out_of_scope) {
    add({"out_of_scope",
         "Outside the consensus: no RLT recommendation from it. Manage by the guideline that "
         "covers this tumour.",
         "scope", Phase::decision});
    return p;
  }
  // 1. Eligibility and safety: label contraindications, crossed items, missing facts.
  // label contraindications are eligibility items (cited to the label)
  for (const auto& it : r.eligibility.items) {
    if (it.crossed == Tri::yes && it.effect != Verdict::caution)
      add({"correct_" + it.code,
           (it.effect == Verdict::contraindicated
                ? "Label contraindication (check before any RLT): "
                : "Reassess: ") +
               it.text,
           it.source, Phase::eligibility});
    else if (it.crossed == Tri::yes)
      add({"reassess_" + it.code, "Reassess: " + it.text, it.source, Phase::eligibility});
    else if (it.crossed == Tri::unknown)
      add({"obtain_" + it.code, it.text, it.source, Phase::eligibility});
  }
  if (r.scope.verdict == Verdict::insufficient_data) {
    std::string s;
    for (const auto& m : r.scope.missing)
      s += (s.empty() ? "" : ", ") + m.name;
    add({"confirm_scope", "Confirm scope: " + s + ".", "scope", Phase::work_up});
  }
  const bool rlt_proposed = rlt_option(r.recommendation.proposed);
  const bool contraindicated = r.eligibility.status == Verdict::contraindicated;
  (void)kRltActions;
  // 2–3. Work-up and decision items from the answers.
  for (const auto& q : r.questions)
    for (const auto& act : q.actions) {
      Phase ph = phase_of(act.code);
      if (ph == Phase::follow_up) continue;     // added below, only with RLT
      if (in(kRltActions, act.code)) continue;  // the board-decision item below carries RLT
      add({act.code, act.text, q.id, ph});
    }
  if (x.fdg_discordant == Tri::yes)
    add({"biopsy_discordant_lesion",
         "Biopsy the FDG-avid lesion without SSTR uptake (grade and differentiation may differ "
         "from the known histology).",
         "Q2/Q3 text", Phase::work_up});
  add({"board_decision",
       "Tumour-board decision: " + r.recommendation.proposed.text +
           (r.recommendation.proposed.conditional ? " (conditional)" : ""),
       r.recommendation.proposed.basis, Phase::decision});
  // 4. Preparation, only when RLT is proposed unconditionally: stopping an SSA for an RLT the
  // patient may not get would remove their antiproliferative treatment.
  if (rlt_proposed && !contraindicated && !r.recommendation.proposed.conditional)
    preparation(x, p);
  else if (rlt_proposed && !contraindicated)
    add({"preparation_after_eligibility",
         "Prepare for RLT (SSA washout, amino acids, antiemetic) only once the conditions above "
         "are met; keep the current SSA until then.",
         "label: USPI 2; EU SmPC 4.2/4.5", Phase::preparation});
  // 5. Follow-up
  if (rlt_proposed && !contraindicated) {
    for (const auto& q : r.questions)
      for (const auto& act : q.actions)
        if (phase_of(act.code) == Phase::follow_up)
          add({act.code, act.text, q.id, Phase::follow_up});
  } else {
    for (const auto& q : r.questions)
      for (const auto& act : q.actions)
        if (act.code == "renal_marrow_attention") add({act.code, act.text, q.id, Phase::follow_up});
  }
  std::stable_sort(p.begin(), p.end(), [](const PlanItem& a, const PlanItem& b) {
    return static_cast<int>(a.phase) < static_cast<int>(b.phase);
  });
  return p;
}

}  // namespace detail
}  // namespace rlt::engine
