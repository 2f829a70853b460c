// Loading the law and advice data for a subcommand, with the problems printed the same
// way by every subcommand that checks.
#include <iostream>

#include "check.hpp"
#include "commands.hpp"

namespace kvs::cli {

std::optional<checks::CheckData> load_check_data_or_report() {
  std::vector<law::LoadError> errors;
  auto data = checks::load_check_data(errors);
  for (const auto& e : errors) std::cerr << "kvs: fejl i lovdata: " << e.format() << '\n';
  return data;
}

}  // namespace kvs::cli
