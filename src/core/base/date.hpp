// Calendar dates (no time of day) for clinical events, parsed from ISO 8601 "YYYY-MM-DD".
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace rlt {

class Date {
 public:
  constexpr Date() = default;
  explicit constexpr Date(std::chrono::year_month_day ymd) : days_(std::chrono::sys_days(ymd)) {}

  /// Strict ISO 8601 calendar date: exactly YYYY-MM-DD and a real day of the calendar.
  static std::optional<Date> parse(std::string_view s);
  [[nodiscard]] std::string iso() const;

  [[nodiscard]] constexpr std::chrono::sys_days days() const noexcept { return days_; }
  /// Whole days from `earlier` to this date (negative if this date is before).
  [[nodiscard]] constexpr long days_since(Date earlier) const noexcept {
    return static_cast<long>((days_ - earlier.days_).count());
  }
  /// Months as days * 12 / 365.25 (the convention of the tumour growth rate literature).
  [[nodiscard]] double months_since(Date earlier) const noexcept;
  /// The same day n calendar months later (the last day of the month when that day does not
  /// exist, e.g. 31 January + 1 month = 28 or 29 February).
  [[nodiscard]] Date plus_months(int n) const noexcept;
  /// The date n days later (earlier when n is negative).
  [[nodiscard]] constexpr Date plus_days(int n) const noexcept {
    Date d = *this;
    d.days_ += std::chrono::days(n);
    return d;
  }
  constexpr auto operator<=>(const Date&) const = default;

 private:
  std::chrono::sys_days days_{};
};

}  // namespace rlt
