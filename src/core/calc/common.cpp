#include "calc/common.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace rlt::calc {

Tenths to_tenths(units::Millimetre m) {
  return {std::llround(m.value() * 10.0)};
}
units::Millimetre to_mm(Tenths t) {
  return units::Millimetre(t.mm());
}

bool change_meets(Tenths now, Tenths ref, const kb::Threshold& pct) {
  // change% = 100·(now − ref)/ref. With ref > 0 multiply through by ref·1000:
  //   lhs = 100 000·(now − ref), rhs = round(1000·value)·ref, and compare lhs <cmp> rhs.
  const std::int64_t lhs = (now.v - ref.v) * 100000;
  const std::int64_t rhs = std::llround(pct.value * 1000.0) * ref.v;
  switch (pct.comparator) {
    case kb::Comparator::lt:
      return lhs < rhs;
    case kb::Comparator::le:
      return lhs <= rhs;
    case kb::Comparator::gt:
      return lhs > rhs;
    case kb::Comparator::ge:
      return lhs >= rhs;
    case kb::Comparator::eq:
      return lhs == rhs;
  }
  return false;
}

double percent_change(Tenths now, Tenths ref) {
  return 100.0 * static_cast<double>(now.v - ref.v) / static_cast<double>(ref.v);
}

int compare_scaled(double a, double k, double b) {
  const double kb = k * b;
  const double tol = 1e-12 * std::max({std::fabs(a), std::fabs(kb), 1e-300});
  if (std::fabs(a - kb) <= tol) return 0;
  return a < kb ? -1 : 1;
}

bool holds_tolerant(const kb::Threshold& t, double x) {
  const int c = compare_scaled(x, 1.0, t.value);
  switch (t.comparator) {
    case kb::Comparator::lt:
      return c < 0;
    case kb::Comparator::le:
      return c <= 0;
    case kb::Comparator::gt:
      return c > 0;
    case kb::Comparator::ge:
      return c >= 0;
    case kb::Comparator::eq:
      return c == 0;
  }
  return false;
}

std::string fmt_fixed(double v, int digits) {
  std::string s = fmt::format("{:.{}f}", v, digits);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0')
      s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

}  // namespace rlt::calc
