// Running the command line in process for the hardening tests.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "cli.hpp"

namespace rlt::test {

struct Run {
  int code;
  std::string out, err;
};

inline Run run_cli(std::vector<std::string> args) {
  args.insert(args.begin(), "rltguide");
  std::vector<const char*> argv;
  argv.reserve(args.size());
  for (const auto& a : args)
    argv.push_back(a.c_str());
  std::ostringstream out, err;
  const int code = cli::run(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

}  // namespace rlt::test
