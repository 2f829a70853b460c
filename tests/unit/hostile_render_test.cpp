// Every DOCX part is well-formed XML for hostile input: the injection standard, every
// malformed input that still lowers, and every rule case — parsed back with pugixml.
#include <catch2/catch.hpp>

#include <filesystem>
#include <pugixml.hpp>

#include "check.hpp"
#include "compile.hpp"
#include "golden.hpp"
#include "render.hpp"

using namespace kvs;
namespace fs = std::filesystem;

namespace {

int check_docx_parts(const std::string& relative) {
  static std::string error;
  static const auto renderer = render::Renderer::load(render::data_dir(), error);
  REQUIRE(renderer);
  DiagnosticSink sink;
  Compilation c = compile_text(relative, test::read_file(test::source_path(relative)), sink);
  if (!c.model || sink.has_errors()) return 0;
  int parsed = 0;
  for (bool council : {false, true}) {
    render::RenderOptions o;
    o.council = council;
    o.reference_date = Date{2024, 6, 1};
    render::Built built = renderer->build(*c.model, o);
    for (const auto& part : renderer->docx_parts(built)) {
      if (!part.name.ends_with(".xml") && !part.name.ends_with(".rels")) continue;
      pugi::xml_document doc;
      pugi::xml_parse_result r = doc.load_buffer(part.data.data(), part.data.size());
      INFO(relative << " " << part.name << ": " << r.description() << " at " << r.offset);
      CHECK(r);
      ++parsed;
    }
  }
  return parsed;
}

}  // namespace

TEST_CASE("DOCX parts are well-formed XML for the injection standard", "[hostile][render]") {
  CHECK(check_docx_parts("tests/hostile/injection.kvs") > 10);
}

TEST_CASE("DOCX parts are well-formed XML for every test input that lowers", "[hostile][render]") {
  int files = 0;
  for (auto dir : {"tests/diagnostics", "tests/checks", "standards", "tests/diff", "tests/fuzz/regressions"}) {
    for (auto& e : fs::recursive_directory_iterator(test::source_path(dir))) {
      if (e.path().extension() != ".kvs") continue;
      std::string relative = fs::relative(e.path(), test::source_path("")).string();
      if (check_docx_parts(relative) > 0) ++files;
    }
  }
  CHECK(files >= 50);
}
