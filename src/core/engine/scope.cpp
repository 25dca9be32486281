// Scope (sporadic, well-differentiated GEP-NET: the consensus's Methods) and the WHO 2022 grade.
#include "base/reader.hpp"
#include "engine/context.hpp"
#include "model/names.hpp"

namespace rlt::engine::detail {

ScopeEntry scope(const Ctx& x) {
  ScopeEntry s;
  const auto& t = x.c.tumour;
  const auto& pt = x.c.patient;
  std::vector<std::string> out;
  bool unknown = false;
  if (t.primary_site.known()) {
    auto site = *t.primary_site.value;
    use(s.rationale, "primary site", Value::code(model::to_string(site)), t.primary_site.pointer);
    if (site == model::PrimarySite::lung || site == model::PrimarySite::other) {
      out.emplace_back("not_gep");
      s.explanation.emplace_back(
          "The primary is not gastro-entero-pancreatic; the consensus covers GEP-NETs only.");
    }
  } else {
    unknown = true;
    miss(s.missing, "primary site", t.primary_site.pointer, "the consensus covers GEP-NETs only");
  }
  if (t.histology.known()) {
    use(s.rationale, "histology", Value::code(model::to_string(*t.histology.value)),
        t.histology.pointer);
    if (*t.histology.value == model::Histology::nec) {
      out.emplace_back("nec");
      s.explanation.emplace_back("Neuroendocrine carcinoma (NEC) is excluded by the consensus.");
    }
    if (*t.histology.value == model::Histology::minen) {
      out.emplace_back("minen");
      s.explanation.emplace_back(
          "Mixed neuroendocrine-non-neuroendocrine neoplasm (MiNEN) is outside the consensus.");
    }
  }
  if (t.differentiation.known()) {
    use(s.rationale, "differentiation", Value::code(model::to_string(*t.differentiation.value)),
        t.differentiation.pointer);
    if (*t.differentiation.value == model::Differentiation::poor) {
      out.emplace_back("poorly_differentiated");
      s.explanation.emplace_back(
          "Poorly differentiated neoplasms are NEC and outside the consensus.");
    }
  } else if (!t.histology.known()) {
    unknown = true;
    miss(s.missing, "differentiation or histology", t.differentiation.pointer,
         "the consensus covers well-differentiated NETs only");
  } else if (*t.histology.value == model::Histology::net && x.grade == model::Grade::g3) {
    // NET by histology, but a G3 index without stated differentiation: ask
    unknown = true;
    miss(s.missing, "differentiation", t.differentiation.pointer,
         "a G3 proliferation index alone does not tell NET G3 from NEC");
  }
  if (pt.hereditary_syndrome.known()) {
    use(s.rationale, "hereditary syndrome",
        Value::code(model::to_string(*pt.hereditary_syndrome.value)),
        pt.hereditary_syndrome.pointer);
    if (*pt.hereditary_syndrome.value != model::HereditarySyndrome::none) {
      out.emplace_back("hereditary_syndrome");
      s.explanation.emplace_back(
          "The consensus is limited to sporadic tumours; hereditary syndromes are excluded.");
    }
  } else {
    unknown = true;
    miss(s.missing, "hereditary syndrome (none, MEN1, ...)", pt.hereditary_syndrome.pointer,
         "the consensus is limited to sporadic tumours");
  }
  if (!out.empty()) {
    s.verdict = Verdict::out_of_scope;
    s.reasons = out;
  } else if (unknown) {
    s.verdict = Verdict::insufficient_data;
  } else {
    s.verdict = Verdict::in_scope;
    s.explanation.emplace_back("Sporadic, well-differentiated GEP-NET: within the consensus.");
  }
  return s;
}

GradeEntry grade_entry(const Ctx& x) {
  GradeEntry g;
  const auto& r = x.d.grade;
  g.verdict = !r.grade                       ? Verdict::unknown
              : *r.grade == model::Grade::g1 ? Verdict::g1
              : *r.grade == model::Grade::g2 ? Verdict::g2
                                             : Verdict::g3;
  g.category = std::string(model::to_string(r.category));
  if (r.discordant_with_reported) g.flags.emplace_back("discordant_with_reported");
  if (r.partial) g.flags.emplace_back("partial");
  g.explanation = r.reasons;
  const auto& t = x.c.tumour;
  if (t.ki67.known())
    use(g.rationale, "Ki-67 index", Value::num(*t.ki67.value, "%"), t.ki67.pointer);
  if (t.mitoses.known())
    use(g.rationale, "mitoses per 2 mm²", Value::num(*t.mitoses.value), t.mitoses.pointer);
  if (t.reported_grade.known())
    use(g.rationale, "reported grade", Value::code(model::to_string(*t.reported_grade.value)),
        t.reported_grade.pointer);
  return g;
}

}  // namespace rlt::engine::detail
