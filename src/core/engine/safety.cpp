#include "engine/safety.hpp"

#include <fmt/format.h>

#include "model/derived.hpp"

namespace rlt::engine {

namespace {
constexpr const char* kUspi = "Lutathera USPI (FDA, NDA 208700)";
constexpr const char* kSmpc = "Lutathera EU SmPC (EMA)";
}  // namespace

std::vector<SafetyItem> label_safety(const model::Case& c, std::optional<double> crcl,
                                     const Policy& policy) {
  // EU SmPC rules apply unless the policy's jurisdiction is the US (unspecified: both labels)
  const bool eu = policy.jurisdiction != Jurisdiction::us;
  std::vector<SafetyItem> out;
  const auto& pt = c.patient;
  // Pregnancy
  if (pt.pregnant.is(true)) {
    out.push_back({"pregnancy_contraindicated",
                   "contraindication",
                   "Pregnancy: Lutathera is contraindicated in established or suspected pregnancy.",
                   fmt::format("{} section 4.3/4.6 (older English text; 2025 French text)", kSmpc),
                   "partial",
                   {{"pregnant", Value::yes_no(true), pt.pregnant.pointer}}});
  } else if (pt.sex.is(model::Sex::female) && !pt.pregnant.known()) {
    out.push_back(
        {"verify_pregnancy_status",
         "check",
         "Verify pregnancy status of a female patient of reproductive potential before starting.",
         fmt::format("{} section 2.1 (2024 revision)", kUspi),
         "verified",
         {{"sex", Value::code("female"), pt.sex.pointer},
          {"pregnant", Value::code("unknown"), pt.pregnant.pointer}}});
  }
  if (pt.breastfeeding.is(true)) {
    out.push_back(
        {"breastfeeding",
         "precaution",
         "Breastfeeding should be stopped during treatment (US: and for 2.5 months after the "
         "last dose, wording not seen in the label).",
         fmt::format("{} section 4.6 (older English text)", kSmpc),
         "verified",
         {{"breastfeeding", Value::yes_no(true), pt.breastfeeding.pointer}}});
  }
  // Renal function
  if (crcl) {
    std::vector<FactUsed> why = {
        {"creatinine clearance (Cockcroft-Gault)", Value::num(*crcl, "mL/min", 0), "/labs"}};
    if (*crcl < 30.0 && eu) {
      out.push_back(
          {"renal_contraindication_eu", "contraindication",
           fmt::format("Creatinine clearance {:.0f} mL/min: the EU SmPC lists renal impairment "
                       "with creatinine clearance < 30 mL/min as a contraindication.",
                       *crcl),
           fmt::format("{} section 4.3 (French text, 2025; English not seen)", kSmpc), "partial",
           why});
    } else if (*crcl < 50.0) {
      out.push_back(
          {"renal_check", "check",
           fmt::format("Creatinine clearance {:.0f} mL/min: check the label's renal rules (the "
                       "manufacturer's summary says patients with CrCl < 40 mL/min should not be "
                       "treated; severe impairment < 30 mL/min was not studied).",
                       *crcl),
           fmt::format("{} / {} renal sections (wording not verified)", kUspi, kSmpc), "unverified",
           why});
    }
  }
  // Long-acting SSA before the first dose
  bool on_lar = false;
  std::string ptr;
  for (const auto& t : c.treatments)
    if (t.category.is(model::TreatmentCategory::ssa) &&
        t.stop_reason.is(model::StopReason::ongoing)) {
      on_lar = true;
      ptr = t.pointer;
    }
  if (on_lar) {
    out.push_back(
        {"stop_long_acting_ssa",
         "check",
         "Long-acting somatostatin analogues must be stopped at least 4 weeks before the first "
         "Lutathera dose (EU: 30 days); short-acting octreotide up to 24 hours before.",
         fmt::format("{} section 2 (2024 revision); {} section 4.2", kUspi, kSmpc),
         "verified",
         {{"SSA ongoing", Value::yes_no(true), ptr}}});
  }
  out.push_back(
      {"dose_modification_table",
       "check",
       "Before every cycle, apply the label's dose-modification table (thrombocytopenia, anaemia, "
       "neutropenia, renal and hepatic toxicity; resume at a reduced activity). Its thresholds "
       "could not be verified against the current label texts; before a further cycle rltguide "
       "shows them as unverified checks that never block.",
       fmt::format("{} section 2, Table; {} section 4.2", kUspi, kSmpc),
       "unverified",
       {}});
  return out;
}

}  // namespace rlt::engine
