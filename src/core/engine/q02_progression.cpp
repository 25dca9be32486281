// Q2: how progression must be documented before RLT (consensus Q2, 3a-A).
#include <algorithm>

#include <fmt/format.h>

#include "engine/context.hpp"
#include "model/names.hpp"

namespace rlt::engine::detail {

Answer q2(const Ctx& x) {
  Answer a = start(x, "Q2");
  const auto& pr = x.c.progression;
  const auto& proc = x.c.process;
  // Prerequisites (actions whatever the verdict)
  if (!proc.mdt_discussed.is(true)) {
    RULE("q2.mdt_required");
    a.actions.push_back(
        {"mdt_required", "Discuss the case at a multidisciplinary tumour board before RLT."});
    if (!proc.mdt_discussed.known())
      miss(a.missing, "multidisciplinary discussion", proc.mdt_discussed.pointer,
           "mandatory before RLT");
  } else {
    use(a.rationale, "multidisciplinary discussion", Value::yes_no(true),
        proc.mdt_discussed.pointer);
  }
  if (x.ct == nullptr || !x.today || age_days(x, *x.ct->date.value) > x.p.imaging_max_age_days) {
    RULE("q2.ct_mri_required");
    a.actions.push_back(
        {"ct_mri_required",
         fmt::format("Obtain contrast-enhanced CT and/or MRI (none within {} days).",
                     x.p.imaging_max_age_days)});
  } else {
    use(a.rationale, "latest CT/MRI", Value::on(*x.ct->date.value), x.ct->date.pointer);
  }
  if (x.sstr == nullptr || x.sstr_recent != Tri::yes) {
    RULE("q2.sstr_pet_required");
    a.actions.push_back(
        {"sstr_pet_required",
         fmt::format("Obtain an SSTR PET (none within {} days).", x.p.sstr_pet_max_age_days)});
  } else {
    use(a.rationale, "latest SSTR PET", Value::on(*x.sstr->date.value), x.sstr->date.pointer);
  }
  if (pr.behaviour_change.is(true)) {
    RULE("q2.behaviour_change");
    use(a.rationale, "significant change in disease behaviour", Value::yes_no(true),
        pr.behaviour_change.pointer);
    a.actions.push_back(
        {"consider_fdg_pet", "Consider FDG PET/CT: the disease has changed behaviour."});
    const auto& t = x.c.tumour;
    bool old = t.sample_date.known() && x.today &&
               x.today->months_since(*t.sample_date.value) > x.p.biopsy_max_age_months;
    std::string why =
        "Consider a new biopsy (guided to the most aggressive lesion, e.g. by FDG PET)";
    if (old) {
      use(a.rationale, "histology date", Value::on(*t.sample_date.value), t.sample_date.pointer);
      why += fmt::format(": the histology is older than {} months", x.p.biopsy_max_age_months);
      if (t.sample_site.is(model::SampleSite::primary)) why += " and comes from the primary";
    }
    a.actions.push_back({"consider_rebiopsy", why + "."});
  }

  // Verdict: is progression documented by imaging?
  bool recist_pd = x.recist && !x.recist->timepoints.empty() &&
                   x.recist->timepoints.back().overall == calc::recist::Overall::pd;
  if (recist_pd) {
    const auto& tp = x.recist->timepoints.back();
    use(a.rationale, "RECIST 1.1 at " + tp.date.iso(),
        Value::text_of("PD (computed from the measurements)"), x.c.imaging_pointer + "/studies");
  }
  if (pr.basis.is(model::ProgressionBasis::biochemical_only)) {
    a.cautions.push_back(
        {"biochemical_progression_only",
         "A rising marker (e.g. chromogranin A) alone does not prove progression."});
  }
  if (recist_pd || (pr.status.is(model::ProgressionStatus::progressive) &&
                    (pr.basis.is(model::ProgressionBasis::recist) ||
                     pr.basis.is(model::ProgressionBasis::other_imaging)))) {
    if (pr.status.known())
      use(a.rationale, "progression status", Value::code(model::to_string(*pr.status.value)),
          pr.status.pointer);
    if (pr.basis.known())
      use(a.rationale, "progression basis", Value::code(model::to_string(*pr.basis.value)),
          pr.basis.pointer);
    if (x.ct == nullptr) {
      // reported as imaging-based, but no CT/MRI study in the case supports it (the
      // ct_mri_required action above asks for one)
      return decide(a, "q2.documented", Status::applies, Verdict::documented,
                    "Progression is reported as documented on imaging; no CT or MRI study in "
                    "the case supports it yet.");
    }
    return decide(a, "q2.documented", Status::applies, Verdict::documented,
                  recist_pd ? "Progression is documented on cross-sectional imaging (RECIST 1.1 "
                              "computed from the case's CT/MRI measurements)."
                            : "Progression is documented on cross-sectional imaging.");
  }
  if (pr.status.known() && *pr.status.value != model::ProgressionStatus::progressive &&
      *pr.status.value != model::ProgressionStatus::unknown) {
    use(a.rationale, "progression status", Value::code(model::to_string(*pr.status.value)),
        pr.status.pointer);
    return decide(a, "q2.no_progression", Status::applies, Verdict::not_documented,
                  "The disease is not reported as progressing.");
  }
  if (pr.status.is(model::ProgressionStatus::progressive) && pr.basis.known()) {
    use(a.rationale, "progression basis", Value::code(model::to_string(*pr.basis.value)),
        pr.basis.pointer);
    a.actions.erase(std::remove_if(a.actions.begin(), a.actions.end(),
                                   [](const Coded& c) { return c.code == "ct_mri_required"; }),
                    a.actions.end());
    a.actions.push_back({"ct_mri_required", "Confirm progression on contrast-enhanced CT or MRI."});
    return decide(
        a, "q2.not_imaging_based", Status::applies, Verdict::not_documented,
        "Progression is claimed on clinical or biochemical grounds only; confirm it on CT/MRI.");
  }
  if (x.d.lines_before == 0)
    return decide(a, "q2.first_line", Status::not_applicable, Verdict::not_applicable,
                  "No treatment yet: progression is not required for a first-line decision "
                  "(see Q1 and Q9).");
  if (!pr.status.known() || pr.status.is(model::ProgressionStatus::unknown))
    miss(a.missing, "progression status", pr.status.pointer, "whether the disease is progressing");
  if (!pr.basis.known())
    miss(a.missing, "basis of progression (RECIST, other imaging, clinical, biochemical)",
         pr.basis.pointer, "only imaging documents progression");
  return decide(a, "q2.insufficient", Status::insufficient_data, Verdict::insufficient_data);
}

}  // namespace rlt::engine::detail
