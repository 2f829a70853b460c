// The renderer's view of the law comes two ways (compiler/render/law_source.hpp): read by its
// own reader (plain `kvs render`) or copied from the checker's loaded data (check --ud,
// render --byraad, compare --dokumenter). Both must give the same Library, field by field,
// for the real checks/law/, or a document would depend on the command that made it.
#include <catch2/catch.hpp>

#include <algorithm>

#include "check_data.hpp"
#include "law_loader.hpp"
#include "law_source.hpp"

using namespace kvs;
namespace rl = kvs::render::law;

namespace {

void same_provision(const rl::Provision& a, const rl::Provision& b) {
  INFO("bestemmelse " << a.id);
  CHECK(a.id == b.id);
  CHECK(a.paragraph == b.paragraph);
  CHECK(a.stk == b.stk);
  CHECK(a.chapter == b.chapter);
  CHECK(a.amending_act == b.amending_act);
  CHECK(a.verbatim == b.verbatim);
  CHECK(a.verified == b.verified);
  CHECK(a.text == b.text);
}

void same_version(const rl::Version& a, const rl::Version& b) {
  INFO("lovversion " << a.id);
  CHECK(a.id == b.id);
  CHECK(a.act == b.act);
  CHECK(a.title == b.title);
  CHECK(a.source == b.source);
  CHECK(a.in_force == b.in_force);
  CHECK(a.ends == b.ends);
  CHECK(a.verified == b.verified);
  CHECK(a.number == b.number);
  CHECK(a.year == b.year);
  CHECK(a.superseded == b.superseded);

  REQUIRE(a.amending_acts.size() == b.amending_acts.size());
  for (std::size_t i = 0; i < a.amending_acts.size(); ++i) {
    CHECK(a.amending_acts[i].number == b.amending_acts[i].number);
    CHECK(a.amending_acts[i].date == b.amending_acts[i].date);
    CHECK(a.amending_acts[i].title == b.amending_acts[i].title);
    CHECK(a.amending_acts[i].verified == b.amending_acts[i].verified);
  }
  REQUIRE(a.provisions.size() == b.provisions.size());
  for (std::size_t i = 0; i < a.provisions.size(); ++i) same_provision(a.provisions[i], b.provisions[i]);

  REQUIRE(a.duties.size() == b.duties.size());
  for (std::size_t i = 0; i < a.duties.size(); ++i) {
    const auto& x = a.duties[i];
    const auto& y = b.duties[i];
    INFO("pligt " << x.rule);
    CHECK(x.rule == y.rule);
    CHECK(x.provision == y.provision);
    CHECK(x.age == y.age);
    CHECK(x.from == y.from);
    CHECK(x.to == y.to);
    CHECK(x.conditions == y.conditions);
    CHECK(x.frequency == y.frequency);
    CHECK(x.visits == y.visits);
  }

  // The reader keeps the file's order; the checker keeps permitted and conditional
  // exclusions apart, so the copy lists the permitted ones first. Compared as multisets of
  // their fields, and the permitted ones (the only ones the documents list) in order.
  auto key = [](const rl::Exclusion& e) {
    return e.provision + "|" + e.ground + "|" + e.reference + "|" + (e.conditional ? "betinget" : "tilladt") + "|" +
           e.requires_ground;
  };
  std::vector<std::string> ka, kb, pa, pb;
  for (const auto& e : a.exclusions) (e.conditional ? ka : pa).push_back(key(e));
  for (const auto& e : b.exclusions) (e.conditional ? kb : pb).push_back(key(e));
  CHECK(pa == pb);
  std::sort(ka.begin(), ka.end());
  std::sort(kb.begin(), kb.end());
  CHECK(ka == kb);

  REQUIRE(a.content.size() == b.content.size());
  for (std::size_t i = 0; i < a.content.size(); ++i) {
    CHECK(a.content[i].rule == b.content[i].rule);
    CHECK(a.content[i].provision == b.content[i].provision);
    CHECK(a.content[i].tokens == b.content[i].tokens);
  }
  REQUIRE(a.repeals.size() == b.repeals.size());
  for (std::size_t i = 0; i < a.repeals.size(); ++i) {
    const auto& x = a.repeals[i];
    const auto& y = b.repeals[i];
    CHECK(x.act == y.act);
    CHECK(x.paragraph == y.paragraph);
    CHECK(x.number == y.number);
    CHECK(x.year == y.year);
    CHECK(x.date == y.date);
    CHECK(x.by == y.by);
    CHECK(x.verified == y.verified);
  }
}

}  // namespace

TEST_CASE("the renderer's law copied from the checker's data equals the law its own reader reads") {
  std::string error;
  auto read = rl::load_law_xml(law::law_dir(), error);
  REQUIRE(read);
  CHECK(error.empty());
  auto copied = rl::from_law_library(test::check_data().law);
  REQUIRE(copied);
  REQUIRE(read->versions().size() == copied->versions().size());
  REQUIRE(read->versions().size() >= 9);  // serviceloven 1996-2019, the orders, ældreloven
  for (std::size_t i = 0; i < read->versions().size(); ++i) same_version(read->versions()[i], copied->versions()[i]);

  // What the documents ask of it: the versions in force on a day, and their successors,
  // with the provisions' typeset texts filled in the same way.
  for (const char* day : {"2005-06-01", "2019-06-01", "2024-06-01", "2025-07-01"}) {
    INFO("dato " << day);
    auto d = Date::parse(day);
    REQUIRE(d);
    auto x = read->in_force_on(*d);
    auto y = copied->in_force_on(*d);
    REQUIRE(x.size() == y.size());
    REQUIRE_FALSE(x.empty());
    for (std::size_t i = 0; i < x.size(); ++i) {
      CHECK(x[i]->id == y[i]->id);
      REQUIRE(x[i]->provisions.size() == y[i]->provisions.size());
      for (std::size_t j = 0; j < x[i]->provisions.size(); ++j)
        CHECK(x[i]->provisions[j].typeset_text == y[i]->provisions[j].typeset_text);
      auto sx = read->successors(*x[i]);
      auto sy = copied->successors(*y[i]);
      REQUIRE(sx.size() == sy.size());
      for (std::size_t j = 0; j < sx.size(); ++j) CHECK(sx[j]->id == sy[j]->id);
    }
  }
}
