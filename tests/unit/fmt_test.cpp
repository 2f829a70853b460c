// The formatter's two promises on every bundled standard and every test input that
// parses: fmt(fmt(x)) == fmt(x), and the model of fmt(x) equals the model of x.
#include <catch2/catch.hpp>

#include <filesystem>

#include "compile.hpp"
#include "format.hpp"
#include "golden.hpp"
#include "model_dump.hpp"
#include "parse.hpp"

using namespace kvs;
namespace fs = std::filesystem;

namespace {

std::string formatted(const std::string& name, const std::string& text) {
  DiagnosticSink sink;
  Compilation c = compile_text(name, text, sink, false);
  REQUIRE_FALSE(c.syntax_errors);
  return fmt::format(*c.syntax);
}

std::string model_of(const std::string& name, const std::string& text) {
  DiagnosticSink sink;
  Compilation c = compile_text(name, text, sink);
  return c.model ? model::dump_json(*c.model) : "";
}

std::vector<std::string> corpus() {
  std::vector<std::string> files;
  for (auto dir : {"standards", "tests/diagnostics", "tests/fmt"})
    if (fs::exists(test::source_path(dir)))
      for (auto& e : fs::directory_iterator(test::source_path(dir)))
        if (e.path().extension() == ".kvs") files.push_back(std::string(dir) + "/" + e.path().filename().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("fmt is idempotent and keeps the model", "[fmt]") {
  int checked = 0;
  for (const auto& relative : corpus()) {
    std::string text = test::read_file(test::source_path(relative));
    DiagnosticSink sink;
    Compilation c = compile_text(relative, text, sink, false);
    if (c.io_error || c.syntax_errors) continue;  // fmt refuses files with syntax errors
    DYNAMIC_SECTION(relative) {
      std::string once = fmt::format(*c.syntax);
      std::string twice = formatted(relative, once);
      CHECK(once == twice);
      CHECK(model_of(relative, once) == model_of(relative, text));
    }
    ++checked;
  }
  CHECK(checked >= 20);
}

TEST_CASE("the bundled standards are in canonical form", "[fmt]") {
  for (std::string name : {"hjoerring-2024", "glostrup-2025", "haderslev-2024", "soroe"}) {
    std::string relative = "standards/" + name + ".kvs";
    std::string text = test::read_file(test::source_path(relative));
    CHECK(formatted(relative, text) == text);
  }
}

TEST_CASE("fmt canonicalises layout, spellings and blank lines", "[fmt]") {
  std::string messy =
      "\n\n# topkommentar\nkommune:   \"Testby\"   # bagved\nydelse:\"Forebyggende hjemmebesøg\"\n\n\n\n"
      "maalgruppe_ignoreret: \"x\"\n"
      "målgruppe mg1   \"Målgruppe 1\"{\n"
      "      alder: fylder 75,65–81\n"
      "invitation: datobrev , brev-uden-dato\n"
      "   betingelse: saerlig-risiko\n"
      "  tekst: \"\"\"\n"
      "        Linje et.\n\n"
      "          indrykket\n"
      "        \"\"\"\n"
      "\n}\n\n";
  std::string expected =
      "# topkommentar\nkommune: \"Testby\"  # bagved\nydelse: \"Forebyggende hjemmebesøg\"\n\n"
      "maalgruppe_ignoreret: \"x\"\n"
      "målgruppe mg1 \"Målgruppe 1\" {\n"
      "  alder: fylder 75, 65-81\n"
      "  invitation: datobrev, brev-uden-dato\n"
      "  betingelse: særlig-risiko\n"
      "  tekst: \"\"\"\n"
      "    Linje et.\n\n"
      "      indrykket\n"
      "    \"\"\"\n"
      "}\n";
  CHECK(formatted("messy.kvs", messy) == expected);
}

TEST_CASE("fmt escapes strings so they read back the same", "[fmt]") {
  std::string text = "kommune: \"Citat \\\"her\\\" og \\\\ skråstreg\"\nydelse: \"x\"\n";
  std::string once = formatted("esc.kvs", text);
  CHECK(once == text);
  CHECK(model_of("a.kvs", once) == model_of("b.kvs", text));
}
