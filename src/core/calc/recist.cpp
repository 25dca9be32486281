#include "calc/recist.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "kb/ruleset.hpp"
#include "model/names.hpp"

namespace rlt::calc::recist {

namespace {

const kb::Threshold& th(const kb::Ruleset& rs, std::string_view id) {
  return rs.threshold(id);
}

Tenths mm_threshold(const kb::Ruleset& rs, std::string_view id) {
  return to_tenths(units::Millimetre(th(rs, id).value));
}

std::string lower(std::string s) {
  for (auto& ch : s)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string mm_text(Tenths t) {
  return fmt_fixed(t.mm(), 1) + " mm";
}

}  // namespace

std::string_view to_string(Measurability m) {
  switch (m) {
    case Measurability::measurable:
      return "measurable";
    case Measurability::non_measurable:
      return "non-measurable";
    case Measurability::pathological_node:
      return "pathological node (non-target)";
    case Measurability::normal_node:
      return "normal node";
    case Measurability::unknown:
      return "unknown";
  }
  return "?";
}

std::string_view to_string(TargetResponse r) {
  switch (r) {
    case TargetResponse::cr:
      return "CR";
    case TargetResponse::pr:
      return "PR";
    case TargetResponse::sd:
      return "SD";
    case TargetResponse::pd:
      return "PD";
    case TargetResponse::ne:
      return "NE";
    case TargetResponse::none:
      return "none";
  }
  return "?";
}

std::string_view to_string(NonTargetResponse r) {
  switch (r) {
    case NonTargetResponse::cr:
      return "CR";
    case NonTargetResponse::non_cr_non_pd:
      return "non-CR/non-PD";
    case NonTargetResponse::pd:
      return "PD";
    case NonTargetResponse::ne:
      return "NE";
    case NonTargetResponse::none:
      return "none";
  }
  return "?";
}

std::string_view to_string(Overall r) {
  switch (r) {
    case Overall::cr:
      return "CR";
    case Overall::pr:
      return "PR";
    case Overall::sd:
      return "SD";
    case Overall::non_cr_non_pd:
      return "non-CR/non-PD";
    case Overall::pd:
      return "PD";
    case Overall::ne:
      return "NE";
  }
  return "?";
}

MeasurabilityResult measurability(const model::Lesion& l, std::optional<model::Modality> modality,
                                  const kb::Ruleset& rs, std::optional<units::Millimetre> slice) {
  if (l.state.is(model::LesionState::too_small))
    return {Measurability::non_measurable, "too small to measure at baseline"};
  if (l.nodal.is(true)) {
    if (!l.short_axis.known()) return {Measurability::unknown, "node without a short axis"};
    const Tenths sa = to_tenths(*l.short_axis.value);
    if (sa >= mm_threshold(rs, "recist.node_target"))
      return {Measurability::measurable, fmt::format("node short axis {} ≥ {} mm", mm_text(sa),
                                                     fmt_num(th(rs, "recist.node_target").value))};
    if (sa >= mm_threshold(rs, "recist.node_pathological"))
      return {Measurability::pathological_node,
              fmt::format("node short axis {} is pathological but below {} mm", mm_text(sa),
                          fmt_num(th(rs, "recist.node_target").value))};
    return {Measurability::normal_node,
            fmt::format("node short axis {} < {} mm is normal", mm_text(sa),
                        fmt_num(th(rs, "recist.node_pathological").value))};
  }
  if (!l.long_axis.known()) return {Measurability::unknown, "lesion without a long axis"};
  const Tenths la = to_tenths(*l.long_axis.value);
  Tenths minimum;
  std::string why;
  if (modality == model::Modality::chest_xray) {
    minimum = mm_threshold(rs, "recist.measurable_cxr");
    why = "chest X-ray";
  } else {
    minimum = mm_threshold(rs, "recist.measurable_ct");
    why = "CT/MRI";
    if (slice) {
      const Tenths twice = to_tenths(*slice * th(rs, "recist.slice_thickness_factor").value);
      if (twice > minimum) {
        minimum = twice;
        why = fmt::format("twice the slice thickness of {} mm", fmt_num(slice->value()));
      }
    }
  }
  if (la >= minimum)
    return {Measurability::measurable,
            fmt::format("long axis {} ≥ {} ({})", mm_text(la), mm_text(minimum), why)};
  return {Measurability::non_measurable,
          fmt::format("long axis {} < {} ({})", mm_text(la), mm_text(minimum), why)};
}

Overall overall_response(TargetResponse target, NonTargetResponse nt,
                         std::optional<bool> new_lesions) {
  if (new_lesions == true || target == TargetResponse::pd || nt == NonTargetResponse::pd)
    return Overall::pd;
  if (target == TargetResponse::none) {  // Table 2: non-target disease only
    if (!new_lesions.has_value()) return Overall::ne;
    switch (nt) {
      case NonTargetResponse::cr:
        return Overall::cr;
      case NonTargetResponse::non_cr_non_pd:
        return Overall::non_cr_non_pd;
      default:
        return Overall::ne;
    }
  }
  if (target == TargetResponse::ne || !new_lesions.has_value()) return Overall::ne;
  switch (target) {
    case TargetResponse::cr:
      // Table 1: CR only with non-target CR (or no non-target disease); else PR.
      return (nt == NonTargetResponse::cr || nt == NonTargetResponse::none) ? Overall::cr
                                                                            : Overall::pr;
    case TargetResponse::pr:
      return Overall::pr;
    case TargetResponse::sd:
      return Overall::sd;
    default:
      return Overall::ne;
  }
}

Params Params::from_ruleset(const kb::Ruleset& rs) {
  Params p;
  p.rs = &rs;
  p.confirmation_days = static_cast<int>(th(rs, "recist.confirmation_min_days").value);
  p.sd_min_days = static_cast<int>(th(rs, "recist.sd_min_days").value);
  return p;
}

BestResponse best_overall_response(std::span<const Call> calls, const Params& p) {
  BestResponse b;
  b.confirmation_required = p.confirmation_required;
  if (calls.empty()) {
    b.response = Overall::ne;
    b.reasons.push_back("no assessment after baseline");
    return b;
  }
  auto set = [&b](const Call& c, Overall r, std::string why) {
    b.response = r;
    b.response_day = c.day;
    b.reasons.push_back(std::move(why));
    return b;
  };
  auto long_enough = [&p](const Call& c) { return c.day >= p.sd_min_days; };
  auto stable_fallback = [&]() -> BestResponse {
    // SD (or non-CR/non-PD) needs the minimum duration; a CR/PR that is not confirmed counts
    // as SD when it meets that minimum.
    for (const auto& c : calls) {
      if ((c.response == Overall::cr || c.response == Overall::pr || c.response == Overall::sd) &&
          long_enough(c)) {
        std::string why = fmt::format("SD: {} on day {} meets the minimum of {} days",
                                      to_string(c.response), c.day, p.sd_min_days);
        if (c.response != Overall::sd) why += " (the response itself was not confirmed)";
        return set(c, Overall::sd, why);
      }
    }
    for (const auto& c : calls)
      if (c.response == Overall::non_cr_non_pd && long_enough(c))
        return set(c, Overall::non_cr_non_pd,
                   fmt::format("non-CR/non-PD on day {} meets the minimum of {} days", c.day,
                               p.sd_min_days));
    bool early = false;
    for (const auto& c : calls)
      early = early || c.response == Overall::sd || c.response == Overall::non_cr_non_pd ||
              c.response == Overall::cr || c.response == Overall::pr;
    for (const auto& c : calls)
      if (c.response == Overall::pd) {
        std::string why = fmt::format("PD on day {}", c.day);
        if (early)
          why += fmt::format("; earlier non-progression was before the minimum of {} days",
                             p.sd_min_days);
        return set(c, Overall::pd, why);
      }
    b.response = Overall::ne;
    b.reasons.push_back(
        early ? fmt::format("NE: no response or stable disease lasting the minimum of {} days",
                            p.sd_min_days)
              : "NE: no evaluable assessment");
    return b;
  };

  // A CR directly followed by a PR: RECIST Table 3 footnote.
  for (std::size_t i = 0; i + 1 < calls.size(); ++i)
    if (calls[i].response == Overall::cr && calls[i + 1].response == Overall::pr)
      b.reasons.push_back(fmt::format(
          "review: CR on day {} followed by PR on day {}; if the CR was real the later disease is "
          "PD (Table 3 footnote); if it was residual disease, both are PR",
          calls[i].day, calls[i + 1].day));

  if (!p.confirmation_required) {
    for (Overall want : {Overall::cr, Overall::pr})
      for (const auto& c : calls)
        if (c.response == want)
          return set(
              c, want,
              fmt::format("{} on day {} (confirmation not required)", to_string(want), c.day));
    return stable_fallback();
  }

  // Is the response at index i confirmed by a later assessment?
  auto confirmed = [&](std::size_t i, Overall want) -> std::optional<long> {
    int ne = 0;
    for (std::size_t j = i + 1; j < calls.size(); ++j) {
      const Overall r = calls[j].response;
      if (r == Overall::ne) {
        if (++ne > p.max_ne_between) return std::nullopt;
        continue;
      }
      const bool acceptable =
          want == Overall::cr ? r == Overall::cr : (r == Overall::cr || r == Overall::pr);
      if (!acceptable) return std::nullopt;
      if (calls[j].day - calls[i].day >= p.confirmation_days) return calls[j].day;
    }
    return std::nullopt;
  };
  for (Overall want : {Overall::cr, Overall::pr})
    for (std::size_t i = 0; i < calls.size(); ++i)
      if (calls[i].response == want)
        if (auto by = confirmed(i, want))
          return set(calls[i], want,
                     fmt::format("{} on day {} confirmed on day {} (≥ {} days later)",
                                 to_string(want), calls[i].day, *by, p.confirmation_days));
  for (const auto& c : calls)
    if (c.response == Overall::cr || c.response == Overall::pr)
      b.reasons.push_back(
          fmt::format("{} on day {} not confirmed by a later assessment ≥ {} days after it",
                      to_string(c.response), c.day, p.confirmation_days));
  return stable_fallback();
}

namespace {

// The value one lesion record contributes to a sum at a follow-up: measured axis, 5 mm when too
// small to measure, 0 when disappeared; nullopt when not evaluable or not measured.
std::optional<Tenths> record_value(const kb::Ruleset& rs, const model::Lesion& l, bool nodal) {
  if (l.state.is(model::LesionState::disappeared)) return Tenths{0};
  if (l.state.is(model::LesionState::too_small))
    return mm_threshold(rs, "recist.too_small_default");
  if (l.state.is(model::LesionState::not_evaluable)) return std::nullopt;
  const auto& axis = nodal ? l.short_axis : l.long_axis;
  if (axis.known()) return to_tenths(*axis.value);
  return std::nullopt;
}

enum class NtState { absent, present, progression, not_evaluated };

NtState non_target_state(const kb::Ruleset& rs, const model::Lesion* l, bool nodal) {
  if (l == nullptr) return NtState::not_evaluated;
  if (l->non_target_status.known()) {
    switch (*l->non_target_status.value) {
      case model::NonTargetStatus::absent:
        return NtState::absent;
      case model::NonTargetStatus::present:
        return NtState::present;
      case model::NonTargetStatus::unequivocal_progression:
        return NtState::progression;
      case model::NonTargetStatus::not_evaluated:
        return NtState::not_evaluated;
    }
  }
  if (l->state.is(model::LesionState::disappeared)) return NtState::absent;
  if (l->state.is(model::LesionState::not_evaluable)) return NtState::not_evaluated;
  if (nodal && l->short_axis.known())
    return to_tenths(*l->short_axis.value) < mm_threshold(rs, "recist.node_pathological")
               ? NtState::absent
               : NtState::present;
  if (l->state.known() || l->long_axis.known() || l->short_axis.known()) return NtState::present;
  return NtState::not_evaluated;
}

struct StudyIndex {
  std::map<std::string, const model::Lesion*, std::less<>> by_id;
  std::map<std::string, std::vector<const model::Lesion*>, std::less<>> fragments;
  explicit StudyIndex(const model::ImagingStudy& s) {
    for (const auto& l : s.lesions) {
      by_id.emplace(l.id, &l);
      if (l.fragment_of.known()) fragments[*l.fragment_of.value].push_back(&l);
    }
  }
  [[nodiscard]] const model::Lesion* find(const std::string& id) const {
    auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : it->second;
  }
};

std::string study_name(const model::ImagingStudy& s) {
  return s.id.empty() ? s.pointer : fmt::format("\"{}\"", s.id);
}

}  // namespace

Result<SeriesResult> evaluate(const Series& series, const Params& params) {
  if (params.rs == nullptr)
    return Error{"recist_params", "RECIST parameters need a ruleset (Params::from_ruleset)"};
  const kb::Ruleset& rs = *params.rs;
  SeriesResult out;
  out.params = params;

  // Order by date; every study needs one and no two may share a day.
  std::vector<const model::ImagingStudy*> studies;
  for (const auto& s : series.studies) {
    if (!s.date.known())
      return Error{"recist_dates", fmt::format("study {} has no date", study_name(s))};
    studies.push_back(&s);
  }
  std::stable_sort(studies.begin(), studies.end(),
                   [](const auto* a, const auto* b) { return *a->date.value < *b->date.value; });
  for (std::size_t i = 1; i < studies.size(); ++i)
    if (*studies[i]->date.value == *studies[i - 1]->date.value)
      return Error{"recist_dates", fmt::format("studies {} and {} have the same date {}",
                                               study_name(*studies[i - 1]), study_name(*studies[i]),
                                               studies[i]->date.value->iso())};
  if (studies.empty()) return Error{"recist_no_baseline", "the series has no imaging study"};

  std::size_t base = studies.size();
  for (std::size_t i = 0; i < studies.size(); ++i) {
    if (!studies[i]->baseline.is(true)) continue;
    if (base != studies.size())
      return Error{"recist_baseline_ambiguous",
                   fmt::format("studies {} and {} are both marked as baseline",
                               study_name(*studies[base]), study_name(*studies[i]))};
    base = i;
  }
  if (base == studies.size()) {
    base = 0;
    out.warnings.push_back(fmt::format(
        "no study is marked \"baseline\": the earliest, {}, is taken", study_name(*studies[0])));
  }
  if (base > 0)
    out.warnings.push_back(
        fmt::format("{} stud{} before the baseline ignored", base, base == 1 ? "y" : "ies"));
  const model::ImagingStudy& bl = *studies[base];
  const Date reference = series.reference_date.value_or(*bl.date.value);
  out.reference_date = reference;

  // ---- baseline: measurability and targets ----
  struct Tracked {
    BaselineLesion info;
    bool explicit_target = false;
    bool excluded = false;  ///< target:false at baseline
  };
  std::vector<Tracked> tracked;
  for (const auto& l : bl.lesions) {
    if (l.state.is(model::LesionState::disappeared) ||
        l.state.is(model::LesionState::not_evaluable)) {
      out.warnings.push_back(fmt::format("lesion \"{}\" is {} at baseline and is not followed",
                                         l.id, model::to_string(*l.state.value)));
      continue;
    }
    if (l.fragment_of.known() || l.coalesced_into.known())
      out.warnings.push_back(fmt::format(
          "lesion \"{}\": split or coalesced at baseline; it is followed as a lesion of its own",
          l.id));
    auto m = measurability(l, bl.modality.value, rs, bl.slice_thickness.value);
    if (m.kind == Measurability::normal_node) continue;
    Tracked t;
    t.info.id = l.id;
    t.info.nodal = l.nodal.is(true);
    if (t.info.nodal) {
      t.info.organ = "lymph node";
    } else if (l.organ.known() && !l.organ.value->empty()) {
      t.info.organ = lower(*l.organ.value);
    } else {
      t.info.organ = "unknown organ (" + l.id + ")";
      out.warnings.push_back(
          fmt::format("lesion \"{}\" has no organ: the per-organ limit cannot be checked", l.id));
    }
    if (auto v = record_value(rs, l, t.info.nodal)) t.info.length = *v;
    t.info.measurability = m.kind;
    if (m.kind == Measurability::unknown)
      out.warnings.push_back(
          fmt::format("lesion \"{}\": {}; followed as non-target", l.id, m.reason));
    t.explicit_target = l.target.is(true);
    t.excluded = l.target.is(false);
    tracked.push_back(std::move(t));
  }
  const auto max_total = static_cast<std::size_t>(th(rs, "recist.max_targets").value);
  const auto max_organ = static_cast<std::size_t>(th(rs, "recist.max_targets_per_organ").value);
  const bool any_explicit =
      std::any_of(tracked.begin(), tracked.end(), [](const auto& t) { return t.explicit_target; });
  std::vector<std::size_t> chosen;
  if (any_explicit) {
    std::map<std::string, std::size_t> per_organ;
    for (std::size_t i = 0; i < tracked.size(); ++i) {
      if (!tracked[i].explicit_target) continue;
      if (tracked[i].info.measurability != Measurability::measurable) {
        out.warnings.push_back(
            fmt::format("lesion \"{}\" is marked target but is {}: followed as non-target",
                        tracked[i].info.id, to_string(tracked[i].info.measurability)));
        continue;
      }
      chosen.push_back(i);
      ++per_organ[tracked[i].info.organ];
    }
    if (chosen.size() > max_total)
      out.warnings.push_back(
          fmt::format("{} target lesions: RECIST 1.1 allows at most {}", chosen.size(), max_total));
    for (const auto& [organ, n] : per_organ)
      if (n > max_organ)
        out.warnings.push_back(
            fmt::format("{} target lesions in {}: RECIST 1.1 allows at most {} per organ", n, organ,
                        max_organ));
  } else {
    out.targets_selected_automatically = true;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < tracked.size(); ++i)
      if (tracked[i].info.measurability == Measurability::measurable && !tracked[i].excluded)
        order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (tracked[a].info.length != tracked[b].info.length)
        return tracked[a].info.length > tracked[b].info.length;
      return tracked[a].info.id < tracked[b].info.id;
    });
    std::map<std::string, std::size_t> per_organ;
    for (std::size_t i : order) {
      if (chosen.size() >= max_total) break;
      auto& n = per_organ[tracked[i].info.organ];
      if (n >= max_organ) continue;
      ++n;
      chosen.push_back(i);
    }
  }
  for (std::size_t i : chosen)
    tracked[i].info.target = true;
  for (std::size_t i : chosen)
    out.lesions.push_back(tracked[i].info);
  for (const auto& t : tracked)
    if (!t.info.target) out.lesions.push_back(t.info);
  const std::size_t n_targets = chosen.size();
  if (out.lesions.empty())
    return Error{"recist_no_disease",
                 fmt::format("the baseline study {} has no measurable or non-measurable lesion",
                             study_name(bl))};

  // ---- timepoints ----
  const kb::Threshold& pr = th(rs, "recist.pr_change");
  const kb::Threshold& pd = th(rs, "recist.pd_change");
  const Tenths pd_abs = mm_threshold(rs, "recist.pd_absolute");
  const Tenths node_path = mm_threshold(rs, "recist.node_pathological");
  Tenths baseline_sum;
  for (std::size_t i = 0; i < n_targets; ++i)
    baseline_sum += out.lesions[i].length;
  // Every id known at baseline (followed or ignored), looked up in O(1) per follow-up lesion:
  // the per-study check below was O(lesions × baseline lesions) (issue 9).
  std::unordered_set<std::string_view> baseline_ids;
  baseline_ids.reserve(out.lesions.size() + bl.lesions.size());
  for (const auto& b : out.lesions)
    baseline_ids.insert(b.id);
  for (const auto& b : bl.lesions)
    baseline_ids.insert(b.id);

  // Where each followed lesion sits in out.lesions. A follow-up is evaluated from its own records:
  // a followed lesion without a record is "not assessed" / "not evaluated" without a lookup, so a
  // study costs O(its lesions), not O(followed lesions) (issue 9: many follow-ups of a baseline
  // with thousands of lesions was quadratic in time and in the reasons kept).
  std::unordered_multimap<std::string_view, std::size_t> followed_at;
  followed_at.reserve(out.lesions.size());
  for (std::size_t i = 0; i < out.lesions.size(); ++i)
    followed_at.emplace(out.lesions[i].id, i);

  Timepoint t0;
  t0.study_id = bl.id;
  t0.date = *bl.date.value;
  t0.day = t0.date.days_since(reference);
  t0.baseline = true;
  if (n_targets > 0) t0.sum = baseline_sum;
  t0.assessed_sum = baseline_sum;
  t0.target = TargetResponse::none;
  t0.non_target = NonTargetResponse::none;
  t0.new_lesions = bl.new_lesions.value;
  t0.overall = Overall::ne;
  t0.reasons.push_back(fmt::format("baseline: {} target lesion{} (sum {}), {} non-target",
                                   n_targets, n_targets == 1 ? "" : "s", mm_text(baseline_sum),
                                   out.lesions.size() - n_targets));
  out.timepoints.push_back(std::move(t0));

  std::optional<Tenths> nadir;
  if (n_targets > 0) nadir = baseline_sum;
  bool last_was_cr = false;
  bool prev_equivocal = bl.new_lesions.is(model::NewLesions::equivocal);
  for (std::size_t si = base + 1; si < studies.size(); ++si) {
    const model::ImagingStudy& s = *studies[si];
    StudyIndex index(s);
    Timepoint tp;
    tp.study_id = s.id;
    tp.date = *s.date.value;
    tp.day = tp.date.days_since(reference);
    tp.nadir = nadir;
    bool reappeared = false;

    // The followed lesions this study has a record (or fragments) of, in baseline order.
    std::vector<std::size_t> recorded;
    auto add_recorded = [&](std::string_view id) {
      auto [from, to] = followed_at.equal_range(id);
      for (auto it = from; it != to; ++it)
        recorded.push_back(it->second);
    };
    for (const auto& [id, rec] : index.by_id)
      add_recorded(id);
    for (const auto& [id, frags] : index.fragments)
      add_recorded(id);
    std::sort(recorded.begin(), recorded.end());
    recorded.erase(std::unique(recorded.begin(), recorded.end()), recorded.end());
    const auto first_nt = static_cast<std::size_t>(
        std::lower_bound(recorded.begin(), recorded.end(), n_targets) - recorded.begin());
    // Followed lesions without a record: one reason each, in baseline order among the other
    // reasons, for the first kNamedMissing targets and the first kNamedMissing non-targets of a
    // study; the rest are counted in one reason.
    constexpr std::size_t kNamedMissing = 20;
    std::size_t named_missing = 0;
    auto name_missing = [&](std::size_t from, std::size_t to, bool target) -> std::size_t {
      std::size_t n = 0;
      for (std::size_t i = from; i < to && named_missing < kNamedMissing; ++i, ++n) {
        ++named_missing;
        tp.reasons.push_back(
            target ? fmt::format("target \"{}\" not assessed", out.lesions[i].id)
                   : fmt::format("non-target \"{}\" not evaluated", out.lesions[i].id));
      }
      return (to - from) - n;  // not named
    };

    // Targets
    if (n_targets > 0) {
      bool complete = true;
      bool all_gone = true;  // CR: non-nodal 0 and nodes < 10 mm
      Tenths sum;
      std::size_t next = 0, unnamed = 0;
      for (std::size_t k = 0; k < first_nt; ++k) {
        const std::size_t i = recorded[k];
        if (i > next) complete = false;
        unnamed += name_missing(next, i, true);
        next = i + 1;
        const auto& info = out.lesions[i];
        const model::Lesion* rec = index.find(info.id);
        std::optional<Tenths> v;
        if (rec != nullptr && rec->coalesced_into.known()) {
          v = Tenths{0};
          tp.reasons.push_back(
              fmt::format("\"{}\" coalesced into \"{}\": counted as 0, its size is in that lesion",
                          info.id, *rec->coalesced_into.value));
        } else if (rec != nullptr) {
          v = record_value(rs, *rec, info.nodal);
        }
        auto frags = index.fragments.find(info.id);
        if (frags != index.fragments.end()) {
          Tenths fsum = v.value_or(Tenths{0});
          bool ok = rec == nullptr || v.has_value();
          for (const auto* f : frags->second) {
            auto fv = record_value(rs, *f, info.nodal);
            if (!fv)
              ok = false;
            else
              fsum += *fv;
          }
          v = ok ? std::optional<Tenths>(fsum) : std::nullopt;
          tp.reasons.push_back(
              fmt::format("\"{}\" split into {} fragment{}: their diameters are added", info.id,
                          frags->second.size(), frags->second.size() == 1 ? "" : "s"));
        }
        if (!v) {
          complete = false;
          tp.reasons.push_back(fmt::format("target \"{}\" not assessed", info.id));
          continue;
        }
        sum += *v;
        if (info.nodal ? *v >= node_path : v->v > 0) all_gone = false;
        if (last_was_cr && (info.nodal ? *v >= node_path : v->v > 0)) reappeared = true;
      }
      if (n_targets > next) complete = false;
      unnamed += name_missing(next, n_targets, true);
      if (unnamed > 0)
        tp.reasons.push_back(
            fmt::format("{} more target lesion{} not assessed", unnamed, unnamed == 1 ? "" : "s"));
      tp.assessed_sum = sum;
      const Tenths ref = nadir.value_or(baseline_sum);
      const bool pd_by_sum = change_meets(sum, ref, pd) && (sum - ref) >= pd_abs;
      if (complete) {
        tp.sum = sum;
        tp.change_from_baseline = percent_change(sum, baseline_sum);
        if (ref.v > 0) tp.change_from_nadir = percent_change(sum, ref);
        if (pd_by_sum) {
          tp.target = TargetResponse::pd;
          tp.reasons.push_back(fmt::format("target PD: sum {} is ≥ {} % and ≥ {} over the nadir {}",
                                           mm_text(sum), fmt_num(pd.value), mm_text(pd_abs),
                                           mm_text(ref)));
        } else if (all_gone) {
          tp.target = TargetResponse::cr;
          tp.reasons.push_back(
              fmt::format("target CR: non-nodal targets gone, nodal targets < {} (sum {})",
                          mm_text(node_path), mm_text(sum)));
        } else if (change_meets(sum, baseline_sum, pr)) {
          tp.target = TargetResponse::pr;
          tp.reasons.push_back(fmt::format(
              "target PR: sum {} is {} % from baseline {} (threshold {} %)", mm_text(sum),
              fmt_fixed(*tp.change_from_baseline, 1), mm_text(baseline_sum), fmt_num(pr.value)));
        } else {
          tp.target = TargetResponse::sd;
          tp.reasons.push_back(fmt::format("target SD: sum {} ({} % from baseline)", mm_text(sum),
                                           fmt_fixed(*tp.change_from_baseline, 1)));
        }
      } else if (pd_by_sum) {
        tp.target = TargetResponse::pd;
        tp.reasons.push_back(fmt::format("target PD on the assessed lesions alone: {} vs nadir {}",
                                         mm_text(sum), mm_text(ref)));
      } else {
        tp.target = TargetResponse::ne;
      }
    }

    // Non-targets
    if (out.lesions.size() > n_targets) {
      bool any_pd = false, any_ne = false, all_absent = true;
      std::size_t next = n_targets, unnamed = 0;
      named_missing = 0;
      auto not_recorded = [&](std::size_t to) {
        if (to > next) {
          any_ne = true;
          all_absent = false;
        }
        unnamed += name_missing(next, to, false);
      };
      for (std::size_t k = first_nt; k < recorded.size(); ++k) {
        const std::size_t i = recorded[k];
        not_recorded(i);
        next = i + 1;
        const auto& info = out.lesions[i];
        switch (non_target_state(rs, index.find(info.id), info.nodal)) {
          case NtState::progression:
            any_pd = true;
            all_absent = false;
            tp.reasons.push_back(
                fmt::format("non-target \"{}\": unequivocal progression", info.id));
            break;
          case NtState::not_evaluated:
            any_ne = true;
            all_absent = false;
            tp.reasons.push_back(fmt::format("non-target \"{}\" not evaluated", info.id));
            break;
          case NtState::present:
            all_absent = false;
            if (last_was_cr) reappeared = true;
            break;
          case NtState::absent:
            break;
        }
      }
      not_recorded(out.lesions.size());
      if (unnamed > 0)
        tp.reasons.push_back(fmt::format("{} more non-target lesion{} not evaluated", unnamed,
                                         unnamed == 1 ? "" : "s"));
      tp.non_target = any_pd       ? NonTargetResponse::pd
                      : any_ne     ? NonTargetResponse::ne
                      : all_absent ? NonTargetResponse::cr
                                   : NonTargetResponse::non_cr_non_pd;
    }

    // Lesion ids the baseline does not know about (and that are not fragments)
    for (const auto& l : s.lesions) {
      if (l.fragment_of.known()) continue;
      if (!baseline_ids.contains(l.id))
        out.warnings.push_back(
            fmt::format("study {}: lesion \"{}\" was not recorded at baseline and is not followed "
                        "(report new lesions with "
                        "\"new_lesions\")",
                        study_name(s), l.id));
    }

    // New lesions
    std::optional<bool> new_flag;
    tp.new_lesions = s.new_lesions.value;
    if (s.new_lesions.known()) {
      switch (*s.new_lesions.value) {
        case model::NewLesions::yes:
          new_flag = true;
          tp.reasons.push_back("new lesion(s): PD");
          if (prev_equivocal)
            tp.reasons.push_back(
                "an equivocal new lesion was seen on the previous study: if it is this lesion, PD "
                "dates from that earlier study");
          break;
        case model::NewLesions::equivocal:
          new_flag = false;
          tp.reasons.push_back(
              "equivocal new lesion: not PD now; repeat imaging, and if confirmed PD dates from "
              "this study");
          break;
        case model::NewLesions::no:
          new_flag = false;
          break;
      }
    } else {
      tp.reasons.push_back("new lesions not reported: the response cannot be better than NE");
    }
    prev_equivocal = s.new_lesions.is(model::NewLesions::equivocal);

    tp.overall = overall_response(tp.target, tp.non_target, new_flag);
    if (reappeared && tp.overall != Overall::pd) {
      tp.overall = Overall::pd;
      tp.reasons.push_back(
          "disease reappeared after a CR at the previous assessment: PD (RECIST FAQ)");
    }
    if (tp.sum && (!nadir || *tp.sum < *nadir)) nadir = *tp.sum;
    if (tp.overall != Overall::ne) last_was_cr = tp.overall == Overall::cr;
    out.timepoints.push_back(std::move(tp));
  }

  std::vector<Call> calls;
  for (const auto& tp : out.timepoints)
    if (!tp.baseline) calls.push_back({tp.day, tp.overall});
  Params with = params, without = params;
  with.confirmation_required = true;
  without.confirmation_required = false;
  out.best_confirmed = best_overall_response(calls, with);
  out.best_unconfirmed = best_overall_response(calls, without);
  out.best = params.confirmation_required ? out.best_confirmed : out.best_unconfirmed;
  return out;
}

Series series_from_case(const model::Case& c) {
  Series s;
  s.pointer = c.imaging_pointer + "/studies";
  s.studies = c.studies;
  return s;
}

}  // namespace rlt::calc::recist
