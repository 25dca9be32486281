// The calculator subcommands: recist, choi, tgr, egfr, ctcae, ecog, g8, krenning, netpet.
// Argument parsing and printing only; every rule is in core/calc.
#include <cmath>
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "base/json_doc.hpp"
#include "base/reader.hpp"
#include "base/text.hpp"
#include "calc/choi.hpp"
#include "calc/common.hpp"
#include "calc/ctcae.hpp"
#include "calc/krenning.hpp"
#include "calc/netpet.hpp"
#include "calc/performance.hpp"
#include "calc/recist.hpp"
#include "calc/recist_series.hpp"
#include "calc/renal.hpp"
#include "calc/tgr.hpp"
#include "cli.hpp"
#include "domain_check.hpp"
#include "model/names.hpp"
#include "output.hpp"
#include "render/calc.hpp"

namespace rlt::cli {

namespace {

using calc::fmt_fixed;

CLI::Option* add_format(CLI::App* cmd, std::string& format) {
  return cmd->add_option("--format", format, "Output: text or json (default text)")
      ->check(CLI::IsMember({"text", "json"}));
}

void fail(Io& io, std::string_view cmd, const Error& e, int code = kInvalidInput) {
  io.err << "rltguide " << cmd << ": " << e.message << " [" << e.code << "]\n";
  io.exit_code = code;
}

void usage(Io& io, std::string_view cmd, std::string_view message) {
  io.err << "rltguide " << cmd << ": " << message << "\nRun 'rltguide " << cmd
         << " --help' for the options.\n";
  io.exit_code = kUsage;
}

void print_json(Io& io, const Json& j) {
  io.out << j.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

// ---- recist ----------------------------------------------------------------------------------

std::string pct(const std::optional<double>& v) {
  if (!v) return "-";
  return fmt::format("{:+.1f}", *v);
}

void print_recist_text(Io& io, const std::string& file, const calc::recist::SeriesResult& r) {
  using namespace calc::recist;
  io.out << fmt::format("{} - {}\n", r.version, escape_text(file));
  std::string targets, non_targets;
  for (const auto& l : r.lesions) {
    std::string item = fmt::format("{} ({}{}, {} mm)", escape_text(l.id), escape_text(l.organ),
                                   l.nodal ? ", short axis" : "", fmt_fixed(l.length.mm(), 1));
    if (l.target)
      targets += (targets.empty() ? "" : ", ") + item;
    else
      non_targets += (non_targets.empty() ? "" : ", ") +
                     fmt::format("{} ({})", escape_text(l.id), escape_text(l.organ));
  }
  io.out << "Targets" << (r.targets_selected_automatically ? " (selected by size)" : "") << ": "
         << (targets.empty() ? "none" : targets) << '\n';
  io.out << "Non-targets: " << (non_targets.empty() ? "none" : non_targets) << '\n';
  io.out << fmt::format("{:<10} {:>5} {:>8} {:>8} {:>8} {:>8}  {:<6} {:<13} {:<9} {}\n", "date",
                        "day", "sum mm", "nadir", "vs BL %", "vs nadir", "target", "non-target",
                        "new", "overall");
  for (const auto& t : r.timepoints) {
    const std::string sum =
        t.sum ? fmt::format("{:.1f}", t.sum->mm()) : fmt::format("({:.1f})", t.assessed_sum.mm());
    const std::string nadir = t.nadir ? fmt::format("{:.1f}", t.nadir->mm()) : "-";
    const std::string newl = t.new_lesions ? std::string(model::to_string(*t.new_lesions)) : "?";
    if (t.baseline) {
      io.out << fmt::format("{:<10} {:>5} {:>8} {:>8} {:>8} {:>8}  {:<6} {:<13} {:<9} {}\n",
                            t.date.iso(), t.day, sum, "-", "-", "-", "-", "-", newl, "baseline");
      continue;
    }
    io.out << fmt::format("{:<10} {:>5} {:>8} {:>8} {:>8} {:>8}  {:<6} {:<13} {:<9} {}\n",
                          t.date.iso(), t.day, sum, nadir, pct(t.change_from_baseline),
                          pct(t.change_from_nadir), to_string(t.target), to_string(t.non_target),
                          newl, to_string(t.overall));
  }
  io.out << '\n';
  for (const auto& t : r.timepoints) {
    io.out << t.date.iso() << ":\n";
    for (const auto& why : t.reasons)
      io.out << "  - " << escape_text(why) << '\n';
  }
  io.out << fmt::format(
      "\nBest overall response ({}): {}\n",
      r.params.confirmation_required
          ? fmt::format("confirmation required, ≥ {} days", r.params.confirmation_days)
          : std::string("confirmation not required"),
      to_string(r.best.response));
  for (const auto& why : r.best.reasons)
    io.out << "  - " << escape_text(why) << '\n';
  const auto& other = r.params.confirmation_required ? r.best_unconfirmed : r.best_confirmed;
  io.out << fmt::format("  (without/with confirmation it would be {})\n",
                        to_string(other.response));
  io.out << fmt::format("SD minimum: {} days from {}\n", r.params.sd_min_days,
                        r.reference_date ? r.reference_date->iso() : "baseline");
  if (!r.warnings.empty()) {
    io.out << "Warnings:\n";
    for (const auto& w : r.warnings)
      io.out << "  ! " << escape_text(w) << '\n';
  }
}

void add_recist(CLI::App& app, Io& io) {
  auto* cmd = app.add_subcommand(
      "recist",
      "RECIST 1.1 response of a series of CT/MRI assessments: per-timepoint sums, target, "
      "non-target and new-lesion "
      "response, overall response (Tables 1-2) and best overall response (Table 3)");
  cmd->footer(
      "SERIES.json is an rltguide-recist-series/1 document (docs/calculators.md) or a case file "
      "(rltguide-case/2 or /1), whose imaging.studies are used.\nExit codes: 0 ok, 1 usage, 2 "
      "invalid input.");
  struct Opts {
    std::string file, svg, format = "text";
    bool no_confirmation = false;
    std::optional<int> confirmation_days, sd_min_days;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("SERIES.json", o->file, "The series (or case) file")->required();
  cmd->add_option("--svg", o->svg, "Also write an SVG chart of the sum of diameters to this file");
  cmd->add_flag("--no-confirmation", o->no_confirmation,
                "Best response without confirmation of CR/PR (randomised trials, PFS endpoints)");
  cmd->add_option("--confirmation-days", o->confirmation_days,
                  "Minimum days between a response and its confirmation (default 28, ruleset)")
      ->check(CLI::Range(1, 3650));
  cmd->add_option("--sd-min-days", o->sd_min_days,
                  "Minimum days from the reference date for SD to count (default 42, ruleset)")
      ->check(CLI::Range(0, 3650));
  add_format(cmd, o->format);
  cmd->callback([&io, o] {
    if (!o->svg.empty() && same_file(o->svg, o->file)) {
      io.err << "rltguide recist: --svg names the input file '" << escape_text(o->file)
             << "'; refusing to overwrite it\n";
      io.exit_code = kUsage;
      return;
    }
    JsonLimits limits;
    auto text = read_text_file(o->file, limits.max_bytes);
    if (!text.ok()) {
      io.err << "rltguide recist: " << escape_text(text.error().message) << '\n';
      io.exit_code = kInvalidInput;
      return;
    }
    // A case file or a series document, told apart by its "format".
    bool is_case = false;
    {
      JsonDoc probe;
      Diagnostics ignored;
      if (parse_json(text.value(), limits, probe, ignored) && probe.root.is_object()) {
        auto it = probe.root.find("format");
        is_case = it != probe.root.end() && it->is_string() &&
                  (it->get<std::string>() == model::kCaseFormat ||
                   it->get<std::string>() == model::kCaseFormatV1);
      }
    }
    calc::recist::Series series;
    calc::recist::Params params = calc::recist::Params::from_ruleset(kb::builtin());
    if (is_case) {
      auto parsed = model::parse_case(text.value(), limits);
      if (!parsed.ok()) {
        report_problems(io, o->file, parsed.diagnostics, o->format == "json");
        return;
      }
      series = calc::recist::series_from_case(parsed.value);
    } else {
      auto parsed = calc::recist::read_series(text.value(), limits);
      if (!parsed.ok()) {
        report_problems(io, o->file, parsed.diagnostics, o->format == "json");
        return;
      }
      params = parsed.params(kb::builtin());
      series = std::move(parsed.series);
    }
    if (o->no_confirmation) params.confirmation_required = false;
    if (o->confirmation_days) params.confirmation_days = *o->confirmation_days;
    if (o->sd_min_days) params.sd_min_days = *o->sd_min_days;
    auto r = calc::recist::evaluate(series, params);
    if (!r.ok()) {
      fail(io, "recist", r.error());
      return;
    }
    if (!o->svg.empty()) {
      if (auto e = write_file_atomic(o->svg, calc::recist::to_svg(r.value()))) {
        io.err << "rltguide recist: " << escape_text(*e) << '\n';
        io.exit_code = kInvalidInput;
        return;
      }
    }
    if (o->format == "json")
      print_json(io, calc::recist::to_json(r.value()));
    else
      print_recist_text(io, o->file, r.value());
  });
}

// ---- choi --------------------------------------------------------------------------------------

void add_choi(CLI::App& app, Io& io) {
  auto* cmd = app.add_subcommand("choi",
                                 "Choi response (size -10 % or density -15 % HU = PR; size +10 % "
                                 "without density response = PD)");
  cmd->footer(
      "Sizes are sums of target long axes in mm; densities mean attenuation in HU (portal venous "
      "phase).");
  struct Opts {
    double baseline_size = 0, size = 0, baseline_density = 0, density = 0;
    std::optional<double> nadir_size;
    std::string reference = "baseline", format = "text";
    bool modified = false, new_lesions = false, new_nodules = false, nt_progression = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--baseline-size", o->baseline_size, "Baseline sum of long axes, mm")
      ->required()
      ->check(in_domain(domains::choi_baseline_size));
  cmd->add_option("--size", o->size, "Current sum of long axes, mm")
      ->required()
      ->check(in_domain(domains::choi_size));
  cmd->add_option("--nadir-size", o->nadir_size, "Smallest earlier sum, mm (for --reference nadir)")
      ->check(in_domain(domains::choi_nadir_size));
  cmd->add_option("--baseline-density", o->baseline_density, "Baseline mean density, HU")
      ->required()
      ->check(in_domain(domains::choi_baseline_density));
  cmd->add_option("--density", o->density, "Current mean density, HU")
      ->required()
      ->check(in_domain(domains::choi_density));
  cmd->add_option("--reference", o->reference,
                  "Reference of the size increase for PD: baseline (default) or nadir")
      ->check(CLI::IsMember({"baseline", "nadir"}));
  cmd->add_flag("--modified", o->modified,
                "Modified Choi: PR needs both the size and the density decrease");
  cmd->add_flag("--new-lesions", o->new_lesions, "New lesions are present");
  cmd->add_flag("--new-nodules", o->new_nodules,
                "New intratumoural nodules or growth of existing nodules");
  cmd->add_flag("--non-target-progression", o->nt_progression,
                "Obvious progression of non-measurable disease");
  add_format(cmd, o->format);
  cmd->callback([&io, o] {
    calc::choi::Input in;
    in.baseline_size = units::Millimetre(o->baseline_size);
    in.size = units::Millimetre(o->size);
    if (o->nadir_size) in.nadir_size = units::Millimetre(*o->nadir_size);
    in.baseline_density = units::Hounsfield(o->baseline_density);
    in.density = units::Hounsfield(o->density);
    in.reference =
        o->reference == "nadir" ? calc::choi::Reference::nadir : calc::choi::Reference::baseline;
    in.variant = o->modified ? calc::choi::Variant::modified : calc::choi::Variant::choi;
    in.new_lesions = o->new_lesions;
    in.new_intratumoural_nodules = o->new_nodules;
    in.non_target_progression = o->nt_progression;
    auto r = calc::choi::evaluate(in, kb::builtin());
    if (!r.ok()) return fail(io, "choi", r.error());
    const auto& v = r.value();
    const std::string criteria = o->modified ? "modified Choi" : "Choi (J Clin Oncol 2007;25:1753)";
    if (o->format == "json") {
      print_json(io, {{"criteria", criteria},
                      {"response", calc::choi::to_string(v.response)},
                      {"size_change_pct", std::round(v.size_change * 10) / 10},
                      {"size_change_vs_reference_pct", std::round(v.size_change_ref * 10) / 10},
                      {"density_change_pct", std::round(v.density_change * 10) / 10},
                      {"reference", calc::choi::to_string(v.reference)},
                      {"review_size_up_density_down", v.flag_size_up_density_down},
                      {"reasons", v.reasons}});
      return;
    }
    io.out << fmt::format("Choi response: {} ({})\n", calc::choi::to_string(v.response), criteria);
    io.out << fmt::format("  size {:+.1f} % vs baseline ({:+.1f} % vs {}), density {:+.1f} %\n",
                          v.size_change, v.size_change_ref, calc::choi::to_string(v.reference),
                          v.density_change);
    for (const auto& why : v.reasons)
      io.out << "  - " << why << '\n';
  });
}

// ---- tgr ---------------------------------------------------------------------------------------

void add_tgr(CLI::App& app, Io& io) {
  auto* cmd = app.add_subcommand(
      "tgr",
      "Tumour growth rate, %/month: 100*(exp(3*ln(D1/D0)/t)-1), t in months = days*12/365.25");
  cmd->footer(
      "D0 and D1 are RECIST sums of diameters (mm). Give the interval as --months or as two "
      "dates.");
  struct Opts {
    double d0 = 0, d1 = 0;
    std::optional<double> months;
    std::string date0, date1, format = "text";
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--d0", o->d0, "First sum of diameters, mm")
      ->required()
      ->check(in_domain(domains::tgr_d0));
  cmd->add_option("--d1", o->d1, "Second sum of diameters, mm")
      ->required()
      ->check(in_domain(domains::tgr_d1));
  auto* m = cmd->add_option("--months", o->months, "Interval between the two measurements, months")
                ->check(in_domain(domains::tgr_months));
  auto* a = cmd->add_option("--date0", o->date0, "Date of the first measurement, YYYY-MM-DD");
  auto* b = cmd->add_option("--date1", o->date1, "Date of the second measurement, YYYY-MM-DD");
  m->excludes(a)->excludes(b);
  a->needs(b);
  b->needs(a);
  add_format(cmd, o->format);
  cmd->callback([&io, o] {
    Result<calc::tgr::Output> r = Error{"", ""};
    if (o->months) {
      r = calc::tgr::compute(units::Millimetre(o->d0), units::Millimetre(o->d1), *o->months);
    } else if (!o->date0.empty()) {
      auto t0 = Date::parse(o->date0), t1 = Date::parse(o->date1);
      if (!t0 || !t1) return usage(io, "tgr", "dates must be YYYY-MM-DD calendar dates");
      r = calc::tgr::compute(units::Millimetre(o->d0), *t0, units::Millimetre(o->d1), *t1);
    } else {
      return usage(io, "tgr", "give --months or --date0 and --date1");
    }
    if (!r.ok()) return fail(io, "tgr", r.error());
    const auto& v = r.value();
    auto classes = calc::tgr::classify(v.tgr, kb::builtin());
    if (o->format == "json") {
      Json cs = Json::array();
      for (const auto& c : classes)
        cs.push_back({{"threshold", c.threshold_id},
                      {"rule", c.description},
                      {"meets", c.meets},
                      {"source", c.source}});
      Json j = {
          {"tgr_pct_per_month", v.tgr}, {"months", v.months}, {"limit", v.limit}, {"cutoffs", cs}};
      if (!v.note.empty()) j["note"] = v.note;
      print_json(io, j);
      return;
    }
    io.out << fmt::format("TGR: {} %/month over {} months\n", fmt_fixed(v.tgr, 2),
                          fmt_fixed(v.months, 3));
    if (!v.note.empty()) io.out << "  note: " << v.note << '\n';
    for (const auto& c : classes)
      io.out << fmt::format("  {} {}: {} ({})\n", c.threshold_id, c.description,
                            c.meets ? "yes" : "no", c.source);
  });
}

// ---- egfr --------------------------------------------------------------------------------------

void add_egfr(CLI::App& app, Io& io) {
  auto* cmd = app.add_subcommand("egfr",
                                 "Kidney function: CKD-EPI 2021 eGFR (default), CKD-EPI 2009, "
                                 "Cockcroft-Gault creatinine clearance");
  cmd->footer(
      "eGFR is in mL/min/1.73 m2; Cockcroft-Gault (actual body weight) gives creatinine clearance "
      "in mL/min, the "
      "quantity the Lutathera label's renal rule uses. Creatinine: umol/L or mg/dL (1 mg/dL = 88.4 "
      "umol/L).");
  struct Opts {
    double creatinine = 0, age = 0;
    std::optional<double> weight;
    std::string unit = "umol/L", sex, equation = "ckd-epi-2021", format = "text";
    bool black = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--creatinine", o->creatinine, "Serum creatinine (IDMS-traceable)")
      ->required()
      ->check(in_domain(domains::creatinine_flag));
  cmd->add_option("--unit", o->unit, "Creatinine unit: umol/L (default) or mg/dL")
      ->check(CLI::IsMember({"umol/L", "mg/dL"}));
  cmd->add_option("--age", o->age, "Age in years (18 or more)")
      ->required()
      ->check(in_domain(domains::age_years));
  cmd->add_option("--sex", o->sex, "female or male")
      ->required()
      ->check(CLI::IsMember({"female", "male"}));
  cmd->add_option("--weight", o->weight, "Actual body weight, kg (for Cockcroft-Gault)")
      ->check(in_domain(domains::weight_kg));
  cmd->add_option("--equation", o->equation,
                  "ckd-epi-2021 (default), ckd-epi-2009, cockcroft-gault or all")
      ->check(CLI::IsMember({"ckd-epi-2021", "ckd-epi-2009", "cockcroft-gault", "all"}));
  cmd->add_flag("--black", o->black,
                "Apply the race coefficient of CKD-EPI 2009 (only to reproduce old values)");
  add_format(cmd, o->format);
  cmd->callback([&io, o] {
    const units::Creatinine scr(o->unit == "mg/dL" ? o->creatinine * calc::renal::kUmolPerMgdl
                                                   : o->creatinine);
    const model::Sex sex = o->sex == "female" ? model::Sex::female : model::Sex::male;
    const bool all = o->equation == "all";
    if (o->equation == "cockcroft-gault" && !o->weight)
      return usage(io, "egfr", "Cockcroft-Gault needs --weight (actual body weight, kg)");
    struct Row {
      std::string equation, unit;
      double value;
    };
    std::vector<Row> rows;
    if (all || o->equation == "ckd-epi-2021") {
      auto r = calc::renal::ckd_epi_2021(scr, o->age, sex);
      if (!r.ok()) return fail(io, "egfr", r.error());
      rows.push_back({std::string(calc::renal::kCkdEpi2021), std::string(units::Egfr::symbol()),
                      r.value().value()});
    }
    if (all || o->equation == "ckd-epi-2009") {
      auto r = calc::renal::ckd_epi_2009(scr, o->age, sex, o->black);
      if (!r.ok()) return fail(io, "egfr", r.error());
      rows.push_back(
          {std::string(calc::renal::kCkdEpi2009) + (o->black ? ", race coefficient applied" : ""),
           std::string(units::Egfr::symbol()), r.value().value()});
    }
    if ((all && o->weight) || o->equation == "cockcroft-gault") {
      auto r = calc::renal::cockcroft_gault(scr, o->age, units::Kilogram(*o->weight), sex);
      if (!r.ok()) return fail(io, "egfr", r.error());
      rows.push_back({std::string(calc::renal::kCockcroftGault),
                      std::string(units::Clearance::symbol()), r.value().value()});
    }
    if (o->format == "json") {
      Json arr = Json::array();
      for (const auto& row : rows)
        arr.push_back({{"equation", row.equation},
                       {"value", std::round(row.value * 100) / 100},
                       {"rounded", std::lround(row.value)},
                       {"unit", row.unit}});
      print_json(io, {{"creatinine_umol_per_l", scr.value()}, {"results", arr}});
      return;
    }
    for (const auto& row : rows)
      io.out << fmt::format("{}: {} {} ({})\n", row.equation, std::lround(row.value),
                            kb::display_unit(row.unit).substr(1), fmt_fixed(row.value, 2));
    if (all && !o->weight) io.out << "(Cockcroft-Gault needs --weight)\n";
  });
}

// ---- ctcae -------------------------------------------------------------------------------------

void add_ctcae(CLI::App& app, Io& io) {
  auto* cmd =
      app.add_subcommand("ctcae",
                         "CTCAE v5.0 grade of a laboratory value (platelets, anaemia, neutrophils, "
                         "creatinine, AST, ALT, bilirubin)");
  cmd->footer(
      "Limits and baseline are in the same unit as --value. Without the LLN/ULN a grade that needs "
      "it is "
      "reported as ungradable, never as 0. Units: platelets/neutrophils 10*9/L or 10*3/uL; "
      "haemoglobin g/L or g/dL; "
      "creatinine umol/L or mg/dL; bilirubin umol/L or mg/dL; AST/ALT U/L.");
  struct Opts {
    std::string term, unit, format = "text";
    double value = 0;
    std::optional<double> lln, uln, baseline;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--term", o->term,
                  "platelets, anaemia, neutrophils, creatinine, ast, alt or bilirubin")
      ->required()
      ->check(CLI::IsMember(
          {"platelets", "anaemia", "neutrophils", "creatinine", "ast", "alt", "bilirubin"}));
  cmd->add_option("--value", o->value, "The measured value")
      ->required()
      ->check(in_domain(domains::lab_value));
  cmd->add_option("--unit", o->unit,
                  "Unit of the values (default: the canonical unit of the analyte)");
  cmd->add_option("--lln", o->lln, "Lower limit of normal")->check(in_domain(domains::lab_lln));
  cmd->add_option("--uln", o->uln, "Upper limit of normal")->check(in_domain(domains::lab_uln));
  cmd->add_option("--baseline", o->baseline, "The patient's baseline value")
      ->check(in_domain(domains::lab_baseline));
  add_format(cmd, o->format);
  cmd->callback([&io, o] {
    using calc::ctcae::Term;
    const Term term = o->term == "platelets"     ? Term::platelet_count_decreased
                      : o->term == "anaemia"     ? Term::anemia
                      : o->term == "neutrophils" ? Term::neutrophil_count_decreased
                      : o->term == "creatinine"  ? Term::creatinine_increased
                      : o->term == "ast"         ? Term::ast_increased
                      : o->term == "alt"         ? Term::alt_increased
                                                 : Term::blood_bilirubin_increased;
    auto units = model::unit_tables::lab(calc::ctcae::analyte_of(term));
    double factor = 1.0;
    if (!o->unit.empty()) {
      bool found = false;
      std::string accepted;
      for (const auto& u : units) {
        accepted += (accepted.empty() ? "" : ", ") + std::string(u.code);
        if (u.code == o->unit) {
          factor = u.factor;
          found = true;
        }
      }
      if (!found)
        return usage(
            io, "ctcae",
            fmt::format("unit \"{}\" is not accepted for {}: use {}", o->unit, o->term, accepted));
    }
    auto conv = [factor](std::optional<double> x) {
      return x ? std::optional<double>(*x * factor) : std::nullopt;
    };
    calc::ctcae::Input in{term, o->value * factor, conv(o->lln), conv(o->uln), conv(o->baseline)};
    auto r = calc::ctcae::grade(in);
    if (!r.ok()) return fail(io, "ctcae", r.error());
    const auto& v = r.value();
    if (o->format == "json") {
      print_json(io, {{"version", calc::ctcae::kVersion},
                      {"term", calc::ctcae::to_string(term)},
                      {"grade", v.grade ? Json(*v.grade) : Json(nullptr)},
                      {"gradable", v.grade.has_value()},
                      {"criterion", v.criterion},
                      {"notes", v.notes}});
      return;
    }
    io.out << fmt::format("{} ({}): {}\n", calc::ctcae::to_string(term), calc::ctcae::kVersion,
                          v.grade ? fmt::format("grade {}", *v.grade) : std::string("ungradable"));
    io.out << "  criterion: " << v.criterion << '\n';
    for (const auto& n : v.notes)
      io.out << "  - " << n << '\n';
  });
}

// ---- ecog --------------------------------------------------------------------------------------

void add_ecog(CLI::App& app, Io& io) {
  auto* cmd =
      app.add_subcommand("ecog", "ECOG performance status and its conventional Karnofsky mapping");
  cmd->footer("The ECOG-Karnofsky mapping is a convention, not a validated equivalence.");
  struct Opts {
    std::optional<int> ecog, karnofsky;
    std::string format = "text";
  };
  auto o = std::make_shared<Opts>();
  auto* e = cmd->add_option("--ecog", o->ecog, "ECOG performance status 0-5");
  auto* k = cmd->add_option("--karnofsky", o->karnofsky,
                            "Karnofsky performance status 0-100, steps of 10");
  e->excludes(k);
  add_format(cmd, o->format);
  cmd->callback([&io, o] {
    if (!o->ecog && !o->karnofsky) return usage(io, "ecog", "give --ecog or --karnofsky");
    int ecog = 0;
    bool derived = false;
    std::optional<int> kps = o->karnofsky;
    if (o->karnofsky) {
      auto r = calc::performance::karnofsky_to_ecog(*o->karnofsky);
      if (!r.ok()) return fail(io, "ecog", r.error());
      ecog = r.value();
      derived = true;
    } else {
      ecog = *o->ecog;
    }
    auto desc = calc::performance::ecog_description(ecog);
    if (!desc.ok()) return fail(io, "ecog", desc.error());
    auto range = calc::performance::ecog_to_karnofsky(ecog);
    if (o->format == "json") {
      Json j = {{"ecog", ecog},
                {"ecog_derived_from_karnofsky", derived},
                {"ecog_meaning", desc.value()},
                {"karnofsky_range", {range.value().low, range.value().high}}};
      if (kps) j["karnofsky"] = *kps;
      print_json(io, j);
      return;
    }
    if (kps)
      io.out << fmt::format("Karnofsky {}: {}\n", *kps,
                            calc::performance::karnofsky_description(*kps).value());
    io.out << fmt::format("ECOG {}{}: {}\n", ecog, derived ? " (mapped from Karnofsky)" : "",
                          desc.value());
    io.out << fmt::format("Karnofsky range for ECOG {}: {}-{}\n", ecog, range.value().low,
                          range.value().high);
  });
}

// ---- g8 ----------------------------------------------------------------------------------------

void add_g8(CLI::App& app, Io& io) {
  auto* cmd = app.add_subcommand(
      "g8", "G8 geriatric screening (Bellera 2012): total 0-17, abnormal at 14 or less");
  cmd->footer(
      "Items: food 0 severe decrease / 1 moderate / 2 none; weight-loss 0 >3 kg / 1 does not know "
      "/ 2 1-3 kg / "
      "3 none; mobility 0 bed or chair / 1 out of bed, not out / 2 goes out; neuropsych 0 severe / "
      "1 mild / 2 none; "
      "drugs 0 more than 3 a day / 1 no; health not-as-good 0 / does-not-know 0.5 / as-good 1 / "
      "better 2.");
  struct Opts {
    int food = 0, weight_loss = 0, mobility = 0, neuropsych = 0, drugs = 0;
    std::optional<int> bmi_points, age_points;
    std::optional<double> bmi, age;
    std::string health, format = "text";
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--food", o->food, "A: food intake decline, 0-2")->required();
  cmd->add_option("--weight-loss", o->weight_loss, "B: weight loss in 3 months, 0-3")->required();
  cmd->add_option("--mobility", o->mobility, "C: mobility, 0-2")->required();
  cmd->add_option("--neuropsych", o->neuropsych, "E: neuropsychological problems, 0-2")->required();
  auto* bp = cmd->add_option("--bmi-points", o->bmi_points, "F: BMI points 0-3");
  auto* bv = cmd->add_option("--bmi", o->bmi, "F: BMI in kg/m2 (scored <19/19-21/21-23/>=23)")
                 ->check(in_domain(domains::bmi));
  bp->excludes(bv);
  cmd->add_option("--drugs", o->drugs, "H: 0 takes more than 3 prescription drugs a day, 1 no")
      ->required();
  cmd->add_option("--health", o->health, "P: self-rated health vs peers")
      ->required()
      ->check(CLI::IsMember({"not-as-good", "does-not-know", "as-good", "better"}));
  auto* ap = cmd->add_option("--age-points", o->age_points, "Age points 0-2");
  auto* av = cmd->add_option("--age", o->age, "Age in years (scored >85/80-85/<80)")
                 ->check(in_domain(domains::g8_age));
  ap->excludes(av);
  add_format(cmd, o->format);
  cmd->callback([&io, o] {
    if (!o->bmi_points && !o->bmi) return usage(io, "g8", "give --bmi or --bmi-points");
    if (!o->age_points && !o->age) return usage(io, "g8", "give --age or --age-points");
    calc::performance::G8Items it;
    it.food_intake = o->food;
    it.weight_loss = o->weight_loss;
    it.mobility = o->mobility;
    it.neuropsych = o->neuropsych;
    it.drugs = o->drugs;
    if (o->bmi) {
      auto p = calc::performance::g8_bmi_points(*o->bmi);
      if (!p.ok()) return fail(io, "g8", p.error());
      it.bmi = p.value();
    } else {
      it.bmi = *o->bmi_points;
    }
    if (o->age) {
      auto p = calc::performance::g8_age_points(*o->age);
      if (!p.ok()) return fail(io, "g8", p.error());
      it.age = p.value();
    } else {
      it.age = *o->age_points;
    }
    it.health_half = o->health == "not-as-good"     ? 0
                     : o->health == "does-not-know" ? 1
                     : o->health == "as-good"       ? 2
                                                    : 4;
    auto r = calc::performance::g8(it, kb::builtin());
    if (!r.ok()) return fail(io, "g8", r.error());
    const auto& v = r.value();
    if (o->format == "json") {
      print_json(io, {{"total", v.total()},
                      {"abnormal", v.abnormal},
                      {"rule", v.rule},
                      {"items",
                       {{"food_intake", it.food_intake},
                        {"weight_loss", it.weight_loss},
                        {"mobility", it.mobility},
                        {"neuropsych", it.neuropsych},
                        {"bmi", it.bmi},
                        {"drugs", it.drugs},
                        {"health", it.health_half / 2.0},
                        {"age", it.age}}},
                      {"source", "Bellera et al., Ann Oncol 2012;23:2166"}});
      return;
    }
    io.out << fmt::format(
        "G8: {} / 17 - {} (abnormal when {})\n", fmt_fixed(v.total(), 1),
        v.abnormal ? "abnormal: a comprehensive geriatric assessment is recommended" : "normal",
        v.rule);
  });
}

// ---- krenning ----------------------------------------------------------------------------------

void add_krenning(CLI::App& app, Io& io) {
  auto* cmd = app.add_subcommand(
      "krenning",
      "SSTR positivity from Krenning-type uptake scores (uptake at least as high as normal liver)");
  struct Opts {
    std::vector<int> scores;
    std::optional<int> minimum;
    std::string uptake, format = "text";
  };
  auto o = std::make_shared<Opts>();
  auto* s = cmd->add_option("--score", o->scores, "Krenning score 0-4 (repeat for each lesion)");
  auto* u = cmd->add_option("--uptake", o->uptake,
                            "Uptake relative to normal liver: below, equal or above")
                ->check(CLI::IsMember({"below", "equal", "above"}));
  s->excludes(u);
  cmd->add_option("--minimum", o->minimum,
                  "Local minimum score instead of the ruleset's (e.g. 3 on PET)")
      ->check(CLI::Range(0, 4));
  add_format(cmd, o->format);
  cmd->callback([&io, o] {
    calc::krenning::Positivity p;
    if (!o->uptake.empty()) {
      p = calc::krenning::sstr_positive(o->uptake == "below"   ? model::UptakeVsLiver::below
                                        : o->uptake == "equal" ? model::UptakeVsLiver::equal
                                                               : model::UptakeVsLiver::above);
    } else if (!o->scores.empty()) {
      auto r = calc::krenning::sstr_positive(kb::builtin(), o->scores, o->minimum);
      if (!r.ok()) return fail(io, "krenning", r.error());
      p = r.value();
    } else {
      return usage(io, "krenning", "give --score (one or more) or --uptake");
    }
    if (o->format == "json") {
      print_json(io, {{"sstr_positive", p.positive}, {"rule", p.rule}, {"reasons", p.reasons}});
      return;
    }
    io.out << fmt::format("SSTR {} (rule {})\n", p.positive ? "positive" : "not positive", p.rule);
    for (const auto& why : p.reasons)
      io.out << "  - " << why << '\n';
  });
}

// ---- netpet ------------------------------------------------------------------------------------

std::optional<calc::netpet::Lesion> parse_netpet_lesion(const std::string& s) {
  calc::netpet::Lesion l;
  std::string head = s, tail;
  if (auto colon = s.find(':'); colon != std::string::npos) {
    head = s.substr(0, colon);
    tail = s.substr(colon + 1);
  }
  if (head == "sstr+/fdg+")
    l = {true, true, std::nullopt};
  else if (head == "sstr+/fdg-")
    l = {true, false, std::nullopt};
  else if (head == "sstr-/fdg+")
    l = {false, true, std::nullopt};
  else if (head == "sstr-/fdg-")
    l = {false, false, std::nullopt};
  else
    return std::nullopt;
  if (!tail.empty()) {
    if (!(l.sstr_positive && l.fdg_positive)) return std::nullopt;
    if (tail == "lower")
      l.relation = calc::netpet::FdgVsSstr::lower;
    else if (tail == "similar")
      l.relation = calc::netpet::FdgVsSstr::similar;
    else if (tail == "higher")
      l.relation = calc::netpet::FdgVsSstr::higher;
    else
      return std::nullopt;
  }
  return l;
}

void add_netpet(CLI::App& app, Io& io) {
  auto* cmd = app.add_subcommand(
      "netpet", "NETPET grade P0-P5 from dual SSTR/FDG PET (Chan et al., Theranostics 2017)");
  cmd->footer(
      "Each --lesion is sstr+/fdg-, sstr-/fdg+, sstr-/fdg- or sstr+/fdg+:lower|similar|higher (FDG "
      "uptake relative to "
      "SSTR). The patient grade is the highest lesion grade.");
  struct Opts {
    std::vector<std::string> lesions;
    std::string format = "text";
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--lesion", o->lesions, "One lesion's pattern (repeat for each lesion)")
      ->required();
  add_format(cmd, o->format);
  cmd->callback([&io, o] {
    std::vector<calc::netpet::Lesion> ls;
    for (const auto& s : o->lesions) {
      auto l = parse_netpet_lesion(s);
      if (!l) return usage(io, "netpet", fmt::format("cannot read lesion \"{}\"", s));
      ls.push_back(*l);
    }
    auto r = calc::netpet::grade(ls);
    if (!r.ok()) return fail(io, "netpet", r.error());
    const auto& v = r.value();
    if (o->format == "json") {
      print_json(io, {{"grade", calc::netpet::to_string(v.grade)},
                      {"meaning", v.meaning},
                      {"reasons", v.reasons},
                      {"source", "Chan et al., Theranostics 2017;7:1149"}});
      return;
    }
    io.out << fmt::format("NETPET {}: {}\n", calc::netpet::to_string(v.grade), v.meaning);
    for (const auto& why : v.reasons)
      io.out << "  - " << why << '\n';
  });
}

}  // namespace

void add_calculators(CLI::App& app, Io& io) {
  add_recist(app, io);
  add_choi(app, io);
  add_tgr(app, io);
  add_egfr(app, io);
  add_ctcae(app, io);
  add_ecog(app, io);
  add_g8(app, io);
  add_krenning(app, io);
  add_netpet(app, io);
}

}  // namespace rlt::cli
