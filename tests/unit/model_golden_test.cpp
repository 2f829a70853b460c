// Golden model dumps: each bundled standard lowers without diagnostics to exactly the
// model in tests/golden/model/NAME.json (re-bless with KVS_BLESS=1).
#include <catch2/catch.hpp>

#include "compile.hpp"
#include "diagnostic_printer.hpp"
#include "golden.hpp"
#include "model_dump.hpp"

using namespace kvs;

TEST_CASE("the bundled standards lower to their golden models", "[model][golden]") {
  for (std::string name : {"hjoerring-2024", "glostrup-2025", "haderslev-2024", "soroe"}) {
    DYNAMIC_SECTION(name) {
      DiagnosticSink sink;
      std::string relative = "standards/" + name + ".kvs";
      Compilation c = compile_text(relative, test::read_file(test::source_path(relative)), sink);
      std::string diags;
      for (auto& d : sink.diagnostics()) diags += format_diagnostic(d);
      INFO(diags);
      REQUIRE(sink.diagnostics().empty());
      REQUIRE(c.model);
      KVS_CHECK_GOLDEN("tests/golden/model/" + name + ".json", model::dump_json(*c.model, c.file.get()));
    }
  }
}
