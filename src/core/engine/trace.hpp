// The traceability matrix: which rules implement each recommendation and which tests cover each
// rule. Generated at build time (cmake/ScanTrace.cmake) from RULE("qN.name") marks in the engine
// and "@covers qN.name" comments in tests/unit/engine.
#pragma once

#include <string>
#include <vector>

namespace rlt::engine {

struct TraceRow {
  std::string rule;                ///< "q5.chemotherapy_option"
  std::string source;              ///< "src/core/engine/engine.cpp:412"
  std::vector<std::string> tests;  ///< "tests/unit/engine/q5_test.cpp:33"
};

/// Every rule mark found in the engine sources, in file order.
const std::vector<TraceRow>& trace_rows();

}  // namespace rlt::engine
