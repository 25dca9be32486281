// evaluate(): scope and grade, the ten answers, label safety and the plan, as a typed Decision.
#include "engine/engine.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "base/version.hpp"
#include "calc/ctcae.hpp"
#include "calc/renal.hpp"
#include "dosimetry/precycle.hpp"
#include "engine/context.hpp"
#include "engine/safety.hpp"
#include "model/names.hpp"

namespace rlt::engine {

namespace {

using namespace detail;

Meta meta_of(const model::Case& c, const kb::Ruleset& rs) {
  Meta m;
  m.program_version = std::string(program_version());
  m.git_commit = std::string(git_commit());
  m.ruleset_id = rs.id;
  m.ruleset_version = rs.version;
  m.ruleset_sha256 = rs.sha256;
  m.source_citation = rs.source_citation;
  m.source_doi = rs.source_doi;
  m.case_id = c.case_id.value.value_or("");
  m.case_description = c.description.value.value_or("");
  m.assessment_date = c.assessment_date.known() ? c.assessment_date.value->iso() : "";
  m.disclaimer = std::string(kDisclaimer);
  return m;
}

Calculators calculators_of(const Ctx& x) {
  Calculators k;
  if (x.egfr)
    k.egfr = Calculators::Renal{*x.egfr, std::string(calc::renal::kCkdEpi2021), x.egfr_pointer};
  if (x.crcl)
    k.creatinine_clearance =
        Calculators::Renal{*x.crcl, std::string(calc::renal::kCockcroftGault), {}};
  // CTCAE v5 grades of the latest labs
  for (auto an : {model::Analyte::haemoglobin, model::Analyte::platelets,
                  model::Analyte::neutrophils, model::Analyte::creatinine, model::Analyte::ast,
                  model::Analyte::alt, model::Analyte::bilirubin}) {
    const auto* l = latest_lab(x.c, an);
    auto term = calc::ctcae::term_for(an);
    if (l == nullptr || !term) continue;
    calc::ctcae::Input in{*term, *l->value.value, l->lln.value, l->uln.value, std::nullopt};
    auto g = calc::ctcae::grade(in);
    if (!g.ok()) continue;
    k.ctcae.push_back({std::string(calc::ctcae::to_string(*term)), *l->date.value, g.value().grade,
                       l->value.pointer});
  }
  return k;
}

std::vector<TimelineBar> timeline_of(const model::Case& c) {
  std::vector<TimelineBar> tl;
  if (!c.assessment_date.known()) return tl;
  for (const auto& t : c.treatments) {
    if (!t.start.known() || !t.category.known()) continue;
    bool ongoing = t.stop_reason.is(model::StopReason::ongoing) || !t.end.known();
    Date end = t.end.known() ? *t.end.value : *c.assessment_date.value;
    std::string label = std::string(model::to_string(*t.category.value));
    if (t.agent.known()) label += ": " + *t.agent.value;
    if (label.size() > 28) label.replace(27, std::string::npos, "…");
    tl.push_back({*t.category.value, label, *t.start.value, end, ongoing});
  }
  return tl;
}

Limits limits_of(const Policy& p, const kb::Ruleset& rs) {
  auto limit = [&](const char* id, const std::optional<double>& override_gy) {
    const auto& th = rs.threshold(id);
    return OrganLimit{override_gy.value_or(th.value), th.value, override_gy.has_value(), id,
                      th.source};
  };
  return {limit("q10.kidney_limit", p.kidney_limit_gy),
          limit("q10.marrow_limit", p.marrow_limit_gy)};
}

/// The answer of every question when the case is outside the consensus.
std::vector<Answer> out_of_scope_answers(const Ctx& x) {
  std::vector<Answer> qs;
  for (const char* id : {"Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10"}) {
    Answer a = start(x, id);
    qs.push_back(
        decide(a, "scope.out_of_scope", Status::not_applicable, Verdict::not_applicable,
               "The case is outside the scope of the consensus; no recommendation is given."));
  }
  return qs;
}

/// Unknown scope: no definite answer. Each question keeps, for the clinician, what it would
/// answer if the case is in scope, and only the actions that gather data.
void scope_unconfirmed(std::vector<Answer>& qs, const ScopeEntry& scope) {
  static constexpr std::array<std::string_view, 11> kGathering = {
      "mdt_required",
      "ct_mri_required",
      "sstr_pet_required",
      "consider_fdg_pet",
      "consider_rebiopsy",
      "fdg_pet_before_rlt",
      "g8_screening",
      "frailty_assessment",
      "comprehensive_geriatric_assessment",
      "sstr_pet_at_progression",
      "dosimetry_required"};
  for (auto& q : qs) {
    q.verdict_if_in_scope = q.verdict;
    q.rules.emplace_back("scope.unconfirmed");  // @rule scope.unconfirmed
    for (const auto& m : scope.missing)
      q.missing.push_back(m);
    set(q, Status::insufficient_data, Verdict::insufficient_data);
    q.actions.erase(std::remove_if(q.actions.begin(), q.actions.end(),
                                   [](const Coded& act) {
                                     return std::find(kGathering.begin(), kGathering.end(),
                                                      act.code) == kGathering.end();
                                   }),
                    q.actions.end());
    q.cautions.push_back({"scope_unconfirmed",
                          "Scope is not confirmed (see scope). If the case is a sporadic, "
                          "well-differentiated GEP-NET, the answer would be: " +
                              std::string(code(*q.verdict_if_in_scope)) + "."});
  }
}

/// Before a further cycle: the label's dose-modification checks (rlt_dosimetry precycle).
void precycle_checks(const model::Case& c, const kb::Ruleset& rs, std::vector<SafetyItem>& out) {
  auto pre = dosimetry::check_precycle(dosimetry::precycle_input(c, rs));
  for (const auto& res : pre.results) {
    if (res.status != dosimetry::RuleStatus::triggered || res.rule == nullptr) continue;
    const auto& rule = *res.rule;
    if (rule.check == dosimetry::PrecycleCheck::pregnant ||
        rule.check == dosimetry::PrecycleCheck::breastfeeding)
      continue;  // reported by label_safety
    std::vector<FactUsed> why;
    for (const auto& ptr : res.pointers)
      why.push_back({std::string(rule.id), Value::text_of(res.finding), ptr});
    out.push_back(
        {std::string(rule.id),
         rule.verified && rule.action == dosimetry::PrecycleAction::do_not_treat
             ? "contraindication"
             : "check",
         fmt::format("Before the next cycle: {} — {}. Label action: {}", rule.description,
                     res.finding, rule.action_text),
         fmt::format("{} {} ({})", rule.source.document, rule.source.section, rule.source.revision),
         rule.verified ? "verified" : "unverified", why});
  }
}

/// Cycles measured on SPECT/CT, with their fitted curves (for the report's charts).
std::vector<MeasuredCycle> measured_cycles_of(const model::Case& c) {
  std::vector<MeasuredCycle> out;
  for (const auto& cy : c.rlt_cycles) {
    if (cy.dosimetry.measurements.empty()) continue;
    out.push_back({cy.id, cy.date.value,
                   dosimetry::compute_cycle(cy.dosimetry, cy.activity.value, c.patient.sex.value,
                                            dosimetry::DoseOptions{}, dosimetry::PriorKinetics{})});
  }
  return out;
}

/// What stands between the patient and RLT, in one sentence (crossed or missing items).
std::string eligibility_condition(const Eligibility& e) {
  std::string crossed, missing;
  for (const auto& it : e.items) {
    if (it.crossed == Tri::yes) crossed += (crossed.empty() ? "" : ", ") + it.name;
    if (it.crossed == Tri::unknown) missing += (missing.empty() ? "" : ", ") + it.name;
  }
  std::string s = "Eligibility " + std::string(code(e.status));
  if (!crossed.empty()) s += ": reassess or correct " + crossed;
  if (!missing.empty()) s += (crossed.empty() ? ": " : "; ") + std::string("obtain ") + missing;
  return s + " before RLT.";
}

/// A crossed or missing eligibility item never leaves an RLT-favouring answer bare: the verdict
/// stays as the consensus gives it, with the eligibility caution, and RLT actions are worded as
/// conditional.
void apply_eligibility(Decision& d) {
  if (d.eligibility.status == Verdict::clear) return;
  static constexpr std::array kFavouring = {Verdict::candidate, Verdict::candidate_first_line,
                                            Verdict::rlt_preferred, Verdict::g3_rlt_option,
                                            Verdict::retreatment_option};
  std::string condition = eligibility_condition(d.eligibility);
  for (auto& q : d.questions) {
    if (std::find(kFavouring.begin(), kFavouring.end(), q.verdict) == kFavouring.end()) continue;
    q.cautions.push_back({"eligibility_not_clear", condition});
    for (auto& a : q.actions)
      if (a.code == "consider_rlt" || a.code == "consider_first_line_rlt" ||
          a.code == "dosimetry_guided_retreatment")
        a.text = "Only once eligibility is clear (see the eligibility block): " + a.text;
  }
}

/// FHIR provenance: facts imported from an EHR name the resource behind their pointer.
void attach_provenance(Decision& d, const model::Case& c) {
  if (c.provenance.empty()) return;
  auto fix = [&](SourceRef& s) {
    if (s.kind != SourceRef::Kind::input) return;
    auto it = c.provenance.find(s.pointer);
    if (it != c.provenance.end()) s.fhir = it->second;
  };
  auto fix_all = [&](auto& facts) {
    for (auto& f : facts)
      fix(f.source);
  };
  fix_all(d.scope.rationale);
  fix_all(d.scope.missing);
  fix_all(d.grade.rationale);
  for (auto& q : d.questions) {
    fix_all(q.rationale);
    fix_all(q.missing);
  }
  for (auto& s : d.label_safety)
    fix_all(s.rationale);
}

}  // namespace

Decision evaluate(const model::Case& c, const Policy& policy, const kb::Ruleset& rs) {
  Ctx x{c, policy, rs};
  prepare(x);
  Decision r;
  r.meta = meta_of(c, rs);
  r.policy = policy;
  r.limits = limits_of(policy, rs);
  r.scope = scope(x);
  r.grade = grade_entry(x);
  r.label_safety = label_safety(c, x.crcl, policy);
  if (x.d.prior_rlt == Tri::yes) precycle_checks(c, rs, r.label_safety);
  r.eligibility = eligibility(x, r.label_safety);
  r.derived = x.d;
  r.calculators = calculators_of(x);
  if (r.scope.verdict == Verdict::out_of_scope) {
    r.questions = out_of_scope_answers(x);
  } else {
    r.questions = {q1(x), q2(x), q3(x), q4(x), q5(x), q6(x), q7(x), q8(x), q9(x), q10(x)};
    if (r.scope.verdict == Verdict::insufficient_data) scope_unconfirmed(r.questions, r.scope);
    r.budget = x.budget;
  }
  r.recist = x.recist;
  r.timeline = timeline_of(c);
  r.measured_cycles = measured_cycles_of(c);
  if (r.scope.verdict != Verdict::out_of_scope) apply_eligibility(r);
  r.recommendation = recommend(x, r);
  const bool rlt_proposed =
      r.recommendation.proposed.code == "rlt" || r.recommendation.proposed.code == "rlt_first_line";
  if (r.scope.verdict != Verdict::out_of_scope && rlt_proposed) {
    if (r.eligibility.status == Verdict::contraindicated) {
      // a label contraindication: RLT is not proposed while it stands
      Option held = r.recommendation.proposed;
      held.conditional = true;
      held.text += " — only if the contraindication is resolved";
      r.recommendation.proposed = {"no_rlt_contraindicated",
                                   "No RLT while the label contraindication stands; choose among "
                                   "the alternatives",
                                   "label", false};
      r.recommendation.alternatives.insert(r.recommendation.alternatives.begin(), held);
      r.recommendation.conditions.push_back(eligibility_condition(r.eligibility));
    } else if (r.eligibility.status != Verdict::clear) {
      r.recommendation.proposed.conditional = true;
      r.recommendation.conditions.push_back(eligibility_condition(r.eligibility));
    }
  }
  r.plan = plan(x, r);
  attach_provenance(r, c);
  return r;
}

}  // namespace rlt::engine
