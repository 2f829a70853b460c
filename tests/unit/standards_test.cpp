// The key facts of each bundled standard, asserted on the model: if a standard or the
// compiler changes what a seed says, these fail.
#include <catch2/catch.hpp>

#include "compile.hpp"
#include "golden.hpp"

using namespace kvs;
using namespace kvs::model;

namespace {

Standard load(const std::string& name) {
  DiagnosticSink sink;
  std::string relative = "standards/" + name + ".kvs";
  Compilation c = compile_text(relative, test::read_file(test::source_path(relative)), sink);
  REQUIRE(sink.diagnostics().empty());
  REQUIRE(c.model);
  return std::move(*c.model);
}

bool invites(const TargetGroup& g, Invitation i) {
  for (auto& t : g.invitations)
    if (t.value == i) return true;
  return false;
}

bool meets(const TargetGroup& g, MeetingKind k) {
  for (auto& m : g.meetings)
    if (m.kind == k) return true;
  return false;
}

/// The group that reaches people in the calendar year they turn `age` with no condition.
const TargetGroup* group_turning(const Standard& s, int age, std::optional<ConditionKind> cond = {}) {
  for (auto& g : s.groups) {
    bool conditions_ok = cond ? g.has_condition(*cond) : g.conditions.empty();
    for (auto& a : g.ages)
      if (a.kind == AgeRule::Kind::turns && a.from == age && conditions_ok) return &g;
  }
  return nullptr;
}

bool has_ground(const Standard& s, ExclusionGround ground) {
  for (auto& e : s.exclusions)
    for (auto& g : e.grounds)
      if (g.value == ground) return true;
  return false;
}

}  // namespace

TEST_CASE("Hjørring 2024", "[standards]") {
  Standard s = load("hjoerring-2024");
  CHECK(s.municipality == "Hjørring Kommune");
  CHECK(s.year == 2024);
  REQUIRE(s.approval);
  CHECK(s.approval->date == Date{2024, 2, 6});
  CHECK(s.approval->body == "Sundheds-, Ældre- og Handicapudvalget");
  CHECK(s.address_form == AddressForm::borgeren);
  CHECK(s.layout == Layout::tabel);
  REQUIRE(s.legal_basis);
  REQUIRE(s.legal_basis->amendments.size() == 1);
  CHECK(s.legal_basis->amendments[0].number == 1894);
  CHECK(s.legal_basis->amendments[0].date == Date{2015, 12, 29});
  REQUIRE(s.groups.size() == 5);

  const TargetGroup* alone70 = group_turning(s, 70, ConditionKind::bor_alene);
  REQUIRE(alone70);
  CHECK(invites(*alone70, Invitation::brev_uden_dato));

  const TargetGroup* g75 = group_turning(s, 75);
  REQUIRE(g75);
  CHECK(meets(*g75, MeetingKind::seniormesse));
  REQUIRE(g75->alternative);
  CHECK(g75->alternative->kind == MeetingKind::hjemmebesoeg);
  REQUIRE(g75->duration);
  CHECK(g75->duration->value == 3);

  const TargetGroup* g80 = group_turning(s, 80);
  REQUIRE(g80);
  CHECK(invites(*g80, Invitation::datobrev));
  REQUIRE(g80->enrolment);
  CHECK(g80->enrolment->value == Enrolment::framelding);
  REQUIRE(g80->duration_couples);
  CHECK(g80->duration_couples->value == 1.5);

  const TargetGroup& g82 = s.groups[3];
  REQUIRE(g82.ages.size() == 1);
  CHECK(g82.ages[0].kind == AgeRule::Kind::from_age);
  CHECK(g82.ages[0].from == 82);
  CHECK(g82.has_frequency(Frequency::aarligt));
  CHECK(invites(g82, Invitation::brev_uden_dato));

  const TargetGroup& risk = s.groups[4];
  CHECK(risk.has_condition(ConditionKind::saerlig_risiko));
  CHECK(risk.ages[0].covers_ages(65, 81));

  REQUIRE(s.exclusions.size() == 1);
  CHECK(s.exclusions[0].grounds[0].value == ExclusionGround::personlig_pleje_og_praktisk_hjaelp);
  CHECK(s.exclusions[0].applies_to.size() == 4);
  CHECK(s.risk_groups.size() == 7);
  CHECK(s.risk_groups[0].category.value == RiskCategory::mistet_aegtefaelle);
  REQUIRE(s.risk_groups[0].timing);
  CHECK(s.risk_groups[0].timing->low == 6);
  CHECK(s.risk_groups[0].timing->high == 8);
  CHECK(s.specials.size() == 3);
  REQUIRE(s.case_deadline);
  CHECK(s.case_deadline->value == 3);
  CHECK(s.case_deadline->unit == "uger");
}

TEST_CASE("Glostrup 2025", "[standards]") {
  Standard s = load("glostrup-2025");
  CHECK(s.municipality == "Glostrup Kommune");
  CHECK(s.year == 2025);
  REQUIRE(s.approval);
  CHECK_FALSE(s.approval->date);  // the seed states no approval date
  CHECK(s.address_form == AddressForm::du);
  REQUIRE(s.groups.size() == 7);
  const TargetGroup* alone70 = group_turning(s, 70, ConditionKind::bor_alene);
  REQUIRE(alone70);
  CHECK(meets(*alone70, MeetingKind::informationsmoede));
  REQUIRE(alone70->alternative);
  const TargetGroup* g75 = group_turning(s, 75);
  REQUIRE(g75);
  CHECK(meets(*g75, MeetingKind::informationsmoede));
  CHECK(g75->alternative);
  const TargetGroup* g80 = group_turning(s, 80);
  REQUIRE(g80);
  CHECK(invites(*g80, Invitation::datobrev));
  bool onwards82 = false;
  for (auto& g : s.groups)
    for (auto& a : g.ages)
      if (a.kind == AgeRule::Kind::turns_onwards && a.from == 82) {
        onwards82 = true;
        CHECK(invites(g, Invitation::brev_uden_dato));
        CHECK(g.has_frequency(Frequency::aarligt));
      }
  CHECK(onwards82);
  // Widows and widowers: phoned 6-8 weeks after the death, then a letter.
  bool widow = false;
  for (auto& g : s.groups)
    if (g.has_condition(ConditionKind::mistet_aegtefaelle)) {
      widow = true;
      REQUIRE(g.invitations.size() == 2);
      CHECK(g.invitations[0].value == Invitation::telefon);
      REQUIRE(g.timing);
      CHECK(g.timing->low == 6);
    }
  CHECK(widow);
  CHECK(has_ground(s, ExclusionGround::plejebolig));
  CHECK(has_ground(s, ExclusionGround::institution));
  bool narrowed = false;
  for (auto& e : s.exclusions)
    if (e.grounds[0].value == ExclusionGround::personlig_pleje_og_praktisk_hjaelp)
      narrowed = e.narrowing.find("længerevarende") != std::string::npos;
  CHECK(narrowed);
}

TEST_CASE("Haderslev 2024", "[standards]") {
  Standard s = load("haderslev-2024");
  CHECK(s.municipality == "Haderslev Kommune");
  CHECK(s.year == 2024);
  CHECK_FALSE(s.approval);
  CHECK(s.layout == Layout::kapitler);
  CHECK(s.number == "16");
  CHECK(s.exclusions.size() == 6);
  for (auto g : {ExclusionGround::dagcenter, ExclusionGround::terminal_ordning, ExclusionGround::demensindsats,
                 ExclusionGround::plejebolig, ExclusionGround::institution,
                 ExclusionGround::personlig_pleje_og_praktisk_hjaelp})
    CHECK(has_ground(s, g));
  // "i deres fyldte 75. år og deres fyldte 80. år": one group, two calendar-year rules.
  bool both = false;
  for (auto& g : s.groups)
    if (g.ages.size() == 2 && g.ages[0].covers_year_of_turning(75) && g.ages[1].covers_year_of_turning(80)) both = true;
  CHECK(both);
  for (auto& g : s.groups) CHECK(invites(g, Invitation::datobrev));
  CHECK(s.partners.size() == 9);
  CHECK(s.themes.size() >= 10);
}

TEST_CASE("Sorø", "[standards]") {
  Standard s = load("soroe");
  CHECK(s.municipality == "Sorø Kommune");
  CHECK_FALSE(s.year);
  CHECK_FALSE(s.period_start());
  CHECK_FALSE(s.approval);
  CHECK(s.risk_groups.size() == 18);
  CHECK(s.groups.size() == 7);
  for (auto& g : s.groups) CHECK(invites(g, Invitation::brev_uden_dato));
  CHECK(has_ground(s, ExclusionGround::sygepleje));
  CHECK(has_ground(s, ExclusionGround::plejebolig));
  bool case_by_case = false;
  for (auto& e : s.exclusions)
    if (e.grounds[0].value == ExclusionGround::sygepleje) case_by_case = e.case_by_case.has_value();
  CHECK(case_by_case);
  bool newcomers = false;
  for (auto& g : s.groups)
    if (g.has_condition(ConditionKind::tilflytter)) newcomers = g.ages[0].kind == AgeRule::Kind::from_age && g.ages[0].from == 75;
  CHECK(newcomers);
  REQUIRE_FALSE(s.contacts.empty());
  CHECK(s.contacts[0].email == "sundhedscenter@soroe.dk");
  CHECK(s.contacts[0].phones.size() >= 3);
  REQUIRE(s.staff);
  CHECK(s.staff->professions.size() >= 3);
}
