// The municipality's own layout: Hjørring's rows, Haderslev's numbered chapters, Glostrup's
// and Sorø's headed sections; every paragraph of the original in the document; the HTML
// outline (one h1, no skipped heading levels).
#include <catch2/catch.hpp>

#include <regex>

#include "../render/render_test_support.hpp"
#include "danish.hpp"

using namespace kvs;
using kvs::test::render_seed;

namespace {

std::vector<std::string> headings(const render::Document& d) {
  std::vector<std::string> out;
  for (const auto& s : d.sections) out.push_back(s.heading_text());
  return out;
}

/// Every prose text of the model, as plain-text blocks.
std::vector<std::string> source_texts(const model::Standard& s) {
  std::vector<const model::Text*> texts;
  auto add = [&](const std::optional<model::Text>& t) {
    if (t) texts.push_back(&*t);
  };
  for (const auto& sec : s.sections) texts.push_back(&sec.text);
  for (const auto& [key, t] : s.prose) texts.push_back(&t);
  if (s.legal_basis) add(s.legal_basis->text);
  for (const auto& g : s.groups) add(g.text), add(g.frequency_text);
  for (const auto& r : s.risk_groups) add(r.text);
  for (const auto& e : s.exclusions) add(e.text), add(e.case_by_case);
  if (s.staff) add(s.staff->text), add(s.staff->competences);
  for (const auto& c : s.contacts) add(c.text);
  for (const auto& sp : s.specials) texts.push_back(&sp.text);
  std::vector<std::string> out;
  for (const auto* t : texts) {
    if (t->value.empty()) continue;
    for (auto& b : render::Prose(t->value, 3).text_blocks()) out.push_back(b);
  }
  return out;
}

}  // namespace

TEST_CASE("render: Hjørring keeps its table rows in order", "[render][layout]") {
  auto r = render_seed("hjoerring-2024");
  CHECK(r->built.doc.layout == "tabel");
  CHECK(headings(r->built.doc) ==
        std::vector<std::string>{"Lovgrundlag", "Målgruppe", "Formål", "Indsats", "Omfang og varighed",
                                 "Opfølgning på indsatsen", "Omkostninger for borgeren", "Kvalitetsmål", "Leverandør",
                                 "Ansøgning", "Sagsbehandlingstid", "Særlige forhold"});
  CHECK(r->built.doc.cover_page);
  CHECK(r->built.doc.front.front() == "Godkendt af Sundheds-, Ældre- og Handicapudvalget den 6. februar 2024");
}

TEST_CASE("render: Haderslev keeps its numbered chapters", "[render][layout]") {
  auto r = render_seed("haderslev-2024");
  CHECK(r->built.doc.title == "16. Forebyggende hjemmebesøg");
  CHECK(headings(r->built.doc) ==
        std::vector<std::string>{"1. Overordnede rammer", "1.1. Lovgrundlag", "1.2. Formål med lovgivningen",
                                 "1.3. Hvem får tilbud om et forebyggende hjemmebesøg",
                                 "1.4. Kriterier for tildeling af indsatsen", "1.5. Hvem modtager ikke tilbuddet",
                                 "2. Indholdet", "2.1. Hvad indeholder et forebyggende hjemmebesøg",
                                 "2.2. Hvad indeholder et forebyggende hjemmebesøg ikke"});
}

TEST_CASE("render: Glostrup and Sorø keep their headed sections", "[render][layout]") {
  auto g = render_seed("glostrup-2025");
  auto h = headings(g->built.doc);
  std::vector<std::string> want = {"FORORD", "FORMÅLET MED KVALITETSSTANDARDEN", "GENERELT OM FOREBYGGENDE HJEMMEBESØG",
                                   "HVEM VARETAGER DE FOREBYGGENDE HJEMMEBESØG?",
                                   "HVEM MODTAGER TILBUD OM FOREBYGGENDE HJEMMEBESØG?", "BEVILLING AF YDELSER",
                                   "KLAGEADGANG", "LOVGIVNING", "INDSATSBESKRIVELSE FOR FOREBYGGENDE HJEMMEBESØG",
                                   "Lovgrundlag", "Målgruppe", "Formål", "Indsatsens indhold",
                                   "Hvor ofte leveres ydelsen?", "Særlige forhold"};
  CHECK(h == want);
  auto s = render_seed("soroe");
  h = headings(s->built.doc);
  CHECK(h.front() == "Indledning");
  CHECK(std::find(h.begin(), h.end(), "Hvilke undtagelser er der?") != h.end());
  CHECK(std::find(h.begin(), h.end(), "Adresser og telefonnumre") != h.end());
}

TEST_CASE("render: every paragraph of the original is in the document", "[render][layout]") {
  for (const auto& name : kvs::test::seed_names()) {
    auto r = render_seed(name);
    std::string doc = render::comparable(kvs::test::document_text(r->built.doc));
    for (const auto& block : source_texts(*r->unit.model)) {
      INFO(name << ": " << block);
      CHECK(doc.find(render::comparable(block)) != std::string::npos);
    }
  }
}

TEST_CASE("render: HTML outline has one h1 and no skipped levels", "[render][layout][html]") {
  for (const auto& name : kvs::test::seed_names()) {
    for (bool council : {false, true}) {
      auto r = render_seed(name, council);
      std::string html = kvs::test::renderer().html(r->built);
      std::regex tag("<h([1-6])[ >]");
      int previous = 0, h1 = 0;
      for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it) {
        int level = std::stoi((*it)[1]);
        INFO(name << (council ? " (byråd)" : "") << ": h" << previous << " → h" << level);
        CHECK(level <= previous + 1);
        if (level == 1) ++h1;
        previous = level;
      }
      CHECK(h1 == 1);
      CHECK(html.find("<html lang=\"da\">") != std::string::npos);
      CHECK(html.find("<main") != std::string::npos);
      CHECK(html.find("<th scope=\"col\">") != std::string::npos);
      CHECK(html.find("@media print") != std::string::npos);
      CHECK(html.find("<link") == std::string::npos);    // self-contained
      CHECK(html.find("<script") == std::string::npos);
    }
  }
}
