// Safety property: for every example case and every single fact removed, each question's
// verdict is either the verdict with full data or insufficient_data. A missing fact must never
// turn one definite answer into a different definite answer.
//
// "A fact" is any member of an object in the case (a scalar, a quantity, a list); removing an
// element from a list is not tested, because a shorter history is a different history, not a
// missing fact. Removals that make the case invalid (required fields) are skipped.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/engine.hpp"
#include "model/case_parser.hpp"

namespace rlt::engine {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = RLT_SOURCE_DIR;

void member_pointers(const Json& j, const std::string& ptr, std::vector<std::string>& out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      std::string p = ptr + "/" + it.key();
      out.push_back(p);
      if (!(it->is_object() && it->contains("unit"))) member_pointers(*it, p, out);
    }
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i)
      member_pointers(j[i], ptr + "/" + std::to_string(i), out);
  }
}

std::vector<std::string> verdicts(const Decision& r) {
  std::vector<std::string> v = {std::string(code(r.scope.verdict))};
  for (const auto& q : r.questions)
    v.emplace_back(code(q.verdict));
  return v;
}

TEST(SafetyProperty, RemovingAFactNeverChangesADefiniteVerdictIntoAnother) {
  const char* names[] = {"scope", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10"};
  for (const auto& e : fs::directory_iterator(kSource / "examples/cases")) {
    if (e.path().extension() != ".json") continue;
    std::ifstream in(e.path());
    Json full = Json::parse(in);
    auto base_case = model::parse_case(full.dump());
    ASSERT_TRUE(base_case.ok());
    auto base = verdicts(evaluate(base_case.value, Policy{}, kb::builtin()));
    std::vector<std::string> ptrs;
    member_pointers(full, "", ptrs);
    int tried = 0;
    for (const auto& p : ptrs) {
      Json reduced = full;
      Json::json_pointer jp(p);
      reduced[jp.parent_pointer()].erase(jp.back());
      auto c = model::parse_case(reduced.dump());
      if (!c.ok()) continue;
      ++tried;
      auto v = verdicts(evaluate(c.value, Policy{}, kb::builtin()));
      for (std::size_t i = 0; i < v.size(); ++i) {
        bool fine = v[i] == base[i] || v[i] == "insufficient_data";
        EXPECT_TRUE(fine) << e.path().filename().string() << ": removing " << p << " turned "
                          << names[i] << " from " << base[i] << " into " << v[i];
      }
    }
    EXPECT_GT(tried, 0);
  }
}

}  // namespace
}  // namespace rlt::engine
