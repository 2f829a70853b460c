// docs/language.md as a specification (cmark spec.txt style): every ```kvs eksempel block
// compiles without any diagnostic, and every ```kvs fejl block gives exactly the
// diagnostics (first lines) listed in the ```diagnose block after it.
#include <catch2/catch.hpp>

#include <sstream>

#include "compile.hpp"
#include "diagnostic_printer.hpp"
#include "golden.hpp"

using namespace kvs;

namespace {

struct Example {
  std::string kind;  // "eksempel" or "fejl"
  std::string source;
  std::string expected;
  int line = 0;
};

std::vector<Example> examples() {
  std::istringstream in(test::read_file(test::source_path("docs/language.md")));
  std::vector<Example> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string fence;
    if (line == "```kvs eksempel") fence = "eksempel";
    else if (line == "```kvs fejl") fence = "fejl";
    else if (line == "```diagnose") fence = "diagnose";
    else continue;
    std::string body;
    while (std::getline(in, line) && line != "```") {
      ++n;
      body += line + "\n";
    }
    ++n;
    if (fence == "diagnose") {
      REQUIRE(!out.empty());
      out.back().expected = body;
    } else {
      out.push_back({fence, body, "", n});
    }
  }
  return out;
}

std::string first_lines(const DiagnosticSink& sink) {
  std::string out;
  for (auto& d : sink.diagnostics()) {
    std::string text = format_diagnostic(d);
    out += text.substr(0, text.find('\n') + 1);
  }
  return out;
}

}  // namespace

TEST_CASE("the examples in docs/language.md hold", "[docs]") {
  auto all = examples();
  REQUIRE(all.size() >= 10);
  for (const auto& e : all) {
    DYNAMIC_SECTION("docs/language.md example ending at line " << e.line) {
      DiagnosticSink sink;
      compile_text("eksempel.kvs", e.source, sink);
      sink.sort_by_position();
      if (e.kind == "eksempel") {
        INFO(first_lines(sink));
        CHECK(sink.diagnostics().empty());
      } else {
        CHECK(first_lines(sink) == e.expected);
      }
    }
  }
}
