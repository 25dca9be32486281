// CLI11 validators for numeric flags: the value must be a finite number inside its Domain
// (base/domain.hpp). CLI::Range lets NaN through (every comparison with NaN is false); this does
// not. A failure is a usage error (exit 1) whose message names the flag and its real range.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "base/domain.hpp"

namespace rlt::cli {

inline CLI::Validator in_domain(const Domain& d) {
  return CLI::Validator(
      [d](std::string& s) -> std::string {
        auto v = parse_number(s);
        if (!v) return std::string(d.field) + " must be a number, " + d.range_text() + "; got " + s;
        if (auto problem = d.check(*v)) return *problem;
        return {};
      },
      d.range_text(), "DOMAIN");
}

}  // namespace rlt::cli
