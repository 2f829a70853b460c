// A calendar date without time zone: what standards, approvals and law versions use.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace kvs {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
  /// ISO form, 2024-02-06.
  std::string iso() const;
  bool valid() const;
  /// Parses YYYY-MM-DD; nullopt unless it is a real calendar date.
  static std::optional<Date> parse(std::string_view iso);
  /// Today's date in UTC (the default check date).
  static Date today();
  /// Whole months from `a` to `b` (negative if b is earlier), ignoring days.
  static int months_between(const Date& a, const Date& b);
};

}  // namespace kvs
