// The JSON Schema in schemas/case.schema.json must describe what the parser accepts. A small
// structural walker checks every bundled example against it (known keys, enum values, types of
// objects and arrays), and a case with a field the schema lacks must fail the walker.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/json_doc.hpp"

namespace rlt {
namespace {

namespace fs = std::filesystem;

Json load(const fs::path& p) {
  std::ifstream in(p);
  return Json::parse(in);
}

class Walker {
 public:
  explicit Walker(const Json& schema) : root_(schema) {}
  std::vector<std::string> problems;

  void walk(const Json& schema_in, const Json& v, const std::string& ptr) {
    const Json* s = &schema_in;
    Json merged;
    if (s->contains("$ref")) {
      std::string ref = (*s)["$ref"].get<std::string>();  // "#/$defs/name"
      merged = root_["$defs"][ref.substr(8)];
      for (auto it = s->begin(); it != s->end(); ++it)
        if (it.key() == "properties" && merged.contains("properties"))
          for (auto p = it->begin(); p != it->end(); ++p)
            merged["properties"][p.key()].update(*p);
      s = &merged;
    }
    if (v.is_null()) return;
    if (s->contains("enum")) {
      bool found = false;
      for (const auto& e : (*s)["enum"])
        found = found || e == v;
      if (!found) problems.push_back(ptr + ": " + v.dump() + " not in schema enum");
      return;
    }
    if (s->contains("const") && (*s)["const"] != v) problems.push_back(ptr + ": not the const");
    if (v.is_object()) {
      if (!s->contains("properties")) {
        if (s->value("type", "") == "object") return;  // a free-form object
        problems.push_back(ptr + ": object where the schema has none");
        return;
      }
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (!(*s)["properties"].contains(it.key())) {
          problems.push_back(ptr + "/" + it.key() + ": not in schema");
          continue;
        }
        walk((*s)["properties"][it.key()], *it, ptr + "/" + it.key());
      }
    } else if (v.is_array()) {
      if (!s->contains("items")) {
        problems.push_back(ptr + ": array where the schema has none");
        return;
      }
      for (std::size_t i = 0; i < v.size(); ++i)
        walk((*s)["items"], v[i], ptr + "/" + std::to_string(i));
    }
  }

 private:
  const Json& root_;
};

const fs::path kSource = RLT_SOURCE_DIR;

TEST(CaseSchema, EveryExampleConformsToTheSchema) {
  Json schema = load(kSource / "schemas/case.schema.json");
  for (const auto& e : fs::directory_iterator(kSource / "examples/cases")) {
    Walker w(schema);
    w.walk(schema, load(e.path()), "");
    EXPECT_TRUE(w.problems.empty()) << e.path() << ": " << w.problems.front();
  }
}

TEST(CaseSchema, EveryV1UpgradeVectorConformsToTheSchema) {
  Json schema = load(kSource / "schemas/case.schema.json");
  int n = 0;
  for (const auto& e : fs::directory_iterator(kSource / "tests/vectors/case-v1")) {
    ++n;
    Walker w(schema);
    w.walk(schema, load(e.path()), "");
    EXPECT_TRUE(w.problems.empty()) << e.path() << ": " << w.problems.front();
  }
  EXPECT_EQ(n, 11);
}

TEST(CaseSchema, FormatNamesBothVersions) {
  Json schema = load(kSource / "schemas/case.schema.json");
  EXPECT_EQ(schema["properties"]["format"]["enum"],
            Json::parse(R"(["rltguide-case/2", "rltguide-case/1"])"));
}

TEST(ReportSchema, EveryGoldenReportConformsToTheSchema) {
  Json schema = load(kSource / "schemas/report.schema.json");
  int n = 0;
  for (const auto& e : fs::directory_iterator(kSource / "tests/golden")) {
    ++n;
    Walker w(schema);
    w.walk(schema, load(e.path()), "");
    EXPECT_TRUE(w.problems.empty()) << e.path() << ": " << w.problems.front();
  }
  EXPECT_GE(n, 10);
}

TEST(CaseSchema, WalkerCatchesAFieldTheSchemaLacks) {
  Json schema = load(kSource / "schemas/case.schema.json");
  Walker w(schema);
  w.walk(schema, Json::parse(R"({"format": "rltguide-case/1", "tumour": {"ki76": 3}})"), "");
  ASSERT_EQ(w.problems.size(), 1u);
  EXPECT_EQ(w.problems[0], "/tumour/ki76: not in schema");
}

}  // namespace
}  // namespace rlt
