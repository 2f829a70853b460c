// Golden files of the rendered seeds (tests/render/golden/): the HTML, word/document.xml
// of the DOCX and the Markdown of each bundled standard, and the council edition of
// Hjørring. Re-bless with KVS_BLESS=1 and review the diff.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <sstream>

#include "../render/render_test_support.hpp"

using namespace kvs;

namespace {

// The DOCX part is written without indentation (as Word writes it); its reviewed copy is
// indented so that a diff shows one element per line. Whitespace-only text that is an
// element's only content (<w:t xml:space="preserve"> </w:t>) is kept.
std::string indented(const std::string& xml) {
  pugi::xml_document doc;
  auto ok = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_declaration |
                                                        pugi::parse_ws_pcdata_single, pugi::encoding_utf8);
  REQUIRE(ok);
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

}  // namespace

TEST_CASE("render: golden HTML, word/document.xml and Markdown of the seeds", "[render][golden]") {
  for (const auto& name : kvs::test::seed_names()) {
    DYNAMIC_SECTION(name) {
      auto r = kvs::test::render_seed(name);
      const auto& renderer = kvs::test::renderer();
      KVS_CHECK_GOLDEN("tests/render/golden/" + name + ".html", renderer.html(r->built));
      std::string document;
      for (auto& part : renderer.docx_parts(r->built))
        if (part.name == "word/document.xml") document = part.data;
      KVS_CHECK_GOLDEN("tests/render/golden/" + name + ".document.xml", indented(document));
      KVS_CHECK_GOLDEN("tests/render/golden/" + name + ".md", renderer.markdown(r->built));
    }
  }
}

TEST_CASE("render: golden council edition (without the checker's findings)", "[render][golden]") {
  auto r = kvs::test::render_seed("hjoerring-2024", /*council=*/true);
  KVS_CHECK_GOLDEN("tests/render/golden/hjoerring-2024.byraad.md", kvs::test::renderer().markdown(r->built));
}
