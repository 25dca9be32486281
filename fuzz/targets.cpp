#include "targets.hpp"

#include <sstream>
#include <string>
#include <vector>

#include "calc/recist.hpp"
#include "calc/recist_series.hpp"
#include "cli.hpp"
#include "dosimetry/study.hpp"
#include "engine/engine.hpp"
#include "engine/policy.hpp"
#include "kb/ruleset.hpp"
#include "model/case_parser.hpp"
#include "model/derived.hpp"
#include "render/calc.hpp"
#include "render/report.hpp"

namespace rlt::fuzz {

namespace {
// Keep the renderers' output alive so the work is not optimised away.
volatile std::size_t g_sink = 0;
void sink(const std::string& s) {
  g_sink = g_sink + s.size();
}
void sink(const Json& j) {
  sink(j.dump(-1, ' ', false, Json::error_handler_t::replace));
}
}  // namespace

void case_input(std::string_view data) {
  auto parsed = model::parse_case(data);
  if (!parsed.ok()) return;
  auto derived = model::derive(parsed.value, kb::builtin());
  sink(derived.ssa.why);
  auto report = engine::evaluate(parsed.value, engine::Policy{}, kb::builtin());
  sink(render::to_json(report));
  sink(render::render_text(report));
  sink(render::render_markdown(report));
  sink(render::render_html(report));
  auto series = calc::recist::series_from_case(parsed.value);
  auto r = calc::recist::evaluate(series, calc::recist::Params::from_ruleset(kb::builtin()));
  if (r.ok()) sink(calc::recist::to_json(r.value()));
}

void policy_input(std::string_view data) {
  Diagnostics d;
  auto p = engine::read_policy(data, d);
  if (!p.ok()) return;
  sink(p.value().jurisdiction);
  static const auto base = model::parse_case(
      R"({"format": "rltguide-case/1", "assessment_date": "2025-06-01",
          "patient": {"sex": "male"}})");
  if (base.ok()) sink(render::render_text(engine::evaluate(base.value, p.value(), kb::builtin())));
}

void recist_input(std::string_view data) {
  auto parsed = calc::recist::read_series(data);
  if (!parsed.ok()) return;
  auto r = calc::recist::evaluate(parsed.series, parsed.params(kb::builtin()));
  if (!r.ok()) return;
  sink(calc::recist::to_json(r.value()));
  sink(calc::recist::to_svg(r.value()));
}

void dosimetry_input(std::string_view data) {
  auto parsed = dosimetry::parse_study(data);
  if (!parsed.ok()) return;
  auto result = dosimetry::run_study(parsed.value);
  sink(dosimetry::study_json(parsed.value, result));
  sink(dosimetry::study_text(parsed.value, result));
  sink(dosimetry::tac_chart_svg(result, "fuzz"));
}

void cli_input(std::string_view data) {
  std::vector<std::string> args{"rltguide"};
  std::string cur;
  for (char c : data) {
    if (c == '\n') {
      args.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
    if (args.size() > 64) return;
  }
  args.push_back(cur);
  for (const auto& a : args) {
    // Never write files, never read outside the working folder (or from devices).
    if (a.rfind("-o", 0) == 0 || a.rfind("--o", 0) == 0 || a.find("--svg") != std::string::npos ||
        a.find('/') != std::string::npos || a.find("..") != std::string::npos)
      return;
  }
  std::vector<const char*> argv;
  argv.reserve(args.size());
  for (const auto& a : args)
    argv.push_back(a.c_str());
  std::ostringstream out, err;
  const int code = cli::run(static_cast<int>(argv.size()), argv.data(), out, err);
  if (code == cli::kInternal) __builtin_trap();  // an internal error is a bug
  sink(out.str());
}

bool run_target(std::string_view target, std::string_view data) {
  if (target == "case") {
    case_input(data);
  } else if (target == "policy") {
    policy_input(data);
  } else if (target == "recist") {
    recist_input(data);
  } else if (target == "dosimetry") {
    dosimetry_input(data);
  } else if (target == "cli") {
    cli_input(data);
  } else {
    return false;
  }
  return true;
}

}  // namespace rlt::fuzz
