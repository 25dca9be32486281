// rltguide dosimetry STUDY.json [--format text|json] [--svg FILE]
// Per organ: the time-activity fit (or trapezoid / single-time-point estimate), Ã, absorbed dose,
// LED cross-check, kidney BED and Gy/GBq; optionally an SVG chart of points and fitted curves.
#include <fstream>
#include <ostream>

#include "cli.hpp"
#include "dosimetry/study.hpp"
#include "render/calc.hpp"

namespace rlt::cli {

void add_dosimetry(CLI::App& app, Io& io) {
  auto* cmd = app.add_subcommand("dosimetry",
                                 "Lu-177 organ dosimetry of one administration "
                                 "(rltguide-dosimetry-study/1): fits, Ã, dose, BED");
  struct Opts {
    std::string file, format = "text", svg;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("STUDY", o->file, "The study, a JSON file (rltguide-dosimetry-study/1)")
      ->required();
  cmd->add_option("--format", o->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--svg", o->svg,
                  "Also write an SVG chart of measured points and fitted curves to this file");
  cmd->callback([&io, o] {
    JsonLimits limits;
    auto text = read_text_file(o->file, limits.max_bytes);
    if (!text.ok()) {
      io.err << "rltguide: " << text.error().message << '\n';
      io.exit_code = kInvalidInput;
      return;
    }
    auto parsed = dosimetry::parse_study(text.value(), limits);
    if (!parsed.ok()) {
      if (o->format == "json")
        io.out << diagnostics_json(o->file, parsed.diagnostics) << '\n';
      else
        print_diagnostics(o->file, parsed.diagnostics, io.err);
      io.exit_code = kInvalidInput;
      return;
    }
    const auto& study = parsed.value;
    auto result = dosimetry::run_study(study);
    if (!o->svg.empty()) {
      std::ofstream svg(o->svg, std::ios::binary);
      svg << dosimetry::tac_chart_svg(result,
                                      study.study_id.value.value_or("Time-activity curves"));
      if (!svg) {
        io.err << "rltguide: cannot write " << o->svg << '\n';
        io.exit_code = kInvalidInput;
        return;
      }
    }
    if (o->format == "json")
      io.out << dosimetry::study_json(study, result)
                    .dump(2, ' ', false, Json::error_handler_t::replace)
             << '\n';
    else
      io.out << dosimetry::study_text(study, result);
    io.exit_code = result.errors.empty() ? kOk : kInvalidInput;
  });
}

}  // namespace rlt::cli
