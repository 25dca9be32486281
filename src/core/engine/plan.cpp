// The plan: what the board should do next, from the answers and the label checks.
#include <algorithm>

#include "engine/context.hpp"

namespace rlt::engine::detail {

std::vector<PlanItem> plan(const Decision& r) {
  std::vector<PlanItem> p;
  if (r.scope.verdict == Verdict::out_of_scope) {
    p.push_back({"out_of_scope",
                 "Outside the consensus: no RLT recommendation from it. Manage by the guideline "
                 "that covers this tumour.",
                 "scope"});
    return p;
  }
  if (r.scope.verdict == Verdict::insufficient_data) {
    std::string s;
    for (const auto& m : r.scope.missing)
      s += (s.empty() ? "" : ", ") + m.name;
    p.push_back({"confirm_scope", "Confirm scope: " + s + ".", "scope"});
  }
  // label contraindications first: they can stop treatment whatever the consensus says
  for (const auto& s : r.label_safety)
    if (s.kind == "contraindication")
      p.push_back({s.code, "Label contraindication (check before any RLT): " + s.text, s.source});
  // actions in question order, de-duplicated by code
  std::vector<std::string_view> seen;
  for (const auto& q : r.questions)
    for (const auto& act : q.actions) {
      if (std::find(seen.begin(), seen.end(), act.code) != seen.end()) continue;
      seen.emplace_back(act.code);
      p.push_back({act.code, act.text, q.id});
    }
  return p;
}

}  // namespace rlt::engine::detail
