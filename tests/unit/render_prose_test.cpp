// Prose goes through cmark in safe mode: raw HTML never reaches the output (it is shown
// as text), unsafe link targets are dropped, headings fit the document's outline, and the
// DOCX renderer walks the same tree.
#include <catch2/catch.hpp>

#include "../render/render_test_support.hpp"
#include "prose.hpp"
#include "to_docx.hpp"

using namespace kvs;
using namespace kvs::render;

TEST_CASE("render: raw HTML in prose is shown, never executed", "[render][prose]") {
  Prose p("<script>alert(1)</script>\n\nTekst med <b>fed</b> og <img src=x onerror=alert(2)>.", 3);
  std::string html = p.html();
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&lt;b&gt;fed&lt;/b&gt;") != std::string::npos);
  CHECK(html.find("raw HTML omitted") == std::string::npos);  // nothing is lost either
}

TEST_CASE("render: unsafe links lose their target", "[render][prose]") {
  Prose p("[klik](javascript:alert(1)) og [Sorø](https://soroe.dk) og <mailto:a@b.dk>", 3);
  std::string html = p.html();
  CHECK(html.find("javascript:") == std::string::npos);
  CHECK(html.find("href=\"https://soroe.dk\"") != std::string::npos);
  CHECK(html.find("href=\"mailto:a@b.dk\"") != std::string::npos);
  CHECK(html.find("klik") != std::string::npos);
  CHECK(is_safe_url("https://x.dk"));
  CHECK(is_safe_url("#afsnit"));
  CHECK_FALSE(is_safe_url("JavaScript:alert(1)"));
  CHECK_FALSE(is_safe_url("data:text/html,x"));
}

TEST_CASE("render: prose headings fit the outline; images become their text", "[render][prose]") {
  Prose p("# Øverst\n\n### Under\n\n![Kort over Sorø](kort.png)", 3);
  std::string html = p.html();
  CHECK(html.find("<h3>Øverst</h3>") != std::string::npos);
  CHECK(html.find("<h5>Under</h5>") != std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("Kort over Sorø") != std::string::npos);
}

TEST_CASE("render: prose gets Danish typography", "[render][prose]") {
  Prose p("Borgere på 65-81 år efter § 79a, stk. 4.", 3);
  CHECK(p.plain_text() == "Borgere på 65\u201381 år efter §\u00a079\u00a0a, stk.\u00a04.");
}

TEST_CASE("render: the DOCX renderer walks the same safe tree", "[render][prose][docx]") {
  auto r = kvs::test::render_text(R"(kommune: "Testby Kommune"
ydelse: "Forebyggende hjemmebesøg"
år: 2024
formål: """
  Et formål med <script>alert(1)</script> og **fed** tekst og [et link](https://testby.dk).

  - punkt et
  - punkt to
  """
)",
                                  Date{2024, 1, 1});
  auto parts = docx_parts(r->built.doc, kvs::test::renderer().templates());
  std::string document;
  for (auto& p : parts)
    if (p.name == "word/document.xml") document = p.data;
  CHECK(document.find("<script") == std::string::npos);
  // Inline HTML is kept as text runs: "<script>", "alert(1)", "</script>".
  CHECK(document.find(">&lt;script&gt;</w:t>") != std::string::npos);
  CHECK(document.find(">&lt;/script&gt;</w:t>") != std::string::npos);
  CHECK(document.find("<w:b/>") != std::string::npos);
  CHECK(document.find("<w:hyperlink r:id=\"rIdLink1\">") != std::string::npos);
  CHECK(document.find("<w:numId w:val=\"1\"/>") != std::string::npos);
  std::string html = kvs::test::renderer().html(r->built);
  CHECK(html.find("<script") == std::string::npos);
}
