// Loading the test vectors of tests/vectors/ (each case names its source and tolerance).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rlt::test {

inline nlohmann::json load_vectors(const std::string& name) {
  std::ifstream f(std::string(RLT_SOURCE_DIR) + "/tests/vectors/" + name);
  EXPECT_TRUE(f.good()) << "missing vector file " << name;
  std::stringstream ss;
  ss << f.rdbuf();
  return nlohmann::json::parse(ss.str());
}

/// "id: source" for failure messages.
inline std::string where(const nlohmann::json& c) {
  return c.value("id", std::string("?")) + " (" + c.value("source", std::string("")) + ")";
}

}  // namespace rlt::test
