#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "base/text.hpp"

#include "render/calc.hpp"

namespace rlt::calc::recist {

namespace {

std::string_view colour(const Timepoint& t) {
  if (t.baseline) return "#555555";
  switch (t.overall) {
    case Overall::cr:
      return "#1a9850";
    case Overall::pr:
      return "#66bd63";
    case Overall::sd:
    case Overall::non_cr_non_pd:
      return "#4575b4";
    case Overall::pd:
      return "#d73027";
    case Overall::ne:
      return "#999999";
  }
  return "#999999";
}

}  // namespace

std::string to_svg(const SeriesResult& r) {
  constexpr double kW = 720, kH = 360, kLeft = 60, kRight = 20, kTop = 40, kBottom = 50;
  const double plot_w = kW - kLeft - kRight, plot_h = kH - kTop - kBottom;
  long d0 = 0, d1 = 1;
  double ymax = 10;
  if (!r.timepoints.empty()) {
    d0 = r.timepoints.front().day;
    d1 = std::max(r.timepoints.back().day, d0 + 1);
  }
  for (const auto& t : r.timepoints)
    ymax = std::max(ymax, t.assessed_sum.mm());
  ymax *= 1.15;
  auto x = [&](long day) {
    return kLeft + plot_w * static_cast<double>(day - d0) / static_cast<double>(d1 - d0);
  };
  auto y = [&](double mm) { return kTop + plot_h * (1.0 - mm / ymax); };

  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} "
      "{1}\" "
      "font-family=\"sans-serif\" font-size=\"11\">\n",
      kW, kH);
  s += fmt::format("<title>{}: sum of diameters over time</title>\n", xml_escape(r.version));
  s += fmt::format("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"white\"/>\n", kW, kH);
  s += fmt::format(
      "<text x=\"{}\" y=\"20\" font-size=\"13\">{} sum of target diameters (mm); best overall "
      "response: {}</text>\n",
      kLeft, xml_escape(r.version), xml_escape(to_string(r.best.response)));
  // axes
  s += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"black\"/>\n", kLeft,
                   kTop, kTop + plot_h);
  s += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"black\"/>\n", kLeft,
                   kTop + plot_h, kLeft + plot_w);
  for (int i = 0; i <= 4; ++i) {
    const double mm = ymax * i / 4.0;
    s += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", kLeft - 6,
                     y(mm) + 4, fmt_fixed(mm, 0));
  }
  s += fmt::format(
      "<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">days from reference date</text>\n",
      kLeft + plot_w / 2, kH - 10);
  // baseline and PR reference lines
  if (!r.timepoints.empty() && r.timepoints.front().sum) {
    const double b = r.timepoints.front().sum->mm();
    s += fmt::format(
        "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#888\" "
        "stroke-dasharray=\"4 3\"/>"
        "<text x=\"{2}\" y=\"{3:.1f}\" text-anchor=\"end\" fill=\"#888\">baseline</text>\n",
        kLeft, y(b), kLeft + plot_w, y(b) - 3);
    const double pr = b * 0.7;
    s += fmt::format(
        "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#66bd63\" "
        "stroke-dasharray=\"2 3\"/>"
        "<text x=\"{2}\" y=\"{3:.1f}\" text-anchor=\"end\" fill=\"#66bd63\">-30 %</text>\n",
        kLeft, y(pr), kLeft + plot_w, y(pr) - 3);
  }
  // the series
  std::string points;
  for (const auto& t : r.timepoints)
    points += fmt::format("{:.1f},{:.1f} ", x(t.day), y(t.assessed_sum.mm()));
  if (!points.empty())
    s += fmt::format(
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\"/>\n", points);
  for (const auto& t : r.timepoints) {
    const std::string label = t.baseline ? "BL" : std::string(to_string(t.overall));
    const std::string sum =
        t.sum ? fmt_fixed(t.sum->mm(), 1) : fmt_fixed(t.assessed_sum.mm(), 1) + " (partial)";
    s += fmt::format(
        "<g><title>{} day {}: sum {} mm, {}</title><circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" "
        "fill=\"{}\"/>"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#555\">{}</text></g>\n",
        xml_escape(t.date.iso()), t.day, xml_escape(sum), xml_escape(label), x(t.day),
        y(t.assessed_sum.mm()), colour(t), x(t.day), y(t.assessed_sum.mm()) - 9, xml_escape(label),
        x(t.day), kTop + plot_h + 15, t.day);
  }
  s += "</svg>\n";
  return s;
}

}  // namespace rlt::calc::recist
