#include "model/grading.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "base/reader.hpp"
#include "model/names.hpp"

namespace rlt::model {

std::string_view to_string(GradeCategory c) {
  switch (c) {
    case GradeCategory::net_g1:
      return "NET G1";
    case GradeCategory::net_g2:
      return "NET G2";
    case GradeCategory::net_g3:
      return "NET G3";
    case GradeCategory::nec:
      return "NEC";
    case GradeCategory::minen:
      return "MiNEN";
    case GradeCategory::high_grade_differentiation_required:
      return "high-grade NEN, differentiation required (NET G3 or NEC)";
    case GradeCategory::unknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view grade_code(const std::optional<Grade>& g) {
  return g ? to_string(*g) : std::string_view("unknown");
}

namespace {
Grade by_index(double x, const kb::Threshold& g1, const kb::Threshold& g3) {
  if (g1.holds(x)) return Grade::g1;
  if (g3.holds(x)) return Grade::g3;
  return Grade::g2;
}
}  // namespace

GradeResult grade_who2022(const GradeInput& in, const kb::Ruleset& rs) {
  GradeResult r;
  const auto& k1 = rs.threshold("who2022.ki67_g1");
  const auto& k3 = rs.threshold("who2022.ki67_g3");
  const auto& m1 = rs.threshold("who2022.mitoses_g1");
  const auto& m3 = rs.threshold("who2022.mitoses_g3");
  if (in.ki67) {
    r.by_ki67 = by_index(*in.ki67, k1, k3);
    r.reasons.push_back(fmt::format("Ki-67 {} % gives {} (G1 {}, G3 {})", fmt_num(*in.ki67),
                                    to_string(*r.by_ki67), k1.describe(), k3.describe()));
  }
  if (in.mitoses) {
    r.by_mitoses = by_index(*in.mitoses, m1, m3);
    r.reasons.push_back(fmt::format("mitotic count {} per 2 mm² gives {} (G1 {}, G3 {})",
                                    fmt_num(*in.mitoses), to_string(*r.by_mitoses), m1.describe(),
                                    m3.describe()));
  }
  if (r.by_ki67 && r.by_mitoses) {
    r.grade = std::max(*r.by_ki67, *r.by_mitoses);
    if (*r.by_ki67 != *r.by_mitoses)
      r.reasons.push_back(fmt::format("the indices disagree; the higher grade, {}, is assigned",
                                      to_string(*r.grade)));
  } else if (r.by_ki67 || r.by_mitoses) {
    r.grade = r.by_ki67 ? *r.by_ki67 : *r.by_mitoses;
    r.partial = true;
    r.reasons.push_back(fmt::format("graded on {} alone; the {} was not given",
                                    r.by_ki67 ? "Ki-67" : "the mitotic count",
                                    r.by_ki67 ? "mitotic count" : "Ki-67 index"));
  }

  bool poorly = in.differentiation == Differentiation::poor || in.histology == Histology::nec;
  if (in.histology == Histology::minen) {
    r.category = GradeCategory::minen;
    r.reasons.push_back("MiNEN: each component is graded on its own");
  } else if (poorly) {
    r.category = GradeCategory::nec;
    r.grade = Grade::g3;
    r.reasons.push_back(
        "poorly differentiated neoplasm (NEC): high grade by definition, whatever the indices");
  } else if (r.grade) {
    if (in.differentiation == Differentiation::well) {
      r.category = *r.grade == Grade::g1   ? GradeCategory::net_g1
                   : *r.grade == Grade::g2 ? GradeCategory::net_g2
                                           : GradeCategory::net_g3;
    } else if (*r.grade == Grade::g3) {
      r.category = GradeCategory::high_grade_differentiation_required;
      r.reasons.push_back(
          "differentiation not given: a G3 proliferation index alone cannot tell NET G3 from NEC");
    } else {
      r.category = *r.grade == Grade::g1 ? GradeCategory::net_g1 : GradeCategory::net_g2;
    }
  }
  if (in.reported && r.grade && r.category != GradeCategory::nec &&
      r.category != GradeCategory::minen && *in.reported != *r.grade) {
    r.discordant_with_reported = true;
    r.reasons.push_back(fmt::format("the reported grade {} disagrees with the computed {}",
                                    to_string(*in.reported), to_string(*r.grade)));
  }
  if (!r.grade) r.reasons.push_back("neither Ki-67 nor a mitotic count was given");
  return r;
}

}  // namespace rlt::model
