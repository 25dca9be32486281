// The answer for one case: the contract of section 3 of shared/spec/clinical-model.md.
// JSON (schemas/report.schema.json) is the primary form; text, Markdown and HTML are renderings
// of the same Report.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json_doc.hpp"
#include "calc/recist.hpp"
#include "engine/policy.hpp"
#include "model/case.hpp"

namespace rlt::engine {

inline constexpr std::string_view kReportFormat = "rltguide-report/1";

enum class Status { applies, does_not_apply, not_applicable, insufficient_data };
std::string_view to_string(Status s);

/// An input fact a verdict rested on: its value as used and where it is in the input.
struct FactUsed {
  std::string name;     ///< "Ki-67 index"
  std::string value;    ///< "8 %"
  std::string pointer;  ///< "/tumour/ki67"; for a derived fact, the pointers it came from
};

/// A fact whose absence kept a rule from a definite answer (or that would change it).
struct MissingFact {
  std::string name;
  std::string pointer;
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
  std::string verdict;
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
  Json details = Json::object();  ///< question-specific numbers (Q7 response, Q10 budget)
};

struct ScopeEntry {
  std::string verdict;  ///< in_scope, out_of_scope, insufficient_data
  std::vector<std::string>
      reasons;  ///< not_gep, nec, minen, poorly_differentiated, hereditary_syndrome
  std::vector<std::string> explanation;
  std::vector<FactUsed> rationale;
  std::vector<MissingFact> missing;
};

struct GradeEntry {
  std::string verdict;  ///< G1, G2, G3, unknown
  std::string category;
  std::vector<std::string> flags;  ///< discordant_with_reported, partial
  std::vector<std::string> explanation;
  std::vector<FactUsed> rationale;
};

struct PlanItem {
  std::string code;
  std::string text;
  std::string source;  ///< "Q2", "label (USPI 2.x)", "scope"
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

struct Report {
  Meta meta;
  Policy policy;
  ScopeEntry scope;
  GradeEntry grade;
  Json derived = Json::object();      ///< derived facts shown to the clinician
  Json calculators = Json::object();  ///< eGFR, creatinine clearance, RECIST, CTCAE, G8 ...
  std::vector<Answer> questions;
  std::vector<PlanItem> plan;
  std::vector<SafetyItem> label_safety;
  Json charts = Json::object();  ///< data for the charts of the HTML report
  /// The RECIST series computed from the case, kept for the HTML chart (drawn only when an
  /// HTML report is rendered).
  std::optional<calc::recist::SeriesResult> recist;
  /// RLT cycles measured on SPECT/CT; their time-activity curves are fitted and drawn only when
  /// an HTML report is rendered.
  struct MeasuredCycle {
    std::string title;
    model::CycleDosimetry dosimetry;
    std::optional<units::Gbq> activity;
    std::optional<model::Sex> sex;
  };
  std::vector<MeasuredCycle> measured_cycles;
};

Json to_json(const Report& r);
std::string render_text(const Report& r);
std::string render_markdown(const Report& r);
std::string render_html(const Report& r);

/// The sentence every report carries.
inline constexpr std::string_view kDisclaimer =
    "rltguide supports the decision of a qualified clinician and a multidisciplinary tumour "
    "board; it does not make it. Check every fact against the patient's record.";

}  // namespace rlt::engine
