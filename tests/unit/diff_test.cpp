// kvs diff: redlines, semantic matching, and the change reports of two realistic pairs
// derived from the seeds (golden files in tests/diff/, re-bless with KVS_BLESS=1).
#include <catch2/catch.hpp>

#include "check.hpp"
#include "compile.hpp"
#include "diff_output.hpp"
#include "check_data.hpp"
#include "golden.hpp"

using namespace kvs;

namespace {

const checks::CheckData& data() { return test::check_data(); }

diff::CheckSummary summary(const checks::CheckRun& r) {
  diff::CheckSummary s;
  for (auto& d : r.sink.diagnostics())
    if (d.code.rfind("KVS-", 0) != 0) s.findings.push_back(d);
  if (r.law)
    for (auto* v : r.law->versions) s.law_versions += (s.law_versions.empty() ? "" : " + ") + v->id;
  return s;
}

struct Pair {
  checks::CheckRun a, b;
  diff::StandardDiff d;
};

std::unique_ptr<Pair> diff_files(const std::string& old_rel, const std::string& new_rel) {
  auto p = std::make_unique<Pair>();
  p->a = checks::check_text(old_rel, test::read_file(test::source_path(old_rel)), data(), Date{2026, 11, 23});
  p->b = checks::check_text(new_rel, test::read_file(test::source_path(new_rel)), data(), Date{2026, 11, 23});
  REQUIRE(p->a.unit.model);
  REQUIRE(p->b.unit.model);
  p->d = diff::compare(*p->a.unit.model, *p->b.unit.model, summary(p->a), summary(p->b));
  return p;
}

std::unique_ptr<Pair> diff_texts(const std::string& a, const std::string& b) {
  auto p = std::make_unique<Pair>();
  p->a.unit = compile_text("gammel.kvs", a, p->a.sink);
  p->b.unit = compile_text("ny.kvs", b, p->b.sink);
  REQUIRE(p->a.sink.diagnostics().empty());
  REQUIRE(p->b.sink.diagnostics().empty());
  p->d = diff::compare(*p->a.unit.model, *p->b.unit.model);
  return p;
}

const std::string kHead = "kommune: \"Testby\"\nydelse: \"Forebyggende hjemmebesøg\"\n";

}  // namespace

TEST_CASE("redline marks struck and added words", "[diff]") {
  auto r = diff::redline("Besøget varer ca. en time.", "Besøget varer ca. halvanden time.");
  CHECK(diff::redline_text(r) == "Besøget varer ca. [-en-] {+halvanden+} time.");
  CHECK(diff::redline_text(diff::redline("samme tekst", "samme tekst")) == "samme tekst");
  CHECK(diff::redline_text(diff::redline("", "ny")) == "{+ny+} ");
}

TEST_CASE("reformatting and reordering are not changes", "[diff]") {
  std::string a = kHead + "målgruppe a {\n  alder: fylder 75\n  invitation: datobrev\n}\nmålgruppe b {\n  alder: fylder 80\n}\n";
  std::string b = kHead + "\n\nmålgruppe b {\n    alder:   fylder 80 år\n}\nmålgruppe a {\n  invitation: datobrev  # uændret\n  alder: fylder 75\n}\n";
  CHECK(diff_texts(a, b)->d.empty());
}

TEST_CASE("groups are matched by whom they cover when renamed", "[diff]") {
  std::string a = kHead + "målgruppe mg3 \"80-årige\" {\n  alder: fylder 80\n  invitation: datobrev\n}\n";
  std::string b = kHead + "målgruppe otti \"80-årige\" {\n  alder: fylder 80\n  invitation: brev-uden-dato\n}\n";
  auto p = diff_texts(a, b);
  REQUIRE(p->d.changes.size() == 1);
  CHECK(p->d.changes[0].sentence ==
        "Målgruppen \u201880-årige\u2019: invitationen er ændret fra brev med fast dato og tidspunkt til brev uden fast dato.");
}

TEST_CASE("a meeting form change from home visit to a collective arrangement", "[diff]") {
  std::string a = kHead + "målgruppe g75 \"75-årige\" {\n  alder: fylder 75\n  mødeform: hjemmebesøg\n}\n";
  std::string b = kHead + "målgruppe g75 \"75-årige\" {\n  alder: fylder 75\n  mødeform: informationsmøde\n  alternativ: hjemmebesøg\n}\n";
  auto p = diff_texts(a, b);
  REQUIRE(p->d.changes.size() == 2);
  CHECK(p->d.changes[0].sentence == "Målgruppen \u201875-årige\u2019: mødeformen er ændret fra individuelt besøg i hjemmet til informationsmøde.");
  CHECK(p->d.changes[1].kind == diff::Change::Kind::added);
}

TEST_CASE("Glostrup 2025 to 2026 after ældreloven", "[diff][golden]") {
  auto p = diff_files("standards/glostrup-2025.kvs", "tests/diff/glostrup-2026.kvs");
  bool law_changed = false, scheme_changed = false, ceases_gone = false;
  for (auto& c : p->d.changes) {
    law_changed |= c.area == "lov" && c.sentence.find("aeldreloven-2025") != std::string::npos;
    scheme_changed |= c.area == "ordning";
  }
  for (auto& f : p->d.findings) ceases_gone |= !f.appeared && f.code == "lovgrundlag-ophoerer";
  CHECK(law_changed);
  CHECK(scheme_changed);
  CHECK(ceases_gone);
  KVS_CHECK_GOLDEN("tests/diff/glostrup-2025-2026.txt", diff::to_text(p->d, *p->a.unit.file, *p->b.unit.file));
  KVS_CHECK_GOLDEN("tests/diff/glostrup-2025-2026.json", diff::to_json(p->d, *p->a.unit.file, *p->b.unit.file));
}

TEST_CASE("Hjørring 2024 to 2025: datobrev for 82+ and a shorter case time", "[diff][golden]") {
  auto p = diff_files("standards/hjoerring-2024.kvs", "tests/diff/hjoerring-2025.kvs");
  bool datobrev_advice_gone = false;
  for (auto& f : p->d.findings) datobrev_advice_gone |= !f.appeared && f.code == "raad-datobrev";
  CHECK(datobrev_advice_gone);
  KVS_CHECK_GOLDEN("tests/diff/hjoerring-2024-2025.txt", diff::to_text(p->d, *p->a.unit.file, *p->b.unit.file));
}
