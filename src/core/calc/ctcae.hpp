// CTCAE grades for the laboratory terms that guide RLT dose modification, pinned to CTCAE
// v5.0 (NCI, 27 November 2017). v6.0 changed the baseline-abnormal rules of ALT/AST and
// bilirubin; this module implements v5.0 only and says so in every result.
//
// A grade that needs a limit of normal that was not given is "ungradable" (nullopt), never 0.
// Multiples of ULN or baseline are compared with a relative tolerance of 1e-12, so that
// 60 U/L is exactly 1.5 × 40 U/L.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "model/case.hpp"

namespace rlt::calc::ctcae {

inline constexpr std::string_view kVersion = "CTCAE v5.0";

enum class Term {
  platelet_count_decreased,
  anemia,
  neutrophil_count_decreased,
  creatinine_increased,
  ast_increased,
  alt_increased,
  blood_bilirubin_increased,
};
std::string_view to_string(Term t);  ///< the CTCAE term name
/// The analyte a term grades (its canonical unit is the one of the case format).
model::Analyte analyte_of(Term t);
std::optional<Term> term_for(model::Analyte a);  ///< albumin and chromogranin A have none here

struct Input {
  Term term = Term::platelet_count_decreased;
  double value = 0;                ///< canonical unit: 10⁹/L, g/L, µmol/L or U/L
  std::optional<double> lln;       ///< lower limit of normal (same unit)
  std::optional<double> uln;       ///< upper limit of normal (same unit)
  std::optional<double> baseline;  ///< the patient's baseline value (same unit)
};

struct Output {
  std::optional<int> grade;  ///< 0–4; nullopt = ungradable from the inputs given
  std::string criterion;     ///< the v5.0 criterion met, in words
  std::vector<std::string> notes;
};

/// Errors: "ctcae_value" (negative or non-finite value or limit).
Result<Output> grade(const Input& in);

}  // namespace rlt::calc::ctcae
