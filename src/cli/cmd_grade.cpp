#include <ostream>

#include <fmt/format.h>

#include "cli.hpp"
#include "domain_check.hpp"
#include "model/grading.hpp"
#include "model/names.hpp"

namespace rlt::cli {

void add_grade(CLI::App& app, Io& io) {
  auto* cmd = app.add_subcommand(
      "grade", "WHO 2022 grade of a GEP neuroendocrine neoplasm from Ki-67 and/or mitoses");
  struct Opts {
    std::optional<double> ki67, mitoses;
    std::string differentiation, reported, format = "text";
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--ki67", o->ki67, "Ki-67 index in percent (0-100)")
      ->check(in_domain(domains::ki67));
  cmd->add_option("--mitoses", o->mitoses, "Mitoses per 2 mm2")->check(in_domain(domains::mitoses));
  cmd->add_option("--differentiation", o->differentiation, "well or poor")
      ->check(CLI::IsMember({"well", "poor"}));
  cmd->add_option("--reported", o->reported, "The grade reported by pathology: G1, G2 or G3")
      ->check(CLI::IsMember({"G1", "G2", "G3"}));
  cmd->add_option("--format", o->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&io, o] {
    if (!o->ki67 && !o->mitoses) {
      io.err << "rltguide grade: give --ki67 and/or --mitoses\n";
      io.exit_code = kUsage;
      return;
    }
    model::GradeInput in;
    in.ki67 = o->ki67;
    in.mitoses = o->mitoses;
    if (!o->differentiation.empty())
      in.differentiation = enum_from(model::names(model::Differentiation{}), o->differentiation);
    if (!o->reported.empty()) in.reported = enum_from(model::names(model::Grade{}), o->reported);
    auto r = model::grade_who2022(in, kb::builtin());
    if (o->format == "json") {
      Json j = {{"grade", model::grade_code(r.grade)},
                {"category", model::to_string(r.category)},
                {"partial", r.partial},
                {"discordant_with_reported", r.discordant_with_reported},
                {"reasons", r.reasons},
                {"classification", "WHO 2022 (Rindi et al., Endocr Pathol 2022)"}};
      io.out << j.dump(2) << '\n';
      return;
    }
    io.out << fmt::format("Grade: {} ({})\n", model::grade_code(r.grade),
                          model::to_string(r.category));
    for (const auto& why : r.reasons)
      io.out << "  - " << why << '\n';
    if (r.discordant_with_reported) io.out << "  ! discordant with the reported grade\n";
    io.out << "Classification: WHO 2022 (Rindi et al., Endocr Pathol 2022)\n";
  });
}

}  // namespace rlt::cli
