#include <ostream>

#include "base/text.hpp"
#include "cli.hpp"

namespace rlt::cli {

void add_validate(CLI::App& app, Io& io) {
  auto* cmd = app.add_subcommand("validate",
                                 "Check a case file (rltguide-case/2 or /1); report every problem");
  auto file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("FILE", *file, "The case, a JSON file")->required();
  cmd->add_option("--format", *format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&io, file, format] {
    JsonLimits limits;
    auto text = read_text_file(*file, limits.max_bytes);
    if (!text.ok()) {
      io.err << "rltguide: " << escape_text(text.error().message) << '\n';
      io.exit_code = kInvalidInput;
      return;
    }
    auto parsed = model::parse_case(text.value(), limits);
    if (*format == "json") {
      io.out << diagnostics_json(*file, parsed.diagnostics) << '\n';
    } else if (parsed.ok()) {
      std::string id = parsed.value.case_id.value.value_or("(no case_id)");
      // the format the file says; a rltguide-case/1 file is read upgraded to the current model
      io.out << "OK: " << escape_text(*file) << " is a valid " << parsed.value.format << " case ("
             << escape_text(id) << ")\n";
    } else {
      print_diagnostics(*file, parsed.diagnostics, io.err);
    }
    io.exit_code = parsed.ok() ? kOk : kInvalidInput;
  });
}

}  // namespace rlt::cli
