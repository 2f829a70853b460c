// kvs rules: the rule catalogue. Text for a terminal; `--format markdown` gives
// docs/rules.md (kvs rules --format markdown > docs/rules.md), generated from the rule table,
// the law data and the rule test cases in tests/checks/.
#include <iostream>

#include "catalogue.hpp"
#include "commands.hpp"

namespace kvs::cli {

int run_rules(const Options& o) {
  if (!o.files.empty()) {
    std::cerr << "kvs rules: tager ingen filer\n";
    return kUsage;
  }
  auto data = load_check_data_or_report();
  if (!data) return kUsage;
  if (o.format == OutputFormat::markdown) {
    std::string root = law::data_dir();
    std::cout << checks::catalogue_markdown(*data, root + "/tests/checks", root);
  } else if (o.format == OutputFormat::text) {
    std::cout << checks::catalogue_text(*data);
  } else {
    std::cerr << "kvs rules: vælg --format tekst eller markdown\n";
    return kUsage;
  }
  return kOk;
}

}  // namespace kvs::cli
