#include "base/domain.hpp"

#include <cerrno>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

namespace rlt {

std::string domain_num(double v) {
  return fmt::format("{:g}", v);
}

std::string Domain::range_text() const {
  const std::string u = unit.empty() ? std::string() : " " + std::string(unit);
  if (lo_open)
    return fmt::format("greater than {} and at most {}{}", domain_num(lo), domain_num(hi), u);
  return fmt::format("{}–{}{}", domain_num(lo), domain_num(hi), u);
}

std::optional<std::string> Domain::check(double v) const {
  if (contains(v)) return std::nullopt;
  return fmt::format("{} must be a finite number, {} ({}); got {}", field, range_text(), reason,
                     domain_num(v));
}

std::optional<double> parse_number(std::string_view s) {
  if (s.empty() || s.size() > 64) return std::nullopt;
  const std::string buf(s);
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(buf.c_str(), &end);
  if (end != buf.c_str() + buf.size()) return std::nullopt;
  return v;  // may be inf or nan ("nan", "1e999"): Domain::check rejects those
}

}  // namespace rlt
