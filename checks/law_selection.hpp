// Which law versions judge a standard: those in force on the first day of its period
// (docs/law-data.md §1). Only where the standard states no period does the check date
// (--dato, default today) decide. The result says which versions and why, for every output.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "date.hpp"
#include "law_loader.hpp"
#include "standard.hpp"

namespace kvs::checks {

struct AppliedLaw {
  enum class Basis { period, year, check_date, today };
  Date reference;                        ///< the day the law is read on
  Basis basis = Basis::today;
  std::optional<Date> period_end;        ///< last day of the standard's period, if it states one
  std::vector<const law::LawVersion*> versions;  ///< statutes first, then orders; empty before 1996

  bool has(std::string_view id) const;
  /// "første dag i standardens periode (år 2024)"
  std::string reason() const;
  /// "serviceloven-2019 + bek-716-2019, i kraft 2024-01-01 (første dag i standardens periode (år 2024))"
  std::string describe() const;
};

AppliedLaw select_law(const law::LawLibrary& law, const model::Standard& standard, const Date& check_date,
                      bool check_date_given);

}  // namespace kvs::checks
