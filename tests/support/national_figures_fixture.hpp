// The national survey figures (checks/national_figures.xml), loaded once per test run.
#pragma once

#include "check_data.hpp"
#include "national_figures.hpp"

namespace kvs::test {

inline const compare::NationalFigures& national_figures() {
  static const compare::NationalFigures f = [] {
    std::vector<law::LoadError> errors;
    auto loaded = compare::load_national_figures(compare::national_figures_path(), check_data().law, errors);
    for (const auto& e : errors) UNSCOPED_INFO(e.format());
    REQUIRE(loaded);
    return std::move(*loaded);
  }();
  return f;
}

}  // namespace kvs::test
