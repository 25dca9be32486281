#include "dosimetry/tac.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

#include <fmt/format.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wold-style-cast"
#include <Eigen/Dense>
#include <unsupported/Eigen/NonLinearOptimization>
#pragma GCC diagnostic pop

namespace rlt::dosimetry {

namespace {

constexpr double kLn2 = std::numbers::ln2;

// Every model is a sum of terms a_j·e^{−k_j t}. An amplitude a_j is a fixed linear combination
// of the amplitude parameters; a rate k_j = e^{x[r_j]} for one rate parameter. This one
// description gives the curve, its Jacobian and the integral of every model.
struct Term {
  std::array<double, 5> amp{};  // a_j = Σ_i amp[i]·x[i] over amplitude parameters
  int rate = 0;                 // index of the log-rate parameter
};

struct ModelSpec {
  std::vector<Term> terms;
  std::vector<bool> is_rate;  // per parameter
};

ModelSpec spec(TacModel m) {
  ModelSpec s;
  auto term = [](std::initializer_list<std::pair<int, double>> a, int r) {
    Term t;
    for (auto [i, c] : a)
      t.amp[static_cast<std::size_t>(i)] = c;
    t.rate = r;
    return t;
  };
  switch (m) {
    case TacModel::mono_exp:  // x = [A0, θ]
      s.terms = {term({{0, 1.0}}, 1)};
      s.is_rate = {false, true};
      break;
    case TacModel::uptake_washout:  // x = [A, θw, θu]
      s.terms = {term({{0, 1.0}}, 1), term({{0, -1.0}}, 2)};
      s.is_rate = {false, true, true};
      break;
    case TacModel::bi_exp:  // x = [A1, θ1, A2, θ2]
      s.terms = {term({{0, 1.0}}, 1), term({{2, 1.0}}, 3)};
      s.is_rate = {false, true, false, true};
      break;
    case TacModel::tri_exp_uptake:  // x = [A, θ1, C, θ2, θ3]
      s.terms = {term({{0, 1.0}}, 1), term({{2, 1.0}}, 3), term({{0, -1.0}, {2, -1.0}}, 4)};
      s.is_rate = {false, true, false, true, true};
      break;
  }
  return s;
}

double amplitude(const Term& t, const Eigen::VectorXd& x) {
  double a = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    a += t.amp[static_cast<std::size_t>(i)] * x[i];
  return a;
}

double eval(const ModelSpec& s, const Eigen::VectorXd& x, double t) {
  double f = 0;
  for (const auto& term : s.terms)
    f += amplitude(term, x) * std::exp(-std::exp(x[term.rate]) * t);
  return f;
}

double weight_sigma(Weighting w, double y) {
  switch (w) {
    case Weighting::none:
      return 1.0;
    case Weighting::relative:
      return y;
    case Weighting::poisson:
      return std::sqrt(y);
  }
  return 1.0;
}

struct Functor {
  using Scalar = double;
  const ModelSpec* s;
  const std::vector<TacPoint>* pts;
  std::vector<double> sigma;

  [[nodiscard]] int inputs() const { return static_cast<int>(s->is_rate.size()); }
  [[nodiscard]] int values() const { return static_cast<int>(pts->size()); }

  int operator()(const Eigen::VectorXd& x, Eigen::VectorXd& fvec) const {
    for (std::size_t i = 0; i < pts->size(); ++i) {
      const auto& p = (*pts)[i];
      double r = (eval(*s, x, p.time_h) - p.value) / sigma[i];
      if (!std::isfinite(r)) return -1;
      fvec[static_cast<Eigen::Index>(i)] = r;
    }
    return 0;
  }
  int df(const Eigen::VectorXd& x, Eigen::MatrixXd& jac) const {
    jac.setZero();
    for (std::size_t i = 0; i < pts->size(); ++i) {
      const auto row = static_cast<Eigen::Index>(i);
      const double t = (*pts)[i].time_h;
      for (const auto& term : s->terms) {
        const double k = std::exp(x[term.rate]);
        const double e = std::exp(-k * t);
        for (Eigen::Index j = 0; j < x.size(); ++j)
          if (!s->is_rate[static_cast<std::size_t>(j)])
            jac(row, j) += term.amp[static_cast<std::size_t>(j)] * e / sigma[i];
        jac(row, term.rate) += amplitude(term, x) * (-t * k) * e / sigma[i];
      }
    }
    return jac.allFinite() ? 0 : -1;
  }
};

// Log-linear regression of ln(y) on t over a range of points: returns (A0, k).
std::optional<std::pair<double, double>> loglinear(const std::vector<TacPoint>& p, std::size_t from,
                                                   std::size_t to) {
  if (to <= from + 1) return std::nullopt;
  double n = 0, st = 0, sy = 0, stt = 0, sty = 0;
  for (std::size_t i = from; i < to; ++i) {
    double t = p[i].time_h, y = std::log(p[i].value);
    n += 1;
    st += t;
    sy += y;
    stt += t * t;
    sty += t * y;
  }
  double den = n * stt - st * st;
  if (!(std::abs(den) > 0)) return std::nullopt;
  double slope = (n * sty - st * sy) / den;
  double icpt = (sy - slope * st) / n;
  return std::make_pair(std::exp(icpt), -slope);
}

double clamp_rate(double k) {
  if (!std::isfinite(k) || k < lu177::lambda_per_h) return lu177::lambda_per_h * 1.5;
  return std::min(k, 50.0);
}

// Several starting points per model; the best converged one is kept.
std::vector<Eigen::VectorXd> starts(TacModel m, const std::vector<TacPoint>& p) {
  const std::size_t n = p.size();
  std::size_t peak = 0;
  for (std::size_t i = 1; i < n; ++i)
    if (p[i].value > p[peak].value) peak = i;
  // Terminal phase: points after the peak (or the last half).
  std::size_t from = std::min(peak, n >= 2 ? n - 2 : 0);
  if (n >= 4 && from < n / 2) from = std::max(from, n / 2 - 1);
  auto term = loglinear(p, from, n);
  if (!term) term = loglinear(p, 0, n);
  double a_s = term ? term->first : p.front().value;
  double k_s = clamp_rate(term ? term->second : 0.01);
  auto v = [](std::initializer_list<double> l) {
    Eigen::VectorXd x(static_cast<Eigen::Index>(l.size()));
    Eigen::Index i = 0;
    for (double d : l)
      x[i++] = d;
    return x;
  };
  std::vector<Eigen::VectorXd> out;
  switch (m) {
    case TacModel::mono_exp: {
      auto all = loglinear(p, 0, n);
      if (all) out.push_back(v({all->first, std::log(clamp_rate(all->second))}));
      out.push_back(v({a_s, std::log(k_s)}));
      break;
    }
    case TacModel::uptake_washout:
      for (double f : {3.0, 10.0, 30.0, 100.0, 1000.0})
        out.push_back(v({a_s, std::log(k_s), std::log(k_s * f)}));
      break;
    case TacModel::bi_exp:
      for (double f : {3.0, 10.0, 30.0, 100.0})
        for (double share : {0.3, 1.0})
          out.push_back(v({a_s * share, std::log(k_s * f), a_s, std::log(k_s)}));
      break;
    case TacModel::tri_exp_uptake:
      for (double f : {3.0, 10.0, 30.0})
        out.push_back(
            v({a_s * 0.3, std::log(k_s * f), a_s, std::log(k_s), std::log(k_s * f * 10.0)}));
      break;
  }
  return out;
}

Error err(std::string code, std::string msg) {
  return Error{std::move(code), std::move(msg)};
}

std::string status_name(int s) {
  switch (s) {
    case 1:
      return "relative reduction too small (converged)";
    case 2:
      return "relative error too small (converged)";
    case 3:
      return "relative error and reduction too small (converged)";
    case 4:
      return "orthogonality of residuals to the Jacobian (converged)";
    case 6:
      return "no further reduction possible (ftol)";
    case 7:
      return "no further improvement possible (xtol)";
    case 8:
      return "gradient orthogonal (gtol)";
    case 5:
      return "too many function evaluations";
    case 0:
      return "improper input";
    default:
      return "stopped";
  }
}

bool converged(int s) {
  return (s >= 1 && s <= 4) || (s >= 6 && s <= 8);
}

}  // namespace

std::string_view to_string(TacModel m) {
  switch (m) {
    case TacModel::mono_exp:
      return "mono_exp";
    case TacModel::uptake_washout:
      return "uptake_washout";
    case TacModel::bi_exp:
      return "bi_exp";
    case TacModel::tri_exp_uptake:
      return "tri_exp_uptake";
  }
  return "?";
}

std::optional<TacModel> tac_model_from(std::string_view name) {
  for (auto m :
       {TacModel::mono_exp, TacModel::uptake_washout, TacModel::bi_exp, TacModel::tri_exp_uptake})
    if (to_string(m) == name) return m;
  return std::nullopt;
}

int parameter_count(TacModel m) {
  switch (m) {
    case TacModel::mono_exp:
      return 2;
    case TacModel::uptake_washout:
      return 3;
    case TacModel::bi_exp:
      return 4;
    case TacModel::tri_exp_uptake:
      return 5;
  }
  return 0;
}

std::vector<std::string> parameter_names(TacModel m) {
  switch (m) {
    case TacModel::mono_exp:
      return {"A0", "lambda"};
    case TacModel::uptake_washout:
      return {"A", "lambda_washout", "lambda_uptake"};
    case TacModel::bi_exp:
      return {"A1", "lambda1", "A2", "lambda2"};
    case TacModel::tri_exp_uptake:
      return {"A", "lambda1", "C", "lambda2", "lambda3"};
  }
  return {};
}

std::span<const TacModel> default_candidates() {
  static constexpr std::array kAll = {TacModel::mono_exp, TacModel::uptake_washout,
                                      TacModel::bi_exp, TacModel::tri_exp_uptake};
  return kAll;
}

double TacFit::value(double t_h) const {
  double f = 0;
  for (const auto& term : terms())
    f += term.coefficient * std::exp(-term.rate * t_h);
  return f;
}

std::vector<ExpTerm> TacFit::terms() const {
  const auto& x = parameters;
  if (x.size() != static_cast<std::size_t>(parameter_count(model))) return {};
  switch (model) {
    case TacModel::mono_exp:
      return {{x[0], x[1]}};
    case TacModel::uptake_washout:
      return {{x[0], x[1]}, {-x[0], x[2]}};
    case TacModel::bi_exp:
      return {{x[0], x[1]}, {x[2], x[3]}};
    case TacModel::tri_exp_uptake:
      return {{x[0], x[1]}, {x[2], x[3]}, {-x[0] - x[2], x[4]}};
  }
  return {};
}

Result<std::vector<TacPoint>> checked_points(std::span<const TacPoint> points, int min_points) {
  if (points.size() < static_cast<std::size_t>(std::max(min_points, 1)))
    return err("too_few_points",
               fmt::format("{} time point(s) given; this method needs at least {}", points.size(),
                           std::max(min_points, 1)));
  std::vector<TacPoint> p(points.begin(), points.end());
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (!std::isfinite(p[i].time_h) || !std::isfinite(p[i].value))
      return err("not_finite", fmt::format("point {} is not a finite number", i + 1));
    if (p[i].time_h < 0)
      return err("negative_time",
                 fmt::format("point {} is at a negative time ({} h)", i + 1, p[i].time_h));
    if (!(p[i].value > 0))
      return err("non_positive_value",
                 fmt::format("point {} has a value of {}; activities must be positive", i + 1,
                             p[i].value));
  }
  std::stable_sort(p.begin(), p.end(),
                   [](const TacPoint& a, const TacPoint& b) { return a.time_h < b.time_h; });
  for (std::size_t i = 1; i < p.size(); ++i)
    if (p[i].time_h == p[i - 1].time_h)
      return err("duplicate_time", fmt::format("two points at the same time ({} h)", p[i].time_h));
  return p;
}

Result<TacFit> fit_tac(std::span<const TacPoint> points, TacModel model, const FitOptions& o) {
  const int np = parameter_count(model);
  auto checked = checked_points(points, np);
  if (!checked) return checked.error();
  const std::vector<TacPoint>& pts = checked.value();
  const int n = static_cast<int>(pts.size());
  if (model == TacModel::mono_exp && n < 2)
    return err("too_few_points", "a mono-exponential fit needs at least 2 points");

  ModelSpec s = spec(model);
  Functor f{&s, &pts, {}};
  for (const auto& p : pts)
    f.sigma.push_back(weight_sigma(o.weighting, p.value));

  Eigen::VectorXd best;
  double best_norm = std::numeric_limits<double>::infinity();
  int best_status = -1;
  int evaluations = 0;
  for (Eigen::VectorXd x : starts(model, pts)) {
    Eigen::LevenbergMarquardt<Functor> lm(f);
    lm.parameters.maxfev = o.max_evaluations;
    lm.parameters.xtol = 1e-12;
    lm.parameters.ftol = 1e-12;
    auto st = lm.minimize(x);
    evaluations += static_cast<int>(lm.nfev);
    const int code = static_cast<int>(st);
    if (!converged(code) || !x.allFinite()) {
      if (best_status < 0) best_status = code;
      continue;
    }
    Eigen::VectorXd fv(n);
    if (f(x, fv) != 0) continue;
    double norm = fv.squaredNorm();
    if (norm < best_norm) {
      best_norm = norm;
      best = x;
      best_status = code;
    }
  }
  if (best.size() == 0)
    return err("fit_not_converged",
               fmt::format("the {} fit did not converge ({}); try a simpler model or the trapezoid "
                           "method",
                           to_string(model), status_name(best_status)));

  // Canonical form: the uptake rate is the faster one; order sums from fast to slow.
  if (model == TacModel::uptake_washout && best[1] > best[2]) {
    std::swap(best[1], best[2]);
    best[0] = -best[0];
  }
  if (model == TacModel::bi_exp && best[1] < best[3]) {
    std::swap(best[0], best[2]);
    std::swap(best[1], best[3]);
  }

  TacFit fit;
  fit.model = model;
  fit.points = pts;
  fit.n = n;
  fit.evaluations = evaluations;
  fit.solver_status = status_name(best_status);
  Eigen::MatrixXd jac(n, np);
  if (f.df(best, jac) != 0) return err("fit_not_converged", "the fitted curve is not finite");

  // Natural parameters and the derivative of each with respect to the solver's.
  Eigen::VectorXd natural(np), dnat(np);
  for (int i = 0; i < np; ++i) {
    bool rate = s.is_rate[static_cast<std::size_t>(i)];
    natural[i] = rate ? std::exp(best[i]) : best[i];
    dnat[i] = rate ? natural[i] : 1.0;
  }
  fit.parameters.assign(natural.data(), natural.data() + np);

  // Physical plausibility.
  auto terms = fit.terms();
  double slowest = std::numeric_limits<double>::infinity();
  for (const auto& t : terms)
    slowest = std::min(slowest, t.rate);
  if (model == TacModel::uptake_washout && !(fit.parameters[0] > 0))
    return err("fit_unphysical", "the uptake-washout fit has a non-positive amplitude");
  if (model == TacModel::bi_exp && (!(fit.parameters[0] > 0) || !(fit.parameters[2] > 0)))
    return err(
        "fit_unphysical",
        "the bi-exponential fit needs a negative amplitude (an uptake phase): use uptake_washout");
  if (model == TacModel::mono_exp && !(fit.parameters[0] > 0))
    return err("fit_unphysical", "the mono-exponential fit has a non-positive amplitude");
  if (model == TacModel::tri_exp_uptake &&
      (!(fit.parameters[0] > 0) || !(fit.parameters[2] > 0) ||
       !(fit.parameters[4] > fit.parameters[1]) || !(fit.parameters[4] > fit.parameters[3])))
    return err("fit_unphysical", "the tri-exponential fit does not have the uptake-washout shape");
  if (o.require_physical_clearance && slowest < lu177::lambda_per_h * (1.0 - 1e-9))
    return err(
        "fit_unphysical",
        fmt::format(
            "the fitted clearance ({:.3g} /h, T_eff {:.1f} h) is slower than Lu-177 physical "
            "decay ({:.4g} /h, 159.5 h): the data cannot support this model",
            slowest, kLn2 / slowest, lu177::lambda_per_h));
  fit.t_eff = units::Hours(kLn2 / slowest);

  // Residuals, R², information criteria.
  double ss_tot = 0, mean = 0, ss_res = 0;
  for (const auto& p : pts)
    mean += p.value;
  mean /= n;
  for (const auto& p : pts) {
    double r = p.value - fit.value(p.time_h);
    fit.residuals.push_back(r);
    ss_res += r * r;
    ss_tot += (p.value - mean) * (p.value - mean);
  }
  fit.rss = best_norm;
  fit.r_squared = ss_tot > 0 ? 1.0 - ss_res / ss_tot : 1.0;
  // Residuals below 1e-9 of the mean value are treated as an exact fit, so that noise-free data
  // do not make the information criteria depend on rounding.
  double floor_w = 0;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    double e = 1e-9 * mean / f.sigma[i];
    floor_w += e * e;
  }
  double rss_ic = std::max(fit.rss, floor_w);
  fit.aic = n * std::log(rss_ic / n) + 2.0 * np;
  if (n - np - 1 > 0) fit.aicc = fit.aic + 2.0 * np * (np + 1) / (n - np - 1);

  // TIA and its gradient in the solver's parameters.
  Eigen::VectorXd grad = Eigen::VectorXd::Zero(np);
  double tia = 0;
  for (const auto& term : s.terms) {
    double k = std::exp(best[term.rate]);
    double a = amplitude(term, best);
    tia += a / k;
    for (int j = 0; j < np; ++j)
      if (!s.is_rate[static_cast<std::size_t>(j)])
        grad[j] += term.amp[static_cast<std::size_t>(j)] / k;
    grad[term.rate] += -a / k;
  }
  fit.tia = tia;
  if (!(tia > 0) || !std::isfinite(tia))
    return err("fit_unphysical", "the fitted curve has no positive integral");

  // Covariance σ²(JᵀJ)⁻¹ (J of the weighted residuals), when there is residual freedom.
  Eigen::MatrixXd jtj = jac.transpose() * jac;
  Eigen::JacobiSVD<Eigen::MatrixXd> svd(jtj);
  const auto& sv = svd.singularValues();
  if (!(sv[np - 1] > sv[0] * 1e-14))
    return err(
        "fit_degenerate",
        fmt::format("the data cannot determine every parameter of the {} model (the Jacobian is "
                    "singular); use a simpler model",
                    to_string(model)));
  if (n > np) {
    double sigma2 = fit.rss / (n - np);
    Eigen::MatrixXd cov = sigma2 * jtj.inverse();
    for (int i = 0; i < np; ++i)
      fit.standard_errors.push_back(std::sqrt(std::max(0.0, cov(i, i))) * dnat[i]);
    double var = grad.dot(cov * grad);
    fit.tia_sd = std::sqrt(std::max(0.0, var));
  }
  return fit;
}

Result<ModelChoice> fit_best(std::span<const TacPoint> points, std::span<const TacModel> candidates,
                             const FitOptions& o) {
  ModelChoice mc;
  for (auto m : candidates) {
    if (static_cast<int>(points.size()) <= parameter_count(m)) {
      mc.rejected.push_back(
          err("too_few_points", fmt::format("{}: {} parameters need more than {} points",
                                            to_string(m), parameter_count(m), points.size())));
      continue;
    }
    auto r = fit_tac(points, m, o);
    if (r)
      mc.candidates.push_back(std::move(r).value());
    else
      mc.rejected.push_back(
          Error{r.error().code, fmt::format("{}: {}", to_string(m), r.error().message)});
  }
  if (mc.candidates.empty()) {
    std::string why;
    for (const auto& e : mc.rejected)
      why += (why.empty() ? "" : "; ") + e.message;
    auto check = checked_points(points, 1);
    if (!check) return check.error();
    return err(points.size() < 3 ? "too_few_points" : "fit_not_converged",
               fmt::format("no model could be fitted: {}", why));
  }
  bool all_aicc = std::all_of(mc.candidates.begin(), mc.candidates.end(),
                              [](const TacFit& f) { return f.aicc.has_value(); });
  mc.criterion = all_aicc ? "AICc" : "AIC";
  auto score = [&](const TacFit& f) { return all_aicc ? *f.aicc : f.aic; };
  double min_score = std::numeric_limits<double>::infinity();
  for (const auto& f : mc.candidates)
    min_score = std::min(min_score, score(f));
  const TacFit* pick = nullptr;
  for (const auto& f : mc.candidates)
    if (score(f) <= min_score + 2.0 &&
        (pick == nullptr || parameter_count(f.model) < parameter_count(pick->model) ||
         (parameter_count(f.model) == parameter_count(pick->model) && score(f) < score(*pick))))
      pick = &f;
  mc.best = *pick;
  mc.reason = score(*pick) == min_score
                  ? fmt::format("lowest {} ({:.2f})", mc.criterion, min_score)
                  : fmt::format("fewest parameters within 2 of the lowest {} ({:.2f} vs {:.2f})",
                                mc.criterion, score(*pick), min_score);
  return mc;
}

std::string_view to_string(TailRule r) {
  switch (r) {
    case TailRule::physical_decay:
      return "physical_decay";
    case TailRule::last_two_points:
      return "last_two_points";
    case TailRule::given_rate:
      return "given_rate";
  }
  return "?";
}

Result<TrapezoidResult> integrate_trapezoid(std::span<const TacPoint> points, TailRule tail,
                                            std::optional<PerHour> given_rate) {
  auto checked = checked_points(points, tail == TailRule::last_two_points ? 2 : 1);
  if (!checked) return checked.error();
  const auto& p = checked.value();
  TrapezoidResult r;
  r.tail_rule = tail;
  double prev_t = 0, prev_v = 0;
  for (const auto& pt : p) {
    r.area_measured += 0.5 * (pt.value + prev_v) * (pt.time_h - prev_t);
    prev_t = pt.time_h;
    prev_v = pt.value;
  }
  double k = lu177::lambda_per_h;
  if (tail == TailRule::last_two_points) {
    const auto& a = p[p.size() - 2];
    const auto& b = p.back();
    double k2 = std::log(a.value / b.value) / (b.time_h - a.time_h);
    if (!(k2 >= lu177::lambda_per_h)) {
      r.warnings.push_back(
          fmt::format("the last two points give a clearance rate ({:.4g} /h) slower than physical "
                      "decay; the tail uses "
                      "physical decay",
                      k2));
    } else {
      k = k2;
    }
  } else if (tail == TailRule::given_rate) {
    if (!given_rate || !(given_rate->value() > 0) || !std::isfinite(given_rate->value()))
      return err("missing_rate", "the tail rule given_rate needs a positive clearance rate");
    k = given_rate->value();
    if (k < lu177::lambda_per_h) {
      r.warnings.push_back(
          "the given tail rate is slower than physical decay; physical decay is used");
      k = lu177::lambda_per_h;
    }
  } else {
    r.warnings.push_back(
        "tail by physical decay only: an upper bound that ignores biological clearance (WE-1b: +43 "
        "% for a kidney)");
  }
  r.tail_rate = k;
  r.tail = p.back().value / k;
  r.tia = r.area_measured + r.tail;
  return r;
}

double hanscheid_ratio(double x) {
  return 2.0 * x * std::pow(2.0, -x);
}

Result<StpResult> stp_hanscheid(TacPoint p, std::optional<units::Hours> t_eff) {
  auto checked = checked_points(std::span<const TacPoint>(&p, 1), 1);
  if (!checked) return checked.error();
  if (!(p.time_h > 0))
    return err("negative_time", "a single-time-point estimate needs a time after injection > 0");
  StpResult r;
  r.method = "Hänscheid 2018";
  r.tia = p.value * 2.0 * p.time_h / kLn2;
  r.accurate_range =
      "0.77 ≤ t/T_eff ≤ 2.43 (error within −10 %/+6.2 % for mono-exponential clearance)";
  if (t_eff && t_eff->value() > 0) {
    r.x = p.time_h / t_eff->value();
    r.in_accurate_range = *r.x >= 0.77 && *r.x <= 2.43;
    if (!r.in_accurate_range)
      r.warnings.push_back(fmt::format(
          "Hänscheid: scan at t/T_eff = {:.2f}, outside 0.77–2.43; expected bias {:+.0f} %", *r.x,
          (hanscheid_ratio(*r.x) - 1.0) * 100.0));
  } else {
    r.warnings.push_back(
        "Hänscheid: no effective half-life known, so the accuracy range (0.77 ≤ t/T_eff ≤ 2.43) "
        "cannot be checked");
  }
  return r;
}

Result<StpResult> stp_madsen(TacPoint p, units::Hours t_eff) {
  auto checked = checked_points(std::span<const TacPoint>(&p, 1), 1);
  if (!checked) return checked.error();
  if (!(t_eff.value() > 0) || !std::isfinite(t_eff.value()))
    return err("missing_half_life", "the Madsen method needs a positive effective half-life");
  if (t_eff.value() > lu177::half_life_h * (1 + 1e-9))
    return err("fit_unphysical",
               "an effective half-life longer than the physical half-life is impossible");
  StpResult r;
  r.method = "Madsen 2018";
  double k = kLn2 / t_eff.value();
  r.tia = p.value * std::exp(k * p.time_h) / k;
  r.x = p.time_h / t_eff.value();
  r.accurate_range = "0.72 ≤ t/T_eff ≤ 2.16 (sensitivity to the assumed T_eff ≤ 0.5)";
  r.in_accurate_range = *r.x >= 0.72 && *r.x <= 2.16;
  if (!r.in_accurate_range)
    r.warnings.push_back(
        fmt::format("Madsen: scan at t/T_eff = {:.2f}, outside 0.72–2.16; an error in the assumed "
                    "T_eff moves Ã by {:.0f} % of that "
                    "error",
                    *r.x, std::abs(1.0 - *r.x * kLn2) * 100.0));
  return r;
}

}  // namespace rlt::dosimetry
