// The law and advice data, loaded once per test run (shared by every test that checks).
#pragma once

#include <catch2/catch.hpp>

#include "check.hpp"

namespace kvs::test {

inline const checks::CheckData& check_data() {
  static const checks::CheckData d = [] {
    std::vector<law::LoadError> errors;
    auto loaded = checks::load_check_data(errors);
    for (const auto& e : errors) UNSCOPED_INFO(e.format());
    REQUIRE(loaded);
    return std::move(*loaded);
  }();
  return d;
}

}  // namespace kvs::test
