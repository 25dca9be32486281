#include "render/calc.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "base/text.hpp"

#include "model/names.hpp"

namespace rlt::dosimetry {

namespace {

constexpr double kW = 760, kH = 440, kLeft = 70, kRight = 190, kTop = 40, kBottom = 50;
constexpr std::array kColours = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd",
                                 "#ff7f0e", "#8c564b", "#17becf"};

// A "nice" axis step (1, 2 or 5 × 10^k) giving about `n` ticks.
double nice_step(double range, int n) {
  if (!(range > 0)) return 1;
  double raw = range / n;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double f = raw / mag;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
}

// The curve of an organ result at time t (for the chart only).
std::optional<double> curve(const OrganResult& g, double t) {
  if (g.fit) return g.fit->value(t);
  if (g.stp && g.t_eff && g.t_eff->value() > 0 && g.fit == std::nullopt) {
    // The mono-exponential implied by Madsen (or Hänscheid with a known T_eff): Ã·λ·e^{−λt}.
    double k = std::numbers::ln2 / g.t_eff->value();
    return g.tia.value() * k * std::exp(-k * t);
  }
  return std::nullopt;
}

}  // namespace

std::string tac_chart_svg(const CycleResult& r, const std::string& title) {
  double tmax = 0, amax = 0;
  for (const auto& g : r.organs)
    for (const auto& p : (g.fit ? g.fit->points : std::vector<TacPoint>{})) {
      tmax = std::max(tmax, p.time_h);
      amax = std::max(amax, p.value);
    }
  for (const auto& g : r.organs) {
    if (g.fit) continue;
    // Points of non-fitted organs are not stored in the result; use the curve's start instead.
    if (g.trapezoid) amax = std::max(amax, g.trapezoid->tail * g.trapezoid->tail_rate);
  }
  if (tmax <= 0) tmax = 168;
  tmax = std::ceil(tmax * 1.15 / 24.0) * 24.0;
  if (amax <= 0) amax = 1;
  const double ystep = nice_step(amax * 1.1, 6);
  const double ymax = std::ceil(amax * 1.1 / ystep) * ystep;
  const double pw = kW - kLeft - kRight, ph = kH - kTop - kBottom;
  auto x = [&](double t) { return kLeft + pw * t / tmax; };
  auto y = [&](double a) { return kTop + ph * (1.0 - a / ymax); };

  std::string s;
  s += fmt::format(
      R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" font-family="sans-serif" font-size="12">)svg"
      "\n",
      kW, kH);
  s += fmt::format(R"svg(<rect width="{}" height="{}" fill="white"/>)svg"
                   "\n",
                   kW, kH);
  s += fmt::format(R"svg(<text x="{}" y="22" font-size="14" font-weight="bold">{}</text>)svg"
                   "\n",
                   kLeft, xml_escape(title));
  // Axes and grid.
  const double xstep =
      nice_step(tmax, 7) < 24 ? nice_step(tmax, 7) : std::round(nice_step(tmax, 7) / 24) * 24;
  // integer tick counters: a zero or non-finite step or range can never loop forever
  const int xticks =
      xstep > 0 && std::isfinite(tmax) ? std::min(100, static_cast<int>(tmax / xstep + 1e-9)) : 0;
  for (int i = 0; i <= xticks; ++i) {
    const double t = i * xstep;
    s += fmt::format(
        R"svg(<line x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}" stroke="#ddd"/>)svg"
        "\n",
        x(t), kTop, kTop + ph);
    s += fmt::format(R"svg(<text x="{:.1f}" y="{:.1f}" text-anchor="middle">{:g}</text>)svg"
                     "\n",
                     x(t), kTop + ph + 16, t);
  }
  const int yticks =
      ystep > 0 && std::isfinite(ymax) ? std::min(100, static_cast<int>(ymax / ystep + 1e-9)) : 0;
  for (int i = 0; i <= yticks; ++i) {
    const double a = i * ystep;
    s += fmt::format(
        R"svg(<line x1="{0:.1f}" y1="{1:.1f}" x2="{2:.1f}" y2="{1:.1f}" stroke="#ddd"/>)svg"
        "\n",
        kLeft, y(a), kLeft + pw);
    s += fmt::format(R"svg(<text x="{:.1f}" y="{:.1f}" text-anchor="end">{:g}</text>)svg"
                     "\n",
                     kLeft - 6, y(a) + 4, a);
  }
  s += fmt::format(R"svg(<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#333"/>)svg"
                   "\n",
                   kLeft, kTop, pw, ph);
  s += fmt::format(
      R"svg(<text x="{:.1f}" y="{:.1f}" text-anchor="middle">time after injection (h)</text>)svg"
      "\n",
      kLeft + pw / 2, kH - 12);
  s += fmt::format(
      R"svg(<text x="16" y="{:.1f}" text-anchor="middle" transform="rotate(-90 16 {:.1f})">organ activity (MBq)</text>)svg"
      "\n",
      kTop + ph / 2, kTop + ph / 2);

  std::size_t i = 0;
  for (const auto& g : r.organs) {
    const char* colour = kColours[i % kColours.size()];
    const double ly = kTop + 10 + 18.0 * static_cast<double>(i);
    ++i;
    std::string path;
    for (int k = 0; k <= 240; ++k) {
      double t = tmax * k / 240.0;
      auto v = curve(g, t);
      if (!v) break;
      double yy = std::clamp(y(*v), kTop - 5, kTop + ph + 5);
      path += fmt::format("{}{:.1f},{:.1f}", path.empty() ? "" : " ", x(t), yy);
    }
    if (!path.empty())
      s += fmt::format(R"svg(<polyline fill="none" stroke="{}" stroke-width="1.8" points="{}"/>)svg"
                       "\n",
                       colour, path);
    if (g.fit)
      for (const auto& p : g.fit->points)
        s += fmt::format(R"svg(<circle cx="{:.1f}" cy="{:.1f}" r="4" fill="{}"/>)svg"
                         "\n",
                         x(p.time_h), y(p.value), colour);
    std::string label = std::string(model::to_string(g.organ));
    if (g.fit) label += fmt::format(" ({})", to_string(g.fit->model));
    s += fmt::format(
        R"svg(<line x1="{0:.1f}" y1="{1:.1f}" x2="{2:.1f}" y2="{1:.1f}" stroke="{3}" stroke-width="2"/>)svg"
        "\n",
        kW - kRight + 12, ly, kW - kRight + 32, colour);
    s += fmt::format(R"svg(<text x="{:.1f}" y="{:.1f}">{}</text>)svg"
                     "\n",
                     kW - kRight + 38, ly + 4, xml_escape(label));
  }
  s += "</svg>\n";
  return s;
}

}  // namespace rlt::dosimetry
