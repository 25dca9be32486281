// rltguide dosimetry STUDY.json [--format text|json] [--svg FILE]
// Per organ: the time-activity fit (or trapezoid / single-time-point estimate), Ã, absorbed dose,
// LED cross-check, kidney BED and Gy/GBq; optionally an SVG chart of points and fitted curves.
#include <ostream>

#include "base/text.hpp"
#include "cli.hpp"
#include "dosimetry/study.hpp"
#include "output.hpp"
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
    if (!o->svg.empty() && same_file(o->svg, o->file)) {
      io.err << "rltguide dosimetry: --svg names the input file '" << escape_text(o->file)
             << "'; refusing to overwrite it\n";
      io.exit_code = kUsage;
      return;
    }
    JsonLimits limits;
    auto text = read_text_file(o->file, limits.max_bytes);
    if (!text.ok()) {
      io.err << "rltguide: " << escape_text(text.error().message) << '\n';
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
    // The chart only from a run that succeeded: a failed run leaves no output file.
    if (!o->svg.empty() && result.errors.empty()) {
      if (auto e = write_file_atomic(
              o->svg, dosimetry::tac_chart_svg(
                          result, study.study_id.value.value_or("Time-activity curves")))) {
        io.err << "rltguide: " << escape_text(*e) << '\n';
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
