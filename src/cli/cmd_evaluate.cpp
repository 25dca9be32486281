#include <ostream>

#include <fmt/format.h>

#include "base/text.hpp"
#include "cli.hpp"
#include "domain_check.hpp"
#include "engine/engine.hpp"
#include "engine/trace.hpp"
#include "kb/ruleset.hpp"
#include "output.hpp"
#include "render/report.hpp"

namespace rlt::cli {

namespace {

struct EvalOpts {
  std::string file, policy_file, format = "text", output, jurisdiction;
  bool first_line = false, retreatment = false;
  std::optional<double> kidney_limit, marrow_limit;
};

void write_output(Io& io, const std::string& path, const std::string& content) {
  if (path.empty() || path == "-") {
    io.out << content;
    return;
  }
  if (auto e = write_file_atomic(path, content)) {
    io.err << "rltguide: " << escape_text(*e) << "\n";
    io.exit_code = kInvalidInput;
    return;
  }
  io.err << "rltguide: wrote " << escape_text(path) << "\n";
}

void add_kb(CLI::App& app, Io& io) {
  auto* kb =
      app.add_subcommand("kb", "The knowledge base: recommendations Q1-Q10 with their grades");
  auto format = std::make_shared<std::string>("text");
  kb->add_option("--format", *format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  auto* trace =
      kb->add_subcommand("trace", "Traceability matrix: recommendation -> rules -> tests");
  kb->callback([&io, format, kb] {
    if (kb->got_subcommand("trace")) return;
    const auto& rs = kb::builtin();
    if (*format == "json") {
      Json j = Json::array();
      for (const auto& r : rs.recommendations)
        j.push_back({{"id", r.id},
                     {"question", r.question},
                     {"summary", r.summary},
                     {"level", r.level},
                     {"strength", r.strength},
                     {"references", r.references}});
      io.out << Json{{"ruleset", rs.id},
                     {"version", rs.version},
                     {"sha256", rs.sha256},
                     {"recommendations", j}}
                    .dump(2)
             << '\n';
      return;
    }
    io.out << fmt::format("Ruleset {} {} (sha256 {})\nSource: {} doi:{}\n\n", rs.id, rs.version,
                          rs.sha256, rs.source_citation, rs.source_doi);
    for (const auto& r : rs.recommendations) {
      io.out << fmt::format("{} [{}-{}] {}\n  {}\n  References:", r.id, r.level, r.strength,
                            r.question, r.summary);
      for (int n : r.references)
        io.out << ' ' << n;
      io.out << "\n\n";
    }
  });
  trace->callback([&io] {
    const auto& rs = kb::builtin();
    const auto& rows = engine::trace_rows();
    for (const auto& rec : rs.recommendations) {
      std::string prefix = "q" + rec.id.substr(1) + ".";
      io.out << fmt::format("{} [{}-{}] {}\n", rec.id, rec.level, rec.strength, rec.question);
      for (const auto& row : rows) {
        if (row.rule.rfind(prefix, 0) != 0) continue;
        io.out << fmt::format("  {:<34} {}\n", row.rule, row.source);
        if (row.tests.empty()) io.out << "      (no test)\n";
        for (const auto& t : row.tests)
          io.out << "      tested by " << t << '\n';
      }
    }
    for (const auto& row : rows)
      if (row.rule.rfind("scope.", 0) == 0) {
        io.out << fmt::format("scope\n  {:<34} {}\n", row.rule, row.source);
        for (const auto& t : row.tests)
          io.out << "      tested by " << t << '\n';
      }
  });
}

}  // namespace

void add_evaluate(CLI::App& app, Io& io) {
  auto* cmd = app.add_subcommand("evaluate",
                                 "Answer Q1-Q10 of the consensus for a case, with grades, facts "
                                 "used, missing data and a plan");
  auto o = std::make_shared<EvalOpts>();
  cmd->add_option("CASE", o->file, "The case, a JSON file (rltguide-case/2 or /1)")->required();
  cmd->add_option("--policy", o->policy_file, "A policy file (rltguide-policy/1)");
  cmd->add_option("--format", o->format, "Output: json, text, markdown or html")
      ->check(CLI::IsMember({"json", "text", "markdown", "html"}));
  cmd->add_option("-o,--output", o->output, "Write to this file instead of standard output");
  cmd->add_option("--jurisdiction", o->jurisdiction,
                  "Whose label and approvals apply: EU, US, other or unspecified (default: the "
                  "policy's, else unspecified: both EU and US statements are shown)")
      ->check(CLI::IsMember({"EU", "US", "other", "unspecified"}));
  cmd->add_flag(
      "--first-line-approved", o->first_line,
      "First-line RLT for the NETTER-2 population is approved here (default: not approved)");
  cmd->add_flag("--retreatment-approved", o->retreatment,
                "RLT retreatment is approved here (default: not approved)");
  cmd->add_option(
         "--kidney-limit-gy", o->kidney_limit,
         "Kidney absorbed-dose limit in Gy, overriding the ruleset's q10.kidney_limit (23)")
      ->check(in_domain(domains::kidney_limit_gy));
  cmd->add_option(
         "--marrow-limit-gy", o->marrow_limit,
         "Bone-marrow absorbed-dose limit in Gy, overriding the ruleset's q10.marrow_limit (2)")
      ->check(in_domain(domains::marrow_limit_gy));
  cmd->callback([&io, o] {
    if (!o->output.empty() && o->output != "-") {
      const std::string inputs[] = {o->file, o->policy_file};
      if (auto in = output_is_input(o->output, inputs)) {
        io.err << "rltguide evaluate: -o names the input file '" << escape_text(*in)
               << "'; refusing to overwrite it\n";
        io.exit_code = kUsage;
        return;
      }
    }
    engine::Policy policy;
    if (!o->policy_file.empty()) {
      auto text = read_text_file(o->policy_file, 1 << 20);
      if (!text.ok()) {
        io.err << "rltguide: " << escape_text(text.error().message) << '\n';
        io.exit_code = kInvalidInput;
        return;
      }
      Diagnostics d;
      auto p = engine::read_policy(text.value(), d);
      if (!p.ok()) {
        print_diagnostics(o->policy_file, d, io.err);
        io.exit_code = kInvalidInput;
        return;
      }
      policy = p.value();
    }
    if (!o->jurisdiction.empty())
      policy.jurisdiction = o->jurisdiction == "EU"      ? engine::Jurisdiction::eu
                            : o->jurisdiction == "US"    ? engine::Jurisdiction::us
                            : o->jurisdiction == "other" ? engine::Jurisdiction::other
                                                         : engine::Jurisdiction::unspecified;
    if (o->first_line) policy.first_line_approved = true;
    if (o->retreatment) policy.retreatment_approved = true;
    if (o->kidney_limit) policy.kidney_limit_gy = *o->kidney_limit;
    if (o->marrow_limit) policy.marrow_limit_gy = *o->marrow_limit;
    auto parsed = load_case(o->file, io);
    if (!parsed) return;
    auto report = engine::evaluate(parsed->value, policy, kb::builtin());
    std::string out;
    if (o->format == "json")
      out = render::to_json(report).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    if (o->format == "text") out = render::render_text(report);
    if (o->format == "markdown") out = render::render_markdown(report);
    if (o->format == "html") out = render::render_html(report);
    write_output(io, o->output, out);
  });
  add_kb(app, io);
}

}  // namespace rlt::cli
