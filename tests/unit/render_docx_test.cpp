// The DOCX package and reproducibility: fixed entry order and timestamps (two renders give
// identical bytes), real Heading styles, repeated header rows, da-DK, and the source's
// SHA-256 and the kvs version in the metadata of both DOCX and HTML.
#include <catch2/catch.hpp>

#include "../render/render_test_support.hpp"

using namespace kvs;
using kvs::test::docx_part;

TEST_CASE("render: two renders give identical bytes", "[render][docx][reproducible]") {
  for (const auto& name : kvs::test::seed_names()) {
    INFO(name);
    auto a = kvs::test::render_seed(name, true);
    auto b = kvs::test::render_seed(name, true);
    std::string ea, eb;
    std::string docx_a = kvs::test::renderer().docx(a->built, ea);
    std::string docx_b = kvs::test::renderer().docx(b->built, eb);
    REQUIRE(ea.empty());
    REQUIRE_FALSE(docx_a.empty());
    CHECK(docx_a == docx_b);
    CHECK(kvs::test::renderer().html(a->built) == kvs::test::renderer().html(b->built));
    CHECK(kvs::test::renderer().markdown(a->built) == kvs::test::renderer().markdown(b->built));
  }
}

TEST_CASE("render: the DOCX package", "[render][docx]") {
  auto r = kvs::test::render_seed("hjoerring-2024");
  std::string error;
  std::string docx = kvs::test::renderer().docx(r->built, error);
  auto entries = kvs::test::zip_entries(docx, error);
  REQUIRE(error.empty());
  std::vector<std::string> names;
  for (auto& e : entries) names.push_back(e.name);
  CHECK(names == std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                                          "docProps/custom.xml", "word/document.xml", "word/_rels/document.xml.rels",
                                          "word/styles.xml", "word/settings.xml", "word/numbering.xml",
                                          "word/footer1.xml"});
  std::string sha = render::sha256_hex(kvs::test::read_file(kvs::test::source_path("standards/hjoerring-2024.kvs")));

  std::string core = docx_part(docx, "docProps/core.xml");
  CHECK(core.find("<dc:title>Kvalitetsstandard for forebyggende hjemmebesøg 2024 – Hjørring Kommune</dc:title>") !=
        std::string::npos);
  CHECK(core.find("<dc:creator>Hjørring Kommune</dc:creator>") != std::string::npos);
  CHECK(core.find("<dc:language>da-DK</dc:language>") != std::string::npos);
  CHECK(core.find("<dc:identifier>sha256:" + sha + "</dc:identifier>") != std::string::npos);
  CHECK(core.find("2024-02-06T00:00:00Z") != std::string::npos);  // the approval date, never "now"
  std::string custom = docx_part(docx, "docProps/custom.xml");
  CHECK(custom.find("name=\"kvs-version\"") != std::string::npos);
  CHECK(custom.find(render::generator_name()) != std::string::npos);
  CHECK(custom.find(sha) != std::string::npos);

  std::string styles = docx_part(docx, "word/styles.xml");
  CHECK(styles.find("<w:name w:val=\"heading 1\"/>") != std::string::npos);
  CHECK(styles.find("<w:outlineLvl w:val=\"0\"/>") != std::string::npos);
  CHECK(styles.find("w:val=\"da-DK\"") != std::string::npos);

  std::string document = docx_part(docx, "word/document.xml");
  CHECK(document.find("<w:pStyle w:val=\"Heading1\"/>") != std::string::npos);
  CHECK(document.find("<w:tblHeader/>") != std::string::npos);
  CHECK(document.find("<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>") != std::string::npos);

  std::string html = kvs::test::renderer().html(r->built);
  CHECK(html.find("<meta name=\"kvs.kilde-sha256\" content=\"" + sha + "\">") != std::string::npos);
  CHECK(html.find("<meta name=\"generator\" content=\"" + render::generator_name() + "\">") != std::string::npos);
}

TEST_CASE("render: the council appendix", "[render][council]") {
  auto plain = kvs::test::render_seed("glostrup-2025");
  CHECK(plain->built.doc.appendix.empty());
  auto r = kvs::test::render_seed("glostrup-2025", true);
  const auto& appendix = r->built.doc.appendix;
  REQUIRE(appendix.size() == 4);
  CHECK(appendix[0].heading == "Bilag til byrådet");
  std::string text = kvs::test::document_text(r->built.doc);
  // Traceability: each duty of § 79 a points at the section that meets it.
  CHECK(text.find("serviceloven §\u00a079\u00a0a, stk.\u00a01: et årligt besøg fra 82 år") != std::string::npos);
  CHECK(text.find("bekendtgørelse nr.\u00a0716/2019 §\u00a03: ordningen tænkes sammen med andre forebyggende tilbud") !=
        std::string::npos);
  CHECK(text.find("Hele dokumentet") != std::string::npos);  // LIX

  // The checker's findings, acknowledged ones with their reason.
  render::RenderOptions o = kvs::test::golden_options("glostrup-2025.kvs", "x");
  o.council = true;
  o.checks_ran = true;
  Diagnostic d;
  d.severity = Severity::advarsel;
  d.code = "undtagelse-hjemmel";
  d.message = "undtagelsen 'plejebolig' er kun lovlig for borgere, der modtager både personlig pleje og praktisk hjælp";
  d.acknowledged = true;
  d.acknowledgement_reason = "Beboerne modtager altid begge dele.";
  o.findings.push_back(d);
  auto built = kvs::test::renderer().build(*r->unit.model, o);
  text = kvs::test::document_text(built.doc);
  CHECK(text.find("undtagelse-hjemmel") != std::string::npos);
  CHECK(text.find("Anerkendt: Beboerne modtager altid begge dele.") != std::string::npos);
}
