// The rltguide command line. run() is the whole program, callable in-process by the tests.
//
// Exit codes (stable, documented in README.md):
//   0 ok; 1 usage error (bad arguments); 2 invalid input (the file's content is wrong or
//   unreadable); 3 internal error (a bug: please report it).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "base/diagnostics.hpp"
#include "model/case_parser.hpp"

namespace rlt::cli {

enum ExitCode : int { kOk = 0, kUsage = 1, kInvalidInput = 2, kInternal = 3 };

struct Io {
  std::ostream& out;
  std::ostream& err;
  int exit_code = kOk;
};

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

/// Read and validate a case file; on failure print every problem to io.err and set exit 2.
std::optional<model::ParsedCase> load_case(const std::string& path, Io& io);
/// Print diagnostics, one per line, prefixed with the file name.
void print_diagnostics(const std::string& file, const Diagnostics& d, std::ostream& os);
/// Report an invalid input: every problem to io.err (as text, or as JSON), and exit code 2.
void report_problems(Io& io, const std::string& file, const Diagnostics& d, bool json);
/// Diagnostics as a JSON array (for --format json).
std::string diagnostics_json(const std::string& file, const Diagnostics& d);

// Subcommands. Each adds itself to the app; its callback writes to io and sets io.exit_code.
void add_validate(CLI::App& app, Io& io);
void add_grade(CLI::App& app, Io& io);
void add_facts(CLI::App& app, Io& io);
void add_calculators(CLI::App& app, Io& io);  // recist, choi, tgr, egfr, ctcae, ecog, g8, netpet
void add_dosimetry(CLI::App& app, Io& io);
void add_evaluate(CLI::App& app, Io& io);  // evaluate, kb
void add_case(CLI::App& app, Io& io);      // case upgrade

}  // namespace rlt::cli
