// NETPET grade P0–P5 from dual SSTR / FDG PET (Chan et al., Theranostics 2017;7:1149; validated
// in Chan et al., Br J Cancer 2023;128:549), per lesion pattern:
//   P0 SSTR− FDG−; P1 SSTR+ FDG−; P2/P3/P4 SSTR+ FDG+ with FDG uptake lower than / about equal
//   to / higher than SSTR; P5 SSTR− FDG+.
// The patient grade is the highest lesion grade (so one FDG+/SSTR− lesion gives P5). That
// aggregation is our reading and is not verified against the primary paper's wording.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace rlt::calc::netpet {

enum class Grade { p0, p1, p2, p3, p4, p5 };
enum class FdgVsSstr { lower, similar, higher };
std::string_view to_string(Grade g);

struct Lesion {
  bool sstr_positive = false;
  bool fdg_positive = false;
  std::optional<FdgVsSstr> relation;  ///< needed when both are positive
};

struct Output {
  Grade grade = Grade::p0;
  std::string meaning;
  std::vector<std::string> reasons;
};

Grade lesion_grade(const Lesion& l);  ///< P2 is assumed impossible without relation: see grade()
/// Error "netpet_relation" when a lesion positive on both lacks the FDG-vs-SSTR relation.
/// No lesion at all gives P0 (no avid disease).
Result<Output> grade(std::span<const Lesion> lesions);

}  // namespace rlt::calc::netpet
