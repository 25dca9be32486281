// Q9: RLT in G3 GEP-NETs (consensus Q9, 1b-A; the chemotherapy preference is ungraded text).
#include <fmt/format.h>

#include "base/reader.hpp"
#include "engine/context.hpp"
#include "model/grading.hpp"

namespace rlt::engine::detail {

Answer q9(const Ctx& x) {
  Answer a = start(x, "Q9");
  const auto& t = x.c.tumour;
  if (!x.grade) {
    miss(a.missing, "Ki-67 index or mitotic count", t.ki67.pointer, "Q9 concerns G3 tumours");
    return decide(a, "q9.insufficient", Status::insufficient_data, Verdict::insufficient_data);
  }
  use(a.rationale, "WHO 2022 grade", Value::code(model::grade_code(x.grade)),
      t.ki67.known() ? t.ki67.pointer : t.mitoses.pointer);
  if (x.g3 == Tri::unknown) {
    miss(a.missing, t.mitoses.known() ? "Ki-67 index" : "mitotic count",
         t.mitoses.known() ? t.ki67.pointer : t.mitoses.pointer,
         "graded on one index only; the other could make the tumour G3");
    return decide(a, "q9.insufficient", Status::insufficient_data, Verdict::insufficient_data);
  }
  if (x.g3 == Tri::no)
    return decide(a, "q9.not_g3", Status::not_applicable, Verdict::not_applicable);
  // progression during RLT or within the 12-month window after it → chemotherapy (Q9 text)
  bool progressed_on_rlt = x.progressed_on_rlt == Tri::yes;
  if (progressed_on_rlt)
    use(a.rationale, "progressed on or within 12 months of RLT", Value::yes_no(true),
        x.progressed_on_rlt_source);
  const auto& hi = x.rs.threshold("netter2.ki67_max");
  if (t.ki67.known() && !hi.holds(*t.ki67.value)) {
    a.cautions.push_back(
        {"outside_netter2_range",
         fmt::format("Ki-67 {} % lies above the NETTER-2 range ({}): outside the evidence behind "
                     "this recommendation.",
                     fmt_num(*t.ki67.value), hi.describe())});
    a.actions.push_back({"pathology_review_nec",
                         "Ask for a pathology review of differentiation: a Ki-67 this high may "
                         "be a neuroendocrine carcinoma (NEC), which is outside the consensus."});
  }
  Tri sstr = need_sstr(x, a);
  if (sstr == Tri::no || progressed_on_rlt) {
    a.graded = false;
    a.actions.push_back({"consider_chemotherapy",
                         "Consider alkylating-based chemotherapy (CAPTEM or STZ/5-FU) or FOLFOX "
                         "(consensus Q9 text)."});
    return decide(a, "q9.chemotherapy_preferred", Status::applies,
                  Verdict::g3_chemotherapy_preferred,
                  progressed_on_rlt
                      ? "G3 NET progressing on RLT: chemotherapy (alkylating-based) is preferred."
                      : "SSTR-negative G3 NET: chemotherapy (alkylating-based) is preferred.");
  }
  if (sstr == Tri::yes) {
    use(a.rationale, "RLT approved for G2–G3 (policy)", Value::yes_no(first_line_available(x.p)),
        SourceRef::policy("first_line_approved"));
    if (first_line_available(x.p))
      return decide(
          a, "q9.rlt_option", Status::applies, Verdict::g3_rlt_option,
          "SSTR-positive G3 NET and RLT approved for G2–G3: RLT is a valid option (NETTER-2).");
    return decide(a, "q9.rlt_pending_approval", Status::applies, Verdict::g3_rlt_pending_approval,
                  "SSTR-positive G3 NET: RLT becomes a valid option once approved for G2–G3.");
  }
  return decide(a, "q9.insufficient", Status::insufficient_data, Verdict::insufficient_data);
}

}  // namespace rlt::engine::detail
