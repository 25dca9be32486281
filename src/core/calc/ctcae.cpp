#include "calc/ctcae.hpp"

#include <cmath>

#include <fmt/format.h>

#include "base/reader.hpp"
#include "calc/common.hpp"

namespace rlt::calc::ctcae {

std::string_view to_string(Term t) {
  switch (t) {
    case Term::platelet_count_decreased:
      return "Platelet count decreased";
    case Term::anemia:
      return "Anemia";
    case Term::neutrophil_count_decreased:
      return "Neutrophil count decreased";
    case Term::creatinine_increased:
      return "Creatinine increased";
    case Term::ast_increased:
      return "Aspartate aminotransferase increased";
    case Term::alt_increased:
      return "Alanine aminotransferase increased";
    case Term::blood_bilirubin_increased:
      return "Blood bilirubin increased";
  }
  return "?";
}

model::Analyte analyte_of(Term t) {
  switch (t) {
    case Term::platelet_count_decreased:
      return model::Analyte::platelets;
    case Term::anemia:
      return model::Analyte::haemoglobin;
    case Term::neutrophil_count_decreased:
      return model::Analyte::neutrophils;
    case Term::creatinine_increased:
      return model::Analyte::creatinine;
    case Term::ast_increased:
      return model::Analyte::ast;
    case Term::alt_increased:
      return model::Analyte::alt;
    case Term::blood_bilirubin_increased:
      return model::Analyte::bilirubin;
  }
  return model::Analyte::platelets;
}

std::optional<Term> term_for(model::Analyte a) {
  switch (a) {
    case model::Analyte::platelets:
      return Term::platelet_count_decreased;
    case model::Analyte::haemoglobin:
      return Term::anemia;
    case model::Analyte::neutrophils:
      return Term::neutrophil_count_decreased;
    case model::Analyte::creatinine:
      return Term::creatinine_increased;
    case model::Analyte::ast:
      return Term::ast_increased;
    case model::Analyte::alt:
      return Term::alt_increased;
    case model::Analyte::bilirubin:
      return Term::blood_bilirubin_increased;
    default:
      return std::nullopt;
  }
}

namespace {

// "a > k·b" and "a ≥ k·b" with the tolerance of compare_scaled.
bool above(double a, double k, double b) {
  return compare_scaled(a, k, b) > 0;
}
bool below(double a, double k, double b) {
  return compare_scaled(a, k, b) < 0;
}

// A decreased count: absolute cut-offs for grades 2–4 (value below each), grade 1 below LLN.
Output decreased(const Input& in, double g2, double g3, double g4, std::string_view unit,
                 int max_grade) {
  Output o;
  const double v = in.value;
  if (max_grade >= 4 && below(v, 1, g4)) {
    o.grade = 4;
    o.criterion = fmt::format("< {} {}", fmt_num(g4), unit);
  } else if (below(v, 1, g3)) {
    o.grade = 3;
    o.criterion = fmt::format("< {} {}", fmt_num(g3), unit);
  } else if (below(v, 1, g2)) {
    o.grade = 2;
    o.criterion = fmt::format("< {} to {} {}", fmt_num(g2), fmt_num(g3), unit);
  } else if (!in.lln) {
    o.criterion = "grades 0 and 1 need the lower limit of normal";
    o.notes.push_back(
        fmt::format("ungradable: the value is ≥ {} {} and no LLN was given", fmt_num(g2), unit));
  } else if (below(v, 1, *in.lln)) {
    o.grade = 1;
    o.criterion = fmt::format("< LLN ({}) to {} {}", fmt_num(*in.lln), fmt_num(g2), unit);
  } else {
    o.grade = 0;
    o.criterion = fmt::format("≥ LLN ({} {})", fmt_num(*in.lln), unit);
  }
  return o;
}

// Grade from a multiple of a reference (ULN or baseline): cut-offs k1..k4 with the rule
// "> k" (or "≥ k1" for grade 1 when `g1_inclusive`).
std::optional<int> by_multiple(double v, double ref, double k1, bool g1_inclusive, double k2,
                               double k3, double k4) {
  if (above(v, k4, ref)) return 4;
  if (above(v, k3, ref)) return 3;
  if (above(v, k2, ref)) return 2;
  if (g1_inclusive ? !below(v, k1, ref) : above(v, k1, ref)) return 1;
  return 0;
}

/// Terms graded by multiples of ULN when the baseline is normal (or not given), and by multiples
/// of the baseline when it is above ULN (v5.0 rule for AST, ALT and bilirubin).
struct Multiples {
  double g1_base;     ///< grade 1 lower bound against an abnormal baseline
  bool g1_inclusive;  ///< whether that bound is inclusive (AST/ALT 1.5×: yes; bilirubin >1.0×: no)
  double k2, k3, k4;  ///< lower bounds of grades 2, 3 and 4 (exclusive)
  const char* base_text;
  const char* uln_text;
};

Output by_uln_or_baseline(const Input& in, const Multiples& m) {
  Output o;
  if (!in.uln) {
    o.criterion = "needs the upper limit of normal";
    o.notes.push_back("ungradable: no ULN given");
    return o;
  }
  const double uln = *in.uln;
  if (in.baseline && above(*in.baseline, 1, uln)) {
    o.grade = by_multiple(in.value, *in.baseline, m.g1_base, m.g1_inclusive, m.k2, m.k3, m.k4);
    o.criterion = fmt::format("baseline abnormal ({} > ULN {}): multiples of baseline ({})",
                              fmt_num(*in.baseline), fmt_num(uln), m.base_text);
  } else {
    o.grade = by_multiple(in.value, uln, 1, false, m.k2, m.k3, m.k4);
    o.criterion =
        fmt::format("baseline normal: multiples of ULN {} ({})", fmt_num(uln), m.uln_text);
    if (!in.baseline) o.notes.push_back("no baseline given: taken as normal");
  }
  return o;
}

// v5.0 AST/ALT: baseline normal >ULN–3.0, >3.0–5.0, >5.0–20.0, >20.0 × ULN; baseline abnormal
// 1.5–3.0, >3.0–5.0, >5.0–20.0, >20.0 × baseline.
Output transaminase(const Input& in) {
  return by_uln_or_baseline(in, {1.5, true, 3, 5, 20, "1.5 / 3 / 5 / 20", ">1 / 3 / 5 / 20"});
}

// v5.0 bilirubin: >ULN–1.5, >1.5–3.0, >3.0–10.0, >10.0 × ULN; baseline abnormal >1.0–1.5,
// >1.5–3.0, >3.0–10.0, >10.0 × baseline.
Output bilirubin(const Input& in) {
  return by_uln_or_baseline(in, {1, false, 1.5, 3, 10, ">1 / 1.5 / 3 / 10", ">1 / 1.5 / 3 / 10"});
}

Output creatinine(const Input& in) {
  // v5.0: G1 >ULN–1.5×ULN; G2 >1.5–3.0×baseline or >1.5–3.0×ULN; G3 >3.0×baseline or
  // >3.0–6.0×ULN; G4 >6.0×ULN. (v4's ">1–1.5×baseline" for grade 1 was dropped.) The higher of
  // the two readings is the grade.
  Output o;
  std::optional<int> by_uln, by_base;
  if (in.uln) by_uln = by_multiple(in.value, *in.uln, 1, false, 1.5, 3, 6);
  if (in.baseline && *in.baseline > 0) {
    if (above(in.value, 3, *in.baseline))
      by_base = 3;
    else if (above(in.value, 1.5, *in.baseline))
      by_base = 2;
    else
      by_base = 0;
  }
  if (by_uln && by_base) {
    o.grade = std::max(*by_uln, *by_base);
    o.criterion = fmt::format("higher of grade {} by ULN {} and grade {} by baseline {}", *by_uln,
                              fmt_num(*in.uln), *by_base, fmt_num(*in.baseline));
  } else if (by_uln) {
    o.grade = by_uln;
    o.criterion = fmt::format("multiples of ULN {} (>1 / 1.5 / 3 / 6)", fmt_num(*in.uln));
    o.notes.push_back("no baseline given: graded by ULN only");
  } else if (by_base && *by_base >= 2) {
    o.grade = by_base;
    o.criterion =
        fmt::format("multiples of baseline {} (>1.5 / 3); without ULN grade 4 cannot be excluded",
                    fmt_num(*in.baseline));
    o.notes.push_back("no ULN given: grade 4 (> 6 × ULN) cannot be checked");
  } else {
    o.criterion = "needs the upper limit of normal";
    o.notes.push_back("ungradable: no ULN given");
  }
  return o;
}

}  // namespace

Result<Output> grade(const Input& in) {
  auto bad = [](std::optional<double> x) { return x && (!std::isfinite(*x) || *x < 0); };
  if (!std::isfinite(in.value) || in.value < 0 || bad(in.lln) || bad(in.uln) || bad(in.baseline))
    return Error{"ctcae_value", "values and limits must be finite and not negative"};
  // Grades are multiples of the ULN (or fractions of the LLN): a limit of 0 would turn every
  // value into grade 4.
  if ((in.uln && *in.uln <= 0) || (in.lln && *in.lln <= 0))
    return Error{"ctcae_limit", "the lower and upper limits of normal must be greater than 0"};
  Output o;
  switch (in.term) {
    case Term::platelet_count_decreased:
      o = decreased(in, 75, 50, 25, "10^9/L", 4);
      break;
    case Term::neutrophil_count_decreased:
      o = decreased(in, 1.5, 1.0, 0.5, "10^9/L", 4);
      break;
    case Term::anemia:
      // Grades 1–3 from haemoglobin (g/L); grade 4 (life-threatening) is a clinical judgement.
      o = decreased(in, 100, 80, 0, "g/L", 3);
      if (o.grade == 3)
        o.notes.push_back(
            "grade 4 (life-threatening, urgent intervention) is a clinical judgement");
      break;
    case Term::creatinine_increased:
      o = creatinine(in);
      break;
    case Term::ast_increased:
    case Term::alt_increased:
      o = transaminase(in);
      break;
    case Term::blood_bilirubin_increased:
      o = bilirubin(in);
      break;
  }
  return o;
}

}  // namespace rlt::calc::ctcae
