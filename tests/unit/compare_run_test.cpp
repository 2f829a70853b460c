// kvs compare over folders: the expected matrix of the four seed standards (golden CSV), the
// synthetic examples in tests/compare/eksempler (collation, semantic coverage, a time series
// across ældreloven), a folder with a broken file, the SQLite database answering an
// evaluator's question, and outputs that a failed run never replaces.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "check.hpp"
#include "compare.hpp"
#include "golden.hpp"
#include "national_figures_fixture.hpp"

using namespace kvs;
using namespace kvs::compare;
namespace fs = std::filesystem;

namespace {

const Date kCheckDate{2024, 6, 1};  // Sorø states no year: judge it as rules.md's acceptance case does

const checks::CheckData& data() { return test::check_data(); }

const NationalFigures& figures() { return test::national_figures(); }

CompareResult compare_dirs(const std::vector<std::string>& dirs, unsigned jobs = 0) {
  std::vector<std::string> args, errors;
  for (const auto& d : dirs) args.push_back(test::source_path(d));
  auto inputs = expand_inputs(args, errors);
  INFO(errors.size());
  REQUIRE(errors.empty());
  CompareOptions o;
  o.check_date = kCheckDate;
  o.jobs = jobs;
  return compare_inputs(inputs, data(), figures(), o);
}

struct TempDir {
  fs::path path;
  // The process id keeps two test runs at once (ctest -j, a second build tree) apart.
  explicit TempDir(const std::string& name)
      : path(fs::temp_directory_path() / ("kvs-compare-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string operator/(const std::string& f) const { return (path / f).string(); }
};

std::vector<std::string> query(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  std::vector<std::string> out;
  sqlite3_stmt* st = nullptr;
  INFO(sqlite3_errmsg(db));
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      const unsigned char* t = sqlite3_column_text(st, i);
      row += (i ? "|" : "") + std::string(t ? reinterpret_cast<const char*>(t) : "");
    }
    out.push_back(row);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

int run(const std::vector<std::string>& dirs, const std::string& out_dir, std::string* err_text = nullptr) {
  std::vector<std::string> args;
  for (const auto& d : dirs) args.push_back(d.front() == '/' ? d : test::source_path(d));
  std::ostringstream out, err;
  int rc = run_compare(args, out_dir, kCheckDate, "test", out, err);
  if (err_text) *err_text = err.str();
  INFO(out.str() << err.str());
  return rc;
}

}  // namespace

TEST_CASE("the four seed standards give the expected matrix", "[compare][golden]") {
  CompareResult r = compare_dirs({"standards"});
  REQUIRE(r.rows.size() == 4);
  CHECK(r.skipped.empty());
  KVS_CHECK_GOLDEN("tests/compare/seeds.standarder.csv", standards_csv(r, figures()));
}

TEST_CASE("the synthetic examples give the expected matrix, in Danish order", "[compare][golden][collation]") {
  CompareResult r = compare_dirs({"tests/compare/eksempler"});
  std::vector<std::string> order;
  for (const auto& row : r.rows) order.push_back(row.municipality);
  CHECK(order == std::vector<std::string>{"Haderslev Kommune", "Ærø Kommune", "Aabenraa Kommune", "Aalborg Kommune",
                                          "Aarhus Kommune"});
  KVS_CHECK_GOLDEN("tests/compare/eksempler.standarder.csv", standards_csv(r, figures()));
}

TEST_CASE("two workers give the same result as one", "[compare][threads]") {
  CompareResult one = compare_dirs({"standards", "tests/compare/eksempler"}, 1);
  CompareResult two = compare_dirs({"standards", "tests/compare/eksempler"}, 2);
  CHECK(standards_csv(one, figures()) == standards_csv(two, figures()));
  CHECK(findings_csv(one) == findings_csv(two));
}

TEST_CASE("the same municipality in two years is one time series with what changed", "[compare][timeseries]") {
  CompareResult r = compare_dirs({"standards", "tests/compare/eksempler"});
  REQUIRE(r.series.size() == 1);
  const Series& s = r.series[0];
  CHECK(s.municipality == "Haderslev Kommune");
  REQUIRE(s.rows.size() == 2);
  CHECK(r.rows[s.rows[0]].year == 2024);
  CHECK(r.rows[s.rows[1]].year == 2026);
  REQUIRE(s.steps.size() == 1);
  auto has = [&](const std::string& dim, const std::string& summary) {
    for (const auto& c : s.steps[0])
      if (c.dimension == dim && c.summary == summary) return true;
    return false;
  };
  std::string all;
  for (const auto& c : s.steps[0]) all += c.dimension + ": " + c.summary + "\n";
  INFO(all);
  CHECK(has("ordning", "forebyggende-hjemmebesøg → opsøgende-forebyggelse"));
  CHECK(has("lovgrundlag", "serviceloven-2019 + bek-716-2019 → aeldreloven-2025"));
  CHECK(has("75: tilbud", "ja (datobrev; hjemmebesøg) → nej"));
  CHECK(has("Sårbare 65–81: invitation", "datobrev → telefon"));
  CHECK(has("risikogrupper", "+ ensomhed"));
  CHECK(has("undtagelse plejebolig", "betinget → ikke vurderet"));
  CHECK(has("opfølgning beskrevet", "nej → ja"));
  // 82+ is still offered by datobrev (now by a group from 80): no change there.
  for (const auto& c : s.steps[0]) CHECK(c.dimension.rfind("82+", 0) != 0);
  // Distributions count Haderslev once, by its latest standard.
  const auto& latest = r.latest;
  CHECK(latest.size() == r.rows.size() - 1);
}

TEST_CASE("a folder with a broken file: the file is reported and skipped, the report is written", "[compare][broken]") {
  TempDir out("broken");
  std::string err;
  CHECK(run({"tests/compare/med-fejl"}, out.path.string(), &err) == 1);
  CHECK(err.find("springer over ødelagt.kvs: 3:10:") != std::string::npos);
  std::string html = test::read_file(out / kReportFile);
  CHECK(html.find("Vejle Kommune") != std::string::npos);
  CHECK(html.find("Filer, der ikke kunne sammenlignes") != std::string::npos);
  CHECK(html.find("ødelagt.kvs") != std::string::npos);
  std::string fund = test::read_file(out / kFindingsCsv);
  CHECK(fund.find("ødelagt.kvs;;;sprunget over;KVS-P002;fejl;3;10;") != std::string::npos);
  CHECK(query(out / kDatabaseFile, "SELECT path, status FROM files ORDER BY path") ==
        std::vector<std::string>{"vejle-2024.kvs|sammenlignet", "ødelagt.kvs|sprunget over"});
  CHECK(fs::exists(out / kStandardsCsv));
}

TEST_CASE("a run with nothing to compare leaves the earlier outputs as they were", "[compare][broken]") {
  TempDir out("keep");
  TempDir in("keep-in");
  fs::copy_file(test::source_path("tests/compare/med-fejl/ødelagt.kvs"), in / "ødelagt.kvs");
  std::ofstream(out / kReportFile) << "god rapport";
  CHECK(run({in.path.string()}, out.path.string()) == 2);
  CHECK(test::read_file(out / kReportFile) == "god rapport");
  CHECK_FALSE(fs::exists(out / kDatabaseFile));
  for (const auto& e : fs::directory_iterator(out.path))
    CHECK(e.path().filename().string().find("kvs-tmp") == std::string::npos);
}

TEST_CASE("SQL: which municipalities invite 82+ by datobrev?", "[compare][sqlite]") {
  const std::string question =
      "SELECT DISTINCT municipality FROM statutory_invitations "
      "WHERE statutory_group = '82+' AND form = 'datobrev' ORDER BY standard_id";
  SECTION("the four seeds: Haderslev only") {
    TempDir out("sql-seeds");
    CHECK(run({"standards"}, out.path.string()) == 0);
    CHECK(query(out / kDatabaseFile, question) == std::vector<std::string>{"Haderslev Kommune"});
    // The other three invite 82+ by an open letter.
    CHECK(query(out / kDatabaseFile,
                "SELECT s.municipality, o.invitations FROM offers o JOIN standards s ON s.id = o.standard_id "
                "WHERE o.statutory_group = '82+' ORDER BY s.id") ==
          std::vector<std::string>{"Glostrup Kommune|brev-uden-dato", "Haderslev Kommune|datobrev",
                                   "Hjørring Kommune|brev-uden-dato", "Sorø Kommune|brev-uden-dato"});
  }
  SECTION("with the examples: a group 'fra 80, årligt' counts for 82+; 'fylder 82' alone is only part of it") {
    TempDir out("sql-examples");
    CHECK(run({"standards", "tests/compare/eksempler"}, out.path.string()) == 0);
    CHECK(query(out / kDatabaseFile, question) ==
          std::vector<std::string>{"Haderslev Kommune", "Aabenraa Kommune", "Aarhus Kommune"});
    CHECK(query(out / kDatabaseFile,
                "SELECT s.municipality, o.offered FROM offers o JOIN standards s ON s.id = o.standard_id "
                "WHERE o.statutory_group = '82+' AND o.offered <> 'ja'") ==
          std::vector<std::string>{"Aalborg Kommune|delvis"});
    CHECK(query(out / kDatabaseFile, "SELECT COUNT(*) FROM changes WHERE municipality = 'Haderslev Kommune'") !=
          std::vector<std::string>{"0"});
    CHECK(query(out / kDatabaseFile,
                "SELECT n, year, local_k, local_n FROM national_figures "
                "WHERE figure = 'datobrev' AND statutory_group = '82+'") == std::vector<std::string>{"72|2022|3|5"});
  }
}

TEST_CASE("the report is one self-contained, accessible Danish page", "[compare][html]") {
  CompareResult r = compare_dirs({"standards", "tests/compare/eksempler"});
  std::string html = report_html(r, figures(), {"test", "2026-01-01"});
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"da\">", 0) == 0);
  for (const char* landmark : {"<header", "<nav", "<main>", "<footer>", "<caption>"})
    CHECK(html.find(landmark) != std::string::npos);
  CHECK(html.find("<th scope=\"col\" aria-sort=\"ascending\"><button") != std::string::npos);
  CHECK(html.find("<th scope=\"row\"") != std::string::npos);
  // Nothing is fetched: no external scripts, styles, images or fonts (the SVG namespace is not a fetch).
  std::string without_ns = html;
  for (std::size_t at; (at = without_ns.find("xmlns=\"http://www.w3.org/2000/svg\"")) != std::string::npos;)
    without_ns.erase(at, 34);
  CHECK(without_ns.find("http://") == std::string::npos);
  CHECK(without_ns.find("https://") == std::string::npos);
  CHECK(html.find("<script src") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  // One chart per figure, each an image with a title and a description, beside a data table.
  std::size_t charts = 0;
  for (std::size_t at = 0; (at = html.find("<svg class=\"chart-svg\" role=\"img\"", at)) != std::string::npos; ++at)
    ++charts;
  CHECK(charts == figures().figures.size());
  CHECK(html.find("Landsplan 2022 (N=72)") != std::string::npos);
  // Rows in Danish order: Ærø before Aabenraa, Aalborg, Aarhus.
  auto pos = [&](const char* s) { return html.find(s); };
  CHECK(pos(">Ærø Kommune<") < pos(">Aabenraa Kommune<"));
  CHECK(pos(">Aabenraa Kommune<") < pos(">Aalborg Kommune<"));
  CHECK(pos(">Aalborg Kommune<") < pos(">Aarhus Kommune<"));
  // The time series is one line with what changed.
  CHECK(html.find("<tr id=\"ts-1\"><th scope=\"row\">Haderslev Kommune</th>") != std::string::npos);
}

// The name a standard is listed under is its path below the folder given, as the folder
// shows it: a subfolder kept, a symbolic link named as the link, not as what it points to.
TEST_CASE("compare: files of a folder are named by their path below it", "[compare]") {
  TempDir t("names");
  fs::create_directories(t.path / "mappe" / "under");
  fs::create_directories(t.path / "andetsteds");
  std::ofstream(t / "mappe/a.kvs") << "x";
  std::ofstream(t / "mappe/under/b.kvs") << "x";
  std::ofstream(t / "mappe/ikke.txt") << "x";
  std::ofstream(t / "andetsteds/rigtig.kvs") << "x";
  fs::create_symlink("../andetsteds/rigtig.kvs", t.path / "mappe" / "link.kvs");
  for (std::string dir : {t / "mappe", t / "mappe/", t / "mappe/."}) {
    INFO(dir);
    std::vector<std::string> errors;
    auto inputs = expand_inputs({dir}, errors);
    CHECK(errors.empty());
    std::vector<std::string> names;
    for (const auto& in : inputs) names.push_back(in.display);
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"a.kvs", "link.kvs", "under/b.kvs"});
  }
}
