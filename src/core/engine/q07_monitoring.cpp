// Q7: monitoring response to RLT (consensus Q7, 3b-A): RECIST 1.1 on contrast-enhanced CT or
// MRI, with attention to morphology.
#include <unordered_map>

#include <fmt/format.h>

#include "engine/context.hpp"

namespace rlt::engine::detail {

Answer q7(const Ctx& x) {
  Answer a = start(x, "Q7");
  RULE("q7.recist_monitoring");
  set(a, Status::applies, Verdict::recist_monitoring);
  a.actions.push_back(
      {"recist_followup", "Follow response with RECIST 1.1 on contrast-enhanced CT or MRI."});
  if (x.recist) {
    const auto& last = x.recist->timepoints.back();
    std::string resp = std::string(calc::recist::to_string(last.overall));
    use(a.rationale, "RECIST 1.1 response at " + last.date.iso(), Value::code(resp),
        x.c.imaging_pointer + "/studies");
    a.explanation.push_back(
        fmt::format("Latest RECIST 1.1 timepoint ({}): {}.", last.date.iso(), resp));
  } else {
    miss(a.missing, "two or more CT/MRI studies with lesion measurements and a baseline",
         x.c.imaging_pointer + "/studies", "a RECIST response needs a baseline and a follow-up");
  }
  // Morphology: necrosis, or density falling while size grows, at the latest study.
  if (x.ct != nullptr) {
    if (x.ct->contrast.is(false))
      a.cautions.push_back({"non_contrast_imaging",
                            "The latest study was without contrast; RECIST monitoring needs "
                            "contrast-enhanced CT or MRI."});
    bool necrosis = false;
    std::unordered_map<std::string_view, const model::Lesion*> now_by_id;
    for (const auto& l : x.ct->lesions) {
      necrosis = necrosis || l.necrosis.is(true);
      if (l.density.known() && l.long_axis.known()) now_by_id.emplace(l.id, &l);
    }
    bool density_drop_size_up = false;
    for (const auto& s : x.c.studies) {
      if (&s == x.ct || !s.date.known() || *s.date.value >= *x.ct->date.value) continue;
      for (const auto& before : s.lesions) {
        auto it = now_by_id.find(before.id);
        if (it == now_by_id.end() || !before.density.known() || !before.long_axis.known()) continue;
        const auto& now = *it->second;
        if (now.density.value->value() < before.density.value->value() &&
            now.long_axis.value->value() > before.long_axis.value->value())
          density_drop_size_up = true;
      }
    }
    if (necrosis || density_drop_size_up) {
      RULE("q7.morphology_change");
      a.cautions.push_back(
          {"morphology_change",
           "Necrosis or a fall in density with growth: NETs treated with RLT may enlarge "
           "while responding; read size changes with care."});
    }
  }
  return a;
}

}  // namespace rlt::engine::detail
