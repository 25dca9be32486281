#include "model/case_upgrade.hpp"

#include <nlohmann/json.hpp>

#include "model/case_parser.hpp"

namespace rlt::model {

namespace {

using Ordered = nlohmann::ordered_json;

// The same object with "phase" replaced, in place, by "phases".
Ordered upgrade_study(const Ordered& study) {
  if (!study.is_object() || !study.contains("phase")) return study;
  Ordered out = Ordered::object();
  for (auto it = study.begin(); it != study.end(); ++it) {
    if (it.key() == "phase")
      out["phases"] = it->is_null() ? Ordered() : Ordered::array({*it});
    else
      out[it.key()] = *it;
  }
  return out;
}

}  // namespace

UpgradedCase upgrade_case(std::string_view text, const JsonLimits& limits) {
  UpgradedCase out;
  auto parsed = parse_case(text, limits);
  if (!parsed.ok()) {
    out.diagnostics = std::move(parsed.diagnostics);
    return out;
  }
  // parse_case accepted it: valid JSON within the limits, without duplicate keys, read by the
  // same nlohmann parser; the catch is only a guard so that no input can end the program.
  try {
    Ordered doc = Ordered::parse(text);
    out.was_current = parsed.value.format == kCaseFormat;
    doc["format"] = std::string(kCaseFormat);
    if (!out.was_current && doc.contains("imaging") && doc["imaging"].is_object()) {
      auto& imaging = doc["imaging"];
      if (imaging.contains("studies") && imaging["studies"].is_array())
        for (auto& study : imaging["studies"])
          study = upgrade_study(study);
    }
    out.text = doc.dump(2, ' ', false, Ordered::error_handler_t::strict) + "\n";
  } catch (const Ordered::exception& e) {
    out.text.clear();
    out.diagnostics.add({"", {}, "a case the upgrade can rewrite", e.what(), "upgrade_failed"});
  }
  return out;
}

}  // namespace rlt::model
