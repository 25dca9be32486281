// Q10: retreatment (consensus Q10, 3b-B): a favourable, lasting response to the first course,
// SSTR expression confirmed at progression, and dosimetry within the organ limits.
#include <fmt/format.h>

#include "base/reader.hpp"
#include "engine/context.hpp"
#include "model/names.hpp"

namespace rlt::engine::detail {

Answer q10(const Ctx& x) {
  Answer a = start(x, "Q10");
  const auto& c = x.c;
  if (x.d.prior_rlt == Tri::no) {
    use(a.rationale, "prior RLT", Value::yes_no(false), "/rlt_cycles");
    return decide(a, "q10.no_prior_rlt", Status::not_applicable, Verdict::not_applicable);
  }
  if (x.d.prior_rlt == Tri::unknown) {
    miss(a.missing, "RLT history", "/rlt_cycles", "retreatment concerns patients who had RLT");
    return decide(a, "q10.insufficient", Status::insufficient_data, Verdict::insufficient_data);
  }
  use(a.rationale, "prior RLT", Value::yes_no(true),
      c.rlt_cycles.empty() ? "/treatments" : "/rlt_cycles");
  if (!x.p.retreatment_approved)
    a.cautions.push_back(
        {"off_label", "Retreatment is not approved under the current policy (off-label)."});

  for (const auto& cy : c.rlt_cycles)
    if (cy.radiopharmaceutical.known() &&
        *cy.radiopharmaceutical.value != model::Radiopharmaceutical::lu177_dotatate) {
      use(a.rationale, "radiopharmaceutical of cycle " + cy.id,
          Value::code(model::to_string(*cy.radiopharmaceutical.value)),
          cy.radiopharmaceutical.pointer);
      a.cautions.push_back(
          {"other_radiopharmaceutical",
           "A prior cycle used another radiopharmaceutical: the consensus's evidence concerns "
           "177Lu-DOTATATE only, and that cycle's Gy/GBq is not used to project 177Lu-DOTATATE "
           "activity."});
      break;
    }
  // 1. Favourable response lasting ≥ 12 months after the first course (counted from its last
  // cycle). The first course: the course label of the earliest cycle; it ends at its last cycle.
  std::optional<Date> first_course_end;
  std::string first_course;
  const model::RltCycle* earliest = nullptr;
  for (const auto& cy : c.rlt_cycles)
    if (cy.date.known() && (earliest == nullptr || *cy.date.value < *earliest->date.value))
      earliest = &cy;
  if (earliest != nullptr) {
    first_course = earliest->course.value.value_or("");
    for (const auto& cy : c.rlt_cycles)
      if (cy.date.known() && cy.course.value.value_or("") == first_course &&
          (!first_course_end || *cy.date.value > *first_course_end))
        first_course_end = *cy.date.value;
  }
  const model::Treatment* rlt_tr = nullptr;
  for (const auto& tr : c.treatments)
    if (tr.category.is(model::TreatmentCategory::rlt) &&
        (rlt_tr == nullptr ||
         (tr.start.known() && rlt_tr->start.known() && *tr.start.value < *rlt_tr->start.value)))
      rlt_tr = &tr;
  if (!first_course_end && rlt_tr != nullptr && rlt_tr->end.known())
    first_course_end = *rlt_tr->end.value;

  const auto& months = x.rs.threshold("q10.response_duration_months");
  Tri favourable = Tri::unknown;
  if (rlt_tr != nullptr && rlt_tr->best_response.known()) {
    auto br = *rlt_tr->best_response.value;
    use(a.rationale, "best response to the first RLT", Value::code(model::to_string(br)),
        rlt_tr->best_response.pointer);
    favourable =
        tri(br == model::Response::cr || br == model::Response::pr || br == model::Response::sd);
  } else {
    miss(a.missing, "best response to the first RLT course",
         rlt_tr ? rlt_tr->best_response.pointer : "/treatments",
         "retreatment is for patients who responded (PR or SD)");
  }
  std::optional<Date> progression;
  std::string progression_ptr;
  if (rlt_tr != nullptr && rlt_tr->progression_date.known()) {
    progression = *rlt_tr->progression_date.value;
    progression_ptr = rlt_tr->progression_date.pointer;
  } else if (c.progression.date.known() &&
             c.progression.status.is(model::ProgressionStatus::progressive)) {
    progression = *c.progression.date.value;
    progression_ptr = c.progression.date.pointer;
  }
  Tri lasting = Tri::unknown;
  if (first_course_end && progression) {
    // Calendar months: "at least one year" means progression on or after the anniversary of
    // the last cycle of the first course.
    Date anniversary = first_course_end->plus_months(static_cast<int>(months.value));
    use(a.rationale, "last cycle of the first course", Value::on(*first_course_end), "/rlt_cycles");
    use(a.rationale, "progression after RLT", Value::on(*progression), progression_ptr);
    lasting = tri(*progression >= anniversary);
    a.explanation.push_back(fmt::format("Response from {} to {}: {} the {}-month mark ({}).",
                                        first_course_end->iso(), progression->iso(),
                                        lasting == Tri::yes ? "reaches" : "falls short of",
                                        fmt_num(months.value), anniversary.iso()));
    a.cautions.push_back({"reference_discrepancy",
                          "The 12-month criterion is attributed by the consensus to 'the Delphi "
                          "consensus [13]', but its reference 13 is Kwekkeboom et al. 2008."});
    a.graded = false;
  } else {
    if (!first_course_end)
      miss(a.missing, "dates of the first RLT course", "/rlt_cycles",
           "response duration is counted from its last cycle");
    if (!progression)
      miss(a.missing, "date of progression after RLT", c.progression.date.pointer,
           fmt::format("response must have lasted {}", months.describe()));
  }
  // 2. SSTR PET at the current progression (after the first course).
  Tri sstr_now = Tri::unknown;
  if (x.sstr != nullptr && first_course_end && x.sstr->date.known() &&
      *x.sstr->date.value > *first_course_end) {
    sstr_now = x.sstr_positive;
    if (sstr_now != Tri::unknown)
      use(a.rationale, "SSTR PET after the first course",
          Value::code(sstr_now == Tri::yes ? "positive" : "negative"), x.sstr->pointer);
  } else {
    RULE("q10.sstr_pet_required");
    a.actions.push_back({"sstr_pet_at_progression",
                         "Obtain an SSTR PET at this progression to confirm receptor expression."});
    miss(a.missing, "SSTR PET after the first RLT course", c.imaging_pointer + "/sstr",
         "an SSTR PET from before the first course does not count");
  }
  // 3. Dosimetry budget.
  Tri budget_left = Tri::unknown;
  if (x.budget) {
    const auto& budget = *x.budget;
    for (const auto& f : budget.facts)
      use(a.rationale, f.what, Value::text_of(f.value), f.pointer);
    for (const auto& m : budget.missing)
      miss(a.missing, m.what, m.pointer, "the dose budget needs every cycle's kidney dose");
    if (budget.status == dosimetry::BudgetStatus::budget_exhausted) budget_left = Tri::no;
    if (budget.status == dosimetry::BudgetStatus::ok) budget_left = Tri::yes;
    // missing marrow dosimetry is unknown, never "not limiting"
    if (budget_left == Tri::yes && !budget.marrow.assessed) {
      budget_left = Tri::unknown;
      miss(a.missing, "bone-marrow absorbed dose of the previous cycles", "/rlt_cycles",
           "the marrow budget is unknown without it");
    }
    if (budget.next_activity) {
      a.explanation.push_back(fmt::format(
          "Dose budget: kidneys {:.1f} of {:.1f} Gy{} used ({:.1f} Gy left); next activity up to "
          "{:.2f} GBq{}.",
          budget.kidneys.used_gy, budget.kidneys.limit_gy,
          budget.kidneys.limit_is_bed ? " BED" : "", budget.kidneys.remaining_gy,
          budget.next_activity->value(),
          budget.capped ? " (capped at the standard activity)" : ""));
      if (budget.marrow.assessed)
        a.explanation.push_back(
            fmt::format("Bone marrow: {:.2f} of {:.1f} Gy used ({:.2f} Gy left).",
                        budget.marrow.used_gy, budget.marrow.limit_gy, budget.marrow.remaining_gy));
      if (budget.remaining_cumulative_activity)
        a.explanation.push_back(fmt::format(
            "Remaining cumulative activity within {}: {:.1f} GBq{}.",
            budget.marrow.assessed ? "both limits"
                                   : "the kidney limit (an upper bound: the marrow budget is "
                                     "unknown)",
            budget.remaining_cumulative_activity->value(),
            budget.full_cycles_remaining
                ? fmt::format(" ({} full cycle{} at the standard activity)",
                              *budget.full_cycles_remaining,
                              *budget.full_cycles_remaining == 1 ? "" : "s")
                : std::string()));
    }
    for (const auto& w : budget.warnings) {
      // the planner treats an unassessed marrow as not constraining; here it is unknown
      if (!budget.marrow.assessed && w.find("does not constrain") != std::string::npos) {
        a.cautions.push_back({"dosimetry_note",
                              "Bone marrow not assessed: its budget is unknown, so the next "
                              "activity is an upper bound from the kidneys alone."});
        continue;
      }
      a.cautions.push_back({"dosimetry_note", w});
    }
    if (budget_left == Tri::unknown)
      a.actions.push_back({"dosimetry_required",
                           "Collect the kidney (and marrow) dosimetry of every previous cycle."});
  }
  a.explanation.push_back(
      fmt::format("Retreatment criteria: favourable response (PR/SD) lasting {} after the first "
                  "course, "
                  "SSTR expression confirmed at progression, and dosimetry within organ limits.",
                  months.describe()));
  if (favourable == Tri::no || lasting == Tri::no || sstr_now == Tri::no ||
      budget_left == Tri::no) {
    if (budget_left == Tri::no) a.explanation.emplace_back("The organ dose budget is spent.");
    if (lasting == Tri::no)
      a.explanation.push_back(
          fmt::format("The response lasted less than {} months.", fmt_num(months.value)));
    return decide(a, "q10.not_eligible", Status::does_not_apply, Verdict::not_eligible);
  }
  if (favourable == Tri::yes && lasting == Tri::yes && sstr_now == Tri::yes &&
      budget_left == Tri::yes) {
    a.actions.push_back(
        {"dosimetry_guided_retreatment",
         "Plan retreatment with dosimetry, keeping kidneys and marrow within their limits."});
    return decide(a, "q10.retreatment_option", Status::applies, Verdict::retreatment_option);
  }
  return decide(a, "q10.insufficient", Status::insufficient_data, Verdict::insufficient_data);
}

}  // namespace rlt::engine::detail
