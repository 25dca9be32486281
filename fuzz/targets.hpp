// The fuzz entry functions. Each takes one input (bytes) and runs it through the same path as
// the command line: parse, validate, compute and render every output format. The libFuzzer
// drivers (fuzz_*.cpp, `fuzz` preset, clang) call them, and so does the ordinary test build,
// which replays the regression corpus (fuzz/corpus/regression/<target>/) without clang.
// A crash, a sanitizer report or an exception escaping is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace rlt::fuzz {

/// rltguide-case/1: parse + validate + derive + evaluate + JSON/text/Markdown/HTML reports.
void case_input(std::string_view data);
/// rltguide-policy/1: engine::read_policy, then an evaluation of a minimal case with it.
void policy_input(std::string_view data);
/// rltguide-recist-series/1: read_series + evaluate + JSON + SVG.
void recist_input(std::string_view data);
/// rltguide-dosimetry-study/1: parse_study + fits (run_study) + JSON + text + SVG chart.
void dosimetry_input(std::string_view data);
/// The command line, in process: arguments separated by newlines. Arguments that could write a
/// file (-o, --output, --svg) or name a path outside the working folder are dropped.
void cli_input(std::string_view data);

/// Dispatch by target name ("case", "policy", "recist", "dosimetry", "cli"); false if unknown.
bool run_target(std::string_view target, std::string_view data);

}  // namespace rlt::fuzz
