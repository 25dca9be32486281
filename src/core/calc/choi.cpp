#include "calc/choi.hpp"

#include <cmath>

#include <fmt/format.h>

#include "base/reader.hpp"
#include "calc/common.hpp"
#include "kb/ruleset.hpp"

namespace rlt::calc::choi {

std::string_view to_string(Response r) {
  switch (r) {
    case Response::cr:
      return "CR";
    case Response::pr:
      return "PR";
    case Response::sd:
      return "SD";
    case Response::pd:
      return "PD";
  }
  return "?";
}

std::string_view to_string(Reference r) {
  return r == Reference::baseline ? "baseline" : "nadir";
}

Result<Output> evaluate(const Input& in, const kb::Ruleset& rs) {
  const kb::Threshold& pr_size = rs.threshold("choi.pr_size");
  const kb::Threshold& pr_density = rs.threshold("choi.pr_density");
  const kb::Threshold& pd_size = rs.threshold("choi.pd_size");
  for (double v :
       {in.baseline_size.value(), in.size.value(), in.baseline_density.value(), in.density.value()})
    if (!std::isfinite(v)) return Error{"choi_value", "sizes and densities must be finite numbers"};
  if (in.nadir_size && !std::isfinite(in.nadir_size->value()))
    return Error{"choi_value", "sizes and densities must be finite numbers"};
  // Sizes and densities are compared in tenths as 64-bit integers: bound them first.
  if (in.size.value() > 1e6 || in.baseline_size.value() > 1e6 || in.density.value() > 1e6 ||
      in.baseline_density.value() > 1e6 || (in.nadir_size && in.nadir_size->value() > 1e6))
    return Error{"choi_value", "sizes must be at most 10000 mm and densities at most 3000 HU"};
  if (in.baseline_size.value() <= 0)
    return Error{"choi_reference", "the baseline size must be greater than 0 mm"};
  if (in.baseline_density.value() <= 0)
    return Error{
        "choi_reference",
        "the baseline density must be greater than 0 HU (a percentage change of a non-positive "
        "attenuation has no meaning)"};
  if (in.size.value() < 0 || in.density.value() < -1000)
    return Error{"choi_reference", "size must be ≥ 0 mm and density ≥ -1000 HU"};
  Output o;
  o.reference = in.reference;
  o.variant = in.variant;
  const Tenths b = to_tenths(in.baseline_size), now = to_tenths(in.size);
  Tenths ref = b;
  if (in.reference == Reference::nadir) {
    if (!in.nadir_size || in.nadir_size->value() <= 0)
      return Error{"choi_reference",
                   "the nadir size (> 0 mm) is needed when the reference is the nadir"};
    ref = to_tenths(*in.nadir_size);
  }
  o.size_change = percent_change(now, b);
  o.size_change_ref = percent_change(now, ref);
  // Densities to tenths of HU so that −15 % is decided exactly, as the sizes are.
  const Tenths db{std::llround(in.baseline_density.value() * 10.0)},
      dn{std::llround(in.density.value() * 10.0)};
  o.density_change = percent_change(dn, db);

  const bool size_pr = change_meets(now, b, pr_size);
  const bool density_pr = change_meets(dn, db, pr_density);
  const bool pr = in.variant == Variant::choi ? (size_pr || density_pr) : (size_pr && density_pr);
  const bool size_pd = change_meets(now, ref, pd_size);
  const std::string label = in.variant == Variant::choi ? "Choi" : "modified Choi";

  if (in.new_lesions) o.reasons.push_back("new lesions: PD");
  if (in.new_intratumoural_nodules) o.reasons.push_back("new or growing intratumoural nodules: PD");
  if (in.non_target_progression)
    o.reasons.push_back("obvious progression of non-measurable disease: PD");
  if (in.new_lesions || in.new_intratumoural_nodules || in.non_target_progression) {
    o.response = Response::pd;
    return o;
  }
  if (now.v == 0) {
    o.response = Response::cr;
    o.reasons.push_back("all target lesions disappeared and no new lesions: CR");
    return o;
  }
  if (size_pd && !density_pr) {
    o.response = Response::pd;
    o.reasons.push_back(
        fmt::format("size {} % vs {} (PD at {} {} %) without a density response: PD",
                    fmt_fixed(o.size_change_ref, 1), to_string(in.reference),
                    kb::to_string(pd_size.comparator), fmt_num(pd_size.value)));
    return o;
  }
  if (size_pd && density_pr) {
    o.flag_size_up_density_down = true;
    o.reasons.push_back(fmt::format(
        "review: size grew {} % but density fell {} %; by the letter of Choi this is not PD",
        fmt_fixed(o.size_change_ref, 1), fmt_fixed(-o.density_change, 1)));
  }
  if (pr) {
    o.response = Response::pr;
    o.reasons.push_back(
        fmt::format("{} PR: size {} % (threshold {} {} %), density {} % (threshold {} {} %)", label,
                    fmt_fixed(o.size_change, 1), kb::to_string(pr_size.comparator),
                    fmt_num(pr_size.value), fmt_fixed(o.density_change, 1),
                    kb::to_string(pr_density.comparator), fmt_num(pr_density.value)));
    return o;
  }
  if (o.flag_size_up_density_down)
    o.reasons.push_back(
        "modified Choi: the density fall does not make PR; the PD rule of Choi (size increase "
        "without a density "
        "response) is kept as published, so the response is SD (unverified for mChoi: review)");
  o.response = Response::sd;
  o.reasons.push_back(fmt::format("SD: size {} %, density {} %", fmt_fixed(o.size_change, 1),
                                  fmt_fixed(o.density_change, 1)));
  return o;
}

}  // namespace rlt::calc::choi
