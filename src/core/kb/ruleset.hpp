// The knowledge base: recommendations of the consensus and every threshold a rule uses, kept as
// versioned data (data/ruleset/consensus-2024.json, embedded in the binary at build time).
// The loader refuses an entry that lacks any required part, so no rule can run on an uncited
// number.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"
#include "base/result.hpp"

namespace rlt::kb {

enum class Comparator { lt, le, gt, ge, eq };

std::string_view to_string(Comparator c);
/// A unit code as shown to a person (" %", " per 2 mm²", " mL/min/1.73 m²"), with leading space.
std::string display_unit(std::string_view ucum);

/// A number a rule compares against, with its unit, comparator and source.
struct Threshold {
  std::string id;
  double value = 0;
  std::string unit;
  Comparator comparator = Comparator::lt;
  std::string source;
  std::string note;

  /// Does x satisfy "x <comparator> value"?
  [[nodiscard]] bool holds(double x) const;
  /// "< 3 %" for reports.
  [[nodiscard]] std::string describe() const;
};

struct Reference {
  int number = 0;
  std::string citation;
  std::string doi;  ///< may be empty only when `no_doi_reason` says why
  std::string no_doi_reason;
};

struct Recommendation {
  std::string id;        ///< Q1..Q10
  std::string question;  ///< the question, in our words
  std::string summary;   ///< the boxed (graded) recommendation, in our own words
  std::string context;   ///< ungraded points from the text around it, in our own words
  std::string level;     ///< as graded by the consensus, e.g. "1b"
  std::string strength;  ///< A..D
  std::vector<int> references;
};

struct Ruleset {
  std::string id;
  std::string version;
  std::string sha256;  ///< of the ruleset file as loaded
  std::string source_citation;
  std::string source_doi;
  std::string source_license;
  std::vector<Recommendation> recommendations;
  std::map<int, Reference> references;
  std::map<std::string, Threshold, std::less<>> thresholds;

  /// The threshold with this id; throws std::logic_error if absent (a programming error: the
  /// loader and a test check that every id the rules use exists).
  [[nodiscard]] const Threshold& threshold(std::string_view key) const;
  [[nodiscard]] const Recommendation* recommendation(std::string_view key) const;
};

/// Parse and check a ruleset document. Every problem is reported (pointer, expected, found).
Result<Ruleset> load_ruleset(std::string_view text, std::string sha256, Diagnostics& diags);

/// The ruleset embedded in this binary (loaded once; throws std::logic_error if it is invalid,
/// which a test prevents).
const Ruleset& builtin();

}  // namespace rlt::kb
