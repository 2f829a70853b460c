// Every input the fuzzer ever crashed on (tests/fuzz/regressions/) must now compile to
// diagnostics or a model without crashing.
#include <catch2/catch.hpp>

#include <filesystem>

#include "compile.hpp"
#include "format.hpp"
#include "golden.hpp"

TEST_CASE("fuzzer regressions stay fixed", "[fuzz]") {
  namespace fs = std::filesystem;
  int n = 0;
  for (auto& e : fs::directory_iterator(kvs::test::source_path("tests/fuzz/regressions"))) {
    if (!e.is_regular_file() || e.path().filename() == "README.md") continue;
    kvs::DiagnosticSink sink;
    kvs::Compilation c = kvs::compile_text("crash", kvs::test::read_file(e.path().string()), sink);
    if (c.syntax && !c.syntax_errors) (void)kvs::fmt::format(*c.syntax);
    ++n;
  }
  SUCCEED(std::to_string(n) + " regression inputs replayed");
}
