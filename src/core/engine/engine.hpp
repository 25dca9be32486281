// The decision engine: for one case, answer every question Q1–Q10 of the consensus (Panzuto et
// al. 2024), show the facts each answer rested on and what is missing, and propose a plan.
//
// Rules are C++ over three-valued facts; every number they compare against comes from the
// ruleset (kb) or the policy. Each rule has an id ("q5.chemotherapy_option") that is recorded in
// the answer it decides and listed in the traceability matrix (`rltguide kb trace`).
#pragma once

#include "engine/policy.hpp"
#include "engine/report.hpp"
#include "kb/ruleset.hpp"
#include "model/case.hpp"

namespace rlt::engine {

/// Evaluate a valid case. Never throws for any valid case; missing facts give
/// insufficient_data answers naming what is missing.
Report evaluate(const model::Case& c, const Policy& policy, const kb::Ruleset& rs = kb::builtin());

}  // namespace rlt::engine
