// docs/rules.md is generated from the rule table, the law data and the rule cases
// (`kvs rules --format markdown > docs/rules.md`); the committed file must equal the
// generated one. Regenerate with KVS_BLESS=1 or the command above.
#include <catch2/catch.hpp>

#include "catalogue.hpp"
#include "golden.hpp"

using namespace kvs;

TEST_CASE("docs/rules.md is the generated catalogue", "[checks][docs]") {
  std::vector<law::LoadError> errors;
  auto data = checks::load_check_data(errors);
  REQUIRE(data);
  std::string root = test::source_path("");
  if (!root.empty() && root.back() == '/') root.pop_back();
  KVS_CHECK_GOLDEN("docs/rules.md", checks::catalogue_markdown(*data, root + "/tests/checks", root));
}

TEST_CASE("the text catalogue lists every rule with its sources", "[checks][docs]") {
  std::vector<law::LoadError> errors;
  auto data = checks::load_check_data(errors);
  REQUIRE(data);
  std::string text = checks::catalogue_text(*data);
  for (const auto& r : checks::rule_table()) CHECK(text.find(std::string(r.id)) != std::string::npos);
  CHECK(text.find("serviceloven-2019 (i kraft 2019-07-01, ophører 2025-07-01): serviceloven § 79 a, stk. 1 (ordret)") !=
        std::string::npos);
}
