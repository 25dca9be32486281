#include "cli.hpp"

#include <exception>
#include <ostream>

#include <fmt/format.h>

#include "base/json_doc.hpp"
#include "base/text.hpp"
#include "base/version.hpp"
#include "kb/ruleset.hpp"

namespace rlt::cli {

void print_diagnostics(const std::string& file, const Diagnostics& d, std::ostream& os) {
  // Messages quote the input (keys, strings): one line each, controls and bidi made visible.
  const std::string f = escape_text(file);
  for (const auto& x : d.items())
    os << f << ": " << escape_text(x.to_string()) << '\n';
  if (d.not_shown() > 0)
    os << f << ": and " << d.not_shown() << " more problems not shown (limit " << Diagnostics::limit
       << ")\n";
  os << f << ": " << d.size() << (d.size() == 1 ? " problem" : " problems") << '\n';
}

std::string diagnostics_json(const std::string& file, const Diagnostics& d) {
  Json arr = Json::array();
  for (const auto& x : d.items()) {
    Json j = {{"pointer", x.pointer},
              {"expected", x.expected},
              {"found", x.found},
              {"code", x.code},
              {"message", x.to_string()}};
    if (x.pos.line > 0) {
      j["line"] = x.pos.line;
      j["column"] = x.pos.column;
    }
    arr.push_back(std::move(j));
  }
  Json out = {{"file", file},
              {"valid", d.empty()},
              {"problems", arr},
              {"problem_count", d.size()},
              {"not_shown", d.not_shown()}};
  return out.dump(2, ' ', false, Json::error_handler_t::replace);
}

void report_problems(Io& io, const std::string& file, const Diagnostics& d, bool json) {
  if (json)
    io.err << diagnostics_json(file, d) << '\n';
  else
    print_diagnostics(file, d, io.err);
  io.exit_code = kInvalidInput;
}

std::optional<model::ParsedCase> load_case(const std::string& path, Io& io) {
  JsonLimits limits;
  auto text = read_text_file(path, limits.max_bytes);
  if (!text.ok()) {
    io.err << "rltguide: " << escape_text(text.error().message) << '\n';
    io.exit_code = kInvalidInput;
    return std::nullopt;
  }
  auto parsed = model::parse_case(text.value(), limits);
  if (!parsed.ok()) {
    report_problems(io, path, parsed.diagnostics, false);
    return std::nullopt;
  }
  return parsed;
}

#ifndef RLT_HAS_CMD_CALCULATORS
void add_calculators(CLI::App&, Io&) {}
#endif
#ifndef RLT_HAS_CMD_DOSIMETRY
void add_dosimetry(CLI::App&, Io&) {}
#endif
#ifndef RLT_HAS_CMD_EVALUATE
void add_evaluate(CLI::App&, Io&) {}
#endif

namespace {
int run_commands(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  const int code = run_commands(argc, argv, out, err);
  // Output that did not reach its destination (closed standard output, a full disk, a broken
  // pipe) is a failure, never exit 0.
  out.flush();
  if (!out) {
    err << "rltguide: cannot write to standard output\n";
    return code == kOk ? kInvalidInput : code;
  }
  return code;
}

namespace {

int run_commands(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  Io io{out, err};
  try {
    CLI::App app{
        "rltguide: decision support for radioligand therapy (177Lu-DOTATATE) in GEP-NETs, "
        "after the Itanet/AIMN/SIE/AIOM consensus 2024. It supports, and never replaces, the "
        "judgement of a qualified clinician.",
        "rltguide"};
    app.require_subcommand(0, 1);
    bool version = false;
    app.add_flag("--version", version, "Print the program version, git commit and ruleset");
    add_validate(app, io);
    add_facts(app, io);
    add_grade(app, io);
    add_calculators(app, io);
    add_dosimetry(app, io);
    add_evaluate(app, io);
    add_case(app, io);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      int code = app.exit(e, out, err);
      return code == 0 ? kOk : kUsage;
    }
    if (version) {
      const auto& rs = kb::builtin();
      out << fmt::format("rltguide {} (git {})\nruleset {} {} sha256:{}\n", program_version(),
                         git_commit(), rs.id, rs.version, rs.sha256);
      return kOk;
    }
    if (app.get_subcommands().empty()) {
      out << app.help();
      return kUsage;
    }
    return io.exit_code;
  } catch (const std::exception& e) {
    err << "rltguide: internal error: " << e.what() << "\nThis is a bug; please report it.\n";
    return kInternal;
  }
}

}  // namespace

}  // namespace rlt::cli
