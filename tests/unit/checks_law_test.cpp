// The law as data: the loader reads every version and enforces the invariants of
// docs/law-data.md §5; version selection picks the law in force on the period's first day;
// and one standard judged under the 2010, 2016, 2019 and 2025 rules gets exactly the
// differences the law implies.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <unistd.h>

#include "check.hpp"
#include "golden.hpp"
#include "check_data.hpp"

using namespace kvs;
using namespace kvs::checks;
namespace fs = std::filesystem;

namespace {

const checks::CheckData& data() { return test::check_data(); }

// A scratch copy of checks/law with one file replaced, to test load errors.
struct ScratchLaw {
  fs::path dir;
  explicit ScratchLaw(const std::string& name) {
    dir = fs::temp_directory_path() / ("kvs-law-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& e : fs::directory_iterator(law::law_dir())) fs::copy_file(e.path(), dir / e.path().filename());
  }
  ~ScratchLaw() { fs::remove_all(dir); }
  void edit(const std::string& file, const std::string& from, const std::string& to) {
    std::ifstream in(dir / file);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(dir / file) << text;
  }
  std::vector<law::LoadError> load() {
    std::vector<law::LoadError> errors;
    CHECK_FALSE(law::load_law(dir.string(), errors));
    return errors;
  }
};

bool mentions(const std::vector<law::LoadError>& errors, const std::string& file, const std::string& text) {
  for (const auto& e : errors)
    if (e.file.find(file) != std::string::npos && e.message.find(text) != std::string::npos && e.line > 0) return true;
  return false;
}

std::string messages(const std::vector<law::LoadError>& errors) {
  std::string s;
  for (const auto& e : errors) s += e.format() + "\n";
  return s;
}

}  // namespace

TEST_CASE("every law version loads", "[checks][law]") {
  const auto& lib = data().law;
  std::set<std::string> ids;
  for (const auto& v : lib.versions) ids.insert(v.id);
  CHECK(ids == std::set<std::string>{"serviceloven-1996", "serviceloven-1998", "serviceloven-2005", "serviceloven-2010",
                                     "serviceloven-2016", "serviceloven-2019", "bek-2016", "bek-716-2019",
                                     "aeldreloven-2025"});
  const auto* v2019 = lib.find("serviceloven-2019");
  REQUIRE(v2019);
  CHECK(v2019->duties.size() == 5);
  const auto* stk6 = v2019->provision("sel79a-stk6");
  REQUIRE(stk6);
  CHECK(stk6->verbatim);
  CHECK(v2019->cite(*stk6) == "serviceloven \u00a7 79 a, stk. 6");
  const auto* transition = v2019->provision("lov508-2-stk3");
  REQUIRE(transition);
  CHECK(v2019->cite(*transition) == "lov nr. 508 af 1. maj 2019, \u00a7 2, stk. 3");
  const auto* bek = lib.find("bek-716-2019");
  REQUIRE(bek);
  CHECK(bek->cite(*bek->provision("bek716-4-stk3")) == "bekendtgørelse nr. 716/2019 \u00a7 4, stk. 3");
  const auto* aeldre = lib.find("aeldreloven-2025");
  REQUIRE(aeldre);
  CHECK_FALSE(aeldre->verified);
  CHECK(aeldre->duties.empty());
  CHECK_FALSE(aeldre->provision("aeldrel-4")->verified);
  CHECK(lib.find("bek-2016")->provision("bek2016-4-stk3")->verified == false);
  CHECK(lib.find("bek-2016")->provision("bek2016-4-stk2")->verified == true);
}

TEST_CASE("the versions in force on a date (docs/law-data.md §1)", "[checks][law]") {
  auto ids = [](const Date& d) {
    std::string s;
    for (auto* v : data().law.in_force_on(d)) s += (s.empty() ? "" : " + ") + v->id;
    return s;
  };
  CHECK(ids({1990, 1, 1}) == "");
  CHECK(ids({1997, 1, 1}) == "serviceloven-1996");
  CHECK(ids({2004, 1, 1}) == "serviceloven-1998");
  CHECK(ids({2006, 1, 1}) == "serviceloven-2005");
  CHECK(ids({2015, 1, 1}) == "serviceloven-2010");
  CHECK(ids({2017, 1, 1}) == "serviceloven-2016 + bek-2016");
  CHECK(ids({2024, 1, 1}) == "serviceloven-2019 + bek-716-2019");
  CHECK(ids({2025, 6, 30}) == "serviceloven-2019 + bek-716-2019");
  CHECK(ids({2025, 7, 1}) == "aeldreloven-2025");
  CHECK(ids({2030, 1, 1}) == "aeldreloven-2025");
}

TEST_CASE("the period decides — the check date only when the standard states none", "[checks][law]") {
  model::Standard s;
  s.year = 2024;
  AppliedLaw a = select_law(data().law, s, Date{2026, 1, 1}, true);
  CHECK(a.reference == Date{2024, 1, 1});
  CHECK(a.basis == AppliedLaw::Basis::year);
  CHECK(a.period_end == Date{2024, 12, 31});
  s.valid_from = Date{2025, 4, 1};
  s.valid_to = Date{2026, 3, 31};
  a = select_law(data().law, s, Date{2020, 1, 1}, true);
  CHECK(a.reference == Date{2025, 4, 1});
  CHECK(a.basis == AppliedLaw::Basis::period);
  CHECK(a.describe() == "serviceloven-2019 + bek-716-2019, i kraft 2025-04-01 (første dag i standardens periode)");
  model::Standard none;
  a = select_law(data().law, none, Date{2024, 6, 1}, true);
  CHECK(a.reference == Date{2024, 6, 1});
  CHECK_FALSE(a.period_end);
  CHECK(a.basis == AppliedLaw::Basis::check_date);
}

TEST_CASE("the loader rejects broken law data naming file and line", "[checks][law]") {
  SECTION("unknown element") {
    ScratchLaw s("element");
    s.edit("serviceloven-2019.xml", "<hjemmel akt=\"serviceloven\" paragraf=\"79 a\"/>",
           "<hjemmel akt=\"serviceloven\" paragraf=\"79 a\"/><paragraf/>");
    auto e = s.load();
    INFO(messages(e));
    CHECK(mentions(e, "serviceloven-2019.xml", "ukendt element <paragraf>"));
  }
  SECTION("unknown attribute") {
    ScratchLaw s("attribute");
    s.edit("bek-716-2019.xml", "krav=\"årlig-godkendelse\"", "krav=\"årlig-godkendelse\" maaned=\"12\"");
    auto e = s.load();
    INFO(messages(e));
    CHECK(mentions(e, "bek-716-2019.xml", "ukendt attribut 'maaned'"));
  }
  SECTION("dangling reference to a provision") {
    ScratchLaw s("dangling");
    s.edit("serviceloven-2016.xml", "<pligt regel=\"mg-75\" bestemmelse=\"sel79a-2016-stk2\">",
           "<pligt regel=\"mg-75\" bestemmelse=\"sel79a-2016-stk9\">");
    auto e = s.load();
    INFO(messages(e));
    CHECK(mentions(e, "serviceloven-2016.xml", "'sel79a-2016-stk9', som ikke findes"));
  }
  SECTION("unknown rule id") {
    ScratchLaw s("rule");
    s.edit("serviceloven-2019.xml", "<pligt regel=\"mg-80\"", "<pligt regel=\"mg-85\"");
    auto e = s.load();
    INFO(messages(e));
    CHECK(mentions(e, "serviceloven-2019.xml", "ukendt regel 'mg-85'"));
  }
  SECTION("årligt without a number of visits") {
    ScratchLaw s("visits");
    s.edit("serviceloven-2010.xml", "<hyppighed besoeg=\"1\">årligt</hyppighed>", "<hyppighed>årligt</hyppighed>");
    auto e = s.load();
    INFO(messages(e));
    CHECK(mentions(e, "serviceloven-2010.xml", "'besoeg'"));
  }
  SECTION("overlapping versions") {
    ScratchLaw s("overlap");
    s.edit("serviceloven-2016.xml", "ophoerer=\"2019-07-01\"", "ophoerer=\"2019-08-01\"");
    auto e = s.load();
    INFO(messages(e));
    bool found = false;
    for (const auto& x : e) found |= x.message.find("overlapper") != std::string::npos;
    CHECK(found);
  }
  SECTION("a gap between versions") {
    ScratchLaw s("gap");
    s.edit("serviceloven-2016.xml", "ophoerer=\"2019-07-01\"", "ophoerer=\"2019-06-01\"");
    auto e = s.load();
    INFO(messages(e));
    bool found = false;
    for (const auto& x : e) found |= x.message.find("hul i kæden") != std::string::npos;
    CHECK(found);
  }
  SECTION("id must equal the file name") {
    ScratchLaw s("id");
    s.edit("bek-2016.xml", "id=\"bek-2016\"", "id=\"bek-2017\"");
    auto e = s.load();
    INFO(messages(e));
    CHECK(mentions(e, "bek-2016.xml", "filnavnet"));
  }
  SECTION("provision ids are unique across files") {
    ScratchLaw s("unique");
    s.edit("bek-2016.xml", "id=\"bek2016-3\"", "id=\"bek716-3\"");
    s.edit("bek-2016.xml", "bestemmelse=\"bek2016-3\"", "bestemmelse=\"bek716-3\"");
    auto e = s.load();
    INFO(messages(e));
    bool found = false;
    for (const auto& x : e) found |= x.message.find("'bek716-3' findes også") != std::string::npos;
    CHECK(found);
  }
}

// One standard, four law versions. The standard (tests/checks/versions/standard.kvs) offers:
// the year they turn 75; yearly from 80; 65-79 at special risk; it excludes those who receive
// both personal care and practical help; it cites § 79 a and has all the content of the orders.
// Law text is compared with the standards' (which are read into NFC), so it must be in NFC
// itself: "å" written as "a" + COMBINING RING ABOVE is refused, ASCII-only lines and
// precomposed Danish letters pass (the loader shares the source reader's NFC test).
TEST_CASE("the loader refuses law text that is not in NFC", "[checks][law]") {
  ScratchLaw law("nfc");
  law.edit("serviceloven-2019.xml", "årligt", "a\u030Arligt");
  auto errors = law.load();
  INFO(messages(errors));
  bool found = false;
  for (const auto& e : errors)
    found = found || (e.file.find("serviceloven-2019.xml") != std::string::npos &&
                      e.message.find("ikke NFC-normaliseret") != std::string::npos);
  CHECK(found);
}

TEST_CASE("one standard under the 2010 and 2016 and 2019 and 2025 rules", "[checks][law][versions]") {
  std::ifstream in(test::source_path("tests/checks/versions/standard.kvs"));
  std::string base((std::istreambuf_iterator<char>(in)), {});
  REQUIRE(base.find("år: 2024") != std::string::npos);
  auto legal = [&](int year) {
    std::string text = base;
    auto replace = [&](const std::string& from, const std::string& to) { text.replace(text.find(from), from.size(), to); };
    replace("år: 2024", "år: " + std::to_string(year));
    replace("godkendt: 2023-12-01", "godkendt: " + std::to_string(year - 1) + "-12-01");
    CheckRun run = check_text("standard.kvs", text, data(), std::nullopt);
    REQUIRE(run.law);
    std::multiset<std::string> out;
    for (const auto& d : run.sink.diagnostics()) {
      const Rule* r = find_rule(d.code);
      if (r && r->kind == RuleKind::legal) out.insert(d.code + " " + severity_word(d.severity));
    }
    return std::make_pair(run.law->describe(), out);
  };
  using M = std::multiset<std::string>;
  // 2010: yearly from 75: the years 76-79 are not covered. No risk, content or citation rules
  // beyond § 79 a existed; the exclusion was lawful.
  auto [law2010, y2010] = legal(2015);
  INFO(law2010);
  CHECK(law2010.rfind("serviceloven-2010,", 0) == 0);
  CHECK(y2010 == M{"mg-82-aarligt fejl"});
  // 2016: yearly from 80, the year they turn 75, 65-79 at risk: all met.
  auto [law2016, y2016] = legal(2017);
  CHECK(law2016.rfind("serviceloven-2016 + bek-2016,", 0) == 0);
  CHECK(y2016 == M{});
  // 2019: new duty for those living alone at 70; the risk range grows to 81, which the yearly
  // group from 80 covers; 80 is covered by the yearly group.
  auto [law2019, y2019] = legal(2024);
  CHECK(law2019.rfind("serviceloven-2019 + bek-716-2019,", 0) == 0);
  CHECK(y2019 == M{"mg-70-alene fejl"});
  // 2025: § 79 a is repealed: citing it is a fejl; no fixed-age duties; ældreloven asks for
  // the general preventive effort (advarsel, unverified); outreach is described.
  auto [law2025, y2025] = legal(2026);
  CHECK(law2025.rfind("aeldreloven-2025,", 0) == 0);
  CHECK(y2025 == M{"lovhenvisning fejl", "aeldrelov-forebyggelse advarsel"});
}
