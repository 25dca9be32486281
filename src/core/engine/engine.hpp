// The decision engine: for one case, answer every question Q1–Q10 of the consensus (Panzuto et
// al. 2024), show the facts each answer rested on and what is missing, and propose a plan.
//
// Rules are C++ over three-valued facts, one file per question (q01_candidate.cpp …
// q10_retreatment.cpp), with the conditions they share in conditions.cpp. Every number they
// compare against comes from the ruleset given to evaluate() or from the policy. Each rule has an
// id ("q5.chemotherapy_option") that is recorded in the answer it decides and listed in the
// traceability matrix (`rltguide kb trace`).
#pragma once

#include "engine/decision.hpp"
#include "engine/policy.hpp"
#include "kb/ruleset.hpp"
#include "model/case.hpp"

namespace rlt::engine {

/// Evaluate a valid case with the thresholds of `rs`. Never throws for any valid case; missing
/// facts give insufficient_data answers naming what is missing.
Decision evaluate(const model::Case& c, const Policy& policy, const kb::Ruleset& rs);

}  // namespace rlt::engine
