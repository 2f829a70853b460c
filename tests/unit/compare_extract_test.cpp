// kvs compare: the comparison row of one standard — statutory groups matched over ages,
// conditions and frequency (not words), exclusions judged by the checker's findings, risk
// categories normalised, the purpose heuristic — and the national figures file.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>

#include "check.hpp"
#include "compare.hpp"
#include "golden.hpp"
#include "national_figures_fixture.hpp"

using namespace kvs;
using namespace kvs::compare;

namespace {

const checks::CheckData& data() { return test::check_data(); }

const NationalFigures& figures() { return test::national_figures(); }

StandardRow row_of(const std::string& text) {
  checks::CheckRun run = checks::check_text("test.kvs", text, data(), Date{2024, 6, 1});
  for (const auto& d : run.sink.diagnostics()) UNSCOPED_INFO(d.code << ": " << d.message);
  REQUIRE(run.law);
  return extract_row(*run.unit.model, *run.unit.file, *run.law, run.sink.diagnostics(), figures());
}

const char* kHead = R"(kommune: "Testby Kommune"
ydelse: "Forebyggende hjemmebesøg"
år: 2024
godkendt: 2023-12-01 af "Udvalget"
lovgrundlag {
  henvisning: serviceloven § 79 a
}
)";

}  // namespace

TEST_CASE("the national figures load with a denominator, year and line for every number", "[compare][figures]") {
  const NationalFigures& f = figures();
  REQUIRE(f.groups.size() == 5);
  CHECK(f.find_group("82+")->duty.age.from == 82);
  CHECK(f.find_group("70-alene")->duty.conditions.size() == 1);
  REQUIRE(!f.figures.empty());
  for (const auto& fig : f.figures) {
    REQUIRE(fig.basis);
    CHECK(fig.basis->n > 0);
    CHECK(fig.basis->year == 2022);
    for (const auto& v : fig.values) {
      CHECK_FALSE(v.lines.empty());
      CHECK((v.percent || !v.text.empty()));
    }
  }
  // The datobrev figures are shares of the 72 municipalities that send datobrev (L2864).
  auto it = std::find_if(f.figures.begin(), f.figures.end(), [](const Figure& x) { return x.id == "datobrev"; });
  REQUIRE(it != f.figures.end());
  CHECK(it->basis->n == 72);
  CHECK(it->local_base == LocalBase::datobrev_users);
}

TEST_CASE("a broken national figures file is refused with its line", "[compare][figures]") {
  auto dir = std::filesystem::temp_directory_path() / ("kvs-compare-figures-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = (dir / "national_figures.xml").string();
  std::ofstream(path) << "<landstal kilde=\"x\">\n"
                         "  <grundlag id=\"g\" N=\"10\" aar=\"2022\" linje=\"L1\" navn=\"g\"/>\n"
                         "  <maalgrupper lovversion=\"serviceloven-2019\">\n"
                         "    <maalgruppe id=\"82+\" regel=\"mg-82-aarligt\" navn=\"82+\"/>\n"
                         "  </maalgrupper>\n"
                         "  <figur id=\"f\" titel=\"t\" grundlag=\"g\">\n"
                         "    <tal maal=\"invitation:dueslag\" maalgruppe=\"82+\" procent=\"50\" linje=\"L2\"/>\n"
                         "  </figur>\n"
                         "</landstal>\n";
  std::vector<law::LoadError> errors;
  CHECK_FALSE(load_national_figures(path, data().law, errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line == 7);
  CHECK(errors[0].message.find("invitation:dueslag") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("statutory groups are matched over ages, conditions and frequency", "[compare][extract]") {
  StandardRow r = row_of(std::string(kHead) + R"(
målgruppe fra80 "Fra 80 år" {
  alder: fra 80
  invitation: datobrev
  mødeform: hjemmebesøg
  hyppighed: årligt
}
målgruppe aar75 "75-årige, der bor alene" {
  alder: fylder 75
  betingelse: bor-alene
  invitation: brev-uden-dato
  mødeform: informationsmøde
  alternativ: hjemmebesøg
  hyppighed: én-gang
}
målgruppe alle70 "Alle 70-årige" {
  alder: fylder 70
  invitation: telefon
  mødeform: hjemmebesøg
  hyppighed: én-gang
}
målgruppe mistet "Enker og enkemænd" {
  alder: fra 65
  betingelse: mistet-ægtefælle
  invitation: telefon
  mødeform: hjemmebesøg
  hyppighed: én-gang
}
)");
  // "fra 80, årligt" reaches everyone from 82 every year, and the 80-year-olds.
  CHECK(r.offer("82+")->offer == Offer::ja);
  CHECK(r.offer("82+")->groups == std::vector<std::string>{"fra80"});
  CHECK(r.offer("82+")->invitations == std::vector<model::Invitation>{model::Invitation::datobrev});
  CHECK(r.offer("80")->offer == Offer::ja);
  // A group for those living alone does not reach all 75-year-olds.
  CHECK(r.offer("75")->offer == Offer::nej);
  // All 70-year-olds include those living alone.
  CHECK(r.offer("70-alene")->offer == Offer::ja);
  CHECK(r.offer("70-alene")->groups == std::vector<std::string>{"alle70"});
  // Widows are a risk group: part of the 65–81 at risk, not all of them.
  CHECK(r.offer("saarbare")->offer == Offer::delvis);
  CHECK(r.offer("saarbare")->groups == std::vector<std::string>{"mistet"});
  CHECK(r.individual_alternative == "ja");
  REQUIRE(r.categories.size() == 1);
  CHECK(r.categories[0].category == model::RiskCategory::mistet_aegtefaelle);
  CHECK(r.categories[0].source == "betingelse");
}

TEST_CASE("only the year they turn 82 is part of 82+, and a collective form needs the alternative",
          "[compare][extract]") {
  StandardRow r = row_of(std::string(kHead) + R"(
målgruppe aar82 "82-årige" {
  alder: fylder 82
  invitation: invitation-til-arrangement
  mødeform: seniormesse
  hyppighed: én-gang
}
)");
  const GroupOffer* o = r.offer("82+");
  CHECK(o->offer == Offer::delvis);
  CHECK(o->needs_alternative);
  CHECK_FALSE(o->alternative);
  CHECK(r.individual_alternative == "nej");
  CHECK(r.offer("75")->offer == Offer::nej);
  CHECK(r.fejl > 0);  // the checker's mg-* and alternativ-hjemmebesoeg findings are counted
}

TEST_CASE("exclusions take their legality from the checker's findings", "[compare][extract]") {
  StandardRow r = row_of(std::string(kHead) + R"(
målgruppe alle "Alle fra 65" {
  alder: fra 65
  invitation: datobrev
  mødeform: hjemmebesøg
  hyppighed: årligt
}
undtagelse {
  grund: personlig-pleje-og-praktisk-hjælp
}
undtagelse {
  grund: plejebolig
}
undtagelse {
  grund: dagcenter
}
)");
  REQUIRE(r.exclusions.size() == 3);
  CHECK(r.exclusions[0].legality == Legality::lovlig);
  CHECK(r.exclusions[1].legality == Legality::betinget);
  CHECK(r.exclusions[2].legality == Legality::uden_hjemmel);
}

TEST_CASE("under ældreloven exclusions are not judged and own groups without age still count", "[compare][extract]") {
  StandardRow r = row_of(R"(kommune: "Testby Kommune"
ydelse: "Opsøgende forebyggende indsats"
ordning: opsøgende-forebyggelse
periode: 2026-01-01 til 2026-12-31
lovgrundlag {
  henvisning: ældreloven kapitel 2
}
generel-forebyggelse: "Caféer og motion."
målgruppe potentiale "Borgere med et forebyggelsespotentiale" {
  betingelse: særlig-risiko
  findes-via: dataudtræk
  invitation: telefon
  mødeform: hjemmebesøg
}
undtagelse {
  grund: plejebolig
}
)");
  CHECK(r.law_versions == std::vector<std::string>{"aeldreloven-2025"});
  CHECK(r.exclusions[0].legality == Legality::ikke_vurderet);
  CHECK(r.offer("saarbare")->offer == Offer::ja);
  CHECK(r.offer("82+")->offer == Offer::nej);
  CHECK(r.year == 2026);
}

TEST_CASE("the purpose heuristic: local focus or the municipality's name, else the law's wording",
          "[compare][extract][purpose]") {
  const auto& terms = figures().local_focus_terms;
  std::vector<std::string> found;
  CHECK(classify_purpose("", "Testby Kommune", terms, found) == Purpose::mangler);
  CHECK(classify_purpose("Formålet er at skabe tryghed og trivsel samt yde råd og vejledning om aktiviteter.",
                         "Testby Kommune", terms, found) == Purpose::som_loven);
  CHECK(found.empty());
  CHECK(classify_purpose("Vi vil forebygge Ensomheden blandt ældre.", "Testby Kommune", terms, found) ==
        Purpose::lokalt);
  CHECK(found == std::vector<std::string>{"ensomhed"});
  CHECK(classify_purpose("I Testby lægger vi vægt på tidlig opsporing.", "Testby Kommune", terms, found) ==
        Purpose::lokalt);
  CHECK(found == std::vector<std::string>{"kommunens navn", "tidlig opsporing"});
}
