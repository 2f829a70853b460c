// Facts generated from the model, never typed twice: the offer to each target group in
// the standard's address form, what goes beyond the law, the law quoted from the law
// data, and fixed-age visits as the municipality's own choice after 1 July 2025.
#include <catch2/catch.hpp>

#include "../render/render_test_support.hpp"

using namespace kvs;
using kvs::test::document_text;
using kvs::test::render_text;

namespace {

std::string standard(const std::string& form, const std::string& year, const std::string& groups) {
  return "kommune: \"Testby Kommune\"\nydelse: \"Forebyggende hjemmebesøg\"\når: " + year +
         "\ntiltaleform: " + form + "\nlayout: afsnit\nlovgrundlag {\n  henvisning: serviceloven § 79 a\n}\n" + groups;
}

bool has(const std::string& text, const std::string& what) {
  INFO("looking for: " << what);
  return text.find(what) != std::string::npos;
}

}  // namespace

TEST_CASE("render: the offer as a sentence in both address forms", "[render][facts]") {
  std::string groups = R"(målgruppe mg75 "75-årige" {
  alder: fylder 75
  invitation: datobrev
  tilmelding: framelding
  mødeform: hjemmebesøg
  hyppighed: én-gang
}
målgruppe alene "Aleneboende 70-årige" {
  alder: fylder 70
  betingelse: bor-alene
  mødeform: informationsmøde
  alternativ: hjemmebesøg
}
målgruppe risiko "65–81 i særlig risiko" {
  alder: 65-81
  betingelse: særlig-risiko
  hyppighed: efter-behov
  varighed: ca. 1½ time
}
)";
  auto du = render_text(standard("du", "2024", groups), Date{2024, 1, 1});
  std::string text = document_text(du->built.doc);
  CHECK(has(text, "Du tilbydes et forebyggende hjemmebesøg i det år, du fylder 75 år."));
  CHECK(has(text, "Du får et brev med dato og tidspunkt for besøget."));
  CHECK(has(text, "Du skal give besked, hvis du ikke ønsker besøget."));
  CHECK(has(text, "Du inviteres til et informationsmøde i det år, du fylder 70 år, hvis du bor alene."));
  CHECK(has(text, "Du kan i stedet få et individuelt besøg i hjemmet."));
  CHECK(has(text, "Du tilbydes forebyggende hjemmebesøg efter behov, når du er 65\u201381 år, hvis du er i særlig risiko"));
  CHECK(has(text, "Besøget varer ca. 1½ time."));

  auto borgeren = render_text(standard("borgeren", "2024", groups), Date{2024, 1, 1});
  text = document_text(borgeren->built.doc);
  CHECK(has(text, "Borgeren tilbydes et forebyggende hjemmebesøg i det år, borgeren fylder 75 år."));
  CHECK(has(text, "Borgeren skal give besked, hvis borgeren ikke ønsker besøget."));
  CHECK_FALSE(has(text, "Du tilbydes"));
}

TEST_CASE("render: more than the law requires, in plain words", "[render][facts]") {
  auto r = render_text(standard("du", "2024", R"(målgruppe aeldste "80 år og derover" {
  alder: fra 80
  hyppighed: årligt
}
målgruppe enker "Enker og enkemænd" {
  alder: fra 65
  betingelse: mistet-ægtefælle
}
)"),
                       Date{2024, 1, 1});
  std::string text = document_text(r->built.doc);
  CHECK(has(text, "Loven kræver et årligt besøg fra 82 år. Vi tilbyder det fra 80 år."));
  CHECK(has(text, "Loven nævner ikke målgruppen »Enker og enkemænd«. Vi har selv valgt at tilbyde den besøg."));

  auto more = render_text(standard("du", "2024", R"(målgruppe mg75 "75-årige" {
  alder: fylder 75
  hyppighed: én-gang, flere-efter-behov
}
)"),
                          Date{2024, 1, 1});
  CHECK(has(document_text(more->built.doc), "Loven kræver ét besøg i det fyldte 75. år. Vi tilbyder flere besøg efter behov."));

  auto b = render_text(standard("borgeren", "2024", R"(målgruppe aeldste "80 år og derover" {
  alder: fra 80
  hyppighed: årligt
}
)"),
                       Date{2024, 1, 1});
  CHECK(has(document_text(b->built.doc), "Loven kræver et årligt besøg fra 82 år. Testby Kommune tilbyder det fra 80 år."));
}

TEST_CASE("render: the legal basis quotes the provision applied", "[render][facts]") {
  auto r = render_text(standard("du", "2024", R"(målgruppe mg75 "75-årige" {
  alder: fylder 75
}
undtagelse {
  grund: personlig-pleje-og-praktisk-hjælp
}
)"),
                       Date{2024, 1, 1});
  std::string text = document_text(r->built.doc);
  CHECK(has(text, "Reglerne, som de gælder 1. januar 2024"));
  CHECK(has(text, "Lov om social service §\u00a079\u00a0a, som affattet ved lov nr.\u00a0508 af 1. maj 2019"));
  CHECK(has(text, "§\u00a079\u00a0a, stk.\u00a02. Kommunalbestyrelsen skal tilbyde et forebyggende hjemmebesøg til alle borgere, "
                  "som bor i kommunen, i deres fyldte 75. år og deres fyldte 80. år."));
  CHECK(has(text, "§\u00a079\u00a0a, stk.\u00a06. Kommunalbestyrelsen kan vælge at undtage"));
  CHECK(has(text, "Bestemmelserne lyder:"));
  // The exclusion without its own wording is generated from the model.
  CHECK(has(text, "Du tilbydes ikke forebyggende hjemmebesøg, hvis du modtager både personlig pleje og praktisk hjælp efter §\u00a083."));
}

TEST_CASE("render: after 1 July 2025 fixed-age visits are the municipality's own choice", "[render][facts]") {
  auto r = render_text(standard("du", "2026", R"(målgruppe mg75 "75-årige" {
  alder: fylder 75
}
)"),
                       Date{2026, 1, 1});
  std::string text = document_text(r->built.doc);
  CHECK(has(text, "Ældreloven fastsætter ingen faste aldre for forebyggende besøg. Når vi tilbyder besøg ved faste aldre, er det vores eget valg."));
  CHECK(has(text, "gengivet med egne ord (ikke lovens ordlyd)"));
  CHECK(has(text, "Gengivelsen er ikke kontrolleret mod den offentliggjorte lov."));
  CHECK(has(text, "Bemærk: serviceloven §\u00a079\u00a0a er ophævet fra 1. juli 2025."));

  // A period that straddles the change says so.
  auto glostrup = kvs::test::render_seed("glostrup-2025");
  text = document_text(glostrup->built.doc);
  CHECK(has(text, "Fra 1. juli 2025 afløses servicelovens §\u00a079\u00a0a af ældreloven, som ikke fastsætter faste aldre "
                  "for forebyggende besøg. Fra den dato er besøgene ved faste aldre vores eget valg."));
}
