#include "model/case_parser.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/reader.hpp"
#include "model/names.hpp"

namespace rlt::model {

namespace ut = unit_tables;

LabRange plausible_range(Analyte a) {
  switch (a) {
    case Analyte::creatinine:
      return {5.0, 3000.0};  // µmol/L
    case Analyte::haemoglobin:
      return {10.0, 250.0};  // g/L
    case Analyte::platelets:
      return {0.0, 2000.0};  // 10⁹/L
    case Analyte::neutrophils:
      return {0.0, 200.0};  // 10⁹/L
    case Analyte::ast:
    case Analyte::alt:
      return {0.0, 20000.0};  // U/L
    case Analyte::bilirubin:
      return {0.0, 1000.0};  // µmol/L
    case Analyte::albumin:
      return {5.0, 70.0};  // g/L
    case Analyte::chromogranin_a:
      return {0.0, 1e6};  // ng/mL
    case Analyte::white_cells:
    case Analyte::lymphocytes:
      return {0.0, 500.0};  // 10⁹/L (leukaemic counts stay below this)
    case Analyte::inr:
      return {0.5, 20.0};  // ratio (assays report up to about 10–15)
    case Analyte::hiaa_5:
      return {0.0, 20000.0};  // µmol/24 h (upper reference about 50; carcinoid syndrome 100s–1000s)
  }
  return {0.0, 1e6};
}

namespace {

class CaseParser {
 public:
  CaseParser(const JsonDoc& doc, Diagnostics& d) : doc_(doc), d_(d) {}

  Case run() {
    Case c;
    ObjectReader top(doc_, &doc_.root, "", d_, "a case");
    if (!top.present()) return c;
    // The format chooses the version; a v1 file is read into the same (v2) model, the fields v1
    // could not carry staying unknown. A missing or unknown format is read as the current one.
    auto format = top.string("format", 40);
    std::string formats = fmt::format("\"{}\" (or \"{}\")", kCaseFormat, kCaseFormatV1);
    if (!format.known()) {
      if (!top.has("format")) top.problem("format", formats, "nothing", "missing_field");
    } else if (*format.value == kCaseFormatV1) {
      version_ = 1;
    } else if (*format.value != kCaseFormat) {
      top.problem("format", formats, describe_json(Json(*format.value)), "unknown_format");
    }
    c.format = format.value.value_or("");
    c.case_id = top.string("case_id", 200);
    c.description = top.string("description", 2000);
    c.assessment_date = top.date("assessment_date");
    if (!c.assessment_date.known() && !top.has("assessment_date"))
      top.problem("assessment_date", "the date of the decision point as \"YYYY-MM-DD\"", "nothing",
                  "missing_field");
    assessment_ = c.assessment_date.value;

    auto p = top.object("patient");
    read_patient(p, c.patient);
    auto t = top.object("tumour");
    read_tumour(t, c.tumour);
    auto im = top.object("imaging");
    c.imaging_pointer = im.pointer();
    for (auto& r : im.objects("sstr", &c.sstr_given))
      c.sstr_imaging.push_back(read_sstr(r));
    for (auto& r : im.objects("fdg_pet", &c.fdg_given))
      c.fdg_pet.push_back(read_fdg(r));
    for (auto& r : im.objects("studies"))
      c.studies.push_back(read_study(r));
    im.finish();
    for (auto& r : top.objects("labs", &c.labs_given))
      c.labs.push_back(read_lab(r));
    for (auto& r : top.objects("treatments", &c.treatments_given))
      c.treatments.push_back(read_treatment(r));
    for (auto& r : top.objects("rlt_cycles", &c.rlt_cycles_given))
      c.rlt_cycles.push_back(read_cycle(r));
    if (v2_field(top, "responses"))
      for (auto& r : top.objects("responses", &c.responses_given))
        c.responses.push_back(read_response(r));
    auto pr = top.object("progression");
    c.progression.status = pr.enumeration("status", names(ProgressionStatus{}));
    c.progression.basis = pr.enumeration("basis", names(ProgressionBasis{}));
    c.progression.date = dated(pr, "date");
    c.progression.rapid = pr.boolean("rapid");
    c.progression.behaviour_change = pr.boolean("behaviour_change");
    pr.finish();
    auto pc = top.object("process");
    c.process.mdt_discussed = pc.boolean("mdt_discussed");
    c.process.mdt_date = dated(pc, "mdt_date");
    c.process.patient_preference = pc.string("patient_preference", 2000);
    pc.finish();
    top.finish();
    return c;
  }

 private:
  // A field new in rltguide-case/2. In a v1 file it is an error that names the format it needs,
  // and it is not read. Returns whether to read it.
  bool v2_field(ObjectReader& r, std::string_view key) const {
    if (version_ >= 2) return true;
    if (r.has(key)) {
      r.skip(key);
      r.problem(key,
                fmt::format("a field of {} (\"{}\" is new in {}: set \"format\" to that)",
                            kCaseFormatV1, key, kCaseFormat),
                fmt::format("the field \"{}\"", key), "needs_format_2");
    }
    return false;
  }

  // An enumeration value new in rltguide-case/2 (the table lists the v1 values first, in enum
  // order): in a v1 file it is an error, and the fact stays unknown.
  template <class E>
  void v2_value(ObjectReader& r, Fact<E>& f, std::size_t v1_count, EnumTable<E> table) {
    if (version_ >= 2 || !f.known() || static_cast<std::size_t>(*f.value) < v1_count) return;
    std::string name(enum_name(table, *f.value));
    r.problem_at(f.pointer,
                 fmt::format("one of {} in {} (\"{}\" is new in {}: set \"format\" to that)",
                             enum_list(table.first(v1_count)), kCaseFormatV1, name, kCaseFormat),
                 describe_json(Json(name)), "needs_format_2");
    f.value.reset();
  }

  // "the id of X, one of a, b (did you mean "a"?)" for a reference to an unknown id.
  // With thousands of ids, listing them all and looking for the nearest in every message made
  // each unknown reference cost O(ids) in time and text: O(references × ids) for a file (issue
  // 9). The first kListedIds are listed, and "did you mean" looks among at most kSuggestFrom.
  static constexpr std::size_t kListedIds = 20;
  static constexpr std::size_t kSuggestFrom = 200;
  static std::string expected_reference(std::string_view what, const std::set<std::string>& ids,
                                        const std::string& found) {
    if (ids.empty()) return fmt::format("the id of {} (none are given)", what);
    std::vector<std::string_view> candidates;
    for (auto it = ids.begin(); it != ids.end() && candidates.size() < kListedIds; ++it)
      candidates.emplace_back(*it);
    std::string out = fmt::format("the id of {}, one of {}", what, fmt::join(candidates, ", "));
    if (ids.size() > kListedIds) out += fmt::format(", … ({} ids in all)", ids.size());
    if (ids.size() <= kSuggestFrom) {
      candidates.assign(ids.begin(), ids.end());
      if (auto m = did_you_mean(found, candidates))
        out += fmt::format(" (did you mean \"{}\"?)", *m);
    }
    return out;
  }

  // A lesion id: required, and used once per study.
  std::string lesion_id(ObjectReader& r, std::set<std::string>& ids, std::string_view what) {
    auto id = r.string("id", 100);
    if (!id.known()) {
      if (r.present() && !r.has("id"))
        r.problem("id", fmt::format("an id for this lesion ({})", what), "nothing",
                  "missing_field");
      return {};
    }
    if (!ids.insert(*id.value).second)
      r.problem("id", "a lesion id used once per study", describe_json(Json(*id.value)),
                "duplicate_id");
    return *id.value;
  }

  SstrLesion read_sstr_lesion(ObjectReader& r, std::set<std::string>& ids) {
    SstrLesion l;
    l.pointer = r.pointer();
    l.id = lesion_id(r, ids, "the same id at every SSTR study");
    if (!l.id.empty()) sstr_lesion_ids_.insert(l.id);
    l.site = r.string("site", 200);
    l.uptake_vs_liver = r.enumeration("uptake_vs_liver", names(UptakeVsLiver{}));
    l.krenning = r.integer("krenning", 0, 4, "Krenning-type uptake score");
    // Krenning scale (calc/krenning.cpp): 0 none, 1 much lower than liver, 2 about equal to (or
    // slightly below) liver, 3 greater than liver, 4 greater than spleen.
    if (l.uptake_vs_liver.known() && l.krenning.known()) {
      int k = *l.krenning.value;
      UptakeVsLiver u = *l.uptake_vs_liver.value;
      bool agrees = u == UptakeVsLiver::below   ? k <= 2
                    : u == UptakeVsLiver::equal ? k == 2
                                                : k >= 3;
      if (!agrees)
        r.problem("krenning",
                  fmt::format("a Krenning score that agrees with uptake_vs_liver \"{}\" ({})",
                              to_string(u),
                              u == UptakeVsLiver::below   ? "0–2"
                              : u == UptakeVsLiver::equal ? "2"
                                                          : "3 or 4"),
                  std::to_string(k), "contradiction");
    }
    r.finish();
    return l;
  }

  FdgLesion read_fdg_lesion(ObjectReader& r, std::set<std::string>& ids, const FdgPet& study) {
    FdgLesion l;
    l.pointer = r.pointer();
    l.id = lesion_id(r, ids, "unique within this FDG study");
    l.site = r.string("site", 200);
    l.avid = r.boolean("avid");
    l.suvmax = r.number("suvmax", 0, 100, "SUVmax");
    l.sstr_lesion = r.string("sstr_lesion", 100);
    if (l.sstr_lesion.known() && sstr_lesion_ids_.count(*l.sstr_lesion.value) == 0) {
      r.problem("sstr_lesion",
                expected_reference("a lesion in imaging.sstr[].lesions", sstr_lesion_ids_,
                                   *l.sstr_lesion.value),
                describe_json(Json(*l.sstr_lesion.value)), "unknown_reference");
      l.sstr_lesion.value.reset();
    }
    if (l.avid.is(true) && study.positive.is(false))
      r.problem("avid", "no FDG-avid lesion on a study reported \"positive\": false", "true",
                "contradiction");
    r.finish();
    return l;
  }

  VisitResponse read_response(ObjectReader& r) {
    VisitResponse v;
    v.pointer = r.pointer();
    v.date = dated(r, "date");
    v.response = r.enumeration("response", names(VisitResponseCode{}));
    v.study = r.string("study", 100);
    v.criteria = r.string("criteria", 100);
    if (r.present() && !r.has("date"))
      r.problem("date", "the date of the visit as \"YYYY-MM-DD\"", "nothing", "missing_field");
    if (r.present() && !r.has("response"))
      r.problem("response", fmt::format("one of {}", enum_list(names(VisitResponseCode{}))),
                "nothing", "missing_field");
    if (v.study.known()) {
      auto it = study_dates_.find(*v.study.value);
      if (it == study_dates_.end()) {
        r.problem("study",
                  expected_reference("a study in imaging.studies", study_ids_, *v.study.value),
                  describe_json(Json(*v.study.value)), "unknown_reference");
        v.study.value.reset();
      } else if (it->second && v.date.known() && *v.date.value < *it->second) {
        r.problem("date",
                  fmt::format("a date on or after the date of study {} ({})", it->first,
                              it->second->iso()),
                  v.date.value->iso(), "before_study");
      }
    }
    r.finish();
    return v;
  }

  // A date that must not lie after the assessment date.
  Fact<Date> dated(ObjectReader& r, std::string_view key) {
    auto f = r.date(key);
    if (f.known() && assessment_ && *f.value > *assessment_) {
      r.problem(key, fmt::format("a date on or before assessment_date {}", assessment_->iso()),
                f.value->iso(), "date_after_assessment");
      f.value.reset();
    }
    return f;
  }

  void check_order(ObjectReader& r, const Fact<Date>& start, const Fact<Date>& end,
                   std::string_view end_key, std::string_view start_key) {
    if (start.known() && end.known() && *end.value < *start.value)
      r.problem(end_key, fmt::format("a date on or after {} {}", start_key, start.value->iso()),
                end.value->iso(), "end_before_start");
  }

  std::string id_of(ObjectReader& r, std::string_view group, bool required) {
    auto id = r.string("id", 100);
    if (!id.known()) {
      if (required)
        r.problem("id", fmt::format("an id for this {} entry", group), "nothing", "missing_field");
      return {};
    }
    auto [it, fresh] = ids_[std::string(group)].insert(*id.value);
    if (!fresh)
      r.problem("id", fmt::format("an id not used by another {} entry", group),
                describe_json(Json(*id.value)), "duplicate_id");
    return *id.value;
  }

  void read_patient(ObjectReader& r, Patient& p) {
    p.age_years = r.number("age", 0, 120, "age in years");
    p.birth_date = dated(r, "birth_date");
    p.sex = r.enumeration("sex", names(Sex{}));
    p.weight = r.quantity<units::Kilogram>("weight", ut::weight_kg(), 2, 400, "body weight");
    p.height = r.quantity<units::Centimetre>("height", ut::height_cm(), 40, 250, "height");
    p.ecog = r.integer("ecog", 0, 5, "ECOG performance status");
    p.karnofsky = r.integer("karnofsky", 0, 100, "Karnofsky performance status");
    if (p.karnofsky.known() && *p.karnofsky.value % 10 != 0) {
      r.problem("karnofsky", "a Karnofsky score in steps of 10", std::to_string(*p.karnofsky.value),
                "out_of_range");
      p.karnofsky.value.reset();
    }
    auto g8 = r.object("g8");
    p.g8.total = g8.number("total", 0, 17, "G8 total score");
    if (p.g8.total.known() && std::fmod(*p.g8.total.value * 2.0, 1.0) != 0.0) {
      g8.problem("total", "a G8 total in steps of 0.5", fmt_num(*p.g8.total.value), "out_of_range");
      p.g8.total.value.reset();
    }
    p.g8.items_pointer = g8.pointer_of("items");
    {
      // item keys and maximum points (Bellera 2012; calculators.md 7.3)
      static constexpr std::array<std::pair<std::string_view, double>, 8> kItems = {
          {{"food_intake", 2},
           {"weight_loss", 3},
           {"mobility", 2},
           {"neuropsychological", 2},
           {"bmi", 3},
           {"medications", 1},
           {"self_rated_health", 2},
           {"age", 2}}};
      auto items = g8.object("items");
      if (items.present()) {
        for (const auto& [key, max] : kItems) {
          auto item = items.number(key, 0, max, "G8 item score");
          bool half_ok = key == "self_rated_health";
          if (item.known()) {
            double v = *item.value;
            bool allowed = std::floor(v) == v || (half_ok && v == 0.5);
            if (!allowed) {
              items.problem(key, half_ok ? "0, 0.5, 1 or 2" : "a whole number of points",
                            fmt_num(v), "out_of_range");
              item.value.reset();
            }
          }
          p.g8.items.push_back(item);
        }
      }
      items.finish();
    }
    g8.finish();
    p.cga = r.enumeration("cga", names(CgaResult{}));
    p.comorbidities = r.strings("comorbidities");
    p.unfit_for_other_treatment = r.boolean("unfit_for_other_treatment");
    p.pregnant = r.boolean("pregnant");
    p.breastfeeding = r.boolean("breastfeeding");
    p.hereditary_syndrome = r.enumeration("hereditary_syndrome", names(HereditarySyndrome{}));
    p.childbearing_potential.pointer = r.pointer_of("childbearing_potential");
    if (v2_field(r, "childbearing_potential")) {
      static constexpr std::array kYesNoUnknown = {EnumName<Tri>{Tri::yes, "yes"},
                                                   EnumName<Tri>{Tri::no, "no"},
                                                   EnumName<Tri>{Tri::unknown, "unknown"}};
      auto f = r.enumeration("childbearing_potential", EnumTable<Tri>(kYesNoUnknown));
      if (f.known() && *f.value != Tri::unknown)
        p.childbearing_potential.value = *f.value == Tri::yes;
    }
    p.pregnancy_test.pointer = r.pointer_of("pregnancy_test");
    p.pregnancy_test.date.pointer = p.pregnancy_test.pointer + "/date";
    p.pregnancy_test.result.pointer = p.pregnancy_test.pointer + "/result";
    if (v2_field(r, "pregnancy_test")) {
      auto pt = r.object("pregnancy_test");
      p.pregnancy_test.date = dated(pt, "date");
      p.pregnancy_test.result = pt.enumeration("result", names(PregnancyTestResult{}));
      if (pt.present() && !pt.has("date"))
        pt.problem("date", "the date of the test as \"YYYY-MM-DD\"", "nothing", "missing_field");
      if (pt.present() && !pt.has("result"))
        pt.problem("result", fmt::format("one of {}", enum_list(names(PregnancyTestResult{}))),
                   "nothing", "missing_field");
      if (p.pregnancy_test.result.is(PregnancyTestResult::positive) &&
          p.childbearing_potential.is(false))
        pt.problem("result", "a result consistent with childbearing_potential \"no\"",
                   "\"positive\"", "contradiction");
      pt.finish();
    }
    r.finish();
  }

  void read_tumour(ObjectReader& r, Tumour& t) {
    t.primary_site = r.enumeration("primary_site", names(PrimarySite{}));
    t.differentiation = r.enumeration("differentiation", names(Differentiation{}));
    t.histology = r.enumeration("histology", names(Histology{}));
    t.ki67 = r.number("ki67", 0, 100, "percent");
    t.mitoses = r.number("mitoses", 0, 1000, "mitoses per 2 mm²");
    t.sample_date = dated(r, "sample_date");
    t.sample_site = r.enumeration("sample_site", names(SampleSite{}));
    t.reported_grade = r.enumeration("reported_grade", names(Grade{}));
    t.functional = r.enumeration("functional", names(Functional{}));
    t.extent = r.enumeration("extent", names(Extent{}));
    t.resectable = r.boolean("resectable");
    t.metastatic_sites = r.strings("metastatic_sites");
    t.hepatic_involvement = r.number("hepatic_involvement", 0, 100, "percent");
    t.bulky = r.boolean("bulky");
    t.symptoms = r.boolean("symptoms");
    t.mgmt = r.enumeration("mgmt", names(Mgmt{}));
    t.diagnosis_date = dated(r, "diagnosis_date");
    r.finish();
  }

  SstrImaging read_sstr(ObjectReader& r) {
    SstrImaging s;
    s.pointer = r.pointer();
    s.id = id_of(r, "imaging", false);
    s.date = dated(r, "date");
    s.tracer = r.string("tracer", 100);
    s.modality = r.enumeration("modality", names(SstrModality{}));
    v2_value(r, s.modality, 2, names(SstrModality{}));
    s.krenning = r.integer("krenning", 0, 4, "Krenning-type uptake score");
    s.uptake_vs_liver = r.enumeration("uptake_vs_liver", names(UptakeVsLiver{}));
    s.all_lesions_positive = r.boolean("all_lesions_positive");
    s.heterogeneous = r.boolean("heterogeneous");
    s.sstr_negative_lesions = r.boolean("sstr_negative_lesions");
    if (v2_field(r, "lesions")) {
      std::set<std::string> ids;
      for (auto& lr : r.objects("lesions", &s.lesions_given))
        s.lesions.push_back(read_sstr_lesion(lr, ids));
    }
    r.finish();
    return s;
  }

  FdgPet read_fdg(ObjectReader& r) {
    FdgPet f;
    f.pointer = r.pointer();
    f.id = id_of(r, "imaging", false);
    f.date = dated(r, "date");
    f.positive = r.boolean("positive");
    f.mismatch = r.boolean("mismatch");
    if (v2_field(r, "lesions")) {
      std::set<std::string> ids;
      for (auto& lr : r.objects("lesions", &f.lesions_given))
        f.lesions.push_back(read_fdg_lesion(lr, ids, f));
    }
    r.finish();
    return f;
  }

  ImagingStudy read_study(ObjectReader& r) {
    (void)v2_field(r, "phases");  // a v1 file: the error; v2: read below
    ImagingStudy s = read_imaging_study(r, version_);
    // the shared reader checks the fields; here: ids across the case and the assessment date
    if (!s.id.empty() && !ids_["imaging"].insert(s.id).second)
      r.problem_at(r.pointer_of("id"), "an id not used by another imaging entry",
                   describe_json(Json(s.id)), "duplicate_id");
    if (s.date.known() && assessment_ && *s.date.value > *assessment_) {
      r.problem_at(s.date.pointer,
                   fmt::format("a date on or before assessment_date {}", assessment_->iso()),
                   s.date.value->iso(), "date_after_assessment");
      s.date.value.reset();
    }
    if (!s.id.empty() && study_dates_.emplace(s.id, s.date.value).second) study_ids_.insert(s.id);
    return s;
  }

  Lab read_lab(ObjectReader& r) {
    Lab l;
    l.pointer = r.pointer();
    l.analyte = r.enumeration("analyte", names(Analyte{}));
    l.date = dated(r, "date");
    v2_value(r, l.analyte, 9, names(Analyte{}));
    if (l.analyte.known()) {
      auto units = ut::lab(*l.analyte.value);
      LabRange range = plausible_range(*l.analyte.value);
      std::string kind = fmt::format("{} value", to_string(*l.analyte.value));
      l.value = r.quantity_value("value", units, range.lo, range.hi, kind);
      l.uln = r.quantity_value("uln", units, range.lo, range.hi, "upper limit of normal");
      l.lln = r.quantity_value("lln", units, range.lo, range.hi, "lower limit of normal");
      if (!l.value.known() && r.present() && !r.has("value"))
        r.problem("value",
                  fmt::format("the measured {} with its unit", to_string(*l.analyte.value)),
                  "nothing", "missing_field");
    } else {
      // consume value/uln/lln so they are not also reported as unknown fields
      (void)r.object("value");
      (void)r.object("uln");
      (void)r.object("lln");
      if (r.present() && !r.has("analyte"))
        r.problem("analyte", fmt::format("one of {}", enum_list(names(Analyte{}))), "nothing",
                  "missing_field");
    }
    if (!l.date.known() && r.present() && !r.has("date"))
      r.problem("date", "the sampling date as \"YYYY-MM-DD\"", "nothing", "missing_field");
    r.finish();
    return l;
  }

  Treatment read_treatment(ObjectReader& r) {
    Treatment t;
    t.pointer = r.pointer();
    t.id = id_of(r, "treatments", false);
    t.category = r.enumeration("category", names(TreatmentCategory{}));
    if (!t.category.known() && r.present() && !r.has("category"))
      r.problem("category", fmt::format("one of {}", enum_list(names(TreatmentCategory{}))),
                "nothing", "missing_field");
    t.agent = r.string("agent", 200);
    t.regimen = r.string("regimen", 200);
    t.dose_mg = r.number("dose_mg", 0, 100000, "dose in mg");
    t.interval_days = r.integer("interval_days", 1, 365, "interval in days");
    t.start = dated(r, "start");
    t.end = dated(r, "end");
    check_order(r, t.start, t.end, "end", "start");
    t.best_response = r.enumeration("best_response", names(Response{}));
    t.stop_reason = r.enumeration("stop_reason", names(StopReason{}));
    t.progression_date = dated(r, "progression_date");
    check_order(r, t.start, t.progression_date, "progression_date", "start");
    t.last_injection.pointer = r.pointer_of("last_injection");
    if (v2_field(r, "last_injection")) {
      t.last_injection = dated(r, "last_injection");
      check_order(r, t.start, t.last_injection, "last_injection", "start");
      if (t.last_injection.known() && t.end.known() && *t.last_injection.value > *t.end.value)
        r.problem("last_injection", fmt::format("a date on or before end {}", t.end.value->iso()),
                  t.last_injection.value->iso(), "after_end");
      if (t.last_injection.known() && t.category.known() &&
          *t.category.value != TreatmentCategory::ssa) {
        r.problem("last_injection",
                  "a last injection only on a treatment of category ssa (long-acting "
                  "somatostatin analogue)",
                  fmt::format("category \"{}\"", to_string(*t.category.value)), "not_applicable");
        t.last_injection.value.reset();
      }
    }
    r.finish();
    return t;
  }

  RltCycle read_cycle(ObjectReader& r) {
    RltCycle c;
    c.pointer = r.pointer();
    c.id = id_of(r, "rlt_cycles", false);
    c.course = r.string("course", 100);
    c.date = dated(r, "date");
    c.radiopharmaceutical = r.enumeration("radiopharmaceutical", names(Radiopharmaceutical{}));
    c.activity =
        r.quantity<units::Gbq>("activity", ut::activity_gbq(), 0.01, 50, "administered activity");
    auto d = r.object("dosimetry");
    c.dosimetry = read_cycle_dosimetry(d);
    r.finish();
    return c;
  }

  const JsonDoc& doc_;
  Diagnostics& d_;
  std::optional<Date> assessment_;
  std::map<std::string, std::set<std::string>> ids_;
  int version_ = 2;
  std::set<std::string> sstr_lesion_ids_;                   ///< lesion ids of every SSTR study
  std::map<std::string, std::optional<Date>> study_dates_;  ///< imaging.studies id → date
  std::set<std::string> study_ids_;                         ///< the keys of study_dates_
};

}  // namespace

Lesion read_lesion(ObjectReader& lr, std::set<std::string>& ids) {
  Lesion l;
  l.pointer = lr.pointer();
  auto id = lr.string("id", 100);
  if (!id.known()) {
    if (!lr.has("id"))
      lr.problem("id", "an id for this lesion (the same id at every study)", "nothing",
                 "missing_field");
  } else if (!ids.insert(*id.value).second) {
    lr.problem("id", "a lesion id used once per study", describe_json(Json(*id.value)),
               "duplicate_id");
  }
  l.id = id.value.value_or("");
  l.organ = lr.string("organ", 100);
  l.nodal = lr.boolean("nodal");
  l.target = lr.boolean("target");
  l.state = lr.enumeration("state", names(LesionState{}));
  l.long_axis = lr.quantity<units::Millimetre>("long_axis", ut::length_mm(), 0, 1000, "length");
  l.short_axis = lr.quantity<units::Millimetre>("short_axis", ut::length_mm(), 0, 1000, "length");
  l.density = lr.quantity<units::Hounsfield>("density", ut::density_hu(), -1000, 3000,
                                             "density in Hounsfield units");
  l.necrosis = lr.boolean("necrosis");
  l.non_target_status = lr.enumeration("non_target_status", names(NonTargetStatus{}));
  l.fragment_of = lr.string("fragment_of", 100);
  l.coalesced_into = lr.string("coalesced_into", 100);
  if (l.long_axis.known() && l.short_axis.known() && *l.short_axis.value > *l.long_axis.value)
    lr.problem("short_axis",
               fmt::format("a short axis no longer than the long axis ({} mm)",
                           fmt_num(l.long_axis.value->value())),
               fmt_num(l.short_axis.value->value()) + " mm", "out_of_range");
  if (l.fragment_of.known() && l.fragment_of.value == id.value)
    lr.problem("fragment_of", "the id of another lesion", describe_json(Json(*l.fragment_of.value)),
               "self_reference");
  if (l.coalesced_into.known() && l.coalesced_into.value == id.value)
    lr.problem("coalesced_into", "the id of another lesion",
               describe_json(Json(*l.coalesced_into.value)), "self_reference");
  lr.finish();
  return l;
}

ImagingStudy read_imaging_study(ObjectReader& r, int format_version) {
  ImagingStudy s;
  s.pointer = r.pointer();
  auto id = r.string("id", 100);
  s.id = id.value.value_or("");
  s.date = r.date("date");
  if (!s.date.known() && !r.has("date"))
    r.problem("date", "the date of the study as \"YYYY-MM-DD\"", "nothing", "missing_field");
  s.modality = r.enumeration("modality", names(Modality{}));
  s.contrast = r.boolean("contrast");
  if (format_version >= 2) {
    // v2: "phases", a list (multiphase CT); "phase" is the v1 spelling
    if (r.has("phase")) {
      r.skip("phase");
      r.problem(
          "phase",
          fmt::format("\"phases\", a list of phases (\"phase\" is the field of {})", kCaseFormatV1),
          "the field \"phase\"", "renamed_field");
    }
    const Json* raw = r.peek("phases");
    bool empty_array = raw != nullptr && raw->is_array() && raw->empty();
    auto phases = r.enumerations("phases", names(Phase{}));
    s.phase.pointer = phases.pointer;
    if (empty_array)
      r.problem("phases", "at least one phase (leave phases out when not known)", "an empty array",
                "out_of_range");
    if (phases.known()) {
      for (Phase ph : *phases.value) {
        if (std::find(s.phases.begin(), s.phases.end(), ph) != s.phases.end()) {
          r.problem("phases", "each phase at most once",
                    fmt::format("\"{}\" more than once", to_string(ph)), "duplicate_value");
          continue;
        }
        s.phases.push_back(ph);
      }
    }
    if (s.phases.size() == 1) s.phase.value = s.phases.front();
  } else {
    s.phase = r.enumeration("phase", names(Phase{}));
    if (s.phase.known()) s.phases = {*s.phase.value};
  }
  s.slice_thickness =
      r.quantity<units::Millimetre>("slice_thickness", ut::length_mm(), 0.1, 50, "slice thickness");
  s.baseline = r.boolean("baseline");
  std::set<std::string> ids;
  for (auto& lr : r.objects("lesions"))
    s.lesions.push_back(read_lesion(lr, ids));
  s.new_lesions = r.enumeration("new_lesions", names(NewLesions{}));
  s.new_intratumoural_nodules = r.boolean("new_intratumoural_nodules");
  r.finish();
  return s;
}

CycleDosimetry read_cycle_dosimetry(ObjectReader& r) {
  CycleDosimetry d;
  d.pointer = r.pointer();
  if (!r.present()) return d;
  for (auto& o : r.objects("absorbed_doses")) {
    OrganDose od;
    od.pointer = o.pointer();
    od.organ = o.enumeration("organ", names(Organ{}));
    od.dose = o.quantity<units::Gray>("dose", ut::dose_gy(), 0, 1000, "absorbed dose");
    if (!od.organ.known() && o.present() && !o.has("organ"))
      o.problem("organ", fmt::format("one of {}", enum_list(names(Organ{}))), "nothing",
                "missing_field");
    o.finish();
    d.reported.push_back(std::move(od));
  }
  for (auto& o : r.objects("measurements")) {
    OrganMeasurement m;
    m.pointer = o.pointer();
    m.organ = o.enumeration("organ", names(Organ{}));
    m.mass = o.quantity<units::Gram>("mass", ut::mass_g(), 0.1, 10000, "organ mass");
    m.volume = o.quantity<units::Millilitre>("volume", ut::volume_ml(), 0.1, 10000, "organ volume");
    for (auto& pt : o.objects("points")) {
      ActivityPoint ap;
      ap.time = pt.quantity<units::Hours>("time", ut::time_h(), 0, 10000, "time after injection");
      ap.activity =
          pt.quantity<units::Mbq>("activity", ut::activity_mbq(), 0, 1e5, "organ activity");
      pt.finish();
      m.points.push_back(ap);
    }
    o.finish();
    d.measurements.push_back(std::move(m));
  }
  for (auto& b : r.objects("blood")) {
    BloodSample s;
    s.time = b.quantity<units::Hours>("time", ut::time_h(), 0, 10000, "time after injection");
    s.activity_concentration =
        b.number("activity_concentration_mbq_per_ml", 0, 1e4, "activity concentration in MBq/mL");
    b.finish();
    d.blood.push_back(s);
  }
  d.haematocrit = r.number("haematocrit", 0, 1, "haematocrit as a fraction");
  r.finish();
  return d;
}

ParsedCase parse_case(std::string_view text, const JsonLimits& limits) {
  ParsedCase out;
  if (!parse_json(text, limits, out.doc, out.diagnostics)) return out;
  CaseParser p(out.doc, out.diagnostics);
  out.value = p.run();
  return out;
}

}  // namespace rlt::model
