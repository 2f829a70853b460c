// Lowering: typed values, references and the nonsense the model rejects.
#include <catch2/catch.hpp>

#include "compile.hpp"
#include "vocabulary.hpp"

using namespace kvs;
using namespace kvs::model;

namespace {

const std::string kHead = "kommune: \"Testby\"\nydelse: \"Forebyggende hjemmebesøg\"\n";

struct Result {
  Compilation c;
  DiagnosticSink sink;
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (auto& d : sink.diagnostics()) out.push_back(d.code);
    return out;
  }
};

std::unique_ptr<Result> lower_text(const std::string& body) {
  auto r = std::make_unique<Result>();
  r->c = compile_text("t.kvs", kHead + body, r->sink);
  return r;
}

}  // namespace

TEST_CASE("age rules of both kinds", "[lower]") {
  auto r = lower_text("målgruppe a {\n  alder: fylder 75 og 80, fylder 82 og frem, fra 65 år, 65-81 år, 90 år og derover\n}\n");
  REQUIRE(r->sink.diagnostics().empty());
  const auto& ages = r->c.model->groups[0].ages;
  REQUIRE(ages.size() == 6);
  CHECK(ages[0].kind == AgeRule::Kind::turns);
  CHECK(ages[1].from == 80);
  CHECK(ages[2].kind == AgeRule::Kind::turns_onwards);
  CHECK(ages[3].kind == AgeRule::Kind::from_age);
  CHECK(ages[4].kind == AgeRule::Kind::range);
  CHECK(ages[4].to == 81);
  CHECK(ages[5].kind == AgeRule::Kind::from_age);
  CHECK(ages[5].from == 90);
}

TEST_CASE("age rule coverage is semantic", "[lower]") {
  AgeRule from80{AgeRule::Kind::from_age, 80, std::nullopt, {}};
  CHECK(from80.covers_year_of_turning(80));
  CHECK(from80.covers_year_of_turning(82));
  CHECK_FALSE(from80.covers_year_of_turning(75));
  CHECK(from80.covers_ages(82, std::nullopt));
  AgeRule from65{AgeRule::Kind::from_age, 65, std::nullopt, {}};
  CHECK(from65.covers_ages(65, 81));
  AgeRule range{AgeRule::Kind::range, 65, 79, {}};
  CHECK_FALSE(range.covers_ages(65, 81));
  AgeRule turns75{AgeRule::Kind::turns, 75, std::nullopt, {}};
  CHECK(turns75.covers_year_of_turning(75));
  CHECK_FALSE(turns75.covers_ages(75, 75));
}

TEST_CASE("citations in their written forms", "[lower]") {
  auto r = lower_text(
      "lovgrundlag {\n  henvisning: serviceloven § 79 a stk. 1 og 2, serviceloven §79a, ældreloven kapitel 2, "
      "bekendtgørelse nr. 716 af 2019-07-07\n  ændringslov: lov nr. 508 af 2019-05-01 \"Målretning\"\n}\n");
  REQUIRE(r->sink.diagnostics().empty());
  const auto& lb = *r->c.model->legal_basis;
  REQUIRE(lb.citations.size() == 4);
  CHECK(lb.citations[0].display() == "serviceloven \u00a7\u00a079 a, stk. 1 og 2");
  CHECK(lb.citations[1].paragraph == "79 a");
  CHECK(lb.citations[2].chapter == "2");
  CHECK(lb.citations[3].number == 716);
  CHECK(lb.amendments[0].number == 508);
  CHECK(lb.amendments[0].title == "Målretning");
}

TEST_CASE("nonsense is rejected with its own code", "[lower]") {
  CHECK(lower_text("målgruppe a {\n  alder: fylder 250\n}\n")->codes() == std::vector<std::string>{"KVS-S007"});
  CHECK(lower_text("målgruppe a {\n  alder: 81-65\n}\n")->codes() == std::vector<std::string>{"KVS-S008"});
  CHECK(lower_text("målgruppe a {\n  alder: fylder 75\n}\nmålgruppe a {\n  alder: fylder 80\n}\n")->codes() ==
        std::vector<std::string>{"KVS-S006"});
  CHECK(lower_text("undtagelse {\n  grund: sygepleje\n  gælder: mg1\n}\n")->codes() ==
        std::vector<std::string>{"KVS-S009"});
  CHECK(lower_text("år: 2024\når: 2024\n")->codes() == std::vector<std::string>{"KVS-S002"});
  CHECK(lower_text("målgruppe a {\n  alder: fylder 75\n  hyppighd: årligt\n}\n")->codes() ==
        std::vector<std::string>{"KVS-S001"});
  CHECK(lower_text("godkendt: 2023-02-29\n")->codes() == std::vector<std::string>{"KVS-S010"});
  CHECK(lower_text("år: 2024\nperiode: 2025-01-01 til 2025-12-31\n")->codes() == std::vector<std::string>{"KVS-S013"});
}

TEST_CASE("vocabulary words match with or without Danish letters", "[lower]") {
  auto r = lower_text("målgruppe a {\n  alder: fylder 75\n  mødeform: hjemmebesoeg\n  hyppighed: aarligt, en-gang\n}\n");
  REQUIRE(r->sink.diagnostics().empty());
  CHECK(r->c.model->groups[0].meetings[0].kind == MeetingKind::hjemmebesoeg);
  CHECK(r->c.model->groups[0].frequency[1].value == Frequency::en_gang);
}

TEST_CASE("a post-2025 outreach standard needs no fixed ages", "[lower]") {
  auto r = lower_text(
      "ordning: opsøgende-forebyggelse\nperiode: 2026-01-01 til 2026-12-31\n"
      "lovgrundlag {\n  henvisning: ældreloven kapitel 2\n}\n"
      "generel-forebyggelse: \"Seniorcaféer og motionstilbud i alle lokalområder.\"\n"
      "målgruppe enlige \"Borgere, der har mistet en ægtefælle\" {\n"
      "  betingelse: mistet-ægtefælle\n  findes-via: dataudtræk\n  invitation: telefon\n"
      "  mødeform: hjemmebesøg\n}\n");
  REQUIRE(r->sink.diagnostics().empty());
  const Standard& s = *r->c.model;
  CHECK(s.scheme == Scheme::opsoegende_forebyggelse);
  CHECK(s.period_start() == Date{2026, 1, 1});
  CHECK(s.groups[0].ages.empty());
  CHECK(s.groups[0].detection[0].value == Detection::dataudtraek);
}

TEST_CASE("acknowledgements need a reason and a known release", "[lower]") {
  CHECK(lower_text("anerkendelse raad-datobrev {\n  begrundelse: \"Vi ringer i stedet\"\n}\n")->codes().empty());
  CHECK(lower_text("anerkendelse raad-datobrev {\n}\n")->codes() == std::vector<std::string>{"KVS-S014"});
  CHECK(lower_text("anerkendelse mg-80 {\n  begrundelse: \"x\"\n  frisættelse: viborg\n}\n")->codes() ==
        std::vector<std::string>{"KVS-S015"});
}

TEST_CASE("fold: æ/ø/å/é and ASCII capitals, everything else unchanged", "[lower][vocabulary]") {
  CHECK(fold("Ægtefælle-Flyttet") == "aegtefaelle-flyttet");
  CHECK(fold("ØRESUND påØ") == "oeresund paaoe");
  CHECK(fold("Åben café CAFÉ") == "aaben cafe cafe");
  CHECK(fold("ü ñ ß Ä ö 2024 -_") == "ü ñ ß Ä ö 2024 -_");  // other letters are kept as they are
  CHECK(fold("\xC3") == "\xC3");                          // a lone lead byte at the end
  CHECK(fold("") == "");
}

TEST_CASE("vocabulary lookup accepts the canonical and every folded spelling", "[lower][vocabulary]") {
  CHECK(lookup<RiskCategory>("mistet-ægtefælle") == RiskCategory::mistet_aegtefaelle);
  CHECK(lookup<RiskCategory>("mistet-aegtefaelle") == RiskCategory::mistet_aegtefaelle);
  CHECK(lookup<RiskCategory>("Mistet-Ægtefælle") == RiskCategory::mistet_aegtefaelle);
  CHECK(lookup<RiskCategory>("PAAROERENDE") == RiskCategory::paaroerende);
  CHECK_FALSE(lookup<RiskCategory>("mistet"));
  CHECK(canonical_word("saerlig-risiko") == std::optional<std::string_view>("særlig-risiko"));
  CHECK_FALSE(canonical_word("ukendt-ord"));
}

TEST_CASE("fold_equal is fold(a) == fold(b) without the strings", "[lower][vocabulary]") {
  const std::vector<std::string> words = {"", "til", "TIL", "Til", "ti", "tilx", "mistet-ægtefælle",
                                          "mistet-aegtefaelle", "Mistet-AEgtefaelle", "måned", "maaned",
                                          "MÅNED", "café", "cafe", "cafée", "æ", "ae", "a", "\xC3", "é", "e"};
  for (const auto& a : words)
    for (const auto& b : words) {
      INFO(a << " / " << b);
      CHECK(fold_equal(a, b) == (fold(a) == fold(b)));
    }
}
