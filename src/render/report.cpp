// JSON, text and Markdown renderings of a Decision.
#include "render/report.hpp"

#include <cmath>
#include <sstream>

#include <fmt/format.h>

#include "base/reader.hpp"
#include "base/text.hpp"
#include "model/names.hpp"
#include "render/calc.hpp"

namespace rlt::render {

using engine::Answer;
using engine::Coded;
using engine::Decision;
using engine::FactUsed;
using engine::MissingFact;
using Json = nlohmann::json;

namespace {

Json facts_json(const std::vector<FactUsed>& fs) {
  Json a = Json::array();
  for (const auto& f : fs) {
    Json o = {{"fact", f.name}, {"value", f.value.display()}, {"pointer", f.source.display()}};
    if (f.source.fhir)
      o["fhir"] = {{"resource_type", f.source.fhir->resource_type},
                   {"id", f.source.fhir->id},
                   {"element", f.source.fhir->element}};
    a.push_back(std::move(o));
  }
  return a;
}
Json missing_json(const std::vector<MissingFact>& ms) {
  Json a = Json::array();
  for (const auto& m : ms)
    a.push_back({{"fact", m.name}, {"pointer", m.source.display()}, {"why", m.why}});
  return a;
}
Json coded_json(const std::vector<Coded>& cs) {
  Json a = Json::array();
  for (const auto& c : cs)
    a.push_back({{"code", c.code}, {"text", c.text}});
  return a;
}

std::string refs_text(const std::vector<int>& refs) {
  std::string s;
  for (int r : refs)
    s += (s.empty() ? "" : ", ") + std::to_string(r);
  return s;
}

std::string str(engine::Verdict v) {
  return std::string(engine::code(v));
}

Json derived_json(const model::Derived& d) {
  Json j;
  j["lines_before"] = d.lines_before ? Json(*d.lines_before) : Json();
  j["next_line"] = d.lines_before ? Json(*d.lines_before + 1) : Json();
  j["progressed_on_ssa"] = to_string(d.ssa.progressed);
  j["progressed_on_ssa_course"] = d.ssa.treatment_id;
  j["ssa_dose_at_progression"] =
      d.ssa.intensity ? Json(model::to_string(*d.ssa.intensity)) : Json();
  j["prior_rlt"] = to_string(d.prior_rlt);
  j["months_since_last_rlt"] =
      d.months_since_last_rlt ? Json(std::round(*d.months_since_last_rlt * 10) / 10) : Json();
  j["newly_diagnosed"] = to_string(d.newly_diagnosed);
  j["age_years"] = d.age_years ? Json(std::floor(*d.age_years)) : Json();
  return j;
}

Json calculators_json(const engine::Calculators& k) {
  Json j = Json::object();
  if (k.egfr)
    j["egfr"] = {{"value", std::round(k.egfr->value)},
                 {"unit", "mL/min/1.73 m2"},
                 {"equation", k.egfr->equation},
                 {"pointer", k.egfr->source.display()}};
  if (k.creatinine_clearance)
    j["creatinine_clearance"] = {{"value", std::round(k.creatinine_clearance->value)},
                                 {"unit", "mL/min"},
                                 {"equation", k.creatinine_clearance->equation}};
  Json ct = Json::array();
  for (const auto& g : k.ctcae)
    ct.push_back({{"term", g.term},
                  {"date", g.date.iso()},
                  {"grade", g.grade ? Json(*g.grade) : Json("ungradable")},
                  {"pointer", g.source.display()}});
  if (!ct.empty()) j["ctcae_v5"] = ct;
  return j;
}

/// Question-specific numbers: Q7 the RECIST response, Q10 the dose budget; and, when scope is
/// unconfirmed, what each answer would be in scope.
Json details_json(const Decision& d, const Answer& q) {
  Json j = Json::object();
  if (q.id == "Q7" && d.recist &&
      (q.verdict == engine::Verdict::recist_monitoring ||
       q.verdict_if_in_scope == engine::Verdict::recist_monitoring)) {
    const auto& r = *d.recist;
    const auto& last = r.timepoints.back();
    j["response"] = calc::recist::to_string(last.overall);
    j["response_date"] = last.date.iso();
    j["best_overall_response"] = calc::recist::to_string(r.best.response);
    Json tps = Json::array();
    for (const auto& tp : r.timepoints)
      tps.push_back(
          {{"study", tp.study_id},
           {"date", tp.date.iso()},
           {"sum_mm", tp.sum ? Json(static_cast<double>(tp.sum->v) / 10.0) : Json()},
           {"overall", tp.baseline ? Json() : Json(calc::recist::to_string(tp.overall))}});
    j["timepoints"] = std::move(tps);
  }
  if (q.id == "Q10" && d.budget) j["budget"] = dosimetry::to_json(*d.budget);
  if (q.verdict_if_in_scope) j["verdict_if_in_scope"] = str(*q.verdict_if_in_scope);
  return j;
}

Json eligibility_json(const engine::Eligibility& e) {
  Json items = Json::array();
  for (const auto& it : e.items)
    items.push_back({{"code", it.code},
                     {"kind", it.kind},
                     {"name", it.name},
                     {"value", it.value ? Json(it.value->display()) : Json()},
                     {"threshold", it.threshold},
                     {"source", it.source},
                     {"crossed", to_string(it.crossed)},
                     {"effect", str(it.effect)},
                     {"text", it.text},
                     {"rationale", facts_json(it.rationale)},
                     {"missing", missing_json(it.missing)}});
  return {{"status", str(e.status)}, {"items", items}};
}

Json option_json(const engine::Option& o) {
  return {{"code", o.code}, {"text", o.text}, {"basis", o.basis}, {"conditional", o.conditional}};
}

Json recommendation_json(const engine::Recommendation& r) {
  Json alts = Json::array();
  for (const auto& o : r.alternatives)
    alts.push_back(option_json(o));
  return {
      {"proposed", option_json(r.proposed)}, {"alternatives", alts}, {"conditions", r.conditions}};
}

}  // namespace

std::vector<std::pair<std::string, std::string>> describe(const engine::Policy& p,
                                                          const engine::Limits& limits) {
  auto yn = [](bool b) { return b ? "yes" : "no"; };
  auto limit = [](const engine::OrganLimit& l, std::string_view what) {
    return l.overridden ? fmt::format("{} Gy {}: policy override of the ruleset's {} Gy ({})",
                                      fmt_num(l.gy), what, fmt_num(l.ruleset_gy), l.threshold_id)
                        : fmt::format("{} Gy {} (ruleset {}: {})", fmt_num(l.gy), what,
                                      l.threshold_id, l.source);
  };
  constexpr std::string_view kLocal = "local choice";
  return {
      {"jurisdiction", std::string(engine::to_string(p.jurisdiction))},
      {"first_line_approved",
       fmt::format("{} (default no: not approved when the consensus was written, 2024)",
                   yn(p.first_line_approved))},
      {"retreatment_approved",
       fmt::format("{} (default no: the consensus calls retreatment not yet approved)",
                   yn(p.retreatment_approved))},
      {"kidney_limit",
       p.kidney_limit_kind == engine::KidneyLimitKind::absorbed_dose
           ? limit(limits.kidney, "absorbed dose")
           : std::string("kidney BED 28 Gy with risk factors / 40 Gy without (Bodei 2008)")},
      {"marrow_limit", limit(limits.marrow, "absorbed dose")},
      {"imaging_max_age_days", fmt::format("{} ({})", p.imaging_max_age_days, kLocal)},
      {"sstr_pet_max_age_days", fmt::format("{} ({})", p.sstr_pet_max_age_days, kLocal)},
      {"fdg_pet_max_age_days", fmt::format("{} ({})", p.fdg_pet_max_age_days, kLocal)},
      {"labs_max_age_days", fmt::format("{} ({})", p.labs_max_age_days, kLocal)},
      {"biopsy_max_age_months", fmt::format("{} ({})", p.biopsy_max_age_months, kLocal)},
  };
}

Json to_json(const engine::Policy& p, const engine::Limits& limits) {
  return {{"format", engine::kPolicyFormat},
          {"jurisdiction", engine::to_string(p.jurisdiction)},
          {"first_line_approved", p.first_line_approved},
          {"retreatment_approved", p.retreatment_approved},
          {"kidney_limit_kind", engine::to_string(p.kidney_limit_kind)},
          {"kidney_limit_gy", limits.kidney.gy},
          {"kidney_limit_overridden", limits.kidney.overridden},
          {"marrow_limit_gy", limits.marrow.gy},
          {"marrow_limit_overridden", limits.marrow.overridden},
          {"imaging_max_age_days", p.imaging_max_age_days},
          {"sstr_pet_max_age_days", p.sstr_pet_max_age_days},
          {"fdg_pet_max_age_days", p.fdg_pet_max_age_days},
          {"labs_max_age_days", p.labs_max_age_days},
          {"biopsy_max_age_months", p.biopsy_max_age_months}};
}

Json to_json(const Decision& r) {
  Json j;
  j["format"] = r.meta.format;
  j["generated_by"] = {{"program", "rltguide"},
                       {"version", r.meta.program_version},
                       {"git_commit", r.meta.git_commit}};
  j["ruleset"] = {{"id", r.meta.ruleset_id},
                  {"version", r.meta.ruleset_version},
                  {"sha256", r.meta.ruleset_sha256},
                  {"source", {{"citation", r.meta.source_citation}, {"doi", r.meta.source_doi}}}};
  j["disclaimer"] = r.meta.disclaimer;
  j["case"] = {{"case_id", r.meta.case_id},
               {"assessment_date", r.meta.assessment_date},
               {"description", r.meta.case_description}};
  j["policy"] = to_json(r.policy, r.limits);
  j["scope"] = {{"verdict", str(r.scope.verdict)},
                {"reasons", r.scope.reasons},
                {"explanation", r.scope.explanation},
                {"rationale", facts_json(r.scope.rationale)},
                {"missing", missing_json(r.scope.missing)}};
  j["grade"] = {{"verdict", str(r.grade.verdict)},
                {"category", r.grade.category},
                {"classification", "WHO 2022 (Rindi et al., Endocr Pathol 2022; consensus ref 2)"},
                {"flags", r.grade.flags},
                {"explanation", r.grade.explanation},
                {"rationale", facts_json(r.grade.rationale)}};
  j["eligibility"] = eligibility_json(r.eligibility);
  j["recommendation"] = recommendation_json(r.recommendation);
  j["derived"] = derived_json(r.derived);
  j["calculators"] = calculators_json(r.calculators);
  Json qs = Json::array();
  for (const auto& q : r.questions) {
    qs.push_back({{"id", q.id},
                  {"question", q.question},
                  {"status", engine::to_string(q.status)},
                  {"verdict", str(q.verdict)},
                  {"recommendation", q.recommendation},
                  {"evidence",
                   {{"level", q.level},
                    {"strength", q.strength},
                    {"basis", q.graded ? "graded recommendation" : "consensus text (ungraded)"}}},
                  {"context", q.context},
                  {"references", q.references},
                  {"rules", q.rules},
                  {"explanation", q.explanation},
                  {"rationale", facts_json(q.rationale)},
                  {"missing", missing_json(q.missing)},
                  {"actions", coded_json(q.actions)},
                  {"cautions", coded_json(q.cautions)},
                  {"details", details_json(r, q)}});
  }
  j["questions"] = qs;
  Json plan = Json::array();
  for (const auto& p : r.plan)
    plan.push_back({{"code", p.code},
                    {"phase", engine::to_string(p.phase)},
                    {"text", p.text},
                    {"source", p.source}});
  j["plan"] = plan;
  Json ls = Json::array();
  for (const auto& s : r.label_safety)
    ls.push_back({{"code", s.code},
                  {"kind", s.kind},
                  {"text", s.text},
                  {"source", s.source},
                  {"verification", s.verification},
                  {"rationale", facts_json(s.rationale)}});
  j["label_safety"] = ls;
  return j;
}

// ------------------------------------------------------------------------------------------------
// Text

std::string render_text(const Decision& r) {
  std::ostringstream o;
  o << fmt::format("rltguide report: case {} at {}\n",
                   r.meta.case_id.empty() ? "(no id)" : escape_text(r.meta.case_id),
                   r.meta.assessment_date);
  if (!r.meta.case_description.empty()) o << escape_text(r.meta.case_description) << "\n";
  o << "NOTE: " << r.meta.disclaimer << "\n\n";
  o << "Scope: " << engine::code(r.scope.verdict);
  for (const auto& why : r.scope.reasons)
    o << " [" << why << "]";
  o << "\n";
  for (const auto& e : r.scope.explanation)
    o << "  " << escape_text(e) << "\n";
  for (const auto& m : r.scope.missing)
    o << "  missing: " << escape_text(m.name) << " (" << escape_text(m.source.display()) << ")\n";
  o << "Grade (WHO 2022): " << engine::code(r.grade.verdict) << " — " << r.grade.category;
  for (const auto& f : r.grade.flags)
    o << " [" << f << "]";
  o << "\n";
  if (r.calculators.egfr)
    o << fmt::format("eGFR: {:.0f} mL/min/1.73 m² ({})\n", r.calculators.egfr->value,
                     r.calculators.egfr->equation);
  o << "\n";
  o << "Eligibility and safety: " << engine::code(r.eligibility.status) << "\n";
  for (const auto& it : r.eligibility.items)
    if (it.crossed != Tri::no)
      o << fmt::format("  {} [{}; {}] {}  ({})\n", it.crossed == Tri::yes ? "!" : "?", it.kind,
                       engine::code(it.effect), escape_text(it.text), escape_text(it.source));
  o << "Recommendation: " << escape_text(r.recommendation.proposed.text)
    << (r.recommendation.proposed.conditional ? " (conditional)" : "") << "  ["
    << escape_text(r.recommendation.proposed.basis) << "]\n";
  for (const auto& c : r.recommendation.conditions)
    o << "  condition: " << escape_text(c) << "\n";
  for (const auto& a : r.recommendation.alternatives)
    o << "  alternative: " << escape_text(a.text) << (a.conditional ? " (conditional)" : "")
      << "  [" << escape_text(a.basis) << "]\n";
  o << "\n";
  for (const auto& q : r.questions) {
    o << fmt::format("{} [{}] {}  (evidence {}-{})\n", q.id, engine::code(q.verdict), q.question,
                     q.level, q.strength);
    o << "  Consensus: " << q.recommendation << "\n";
    if (!q.graded)
      o << "  Basis: the ungraded text of the consensus (the evidence grade belongs to the boxed "
           "recommendation).\n";
    for (const auto& e : q.explanation)
      o << "  Why: " << escape_text(e) << "\n";
    for (const auto& f : q.rationale)
      o << fmt::format("  - {}: {}  ({})\n", escape_text(f.name), escape_text(f.value.display()),
                       escape_text(f.source.display()));
    for (const auto& m : q.missing)
      o << fmt::format("  ? missing: {} ({}): {}\n", escape_text(m.name),
                       escape_text(m.source.display()), escape_text(m.why));
    for (const auto& c : q.cautions)
      o << fmt::format("  ! {}: {}\n", c.code, escape_text(c.text));
    for (const auto& a : q.actions)
      o << fmt::format("  > {}: {}\n", a.code, escape_text(a.text));
    o << "  References: " << refs_text(q.references) << " (Panzuto et al. 2024)\n\n";
  }
  o << "Plan:\n";
  int n = 1;
  for (const auto& p : r.plan)
    o << fmt::format("  {}. ({}) {} [{}]\n", n++, engine::to_string(p.phase), escape_text(p.text),
                     escape_text(p.source));
  o << "\nPolicy:\n";
  for (const auto& [k, v] : describe(r.policy, r.limits))
    o << "  " << k << " = " << escape_text(v) << "\n";
  o << "\nLabel safety (product label, not the consensus):\n";
  for (const auto& s : r.label_safety)
    o << fmt::format("  - [{}; {}] {} — {}\n", s.kind, s.verification, escape_text(s.text),
                     escape_text(s.source));
  o << fmt::format("\nSource: {} doi:{}\nRuleset {} {} (sha256 {}); rltguide {} (git {})\n",
                   r.meta.source_citation, r.meta.source_doi, r.meta.ruleset_id,
                   r.meta.ruleset_version, r.meta.ruleset_sha256, r.meta.program_version,
                   r.meta.git_commit);
  return o.str();
}

// ------------------------------------------------------------------------------------------------
// Markdown

std::string render_markdown(const Decision& r) {
  std::ostringstream o;
  o << "# rltguide report — case "
    << (r.meta.case_id.empty() ? "(no id)" : escape_markdown(r.meta.case_id)) << "\n\n";
  o << "Assessment date: " << r.meta.assessment_date << "\n\n";
  if (!r.meta.case_description.empty()) o << escape_markdown(r.meta.case_description) << "\n\n";
  o << "> " << r.meta.disclaimer << "\n\n";
  o << "## Scope and grade\n\n";
  o << "- **Scope:** `" << engine::code(r.scope.verdict) << "`";
  for (const auto& why : r.scope.reasons)
    o << " `" << why << "`";
  o << "\n";
  for (const auto& e : r.scope.explanation)
    o << "  - " << escape_markdown(e) << "\n";
  for (const auto& m : r.scope.missing)
    o << "  - missing: " << escape_markdown(m.name) << " (" << escape_markdown(m.source.display())
      << ")\n";
  o << "- **WHO 2022 grade:** `" << engine::code(r.grade.verdict) << "` (" << r.grade.category
    << ")";
  for (const auto& f : r.grade.flags)
    o << " `" << f << "`";
  o << "\n\n## Eligibility and safety: `" << engine::code(r.eligibility.status) << "`\n\n";
  o << "| item | kind | value | threshold | status | source |\n|---|---|---|---|---|---|\n";
  for (const auto& it : r.eligibility.items)
    o << "| " << escape_markdown(it.name) << " | " << it.kind << " | "
      << (it.value ? escape_markdown(it.value->display()) : std::string("missing")) << " | "
      << escape_markdown(it.threshold) << " | "
      << (it.crossed == Tri::yes  ? "crossed"
          : it.crossed == Tri::no ? "ok"
                                  : "missing")
      << " | " << escape_markdown(it.source) << " |\n";
  o << "\n## Recommendation\n\n**Proposed:** " << escape_markdown(r.recommendation.proposed.text)
    << (r.recommendation.proposed.conditional ? " *(conditional)*" : "") << " — "
    << escape_markdown(r.recommendation.proposed.basis) << "\n\n";
  for (const auto& c : r.recommendation.conditions)
    o << "- **Condition:** " << escape_markdown(c) << "\n";
  for (const auto& alt : r.recommendation.alternatives)
    o << "- Alternative: " << escape_markdown(alt.text)
      << (alt.conditional ? " *(conditional)*" : "") << " — " << escape_markdown(alt.basis) << "\n";
  o << "\n## Questions\n\n";
  for (const auto& q : r.questions) {
    o << fmt::format("### {} — {}\n\n", q.id, q.question);
    o << fmt::format(
        "**Verdict:** `{}` (status `{}`) · **Evidence:** {}-{} · **References:** {}\n\n",
        engine::code(q.verdict), engine::to_string(q.status), q.level, q.strength,
        refs_text(q.references));
    o << "*Consensus (our summary):* " << q.recommendation << "\n\n";
    if (!q.context.empty()) o << "*Context, ungraded:* " << q.context << "\n\n";
    if (!q.graded)
      o << "*This verdict rests on the ungraded text, not on the graded recommendation.*\n\n";
    for (const auto& e : q.explanation)
      o << "- " << escape_markdown(e) << "\n";
    if (!q.rationale.empty()) {
      o << "\n| fact | value | from |\n|---|---|---|\n";
      for (const auto& f : q.rationale)
        o << "| " << escape_markdown(f.name) << " | " << escape_markdown(f.value.display()) << " | "
          << escape_markdown(f.source.display()) << " |\n";
    }
    for (const auto& m : q.missing)
      o << "- **Missing:** " << escape_markdown(m.name) << " ("
        << escape_markdown(m.source.display()) << "): " << escape_markdown(m.why) << "\n";
    for (const auto& c : q.cautions)
      o << "- **Caution** `" << c.code << "`: " << escape_markdown(c.text) << "\n";
    for (const auto& a : q.actions)
      o << "- **Action** `" << a.code << "`: " << escape_markdown(a.text) << "\n";
    o << "\n";
  }
  o << "## Plan\n\n";
  int n = 1;
  for (const auto& p : r.plan)
    o << n++ << ". **" << engine::to_string(p.phase) << ":** " << escape_markdown(p.text) << " *("
      << escape_markdown(p.source) << ")*\n";
  o << "\n## Label safety (product label, not the consensus)\n\n";
  for (const auto& s : r.label_safety)
    o << "- **" << s.kind << "** (" << s.verification << "): " << escape_markdown(s.text) << " — "
      << escape_markdown(s.source) << "\n";
  o << fmt::format("\n---\nSource: {} doi:{}. Ruleset {} {} (sha256 `{}`). rltguide {} (git {}).\n",
                   r.meta.source_citation, r.meta.source_doi, r.meta.ruleset_id,
                   r.meta.ruleset_version, r.meta.ruleset_sha256, r.meta.program_version,
                   r.meta.git_commit);
  return o.str();
}

}  // namespace rlt::render
