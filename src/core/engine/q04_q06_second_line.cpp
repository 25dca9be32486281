// Q4–Q6: RLT against targeted agents (2b-B), chemotherapy (3b-A) and high-dose SSA (1b-A) after
// failure of a somatostatin analogue. The shared gate is in conditions.cpp.
#include <fmt/format.h>

#include "base/reader.hpp"
#include "engine/context.hpp"
#include "model/names.hpp"

namespace rlt::engine::detail {

Answer q4(const Ctx& x) {
  Answer a = start(x, "Q4");
  if (auto done = second_line_gate(x, a, "q4")) return std::move(*done);
  preference_conditions(x, a);
  for (const auto& t : x.c.treatments)
    if ((t.category.is(model::TreatmentCategory::everolimus) ||
         t.category.is(model::TreatmentCategory::sunitinib)) &&
        t.stop_reason.known() && !t.stop_reason.is(model::StopReason::ongoing)) {
      use(a.rationale, "targeted agent already given",
          Value::code(model::to_string(*t.category.value)), t.pointer);
      a.cautions.push_back(
          {"targeted_agent_already_given",
           fmt::format("{} was already given: the comparison with it no longer arises; RLT is "
                       "weighed against the remaining options.",
                       model::to_string(*t.category.value))});
    }
  return decide(a, "q4.rlt_preferred", Status::applies, Verdict::rlt_preferred,
                "Progressive G1–G2 GEP-NET after SSA failure: RLT is preferred over everolimus or "
                "sunitinib.");
}

Answer q5(const Ctx& x) {
  Answer a = start(x, "Q5");
  if (auto done = second_line_gate(x, a, "q5")) return std::move(*done);
  const auto& t = x.c.tumour;
  const auto& pr = x.c.progression;
  Tri rapid = fact_tri(a, pr.rapid, "rapid progression",
                       "rapid progression makes chemotherapy an option at any site");
  Tri pancreas = Tri::unknown;
  if (t.primary_site.known()) {
    pancreas = tri(*t.primary_site.value == model::PrimarySite::pancreas);
    use(a.rationale, "primary site", Value::code(model::to_string(*t.primary_site.value)),
        t.primary_site.pointer);
  } else {
    miss(a.missing, "primary site", t.primary_site.pointer,
         "pancreatic NETs with high burden or symptoms may favour chemotherapy");
  }
  Tri burden_or_symptoms = Tri::unknown;
  if (pancreas != Tri::no) {
    Tri bulky = fact_tri(a, t.bulky, "high tumour burden (bulky)",
                         "high burden in a pancreatic NET makes chemotherapy an option");
    Tri symptoms = fact_tri(a, t.symptoms, "tumour-related symptoms",
                            "symptoms in a pancreatic NET make chemotherapy an option");
    burden_or_symptoms = bulky || symptoms;
    if (t.hepatic_involvement.known())
      use(a.rationale, "hepatic involvement", Value::num(*t.hepatic_involvement.value, "%"),
          t.hepatic_involvement.pointer);
  } else {
    burden_or_symptoms = Tri::no;
  }
  if (x.fdg_discordant == Tri::yes)
    use(a.rationale, "FDG-avid lesions without SSTR uptake", Value::yes_no(true),
        x.fdg_discordant_source);
  if (t.hepatic_involvement.known())
    a.explanation.push_back(fmt::format(
        "Hepatic involvement {} % is shown but not thresholded: the consensus gives no cut-off "
        "for a high tumour burden.",
        fmt_num(*t.hepatic_involvement.value)));
  // FDG-avid disease without SSTR uptake: the preference for RLT does not apply (conclusions:
  // homogeneous SSTR expression), and such lesions guide towards chemotherapy (Q3 text).
  // Without an FDG PET, discordance is unknown where SSTR uptake is heterogeneous (Q3 then asks for
  // FDG PET) and not in question where it is homogeneous.
  Tri discordant = x.fdg_discordant != Tri::unknown ? x.fdg_discordant
                   : x.heterogeneous == Tri::no     ? Tri::no
                                                    : Tri::unknown;
  if (discordant == Tri::unknown)
    miss(a.missing, "FDG PET (heterogeneous SSTR uptake)", x.c.imaging_pointer + "/fdg_pet",
         "FDG-avid lesions without SSTR uptake would make chemotherapy an option");
  Tri chemo = rapid || (pancreas && burden_or_symptoms) || discordant;
  if (chemo == Tri::yes) {
    if (t.mgmt.is(model::Mgmt::deficient))
      a.cautions.push_back(
          {"mgmt_deficient",
           "MGMT deficiency may predict response to temozolomide-based chemotherapy."});
    a.actions.push_back({"weigh_chemotherapy",
                         "Weigh " + chemotherapy_by_site(x) + " against RLT at the tumour board."});
    return decide(a, "q5.chemotherapy_option", Status::applies, Verdict::chemotherapy_option,
                  rapid == Tri::yes ? "Rapid progression: chemotherapy is an option whatever the "
                                      "primary."
                  : x.fdg_discordant == Tri::yes
                      ? "FDG-avid lesions without SSTR uptake: RLT may not reach them, so the "
                        "preference for RLT does not apply and chemotherapy is an option."
                      : "Pancreatic NET with a high tumour burden and/or symptoms: "
                        "chemotherapy is an option.");
  }
  if (chemo == Tri::no) {
    preference_conditions(x, a);
    return decide(
        a, "q5.rlt_preferred", Status::applies, Verdict::rlt_preferred,
        "No rapid progression and no high-burden or symptomatic pancreatic disease: RLT is "
        "preferred over chemotherapy.");
  }
  return decide(a, "q5.insufficient", Status::insufficient_data, Verdict::insufficient_data);
}

Answer q6(const Ctx& x) {
  Answer a = start(x, "Q6");
  if (auto done = second_line_gate(x, a, "q6")) return std::move(*done);
  const auto& s = x.d.ssa;
  if (!s.intensity) {
    miss(a.missing, "SSA agent, dose and interval", s.pointer.empty() ? "/treatments" : s.pointer,
         "Q6 concerns failure of standard-dose SSA");
    return decide(a, "q6.insufficient", Status::insufficient_data, Verdict::insufficient_data);
  }
  use(a.rationale, "SSA dose at progression", Value::code(model::to_string(*s.intensity)),
      s.pointer);
  if (*s.intensity == model::SsaIntensity::high)
    return decide(
        a, "q6.already_high_dose", Status::not_applicable, Verdict::not_applicable,
        "The patient progressed on high-dose SSA already; the comparison with escalation does not "
        "arise.");
  const auto& t = x.c.tumour;
  if (t.functional.known() && *t.functional.value != model::Functional::non_functioning)
    a.cautions.push_back(
        {"functioning_tumour",
         "Functioning tumour: the evidence of this recommendation concerns non-functioning NETs "
         "and tumour growth; SSA escalation may still be used to control the syndrome."});
  Tri unfit =
      fact_tri(a, x.c.patient.unfit_for_other_treatment, "unfit for other antitumour treatment",
               "high-dose SSA remains an option for patients unfit for other treatment");
  if (unfit == Tri::yes)
    return decide(a, "q6.hd_ssa_unfit", Status::applies, Verdict::hd_ssa_bridge_or_unfit,
                  "Unfit for other antitumour treatment: high-dose SSA remains an option.");
  if (unfit == Tri::no) {
    preference_conditions(x, a);
    return decide(
        a, "q6.rlt_preferred", Status::applies, Verdict::rlt_preferred,
        "After standard-dose SSA failure RLT is recommended over SSA escalation; high-dose SSA can "
        "bridge until RLT starts.");
  }
  return decide(a, "q6.insufficient", Status::insufficient_data, Verdict::insufficient_data);
}

}  // namespace rlt::engine::detail
