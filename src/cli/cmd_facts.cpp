#include <ostream>

#include <fmt/format.h>

#include "base/text.hpp"
#include "cli.hpp"
#include "model/derived.hpp"
#include "model/names.hpp"

namespace rlt::cli {

namespace {
std::string opt_num(const std::optional<double>& v, int decimals = 1) {
  return v ? fmt::format("{:.{}f}", *v, decimals) : std::string("unknown");
}
}  // namespace

void add_facts(CLI::App& app, Io& io) {
  auto* cmd = app.add_subcommand("facts", "Validate a case and print its grade and derived facts");
  auto file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("FILE", *file, "The case, a JSON file")->required();
  cmd->add_option("--format", *format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&io, file, format] {
    auto parsed = load_case(*file, io);
    if (!parsed) return;
    const auto& c = parsed->value;
    auto d = model::derive(c, kb::builtin());
    if (*format == "json") {
      Json j;
      j["case_id"] = c.case_id.value.value_or("");
      j["grade"] = {{"grade", model::grade_code(d.grade.grade)},
                    {"category", model::to_string(d.grade.category)},
                    {"discordant_with_reported", d.grade.discordant_with_reported},
                    {"reasons", d.grade.reasons}};
      j["lines_before"] = d.lines_before ? Json(*d.lines_before) : Json();
      j["progressed_on_ssa"] = to_string(d.ssa.progressed);
      j["progressed_on_ssa_course"] = d.ssa.treatment_id;
      j["ssa_intensity"] = d.ssa.intensity ? Json(model::to_string(*d.ssa.intensity)) : Json();
      j["prior_rlt"] = to_string(d.prior_rlt);
      j["months_since_last_rlt"] =
          d.months_since_last_rlt ? Json(*d.months_since_last_rlt) : Json();
      j["newly_diagnosed"] = to_string(d.newly_diagnosed);
      j["months_since_diagnosis"] =
          d.months_since_diagnosis ? Json(*d.months_since_diagnosis) : Json();
      io.out << j.dump(2) << '\n';
      return;
    }
    io.out << fmt::format("Case {}: valid {}\n", escape_text(c.case_id.value.value_or("(no id)")),
                          c.format);
    io.out << fmt::format("WHO 2022 grade: {} ({})\n", model::grade_code(d.grade.grade),
                          model::to_string(d.grade.category));
    for (const auto& why : d.grade.reasons)
      io.out << "  - " << escape_text(why) << '\n';
    io.out << fmt::format("Systemic lines so far: {}\n",
                          d.lines_before ? std::to_string(*d.lines_before) : "unknown");
    io.out << fmt::format(
        "Progressed on SSA: {}{}\n", to_string(d.ssa.progressed),
        d.ssa.treatment_id.empty() ? "" : " (course " + escape_text(d.ssa.treatment_id) + ")");
    io.out << "  - " << escape_text(d.ssa.why) << '\n';
    if (d.ssa.intensity) io.out << "  - SSA dose: " << model::to_string(*d.ssa.intensity) << '\n';
    io.out << fmt::format("Prior RLT: {}; months since last cycle: {}\n", to_string(d.prior_rlt),
                          opt_num(d.months_since_last_rlt));
    io.out << fmt::format("Newly diagnosed (NETTER-2 window): {}; months since diagnosis: {}\n",
                          to_string(d.newly_diagnosed), opt_num(d.months_since_diagnosis));
  });
}

}  // namespace rlt::cli
