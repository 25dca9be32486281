// The printable tumour-board page: one self-contained HTML file (inline CSS and SVG, no script,
// no external resource), readable on screen and on A4 paper.
#include <algorithm>
#include <cmath>
#include <sstream>

#include <fmt/format.h>

#include "base/text.hpp"

#include "model/names.hpp"
#include "render/calc.hpp"
#include "render/report.hpp"

namespace rlt::render {

using engine::Decision;
using engine::FactUsed;
using Json = nlohmann::json;

std::string_view badge_class(engine::Verdict v) {
  switch (engine::tone(v)) {
    case engine::Tone::favourable:
      return "b-ok";
    case engine::Tone::attention:
    case engine::Tone::unfavourable:
      return "b-warn";
    case engine::Tone::neutral:
      return "b-neutral";
    case engine::Tone::missing:
      return "b-missing";
  }
  return "b-neutral";
}

namespace {

constexpr const char* kCss = R"(
body{font-family:"DejaVu Sans",Arial,sans-serif;color:#1b1f23;margin:24px auto;max-width:1000px;font-size:13px;line-height:1.4}
h1{font-size:20px;margin:0 0 4px} h2{font-size:16px;border-bottom:2px solid #2b5797;padding-bottom:2px;margin-top:22px}
.muted{color:#5a6570}.disclaimer{background:#fff4e5;border-left:4px solid #e69500;padding:8px 10px;margin:10px 0}
.summary{display:grid;grid-template-columns:repeat(4,1fr);gap:8px;margin:10px 0}
.tile{border:1px solid #d0d7de;border-radius:6px;padding:8px}.tile b{display:block;font-size:15px}
.card{border:1px solid #d0d7de;border-radius:6px;padding:10px 12px;margin:10px 0;page-break-inside:avoid}
.card h3{margin:0 0 4px;font-size:14px}.qid{color:#2b5797;font-weight:bold;margin-right:6px}
.badge{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;font-weight:bold;margin-right:6px}
.b-ok{background:#dafbe1;color:#116329}.b-warn{background:#fff1c2;color:#7a4e00}.b-missing{background:#ffe3e3;color:#9b1c1c}.b-neutral{background:#eaeef2;color:#424a53}
.ev{background:#ddf4ff;color:#0a3069}
table{border-collapse:collapse;width:100%;margin:6px 0}td,th{border:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top;font-size:12px}
th{background:#f6f8fa} code{font-size:11px;color:#57606a}
.missing{color:#9b1c1c}.caution{color:#7a4e00}.action{color:#0a3069}
ul{margin:4px 0;padding-left:18px} .charts svg{max-width:100%;height:auto;border:1px solid #eaeef2;margin:4px 0}
@media print{body{margin:0;max-width:none;font-size:11px}.card{break-inside:avoid}a{color:inherit}}
)";

// Cumulative kidney and marrow dose against their limits (horizontal bars).
std::string budget_svg(const dosimetry::Budget& budget) {
  const Json b = dosimetry::to_json(budget);
  std::ostringstream s;
  const int w = 640, row = 46, h = 2 * row + 40;
  s << fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="Cumulative organ doses against limits">)",
      w, h);
  s << R"(<text x="10" y="18" font-size="13" font-weight="bold">Cumulative absorbed dose against the limit</text>)";
  int y = 32;
  for (const char* key : {"kidneys", "bone_marrow"}) {
    if (!b.contains(key)) continue;
    const Json& o = b[key];
    std::string label = std::string(key) == "kidneys" ? "Kidneys" : "Bone marrow";
    bool assessed = o.value("assessed", false);
    double limit = o.value("limit_gy", 0.0), used = o.value("used_gy", 0.0);
    const double x0 = 120, bw = 420;
    s << fmt::format(R"(<text x="10" y="{}" font-size="12">{}</text>)", y + 18, label);
    s << fmt::format(R"(<rect x="{}" y="{}" width="{}" height="24" fill="#eaeef2"/>)", x0, y + 2,
                     bw);
    if (assessed && limit > 0) {
      double frac = std::min(used / limit, 1.2);
      std::string color = used >= limit ? "#cf222e" : used >= 0.8 * limit ? "#d4a72c" : "#2da44e";
      s << fmt::format(R"(<rect x="{}" y="{}" width="{:.1f}" height="24" fill="{}"/>)", x0, y + 2,
                       bw * std::min(frac, 1.0), color);
      s << fmt::format(
          R"(<line x1="{0}" x2="{0}" y1="{1}" y2="{2}" stroke="#1b1f23" stroke-width="2"/>)",
          x0 + bw, y - 2, y + 30);
      s << fmt::format(R"(<text x="{}" y="{}" font-size="12">{:.1f} of {:.0f} Gy{}</text>)",
                       x0 + bw + 8, y + 18, used, limit,
                       o.value("quantity", "") == "BED" ? " BED" : "");
    } else {
      s << fmt::format(R"(<text x="{}" y="{}" font-size="12" fill="#9b1c1c">not assessed</text>)",
                       x0 + 8, y + 18);
    }
    y += row;
  }
  s << "</svg>";
  return s.str();
}

// Lines of therapy on a time axis.
std::string timeline_svg(const std::vector<engine::TimelineBar>& bars, const std::string& today) {
  Json items = Json::array();
  for (const auto& t : bars)
    items.push_back({{"category", model::to_string(t.category)},
                     {"label", t.label},
                     {"start", t.start.iso()},
                     {"end", t.end.iso()},
                     {"ongoing", t.ongoing}});
  if (items.empty()) return {};
  auto day = [](const std::string& iso) {
    int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)),
        d = std::stoi(iso.substr(8, 2));
    return y * 372 + (m - 1) * 31 + d;  // monotone; good enough for drawing
  };
  int lo = day(today), hi = day(today);
  for (const auto& it : items) {
    lo = std::min(lo, day(it["start"].get<std::string>()));
    hi = std::max(hi, day(it["end"].get<std::string>()));
  }
  if (hi == lo) hi = lo + 1;
  const int w = 900, row = 22, x0 = 170, x1 = w - 60;
  const int h = static_cast<int>(items.size()) * row + 50;
  auto X = [&](int dd) { return x0 + (x1 - x0) * static_cast<double>(dd - lo) / (hi - lo); };
  std::ostringstream s;
  s << fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="Treatment timeline">)",
      w, h);
  s << R"(<text x="10" y="16" font-size="13" font-weight="bold">Treatment timeline</text>)";
  int y = 28;
  for (const auto& it : items) {
    std::string cat = it["category"].get<std::string>();
    std::string color = cat == "ssa"            ? "#54aeff"
                        : cat == "rlt"          ? "#8250df"
                        : cat == "chemotherapy" ? "#cf222e"
                        : cat == "surgery"      ? "#6e7781"
                                                : "#d4a72c";
    double a = X(day(it["start"].get<std::string>())), b = X(day(it["end"].get<std::string>()));
    s << fmt::format(R"(<text x="10" y="{}" font-size="11">{}</text>)", y + 13,
                     escape_html(it["label"].get<std::string>()));
    s << fmt::format(R"(<rect x="{:.1f}" y="{}" width="{:.1f}" height="14" rx="3" fill="{}"/>)", a,
                     y + 2, std::max(b - a, 3.0), color);
    if (it.value("ongoing", false))
      s << fmt::format(R"(<text x="{:.1f}" y="{}" font-size="10" fill="#57606a">ongoing</text>)",
                       b + 4, y + 13);
    y += row;
  }
  double t = X(day(today));
  s << fmt::format(
      R"(<line x1="{0:.1f}" x2="{0:.1f}" y1="24" y2="{1}" stroke="#1b1f23" stroke-dasharray="4 3"/>)",
      t, y);
  s << fmt::format(
      R"(<text x="{:.1f}" y="{}" font-size="10" text-anchor="end">assessment {}</text>)", t - 2,
      y + 12, today);
  s << fmt::format(R"(<text x="{}" y="{}" font-size="10" fill="#57606a">{}</text>)", x0, y + 12,
                   items.front()["start"].get<std::string>().substr(0, 4));
  s << "</svg>";
  return s.str();
}

void facts_table(std::ostringstream& o, const std::vector<FactUsed>& fs) {
  if (fs.empty()) return;
  o << "<table><tr><th>fact</th><th>value</th><th>from</th></tr>";
  for (const auto& f : fs)
    o << "<tr><td>" << escape_html(f.name) << "</td><td>" << escape_html(f.value.display())
      << "</td><td><code>" << escape_html(f.source.display()) << "</code></td></tr>";
  o << "</table>";
}

}  // namespace

std::string render_html(const Decision& r) {
  std::ostringstream o;
  std::string title =
      "rltguide — case " + (r.meta.case_id.empty() ? std::string("(no id)") : r.meta.case_id);
  o << "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
    << escape_html(title) << "</title><style>" << kCss << "</style></head><body>";
  o << "<h1>" << escape_html(title) << "</h1>";
  o << "<div class=\"muted\">Radioligand therapy (177Lu-DOTATATE) in GEP-NETs — tumour board "
       "summary · assessment date "
    << escape_html(r.meta.assessment_date) << "</div>";
  if (!r.meta.case_description.empty())
    o << "<p>" << escape_html(r.meta.case_description) << "</p>";
  o << "<div class=\"disclaimer\"><b>Decision support only.</b> " << escape_html(r.meta.disclaimer)
    << "</div>";

  // Summary tiles
  o << "<div class=\"summary\">";
  o << "<div class=\"tile\"><span class=\"muted\">Scope</span><b>"
    << escape_html(std::string(engine::code(r.scope.verdict))) << "</b>";
  for (const auto& why : r.scope.reasons)
    o << "<span class=\"badge b-warn\">" << escape_html(why) << "</span>";
  o << "</div>";
  o << "<div class=\"tile\"><span class=\"muted\">WHO 2022 grade</span><b>"
    << escape_html(std::string(engine::code(r.grade.verdict))) << "</b>"
    << escape_html(r.grade.category);
  for (const auto& f : r.grade.flags)
    o << " <span class=\"badge b-warn\">" << escape_html(f) << "</span>";
  o << "</div>";
  o << "<div class=\"tile\"><span class=\"muted\">Systemic lines so far</span><b>"
    << (r.derived.lines_before ? std::to_string(*r.derived.lines_before) : std::string("unknown"))
    << "</b>progressed on SSA: " << to_string(r.derived.ssa.progressed) << "</div>";
  o << "<div class=\"tile\"><span class=\"muted\">Kidney function</span><b>";
  if (r.calculators.egfr)
    o << fmt::format("{:.0f}", r.calculators.egfr->value)
      << " mL/min/1.73 m²</b>eGFR, CKD-EPI 2021";
  else
    o << "unknown</b>eGFR not computable";
  if (r.calculators.creatinine_clearance)
    o << "<br>CrCl " << fmt::format("{:.0f}", r.calculators.creatinine_clearance->value)
      << " mL/min (Cockcroft-Gault)";
  o << "</div></div>";

  for (const auto& e : r.scope.explanation)
    o << "<div>" << escape_html(e) << "</div>";
  if (!r.scope.missing.empty()) {
    o << "<ul>";
    for (const auto& m : r.scope.missing)
      o << "<li class=\"missing\">Missing for scope: " << escape_html(m.name) << " <code>"
        << escape_html(m.source.display()) << "</code> — " << escape_html(m.why) << "</li>";
    o << "</ul>";
  }
  for (const auto& e : r.grade.explanation)
    o << "<div class=\"muted\">Grade: " << escape_html(e) << "</div>";

  // Eligibility and safety first, then the recommendation, then the plan
  o << "<h2>Eligibility and safety <span class=\"badge " << badge_class(r.eligibility.status)
    << "\">" << escape_html(std::string(engine::code(r.eligibility.status)))
    << "</span></h2><table><tr><th>item</th><th>kind</th><th>value</th><th>threshold</th>"
       "<th>status</th><th>source</th></tr>";
  for (const auto& it : r.eligibility.items)
    o << "<tr><td>" << escape_html(it.name) << "</td><td>" << escape_html(it.kind) << "</td><td>"
      << escape_html(it.value ? it.value->display() : std::string("missing")) << "</td><td>"
      << escape_html(it.threshold) << "</td><td class=\""
      << (it.crossed == Tri::yes  ? "caution"
          : it.crossed == Tri::no ? ""
                                  : "missing")
      << "\">"
      << (it.crossed == Tri::yes  ? "crossed"
          : it.crossed == Tri::no ? "ok"
                                  : "missing")
      << "</td><td>" << escape_html(it.source) << "</td></tr>";
  o << "</table>";
  o << "<h2>Recommendation</h2><p><b>Proposed:</b> " << escape_html(r.recommendation.proposed.text)
    << (r.recommendation.proposed.conditional ? " <i>(conditional)</i>" : "")
    << " <span class=\"muted\">(" << escape_html(r.recommendation.proposed.basis) << ")</span></p>";
  if (!r.recommendation.conditions.empty() || !r.recommendation.alternatives.empty()) {
    o << "<ul>";
    for (const auto& c : r.recommendation.conditions)
      o << "<li class=\"caution\">Condition: " << escape_html(c) << "</li>";
    for (const auto& alt : r.recommendation.alternatives)
      o << "<li>Alternative: " << escape_html(alt.text)
        << (alt.conditional ? " <i>(conditional)</i>" : "") << " <span class=\"muted\">("
        << escape_html(alt.basis) << ")</span></li>";
    o << "</ul>";
  }
  o << "<h2>Plan</h2><ol>";
  for (const auto& p : r.plan)
    o << "<li><b>" << escape_html(std::string(engine::to_string(p.phase))) << ":</b> "
      << escape_html(p.text) << " <span class=\"muted\">(" << escape_html(p.source)
      << ")</span></li>";
  o << "</ol>";

  // Charts
  o << "<h2>Charts</h2><div class=\"charts\">";
  bool any_chart = false;
  if (r.recist) {
    o << calc::recist::to_svg(*r.recist);
    any_chart = true;
  }
  if (r.budget) {
    o << budget_svg(*r.budget);
    any_chart = true;
  }
  for (const auto& m : r.measured_cycles) {
    o << dosimetry::tac_chart_svg(
        m.result, fmt::format("Cycle {} ({}): organ activity and fitted curves", m.cycle_id,
                              m.date ? m.date->iso() : "date unknown"));
    any_chart = true;
  }
  if (!r.timeline.empty()) {
    o << timeline_svg(r.timeline, r.meta.assessment_date);
    any_chart = true;
  }
  if (!any_chart)
    o << "<p class=\"muted\">No measurements, treatment history or dosimetry to chart.</p>";
  o << "</div>";

  // Questions
  o << "<h2>The ten questions of the consensus</h2>";
  for (const auto& q : r.questions) {
    o << "<div class=\"card\"><h3><span class=\"qid\">" << escape_html(q.id) << "</span>"
      << escape_html(q.question) << "</h3>";
    o << "<span class=\"badge " << badge_class(q.verdict) << "\">"
      << escape_html(std::string(engine::code(q.verdict))) << "</span>";
    o << "<span class=\"badge ev\">evidence " << escape_html(q.level) << "-"
      << escape_html(q.strength) << "</span>";
    o << "<span class=\"muted\">status " << escape_html(std::string(engine::to_string(q.status)))
      << " · refs ";
    for (std::size_t i = 0; i < q.references.size(); ++i)
      o << (i ? ", " : "") << q.references[i];
    o << "</span>";
    o << "<p><i>Consensus, in our words:</i> " << escape_html(q.recommendation) << "</p>";
    if (!q.context.empty())
      o << "<p class=\"muted\"><i>Context (ungraded):</i> " << escape_html(q.context) << "</p>";
    if (!q.graded)
      o << "<p class=\"caution\">This verdict rests on the ungraded text of the consensus; the "
           "evidence grade above belongs to the boxed recommendation.</p>";
    if (!q.explanation.empty()) {
      o << "<ul>";
      for (const auto& e : q.explanation)
        o << "<li>" << escape_html(e) << "</li>";
      o << "</ul>";
    }
    facts_table(o, q.rationale);
    if (!q.missing.empty() || !q.cautions.empty() || !q.actions.empty()) {
      o << "<ul>";
      for (const auto& m : q.missing)
        o << "<li class=\"missing\">Missing: " << escape_html(m.name) << " <code>"
          << escape_html(m.source.display()) << "</code> — " << escape_html(m.why) << "</li>";
      for (const auto& c : q.cautions)
        o << "<li class=\"caution\">Caution: " << escape_html(c.text) << "</li>";
      for (const auto& a : q.actions)
        o << "<li class=\"action\">Action: " << escape_html(a.text) << "</li>";
      o << "</ul>";
    }
    o << "</div>";
  }

  // Label safety
  o << "<h2>Label safety (product label, not the "
       "consensus)</h2><table><tr><th>kind</th><th>rule</th><th>source</th><th>wording "
       "checked</th></tr>";
  for (const auto& s : r.label_safety)
    o << "<tr><td>" << escape_html(s.kind) << "</td><td>" << escape_html(s.text) << "</td><td>"
      << escape_html(s.source) << "</td><td>" << escape_html(s.verification) << "</td></tr>";
  o << "</table>";

  // Policy and provenance
  o << "<h2>Policy and provenance</h2><table>";
  for (const auto& [k, v] : describe(r.policy, r.limits))
    o << "<tr><th>" << escape_html(k) << "</th><td>" << escape_html(v) << "</td></tr>";
  o << "</table><p class=\"muted\">Source: " << escape_html(r.meta.source_citation)
    << " doi:" << escape_html(r.meta.source_doi)
    << " (CC BY 4.0); recommendations summarised in our own words. Ruleset "
    << escape_html(r.meta.ruleset_id) << " " << escape_html(r.meta.ruleset_version)
    << ", sha256 <code>" << escape_html(r.meta.ruleset_sha256) << "</code>. rltguide "
    << escape_html(r.meta.program_version) << " (git " << escape_html(r.meta.git_commit)
    << ").</p>";
  o << "</body></html>\n";
  return o.str();
}

}  // namespace rlt::render
