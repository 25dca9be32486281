// The Decision: everything the engine concludes for one case, as typed data (the contract of
// section 3 of shared/spec/clinical-model.md). It holds no JSON, text, HTML or SVG: the render
// layer (src/render/) turns it into each format, and the JSON form (schemas/report.schema.json) is
// the primary one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/fact.hpp"
#include "base/source.hpp"
#include "calc/recist.hpp"
#include "dosimetry/budget.hpp"
#include "dosimetry/organ_dose.hpp"
#include "engine/policy.hpp"
#include "engine/verdicts.hpp"
#include "model/derived.hpp"

namespace rlt::engine {

inline constexpr std::string_view kReportFormat = "rltguide-report/1";

enum class Status { applies, does_not_apply, not_applicable, insufficient_data };
std::string_view to_string(Status s);

/// A fact's value as the rule used it: typed, rendered only by the render layer.
struct Value {
  enum class Kind { code, boolean, number, date, text };
  Kind kind = Kind::text;
  std::string text;  ///< code or free text
  bool flag = false;
  double number = 0;
  int decimals = -1;  ///< fixed decimals when >= 0; otherwise the shortest form
  std::string unit;   ///< as shown to people ("%", "mL/min/1.73 m²"); empty for none
  Date date;

  static Value code(std::string_view c) {
    Value v;
    v.kind = Kind::code;
    v.text = std::string(c);
    return v;
  }
  static Value text_of(std::string t) {
    Value v;
    v.text = std::move(t);
    return v;
  }
  static Value yes_no(bool b) {
    Value v;
    v.kind = Kind::boolean;
    v.flag = b;
    return v;
  }
  static Value tri(Tri t) { return code(to_string(t)); }
  static Value num(double x, std::string unit = {}, int decimals = -1) {
    Value v;
    v.kind = Kind::number;
    v.number = x;
    v.unit = std::move(unit);
    v.decimals = decimals;
    return v;
  }
  static Value on(const Date& d) {
    Value v;
    v.kind = Kind::date;
    v.date = d;
    return v;
  }
  /// "8 %", "yes", "2025-03-01", "G2": the form every renderer prints.
  [[nodiscard]] std::string display() const;
};

/// An input fact a verdict rested on: its value as used and where it came from.
struct FactUsed {
  std::string name;  ///< "Ki-67 index"
  Value value;
  SourceRef source;
};

/// A fact whose absence kept a rule from a definite answer (or that would change it).
struct MissingFact {
  std::string name;
  SourceRef source;
  std::string why;
};

/// An action or caution: a stable code and a sentence for people.
struct Coded {
  std::string code;
  std::string text;
};

struct Answer {
  std::string id;  ///< Q1..Q10
  std::string question;
  Status status = Status::insufficient_data;
  Verdict verdict = Verdict::insufficient_data;
  /// When scope is unconfirmed: what the answer would be for a sporadic, well-differentiated
  /// GEP-NET.
  std::optional<Verdict> verdict_if_in_scope;
  std::string recommendation;  ///< own-words summary of the boxed (graded) recommendation
  std::string context;         ///< own-words summary of ungraded points from the text
  /// True when the verdict follows the graded recommendation; false when it rests on the
  /// ungraded text of the consensus (then the level and strength do not apply to it).
  bool graded = true;
  std::string level, strength;
  std::vector<int> references;
  std::vector<std::string> rules;        ///< the rules that decided
  std::vector<std::string> explanation;  ///< why, in sentences
  std::vector<FactUsed> rationale;
  std::vector<MissingFact> missing;
  std::vector<Coded> actions;
  std::vector<Coded> cautions;
};

struct ScopeEntry {
  Verdict verdict = Verdict::insufficient_data;  ///< in_scope, out_of_scope, insufficient_data
  std::vector<std::string>
      reasons;  ///< not_gep, nec, minen, poorly_differentiated, hereditary_syndrome
  std::vector<std::string> explanation;
  std::vector<FactUsed> rationale;
  std::vector<MissingFact> missing;
};

struct GradeEntry {
  Verdict verdict = Verdict::unknown;  ///< G1, G2, G3, unknown
  std::string category;
  std::vector<std::string> flags;  ///< discordant_with_reported, partial
  std::vector<std::string> explanation;
  std::vector<FactUsed> rationale;
};

/// The phases of a plan, in clinical order.
enum class Phase { eligibility, work_up, decision, preparation, follow_up };
std::string_view to_string(Phase p);

struct PlanItem {
  std::string code;
  std::string text;
  std::string source;  ///< "Q2", "label (USPI 2.x)", "scope"
  Phase phase = Phase::decision;
};

/// One eligibility or safety item: a fact against a threshold of a named kind of source.
struct EligibilityItem {
  std::string code;  ///< "egfr", "haemoglobin", "pregnancy", "sstr_status" ...
  /// label_contraindication, consensus_exclusion (a criterion the consensus cites),
  /// trial_eligibility, severity_grade (CTCAE), consensus_requirement, label_check
  std::string kind;
  std::string name;  ///< "eGFR (CKD-EPI 2021)"
  std::optional<Value> value;
  std::string threshold;  ///< "< 45 mL/min/1.73 m²"; empty when the item has no threshold
  std::string source;
  Tri crossed = Tri::unknown;  ///< unknown: the fact is missing
  /// What a crossed item means for the block: contraindicated, not_eligible_now or caution.
  Verdict effect = Verdict::caution;
  std::string text;  ///< one sentence for people
  std::vector<FactUsed> rationale;
  std::vector<MissingFact> missing;
};

struct Eligibility {
  Verdict status = Verdict::insufficient_data;
  std::vector<EligibilityItem> items;
};

/// A treatment option with the basis it rests on.
struct Option {
  std::string code;  ///< "rlt", "ssa_first_line", "chemotherapy_alkylating" ...
  std::string text;
  std::string
      basis;  ///< "graded recommendation Q1 (1b-A)", "ungraded consensus text (Q9)", "label"
  bool conditional = false;  ///< proposed only once an eligibility item is corrected or reassessed
};

/// The board's answer at the top: the proposed next step and the alternatives the consensus names
/// for this situation.
struct Recommendation {
  Option proposed;
  std::vector<Option> alternatives;
  std::vector<std::string> conditions;  ///< what must be true first (eligibility, work-up)
};

/// A rule of the product label, reported apart from the consensus and citing the label.
struct SafetyItem {
  std::string code;
  std::string kind;  ///< contraindication, precaution, check
  std::string text;
  std::string source;        ///< document, section, revision
  std::string verification;  ///< verified, partial, unverified
  std::vector<FactUsed> rationale;
};

struct Meta {
  std::string format{kReportFormat};
  std::string program_version;
  std::string git_commit;
  std::string ruleset_id;
  std::string ruleset_version;
  std::string ruleset_sha256;
  std::string source_citation;
  std::string source_doi;
  std::string case_id;
  std::string case_description;
  std::string assessment_date;
  std::string disclaimer;
};

/// Calculator results shown to the clinician beside the answers.
struct Calculators {
  struct Renal {
    double value = 0;
    std::string equation;
    SourceRef source;
  };
  std::optional<Renal> egfr;                  ///< mL/min/1.73 m²
  std::optional<Renal> creatinine_clearance;  ///< mL/min
  struct CtcaeGrade {
    std::string term;
    Date date;
    std::optional<int> grade;  ///< empty: ungradable
    SourceRef source;
  };
  std::vector<CtcaeGrade> ctcae;
};

/// One treatment on the timeline chart.
struct TimelineBar {
  model::TreatmentCategory category{};
  std::string label;
  Date start, end;
  bool ongoing = false;
};

/// An RLT cycle measured on SPECT/CT, with its fitted time-activity curves.
struct MeasuredCycle {
  std::string cycle_id;
  std::optional<Date> date;
  dosimetry::CycleResult result;
};

/// An organ limit in force: the ruleset's, or a policy override (every report says which).
struct OrganLimit {
  double gy = 0;
  double ruleset_gy = 0;
  bool overridden = false;
  std::string threshold_id;  ///< q10.kidney_limit, q10.marrow_limit
  std::string source;        ///< the ruleset threshold's source
};
struct Limits {
  OrganLimit kidney, marrow;
};

struct Decision {
  Meta meta;
  Policy policy;
  Limits limits;
  ScopeEntry scope;
  GradeEntry grade;
  Eligibility eligibility;
  Recommendation recommendation;
  model::Derived derived;  ///< derived facts shown to the clinician
  Calculators calculators;
  std::vector<Answer> questions;
  std::vector<PlanItem> plan;
  std::vector<SafetyItem> label_safety;
  /// The RECIST series computed from the case (Q7 and the chart).
  std::optional<calc::recist::SeriesResult> recist;
  /// The retreatment budget (Q10 and the chart), when the patient had RLT.
  std::optional<dosimetry::Budget> budget;
  std::vector<TimelineBar> timeline;
  std::vector<MeasuredCycle> measured_cycles;
};

/// The sentence every report carries.
inline constexpr std::string_view kDisclaimer =
    "rltguide supports the decision of a qualified clinician and a multidisciplinary tumour "
    "board; it does not make it. Check every fact against the patient's record.";

}  // namespace rlt::engine
