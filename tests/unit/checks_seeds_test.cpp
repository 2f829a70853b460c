// The acceptance cases of rules.md ("What the checker must report on the four seed
// standards"): the fejl and advarsel multisets are exact, the råd lists a minimum.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "check.hpp"
#include "golden.hpp"
#include "check_data.hpp"

using namespace kvs;
using namespace kvs::checks;

namespace {

const checks::CheckData& data() { return test::check_data(); }

using Multiset = std::multiset<std::string>;

struct Result {
  CheckRun run;
  Multiset fejl, advarsel, raad;
  std::string all;
};

Result check_seed(const std::string& file, std::optional<Date> date) {
  Result r{check_file(test::source_path("standards/" + file), data(), date), {}, {}, {}, {}};
  for (const auto& d : r.run.sink.diagnostics()) {
    std::string line = d.code + " " + severity_word(d.severity);
    if (d.file && d.where) line += " @" + std::to_string(d.file->position(d.where->begin).line);
    r.all += line + ": " + d.message + "\n";
    if (d.acknowledged) continue;
    (d.severity == Severity::fejl ? r.fejl : d.severity == Severity::advarsel ? r.advarsel : r.raad).insert(d.code);
  }
  return r;
}

bool contains_all(const Multiset& have, const Multiset& want) {
  return std::includes(have.begin(), have.end(), want.begin(), want.end());
}

}  // namespace

TEST_CASE("Hjørring 2024: no fejl — advarsel lovhenvisning — råd datobrev", "[checks][seeds]") {
  Result r = check_seed("hjoerring-2024.kvs", std::nullopt);
  INFO(r.all);
  REQUIRE(r.run.law);
  CHECK(r.run.law->describe() ==
        "serviceloven-2019 + bek-716-2019, i kraft 2024-01-01 (første dag i standardens periode, år 2024)");
  CHECK(r.fejl == Multiset{});
  CHECK(r.advarsel == Multiset{"lovhenvisning"});
  CHECK(contains_all(r.raad, {"raad-datobrev"}));
}

TEST_CASE("Glostrup 2025: no fejl — advarsler undtagelse-hjemmel and aarlig-revision and lovgrundlag-ophoerer", "[checks][seeds]") {
  Result r = check_seed("glostrup-2025.kvs", std::nullopt);
  INFO(r.all);
  REQUIRE(r.run.law);
  CHECK(r.run.law->describe() ==
        "serviceloven-2019 + bek-716-2019, i kraft 2025-01-01 (første dag i standardens periode, år 2025)");
  CHECK(r.fejl == Multiset{});
  CHECK(r.advarsel == Multiset{"undtagelse-hjemmel", "aarlig-revision", "lovgrundlag-ophoerer"});
  CHECK(contains_all(r.raad, {"raad-datobrev"}));
  for (const auto& d : r.run.sink.diagnostics())
    if (d.code == "lovgrundlag-ophoerer") {
      CHECK(d.message.find("2025-07-01") != std::string::npos);
      CHECK(d.message.find("aeldreloven-2025") != std::string::npos);
      REQUIRE(d.provision);
      CHECK(d.provision->unverified);  // the repealing act's number is not verified
    }
}

TEST_CASE("Haderslev 2024: fejl undtagelse-hjemmel ×3 — advarsler undtagelse-hjemmel ×2 and aarlig-revision", "[checks][seeds]") {
  Result r = check_seed("haderslev-2024.kvs", std::nullopt);
  INFO(r.all);
  REQUIRE(r.run.law);
  CHECK(r.fejl == Multiset{"undtagelse-hjemmel", "undtagelse-hjemmel", "undtagelse-hjemmel"});
  CHECK(r.advarsel == Multiset{"undtagelse-hjemmel", "undtagelse-hjemmel", "aarlig-revision"});
}

TEST_CASE("Sorø checked on 2024-06-01: fejl sygepleje — advarsler plejebolig and aarlig-revision — råd datobrev", "[checks][seeds]") {
  Result r = check_seed("soroe.kvs", Date{2024, 6, 1});
  INFO(r.all);
  REQUIRE(r.run.law);
  CHECK(r.run.law->describe() ==
        "serviceloven-2019 + bek-716-2019, i kraft 2024-06-01 (kontroldatoen --dato, da standarden ikke angiver "
        "nogen periode)");
  CHECK(r.fejl == Multiset{"undtagelse-hjemmel"});
  CHECK(r.advarsel == Multiset{"undtagelse-hjemmel", "aarlig-revision"});
  CHECK(contains_all(r.raad, {"raad-datobrev"}));
  for (const auto& d : r.run.sink.diagnostics())
    if (d.code == "undtagelse-hjemmel" && d.severity == Severity::fejl)
      CHECK(d.message.find("sygepleje") != std::string::npos);
}

TEST_CASE("Sorø checked on or after 2025-07-01: fejl lovhenvisning and nothing resting on § 79 a or BEK 716", "[checks][seeds]") {
  for (Date date : {Date{2025, 7, 1}, Date{2026, 1, 1}}) {
    Result r = check_seed("soroe.kvs", date);
    INFO(date.iso() << "\n" << r.all);
    REQUIRE(r.run.law);
    REQUIRE(r.run.law->versions.size() == 1);
    CHECK(r.run.law->versions[0]->id == "aeldreloven-2025");
    CHECK(r.fejl == Multiset{"lovhenvisning"});
    for (const auto& d : r.run.sink.diagnostics()) {
      CHECK(d.code != "undtagelse-hjemmel");
      CHECK(d.code.rfind("mg-", 0) != 0);
      if (d.provision) {
        CHECK(d.provision->version != "serviceloven-2019");
        CHECK(d.provision->version != "bek-716-2019");
      }
      if (d.provision && d.provision->version == "aeldreloven-2025") CHECK(d.provision->unverified);
    }
  }
}

TEST_CASE("Sorø without a date is judged by today's law and says so", "[checks][seeds]") {
  Result r = check_seed("soroe.kvs", std::nullopt);
  REQUIRE(r.run.law);
  CHECK(r.run.law->reference == Date::today());
  CHECK(r.run.law->reason().find("dags dato") == 0);
}
