#include "dosimetry/budget.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <numeric>

#include <fmt/format.h>

#include "dosimetry/organ_dose.hpp"
#include "model/names.hpp"

namespace rlt::dosimetry {

namespace {

constexpr double kEps = 1e-9;               // Gy: a remaining budget below this is used up
constexpr double kMaxPlannedCycles = 1000;  // cycles: more is reported as this many (never UB)

bool is_lu177(const model::RltCycle& c) {
  return !c.radiopharmaceutical.known() ||
         *c.radiopharmaceutical == model::Radiopharmaceutical::lu177_dotatate ||
         *c.radiopharmaceutical == model::Radiopharmaceutical::lu177_dotatoc;
}

std::string lower(std::string s) {
  for (auto& ch : s)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string gy(double v) {
  return fmt::format("{:.3g} Gy", v);
}

struct Stats {
  std::optional<GyPerGbq> last, mean, highest;
};

Stats stats_of(const std::vector<double>& v) {
  Stats s;
  if (v.empty()) return s;
  s.last = GyPerGbq(v.back());
  s.mean = GyPerGbq(std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size()));
  s.highest = GyPerGbq(*std::max_element(v.begin(), v.end()));
  return s;
}

std::optional<GyPerGbq> pick(const Stats& s, PlanningBasis b) {
  switch (b) {
    case PlanningBasis::highest:
      return s.highest;
    case PlanningBasis::mean:
      return s.mean;
    case PlanningBasis::last:
      return s.last;
  }
  return s.highest;
}

// Cumulative activity and cycles (of `cap`) that fit in a remaining budget.
struct Capacity {
  double activity_gbq = 0;
  double cycles = 0;
};

Capacity capacity(double remaining, GyPerGbq d, double g, double ab, double cap) {
  Capacity c;
  if (remaining <= kEps) return c;
  if (!(d.value() > 0))
    return {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
  if (g <= 0) {
    c.activity_gbq = remaining / d.value();
    c.cycles = c.activity_gbq / cap;
    return c;
  }
  const double d_cap = d.value() * cap;
  const double b_cap = d_cap * (1.0 + g * d_cap / ab);
  c.cycles = remaining / b_cap;
  const double full = std::floor(c.cycles + 1e-12);
  const double rest = remaining - full * b_cap;
  c.activity_gbq = full * cap + (rest > kEps ? activity_for_budget(rest, d, g, ab).value() : 0.0);
  return c;
}

}  // namespace

std::string_view to_string(KidneyLimit v) {
  return v == KidneyLimit::bed ? "bed" : "absorbed_dose";
}
std::string_view to_string(PlanningBasis v) {
  switch (v) {
    case PlanningBasis::highest:
      return "highest";
    case PlanningBasis::mean:
      return "mean";
    case PlanningBasis::last:
      return "last";
  }
  return "?";
}
std::string_view to_string(BudgetStatus v) {
  switch (v) {
    case BudgetStatus::ok:
      return "ok";
    case BudgetStatus::budget_exhausted:
      return "budget_exhausted";
    case BudgetStatus::insufficient_data:
      return "insufficient_data";
  }
  return "?";
}
std::string_view to_string(DoseOrigin v) {
  switch (v) {
    case DoseOrigin::none:
      return "none";
    case DoseOrigin::reported:
      return "reported";
    case DoseOrigin::computed:
      return "computed";
    case DoseOrigin::estimated:
      return "estimated";
  }
  return "?";
}

BudgetPolicy BudgetPolicy::from_ruleset(const kb::Ruleset& rs) {
  BudgetPolicy p;
  p.kidney_dose_limit = units::Gray(rs.threshold("q10.kidney_limit").value);
  p.kidney_bed_limit = units::Bed(rs.threshold("q10.kidney_bed_limit").value);
  p.kidney_bed_limit_risk = units::Bed(rs.threshold("q10.kidney_bed_limit_risk").value);
  p.marrow_limit = units::Gray(rs.threshold("q10.marrow_limit").value);
  p.max_activity = units::Gbq(rs.threshold("rlt.standard_activity").value);
  p.kidney_radiobiology.alpha_beta = units::Gray(rs.threshold("dosimetry.kidney_alpha_beta").value);
  p.kidney_radiobiology.repair_half_time =
      units::Hours(rs.threshold("dosimetry.kidney_repair_half_time").value);
  p.kidney_plausible_low = GyPerGbq(rs.threshold("dosimetry.kidney_gy_per_gbq_low").value);
  p.kidney_plausible_high = GyPerGbq(rs.threshold("dosimetry.kidney_gy_per_gbq_high").value);
  return p;
}

units::Gbq activity_for_budget(double remaining_gy, GyPerGbq d, double g_factor,
                               double alpha_beta_gy) {
  if (remaining_gy <= 0 || !(d.value() > 0)) return units::Gbq(0);
  if (g_factor <= 0) return units::Gbq(remaining_gy / d.value());
  // (g/ab)·x² + x − R = 0, x = dose of the cycle; the stable form of the positive root.
  const double a = g_factor / alpha_beta_gy;
  const double x = 2.0 * remaining_gy / (1.0 + std::sqrt(1.0 + 4.0 * a * remaining_gy));
  return units::Gbq(x / d.value());
}

Budget plan_retreatment(const model::Case& c, const BudgetPolicy& policy_in) {
  Budget b;
  b.policy = policy_in;
  BudgetPolicy& policy = b.policy;
  const double ab = policy.kidney_radiobiology.alpha_beta.value();
  const std::optional<model::Sex> sex = c.patient.sex.value;
  auto fact = [&](std::string pointer, std::string what, std::string value) {
    b.facts.push_back({std::move(pointer), std::move(what), std::move(value)});
  };
  if (sex) fact(c.patient.sex.pointer, "sex (phantom choice)", std::string(model::to_string(*sex)));

  // The kidney limit.
  b.kidneys.organ = "kidneys";
  b.marrow.organ = "bone_marrow";
  if (policy.kidney_limit == KidneyLimit::bed) {
    if (!policy.kidney_risk_factors) {
      if (c.patient.comorbidities.known()) {
        bool risk = false;
        for (const auto& s : *c.patient.comorbidities) {
          auto l = lower(s);
          if (l.find("hypertension") != std::string::npos || l.find("diabet") != std::string::npos)
            risk = true;
        }
        policy.kidney_risk_factors = risk;
        fact(c.patient.comorbidities.pointer, "comorbidities (renal risk factors)",
             risk ? "risk factor present" : "none");
      } else {
        policy.kidney_risk_factors = true;
        b.warnings.push_back(
            "renal risk factors (hypertension, diabetes) unknown: the stricter kidney BED limit "
            "(28 Gy) is used");
      }
    }
    b.kidneys.limit_is_bed = true;
    b.kidneys.limit_gy = *policy.kidney_risk_factors ? policy.kidney_bed_limit_risk.value()
                                                     : policy.kidney_bed_limit.value();
    b.kidneys.limit_source = *policy.kidney_risk_factors
                                 ? "q10.kidney_bed_limit_risk (Bodei et al., EJNMMI 2008)"
                                 : "q10.kidney_bed_limit (Bodei et al., EJNMMI 2008)";
  } else {
    b.kidneys.limit_gy = policy.kidney_dose_limit.value();
    b.kidneys.limit_source = "q10.kidney_limit (Garske-Román et al., EJNMMI 2018)";
  }
  b.marrow.limit_gy = policy.marrow_limit.value();
  b.marrow.limit_source = "q10.marrow_limit";

  if (!c.rlt_cycles_given) {
    b.missing.push_back(
        {"/rlt_cycles", "the RLT history (every earlier cycle, with its dosimetry)"});
    b.status = BudgetStatus::insufficient_data;
    return b;
  }
  if (c.rlt_cycles.empty()) {
    b.missing.push_back(
        {"/rlt_cycles", "kidney dosimetry of at least one earlier Lu-177 cycle (no cycle given)"});
    b.status = BudgetStatus::insufficient_data;
    return b;
  }

  // Cycles in date order (undated cycles keep their place after the dated ones before them).
  std::vector<const model::RltCycle*> cycles;
  for (const auto& cy : c.rlt_cycles)
    cycles.push_back(&cy);
  std::stable_sort(cycles.begin(), cycles.end(),
                   [](const model::RltCycle* x, const model::RltCycle* y) {
                     return x->date.known() && y->date.known() && *x->date < *y->date;
                   });

  DoseOptions dopt;
  dopt.kidney = policy.kidney_radiobiology;
  PriorKinetics prior;
  std::vector<double> kid_gpg, mar_gpg;
  std::vector<double> g_known;  // kidney G-factors of cycles with kinetics
  std::vector<std::optional<double>> g_of(cycles.size());

  for (std::size_t i = 0; i < cycles.size(); ++i) {
    const auto& cy = *cycles[i];
    CycleRow row;
    row.id = cy.id.empty() ? fmt::format("#{}", i + 1) : cy.id;
    row.pointer = cy.pointer;
    row.date = cy.date.value;
    if (cy.activity.known()) {
      row.activity = *cy.activity;
      fact(cy.activity.pointer, fmt::format("cycle {} administered activity", row.id),
           fmt::format("{:g} GBq", cy.activity->value()));
    }
    // Reported doses.
    std::optional<units::Gray> rep_k, rep_l, rep_r, rep_m;
    std::string p_k, p_l, p_r, p_m;
    for (const auto& od : cy.dosimetry.reported) {
      if (!od.organ.known() || !od.dose.known()) continue;
      switch (*od.organ) {
        case model::Organ::kidneys:
          rep_k = *od.dose;
          p_k = od.dose.pointer;
          break;
        case model::Organ::kidney_left:
          rep_l = *od.dose;
          p_l = od.dose.pointer;
          break;
        case model::Organ::kidney_right:
          rep_r = *od.dose;
          p_r = od.dose.pointer;
          break;
        case model::Organ::bone_marrow:
          rep_m = *od.dose;
          p_m = od.dose.pointer;
          break;
        default:
          break;
      }
    }
    // Computed doses.
    CycleResult cr = compute_cycle(cy.dosimetry, row.activity, sex, dopt, prior);
    for (const auto& e : cr.errors)
      b.warnings.push_back(
          fmt::format("cycle {}: {} ({}): {}", row.id, e.pointer, e.error.code, e.error.message));
    const OrganResult *ck = nullptr, *cl = nullptr, *crr = nullptr, *cm = nullptr;
    for (const auto& o : cr.organs) {
      if (o.organ == model::Organ::kidneys) ck = &o;
      if (o.organ == model::Organ::kidney_left) cl = &o;
      if (o.organ == model::Organ::kidney_right) crr = &o;
      if (o.organ == model::Organ::bone_marrow) cm = &o;
    }

    auto combine = [&](std::optional<units::Gray> l,
                       std::optional<units::Gray> r) -> std::optional<units::Gray> {
      if (l && r)
        return policy.kidney_combine == KidneyCombine::higher ? std::max(*l, *r) : (*l + *r) / 2.0;
      if (l || r) {
        b.warnings.push_back(fmt::format(
            "cycle {}: only one kidney has a dose; it is used for the kidneys", row.id));
        return l ? l : r;
      }
      return std::nullopt;
    };

    // Kidney dose: reported, else computed.
    if (rep_k || rep_l || rep_r) {
      row.kidney_dose = rep_k ? rep_k : combine(rep_l, rep_r);
      row.kidney_origin = DoseOrigin::reported;
      if (rep_k)
        fact(p_k, fmt::format("cycle {} kidneys absorbed dose (reported)", row.id),
             gy(rep_k->value()));
      if (rep_l)
        fact(p_l, fmt::format("cycle {} left kidney absorbed dose (reported)", row.id),
             gy(rep_l->value()));
      if (rep_r)
        fact(p_r, fmt::format("cycle {} right kidney absorbed dose (reported)", row.id),
             gy(rep_r->value()));
    } else if (ck || cl || crr) {
      auto dose_of = [](const OrganResult* o) {
        return o ? std::optional<units::Gray>(o->dose) : std::nullopt;
      };
      row.kidney_dose = ck ? dose_of(ck) : combine(dose_of(cl), dose_of(crr));
      row.kidney_origin = DoseOrigin::computed;
      for (const auto* o : {ck, cl, crr})
        if (o)
          fact(o->pointer,
               fmt::format("cycle {} {} activity measurements", row.id, model::to_string(o->organ)),
               fmt::format("{} → {}", o->method, gy(o->dose.value())));
    }
    // Kinetics for the BED: the kidney whose dose is used (or the higher-dose one).
    const OrganResult* kin = ck;
    if (!kin) kin = (cl && crr) ? (cl->dose >= crr->dose ? cl : crr) : (cl ? cl : crr);
    if (kin && kin->g_factor && kin->t_eff) {
      g_of[i] = kin->g_factor;
      row.kidney_t_eff = kin->t_eff;
      g_known.push_back(*kin->g_factor);
      prior[kin->organ] = *kin->t_eff;
    }
    // A reported dose and a computed one that disagree.
    if (row.kidney_origin == DoseOrigin::reported && kin) {
      double diff = kin->dose.value() / row.kidney_dose->value() - 1.0;
      if (std::abs(diff) > 0.10)
        b.warnings.push_back(fmt::format(
            "cycle {}: computed kidney dose {} differs from the reported {} by {:+.0f} %", row.id,
            gy(kin->dose.value()), gy(row.kidney_dose->value()), diff * 100));
    }
    // Marrow dose.
    if (rep_m) {
      row.marrow_dose = rep_m;
      row.marrow_origin = DoseOrigin::reported;
      fact(p_m, fmt::format("cycle {} bone-marrow absorbed dose (reported)", row.id),
           gy(rep_m->value()));
    } else if (cm) {
      row.marrow_dose = cm->dose;
      row.marrow_origin = DoseOrigin::computed;
      fact(cm->pointer, fmt::format("cycle {} bone-marrow activity measurements", row.id),
           gy(cm->dose.value()));
    } else if (cr.marrow) {
      row.marrow_dose = cr.marrow->dose;
      row.marrow_origin = DoseOrigin::computed;
      fact(cr.marrow->pointer, fmt::format("cycle {} blood samples (marrow, self-dose)", row.id),
           gy(cr.marrow->dose.value()));
      for (const auto& w : cr.marrow->warnings)
        b.warnings.push_back(fmt::format("cycle {}: {}", row.id, w));
    }
    if (row.activity && row.activity->value() > 0 && is_lu177(cy)) {
      if (row.kidney_dose) {
        row.kidney_gy_per_gbq = per_activity(*row.kidney_dose, *row.activity);
        kid_gpg.push_back(row.kidney_gy_per_gbq->value());
        if (*row.kidney_gy_per_gbq < policy.kidney_plausible_low ||
            *row.kidney_gy_per_gbq > policy.kidney_plausible_high)
          b.warnings.push_back(fmt::format(
              "cycle {}: kidney {:.3g} Gy/GBq is outside the plausible range {:g}–{:g} Gy/GBq; "
              "check the dosimetry",
              row.id, row.kidney_gy_per_gbq->value(), policy.kidney_plausible_low.value(),
              policy.kidney_plausible_high.value()));
      }
      if (row.marrow_dose) {
        row.marrow_gy_per_gbq = per_activity(*row.marrow_dose, *row.activity);
        mar_gpg.push_back(row.marrow_gy_per_gbq->value());
        if (*row.marrow_gy_per_gbq < policy.marrow_plausible_low ||
            *row.marrow_gy_per_gbq > policy.marrow_plausible_high)
          b.warnings.push_back(fmt::format(
              "cycle {}: marrow {:.3g} Gy/GBq is outside the plausible range {:g}–{:g} Gy/GBq; "
              "check the dosimetry",
              row.id, row.marrow_gy_per_gbq->value(), policy.marrow_plausible_low.value(),
              policy.marrow_plausible_high.value()));
      }
    }
    if (!cy.radiopharmaceutical.known())
      b.warnings.push_back(
          fmt::format("cycle {}: radiopharmaceutical not stated; counted as Lu-177", row.id));
    b.cycles.push_back(std::move(row));
  }

  Stats ks = stats_of(kid_gpg), ms = stats_of(mar_gpg);
  b.kidneys.gy_per_gbq_last = ks.last;
  b.kidneys.gy_per_gbq_mean = ks.mean;
  b.kidneys.gy_per_gbq_highest = ks.highest;
  b.kidneys.gy_per_gbq_used = pick(ks, policy.planning_basis);
  b.marrow.gy_per_gbq_last = ms.last;
  b.marrow.gy_per_gbq_mean = ms.mean;
  b.marrow.gy_per_gbq_highest = ms.highest;
  b.marrow.gy_per_gbq_used = pick(ms, policy.planning_basis);
  std::optional<double> g_typical;
  if (!g_known.empty())
    g_typical =
        std::accumulate(g_known.begin(), g_known.end(), 0.0) / static_cast<double>(g_known.size());

  // Fill the gaps: estimate unmeasured Lu-177 cycles, borrow kinetics for the BED.
  bool any_marrow = false;
  for (std::size_t i = 0; i < b.cycles.size(); ++i) {
    auto& row = b.cycles[i];
    const auto& cy = *cycles[i];
    if (!row.kidney_dose) {
      if (policy.estimate_unmeasured_cycles && is_lu177(cy) && row.activity &&
          b.kidneys.gy_per_gbq_used) {
        row.kidney_dose = dose_for(*b.kidneys.gy_per_gbq_used, *row.activity);
        row.kidney_origin = DoseOrigin::estimated;
        b.warnings.push_back(
            fmt::format("cycle {}: no kidney dosimetry; estimated as {:.3g} Gy/GBq × {:g} GBq = {}",
                        row.id, b.kidneys.gy_per_gbq_used->value(), row.activity->value(),
                        gy(row.kidney_dose->value())));
      } else {
        std::string why =
            !is_lu177(cy)   ? "kidney absorbed dose (not a Lu-177 cycle, so it cannot be estimated)"
            : !row.activity ? "kidney absorbed dose, or the administered activity to estimate it"
            : !policy.estimate_unmeasured_cycles ? "kidney absorbed dose (estimation is off)"
                                                 : "kidney absorbed dose";
        b.missing.push_back(
            {cy.dosimetry.pointer.empty() ? cy.pointer + "/dosimetry" : cy.dosimetry.pointer,
             fmt::format("cycle {}: {}", row.id, why)});
      }
    }
    if (row.kidney_dose) {
      std::optional<double> g = g_of[i];
      if (!g && g_typical && is_lu177(cy)) {
        g = g_typical;
        row.kidney_t_eff_borrowed = true;
      }
      if (g)
        row.kidney_bed = bed(*row.kidney_dose, *g, policy.kidney_radiobiology.alpha_beta);
      else if (policy.kidney_limit == KidneyLimit::bed)
        b.missing.push_back(
            {cy.pointer + "/dosimetry/measurements",
             fmt::format("cycle {}: kidney kinetics (activity over time) for the BED", row.id)});
    }
    if (row.marrow_dose) any_marrow = true;
  }
  if (!b.kidneys.gy_per_gbq_used)
    b.missing.push_back({"/rlt_cycles",
                         "the patient's kidney Gy/GBq: no Lu-177 cycle has both a kidney dose and "
                         "the administered activity"});

  // Cumulative totals.
  bool all_bed = true;
  for (const auto& row : b.cycles) {
    if (row.kidney_dose) b.kidneys.cumulative_dose += *row.kidney_dose;
    if (row.kidney_bed)
      b.kidneys.cumulative_bed = b.kidneys.cumulative_bed.value_or(units::Bed(0)) + *row.kidney_bed;
    else
      all_bed = false;
    if (row.marrow_dose) b.marrow.cumulative_dose += *row.marrow_dose;
  }
  if (!all_bed) b.kidneys.cumulative_bed.reset();
  b.kidneys.assessed = true;
  b.kidneys.used_gy = b.kidneys.limit_is_bed
                          ? (b.kidneys.cumulative_bed ? b.kidneys.cumulative_bed->value() : 0.0)
                          : b.kidneys.cumulative_dose.value();
  b.kidneys.remaining_gy = std::max(0.0, b.kidneys.limit_gy - b.kidneys.used_gy);
  if (b.kidneys.remaining_gy <= kEps) b.kidneys.remaining_gy = 0;
  if (!b.kidneys.limit_is_bed) b.kidney_remaining_dose = units::Gray(b.kidneys.remaining_gy);

  b.marrow.assessed = any_marrow;
  if (any_marrow) {
    b.marrow.used_gy = b.marrow.cumulative_dose.value();
    b.marrow.remaining_gy = std::max(0.0, b.marrow.limit_gy - b.marrow.used_gy);
    if (b.marrow.remaining_gy <= kEps) b.marrow.remaining_gy = 0;
    bool partial = std::any_of(b.cycles.begin(), b.cycles.end(),
                               [](const CycleRow& r) { return !r.marrow_dose; });
    if (partial)
      b.warnings.push_back(
          "bone marrow: some cycles have no marrow dose, so the cumulative marrow dose is a lower "
          "bound");
  } else if (policy.marrow_required) {
    b.missing.push_back(
        {"/rlt_cycles", "bone-marrow dose (reported, or blood samples) of the earlier cycles"});
  } else {
    b.warnings.push_back(
        "bone marrow not assessed (no marrow dose or blood samples in any cycle); it does not "
        "constrain the activity");
  }

  if (!b.missing.empty()) {
    b.status = BudgetStatus::insufficient_data;
    return b;
  }

  // Planning.
  const double cap = policy.max_activity.value();
  std::optional<double> g_next;
  if (b.kidneys.limit_is_bed) {
    for (std::size_t i = b.cycles.size(); i-- > 0;)
      if (g_of[i]) {
        g_next = g_of[i];
        break;
      }
  }
  const double gk = g_next.value_or(0.0);
  // An organ whose Gy/GBq is 0 (earlier doses rounded to 0.0 Gy) does not constrain the activity:
  // its whole budget remains and no amount of activity reaches it. It must not read as "no
  // budget left" (activity_for_budget gives 0 for a zero Gy/GBq).
  constexpr double kUnbounded = std::numeric_limits<double>::infinity();
  double next = kUnbounded;
  std::string limiting = "cap";
  Capacity total{kUnbounded, kUnbounded};
  auto zero_rate = [&](std::string_view organ) {
    b.warnings.push_back(fmt::format(
        "{}: the earlier cycles gave 0 Gy/GBq (doses of 0.0 Gy), so the {} limit does not "
        "constrain the next activity; check that the doses were not rounded away",
        organ, organ));
  };
  const GyPerGbq dk = *b.kidneys.gy_per_gbq_used;
  if (dk.value() > 0) {
    b.kidneys.max_next_activity = activity_for_budget(b.kidneys.remaining_gy, dk, gk, ab);
    total = capacity(b.kidneys.remaining_gy, dk, gk, ab, cap);
    next = b.kidneys.max_next_activity->value();
    limiting = "kidneys";
  } else {
    zero_rate("kidneys");
  }
  if (b.marrow.assessed && b.marrow.gy_per_gbq_used && b.marrow.gy_per_gbq_used->value() <= 0) {
    zero_rate("bone marrow");
  } else if (b.marrow.assessed && b.marrow.gy_per_gbq_used) {
    const GyPerGbq dm = *b.marrow.gy_per_gbq_used;
    b.marrow.max_next_activity = activity_for_budget(b.marrow.remaining_gy, dm, 0.0, ab);
    Capacity capm = capacity(b.marrow.remaining_gy, dm, 0.0, ab, cap);
    if (b.marrow.max_next_activity->value() < next) {
      next = b.marrow.max_next_activity->value();
      limiting = "bone_marrow";
    }
    if (capm.activity_gbq < total.activity_gbq) total.activity_gbq = capm.activity_gbq;
    if (capm.cycles < total.cycles) total.cycles = capm.cycles;
  } else if (b.marrow.assessed) {
    b.warnings.push_back(
        "bone marrow has doses but no Gy/GBq (activity missing); it does not constrain the "
        "activity");
  }
  if (next > cap) {
    next = cap;
    b.capped = true;
    limiting = "cap";
  }
  b.next_activity = units::Gbq(next);
  b.limiting_organ = limiting;
  // Tiny Gy/GBq (e.g. 1e-11) give astronomically many cycles: report at most kMaxPlannedCycles,
  // so the float→int conversion below is always in range (and the text stays meaningful).
  if (!(total.cycles <= kMaxPlannedCycles)) {
    total.cycles = kMaxPlannedCycles;
    total.activity_gbq = kMaxPlannedCycles * cap;
    b.warnings.push_back(fmt::format(
        "the dose limits allow more than {:g} cycles of {:g} GBq; the count is shown as {:g}",
        kMaxPlannedCycles, cap, kMaxPlannedCycles));
  }
  b.remaining_cumulative_activity = units::Gbq(total.activity_gbq);
  b.cycles_remaining = total.cycles;
  b.full_cycles_remaining =
      static_cast<int>(std::clamp(std::floor(total.cycles + 1e-9), 0.0, kMaxPlannedCycles));
  b.status = next > 0 ? BudgetStatus::ok : BudgetStatus::budget_exhausted;
  if (b.kidneys.used_gy > b.kidneys.limit_gy + kEps)
    b.warnings.push_back(
        fmt::format("kidneys: the cumulative {} ({}) already exceeds the limit ({})",
                    b.kidneys.limit_is_bed ? "BED" : "absorbed dose", gy(b.kidneys.used_gy),
                    gy(b.kidneys.limit_gy)));
  if (b.marrow.assessed && b.marrow.used_gy > b.marrow.limit_gy + kEps)
    b.warnings.push_back(
        fmt::format("bone marrow: the cumulative dose ({}) already exceeds the limit ({})",
                    gy(b.marrow.used_gy), gy(b.marrow.limit_gy)));
  return b;
}

}  // namespace rlt::dosimetry
