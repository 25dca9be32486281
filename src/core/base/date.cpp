#include "base/date.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace rlt {

std::optional<Date> Date::parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t n) -> std::optional<int> {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  auto y = digits(0, 4);
  auto m = digits(5, 2);
  auto d = digits(8, 2);
  if (!y || !m || !d) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(*y),
                                  std::chrono::month(static_cast<unsigned>(*m)),
                                  std::chrono::day(static_cast<unsigned>(*d))};
  if (!ymd.ok() || *y < 1900) return std::nullopt;
  return Date(ymd);
}

std::string Date::iso() const {
  std::chrono::year_month_day ymd{days_};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

Date Date::plus_months(int n) const noexcept {
  std::chrono::year_month_day ymd{days_};
  auto ym = std::chrono::year_month(ymd.year(), ymd.month()) + std::chrono::months(n);
  auto last = std::chrono::year_month_day_last(ym.year(), std::chrono::month_day_last(ym.month()));
  auto day = std::min(ymd.day(), last.day());
  return Date(std::chrono::year_month_day(ym.year(), ym.month(), day));
}

double Date::months_since(Date earlier) const noexcept {
  return static_cast<double>(days_since(earlier)) * 12.0 / 365.25;
}

}  // namespace rlt
