#include "calc/netpet.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace rlt::calc::netpet {

std::string_view to_string(Grade g) {
  switch (g) {
    case Grade::p0:
      return "P0";
    case Grade::p1:
      return "P1";
    case Grade::p2:
      return "P2";
    case Grade::p3:
      return "P3";
    case Grade::p4:
      return "P4";
    case Grade::p5:
      return "P5";
  }
  return "?";
}

namespace {
std::string_view meaning(Grade g) {
  switch (g) {
    case Grade::p0:
      return "no significant SSTR- or FDG-avid disease";
    case Grade::p1:
      return "SSTR-positive, FDG-negative disease";
    case Grade::p2:
      return "SSTR- and FDG-positive, FDG uptake lower than SSTR";
    case Grade::p3:
      return "SSTR- and FDG-positive, FDG uptake about equal to SSTR";
    case Grade::p4:
      return "SSTR- and FDG-positive, FDG uptake higher than SSTR";
    case Grade::p5:
      return "FDG-positive disease without SSTR uptake";
  }
  return "?";
}
}  // namespace

Grade lesion_grade(const Lesion& l) {
  if (!l.sstr_positive) return l.fdg_positive ? Grade::p5 : Grade::p0;
  if (!l.fdg_positive) return Grade::p1;
  switch (l.relation.value_or(FdgVsSstr::lower)) {
    case FdgVsSstr::lower:
      return Grade::p2;
    case FdgVsSstr::similar:
      return Grade::p3;
    case FdgVsSstr::higher:
      return Grade::p4;
  }
  return Grade::p2;
}

Result<Output> grade(std::span<const Lesion> lesions) {
  Output o;
  if (lesions.empty()) {
    o.grade = Grade::p0;
    o.meaning = meaning(o.grade);
    o.reasons.push_back("no avid lesion reported");
    return o;
  }
  for (std::size_t i = 0; i < lesions.size(); ++i) {
    const auto& l = lesions[i];
    if (l.sstr_positive && l.fdg_positive && !l.relation)
      return Error{
          "netpet_relation",
          fmt::format(
              "lesion {} is positive on both scans: say whether its FDG uptake is lower than, "
              "about equal to, or higher than its SSTR uptake",
              i + 1)};
    const Grade g = lesion_grade(l);
    o.reasons.push_back(fmt::format("lesion {}: {}", i + 1, to_string(g)));
    o.grade = std::max(o.grade, g);
  }
  o.meaning = meaning(o.grade);
  o.reasons.push_back(fmt::format("patient grade = highest lesion grade: {}", to_string(o.grade)));
  return o;
}

}  // namespace rlt::calc::netpet
