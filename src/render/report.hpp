// Renderings of a Decision: JSON (the primary form, schemas/report.schema.json), plain text,
// Markdown and a self-contained printable HTML page with SVG charts. Each renders from the
// Decision alone; none computes a clinical fact.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/decision.hpp"

namespace rlt::render {

nlohmann::json to_json(const engine::Decision& d);
nlohmann::json to_json(const engine::Policy& p, const engine::Limits& limits);
std::string render_text(const engine::Decision& d);
std::string render_markdown(const engine::Decision& d);
std::string render_html(const engine::Decision& d);

/// One line per policy setting, "name = value (source)", for every report.
std::vector<std::pair<std::string, std::string>> describe(const engine::Policy& p,
                                                          const engine::Limits& limits);
/// The HTML badge class of a verdict, from its tone in the catalogue ("b-ok", "b-warn" …).
std::string_view badge_class(engine::Verdict v);

}  // namespace rlt::render
