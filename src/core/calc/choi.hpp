// Choi criteria (Choi et al., J Clin Oncol 2007;25:1753) and the modified Choi variant (mChoi,
// both size and density must fall for PR). Size is the sum of target long axes as in RECIST;
// density the mean attenuation of the targets (HU, portal-venous phase).
//
// Reference for the size increase of PD: the Choi table does not say whether it is the
// baseline or the smallest sum; both are offered and the choice is part of the input and of the
// output. PR is always judged against baseline. Cut-offs: ruleset choi.*.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "base/units.hpp"
#include "kb/ruleset.hpp"

namespace rlt::calc::choi {

enum class Response { cr, pr, sd, pd };
enum class Reference { baseline, nadir };
enum class Variant { choi, modified };
std::string_view to_string(Response r);
std::string_view to_string(Reference r);

struct Input {
  units::Millimetre baseline_size{0};
  std::optional<units::Millimetre> nadir_size;  ///< required when reference is nadir
  units::Millimetre size{0};
  units::Hounsfield baseline_density{0};
  units::Hounsfield density{0};
  bool new_lesions = false;
  bool new_intratumoural_nodules = false;  ///< new nodules or growth of existing ones
  bool non_target_progression = false;     ///< obvious progression of non-measurable disease
  Reference reference = Reference::baseline;
  Variant variant = Variant::choi;
};

struct Output {
  Response response = Response::sd;
  double size_change = 0;      ///< percent vs baseline
  double density_change = 0;   ///< percent vs baseline
  double size_change_ref = 0;  ///< percent vs the PD reference
  Reference reference = Reference::baseline;
  Variant variant = Variant::choi;
  bool flag_size_up_density_down = false;  ///< PR by density although size grew ≥ 10 %
  std::vector<std::string> reasons;
};

/// Errors: "choi_reference" (baseline size or density ≤ 0, nadir missing when chosen).
Result<Output> evaluate(const Input& in, const kb::Ruleset& rs);

}  // namespace rlt::calc::choi
