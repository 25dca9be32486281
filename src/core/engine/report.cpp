#include "engine/report.hpp"

#include <sstream>

#include <fmt/format.h>

namespace rlt::engine {

namespace {

Json facts_json(const std::vector<FactUsed>& fs) {
  Json a = Json::array();
  for (const auto& f : fs)
    a.push_back({{"fact", f.name}, {"value", f.value}, {"pointer", f.pointer}});
  return a;
}
Json missing_json(const std::vector<MissingFact>& ms) {
  Json a = Json::array();
  for (const auto& m : ms)
    a.push_back({{"fact", m.name}, {"pointer", m.pointer}, {"why", m.why}});
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

}  // namespace

Json to_json(const Report& r) {
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
  j["policy"] = r.policy.to_json();
  j["scope"] = {{"verdict", r.scope.verdict},
                {"reasons", r.scope.reasons},
                {"explanation", r.scope.explanation},
                {"rationale", facts_json(r.scope.rationale)},
                {"missing", missing_json(r.scope.missing)}};
  j["grade"] = {{"verdict", r.grade.verdict},
                {"category", r.grade.category},
                {"classification", "WHO 2022 (Rindi et al., Endocr Pathol 2022; consensus ref 2)"},
                {"flags", r.grade.flags},
                {"explanation", r.grade.explanation},
                {"rationale", facts_json(r.grade.rationale)}};
  j["derived"] = r.derived;
  j["calculators"] = r.calculators;
  Json qs = Json::array();
  for (const auto& q : r.questions) {
    qs.push_back({{"id", q.id},
                  {"question", q.question},
                  {"status", to_string(q.status)},
                  {"verdict", q.verdict},
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
                  {"details", q.details}});
  }
  j["questions"] = qs;
  Json plan = Json::array();
  for (const auto& p : r.plan)
    plan.push_back({{"code", p.code}, {"text", p.text}, {"source", p.source}});
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

std::string render_text(const Report& r) {
  std::ostringstream o;
  o << fmt::format("rltguide report: case {} at {}\n",
                   r.meta.case_id.empty() ? "(no id)" : r.meta.case_id, r.meta.assessment_date);
  if (!r.meta.case_description.empty()) o << r.meta.case_description << "\n";
  o << "NOTE: " << r.meta.disclaimer << "\n\n";
  o << "Scope: " << r.scope.verdict;
  for (const auto& why : r.scope.reasons)
    o << " [" << why << "]";
  o << "\n";
  for (const auto& e : r.scope.explanation)
    o << "  " << e << "\n";
  for (const auto& m : r.scope.missing)
    o << "  missing: " << m.name << " (" << m.pointer << ")\n";
  o << "Grade (WHO 2022): " << r.grade.verdict << " — " << r.grade.category;
  for (const auto& f : r.grade.flags)
    o << " [" << f << "]";
  o << "\n";
  if (r.calculators.contains("egfr"))
    o << fmt::format("eGFR: {:.0f} mL/min/1.73 m² ({})\n",
                     r.calculators["egfr"]["value"].get<double>(),
                     r.calculators["egfr"]["equation"].get<std::string>());
  o << "\n";
  for (const auto& q : r.questions) {
    o << fmt::format("{} [{}] {}  (evidence {}-{})\n", q.id, q.verdict, q.question, q.level,
                     q.strength);
    o << "  Consensus: " << q.recommendation << "\n";
    for (const auto& e : q.explanation)
      o << "  Why: " << e << "\n";
    for (const auto& f : q.rationale)
      o << fmt::format("  - {}: {}  ({})\n", f.name, f.value, f.pointer);
    for (const auto& m : q.missing)
      o << fmt::format("  ? missing: {} ({}): {}\n", m.name, m.pointer, m.why);
    for (const auto& c : q.cautions)
      o << fmt::format("  ! {}: {}\n", c.code, c.text);
    for (const auto& a : q.actions)
      o << fmt::format("  > {}: {}\n", a.code, a.text);
    o << "  References: " << refs_text(q.references) << " (Panzuto et al. 2024)\n\n";
  }
  o << "Plan:\n";
  int n = 1;
  for (const auto& p : r.plan)
    o << fmt::format("  {}. {} [{}]\n", n++, p.text, p.source);
  o << "\nLabel safety (product label, not the consensus):\n";
  for (const auto& s : r.label_safety)
    o << fmt::format("  - [{}; {}] {} — {}\n", s.kind, s.verification, s.text, s.source);
  o << fmt::format("\nSource: {} doi:{}\nRuleset {} {} (sha256 {}); rltguide {} (git {})\n",
                   r.meta.source_citation, r.meta.source_doi, r.meta.ruleset_id,
                   r.meta.ruleset_version, r.meta.ruleset_sha256, r.meta.program_version,
                   r.meta.git_commit);
  return o.str();
}

// ------------------------------------------------------------------------------------------------
// Markdown

std::string render_markdown(const Report& r) {
  std::ostringstream o;
  o << "# rltguide report — case " << (r.meta.case_id.empty() ? "(no id)" : r.meta.case_id)
    << "\n\n";
  o << "Assessment date: " << r.meta.assessment_date << "\n\n";
  if (!r.meta.case_description.empty()) o << r.meta.case_description << "\n\n";
  o << "> " << r.meta.disclaimer << "\n\n";
  o << "## Scope and grade\n\n";
  o << "- **Scope:** `" << r.scope.verdict << "`";
  for (const auto& why : r.scope.reasons)
    o << " `" << why << "`";
  o << "\n";
  for (const auto& e : r.scope.explanation)
    o << "  - " << e << "\n";
  for (const auto& m : r.scope.missing)
    o << "  - missing: " << m.name << " (`" << m.pointer << "`)\n";
  o << "- **WHO 2022 grade:** `" << r.grade.verdict << "` (" << r.grade.category << ")";
  for (const auto& f : r.grade.flags)
    o << " `" << f << "`";
  o << "\n\n## Questions\n\n";
  for (const auto& q : r.questions) {
    o << fmt::format("### {} — {}\n\n", q.id, q.question);
    o << fmt::format(
        "**Verdict:** `{}` (status `{}`) · **Evidence:** {}-{} · **References:** {}\n\n", q.verdict,
        to_string(q.status), q.level, q.strength, refs_text(q.references));
    o << "*Consensus (our summary):* " << q.recommendation << "\n\n";
    if (!q.context.empty()) o << "*Context, ungraded:* " << q.context << "\n\n";
    if (!q.graded)
      o << "*This verdict rests on the ungraded text, not on the graded recommendation.*\n\n";
    for (const auto& e : q.explanation)
      o << "- " << e << "\n";
    if (!q.rationale.empty()) {
      o << "\n| fact | value | from |\n|---|---|---|\n";
      for (const auto& f : q.rationale)
        o << "| " << f.name << " | " << f.value << " | `" << f.pointer << "` |\n";
    }
    for (const auto& m : q.missing)
      o << "- **Missing:** " << m.name << " (`" << m.pointer << "`): " << m.why << "\n";
    for (const auto& c : q.cautions)
      o << "- **Caution** `" << c.code << "`: " << c.text << "\n";
    for (const auto& a : q.actions)
      o << "- **Action** `" << a.code << "`: " << a.text << "\n";
    o << "\n";
  }
  o << "## Plan\n\n";
  int n = 1;
  for (const auto& p : r.plan)
    o << n++ << ". " << p.text << " *(" << p.source << ")*\n";
  o << "\n## Label safety (product label, not the consensus)\n\n";
  for (const auto& s : r.label_safety)
    o << "- **" << s.kind << "** (" << s.verification << "): " << s.text << " — " << s.source
      << "\n";
  o << fmt::format("\n---\nSource: {} doi:{}. Ruleset {} {} (sha256 `{}`). rltguide {} (git {}).\n",
                   r.meta.source_citation, r.meta.source_doi, r.meta.ruleset_id,
                   r.meta.ruleset_version, r.meta.ruleset_sha256, r.meta.program_version,
                   r.meta.git_commit);
  return o.str();
}

}  // namespace rlt::engine
