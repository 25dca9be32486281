// Q3: when FDG PET is needed before RLT (consensus Q3, 3b-A).
#include <algorithm>

#include <fmt/format.h>

#include "base/reader.hpp"
#include "engine/context.hpp"

namespace rlt::engine::detail {

Answer q3(const Ctx& x) {
  Answer a = start(x, "Q3");
  const auto& pr = x.c.progression;
  Tri het = x.heterogeneous;
  if (x.sstr == nullptr) {
    miss(a.missing, "SSTR PET", x.c.imaging_pointer + "/sstr",
         "heterogeneous uptake on SSTR PET calls for FDG PET");
  } else if (het == Tri::unknown) {
    miss(a.missing, "heterogeneous SSTR uptake", x.sstr->heterogeneous.pointer,
         "heterogeneous uptake calls for FDG PET");
  } else {
    use(a.rationale, "heterogeneous SSTR uptake or SSTR-negative lesions", Value::tri(het),
        x.sstr->heterogeneous.pointer);
  }
  Tri rapid = fact_tri(a, pr.rapid, "suspected rapid progression",
                       "suspected rapid progression calls for FDG PET");
  // context: EANM/ENETS advise FDG PET for higher G2 (Ki-67 ≥ 10 %), G3 and NEC
  const auto& t = x.c.tumour;
  const auto& ctx_ki67 = x.rs.threshold("q3.fdg_context_ki67");
  if (t.ki67.known() && ctx_ki67.holds(*t.ki67.value))
    a.cautions.push_back(
        {"guideline_context_fdg",
         fmt::format("EANM and ENETS guidance (refs 29, 30) also advise FDG PET for Ki-67 {} "
                     "(higher G2) and G3 tumours; ESMO for all G2–G3.",
                     ctx_ki67.describe())});
  bool recent_fdg =
      x.fdg != nullptr && x.today && age_days(x, *x.fdg->date.value) <= x.p.fdg_pet_max_age_days;
  if (x.fdg != nullptr) {
    use(a.rationale, "latest FDG PET", Value::on(*x.fdg->date.value), x.fdg->date.pointer);
    if (x.fdg->positive.known())
      use(a.rationale, "FDG positive", Value::yes_no(*x.fdg->positive.value),
          x.fdg->positive.pointer);
    if (x.fdg->mismatch.is(true)) {
      use(a.rationale, "FDG-positive lesions without SSTR uptake", Value::yes_no(true),
          x.fdg->mismatch.pointer);
      a.cautions.push_back(
          {"fdg_sstr_mismatch",
           "FDG-avid lesions without SSTR uptake: aggressive disease that RLT may not "
           "control; weigh alternatives such as chemotherapy."});
    }
  }
  if (x.sstr_status == SstrStatus::negative)
    return decide(a, "q3.sstr_negative", Status::not_applicable, Verdict::not_applicable,
                  "SSTR-negative disease: RLT is not considered, so the question of FDG PET "
                  "before RLT does not arise.");
  Tri needed = het || rapid;
  if (needed == Tri::no)
    return decide(a, "q3.not_required", Status::does_not_apply, Verdict::not_required,
                  "Homogeneous SSTR uptake and no suspicion of rapid progression.");
  if (needed == Tri::yes) {
    a.explanation.emplace_back(het == Tri::yes ? "SSTR uptake is heterogeneous."
                                               : "Rapid progression is suspected.");
    if (recent_fdg) return decide(a, "q3.done", Status::applies, Verdict::done);
    // Recommended only when the FDG history is known (a given list is complete, every entry dated).
    bool history_known =
        x.c.fdg_given && std::all_of(x.c.fdg_pet.begin(), x.c.fdg_pet.end(),
                                     [](const model::FdgPet& f) { return f.date.known(); });
    if (history_known) {
      a.actions.push_back({"fdg_pet_before_rlt", "Obtain FDG PET/CT before RLT."});
      return decide(a, "q3.recommended", Status::applies, Verdict::recommended);
    }
    miss(a.missing, "FDG PET history (an empty list if none was done)",
         x.c.imaging_pointer + "/fdg_pet", "whether an FDG PET was already done");
    a.actions.push_back(
        {"fdg_pet_before_rlt", "Obtain FDG PET/CT before RLT unless a recent one exists."});
  }
  return decide(a, "q3.insufficient", Status::insufficient_data, Verdict::insufficient_data);
}

}  // namespace rlt::engine::detail
