// kvs compare: Danish collation of municipalities — Æ, Ø, Å after Z, and "Aa" counts as Å, so
// Aabenraa, Aalborg and Aarhus come after Ærø (and Ålborg, the old spelling, sits with Aalborg).
#include <catch2/catch.hpp>

#include "collate.hpp"

using kvs::compare::DanishCollator;
using kvs::compare::sorted_danish;

TEST_CASE("municipalities sort in Danish order, Aa as Å", "[compare][collation]") {
  std::vector<std::string> names = {"Aarhus Kommune",  "Ærø Kommune",     "Aabenraa Kommune",
                                    "Odder Kommune",   "Aalborg Kommune", "Albertslund Kommune",
                                    "Ølstykke",        "Vejle Kommune",   "Zealand",
                                    "Allerød Kommune", "Åbyhøj"};
  std::vector<std::string> want = {
      "Albertslund Kommune", "Allerød Kommune", "Odder Kommune",    "Vejle Kommune", "Zealand",
      "Ærø Kommune",         "Ølstykke",        "Aabenraa Kommune", "Åbyhøj",        "Aalborg Kommune",
      "Aarhus Kommune"};
  CHECK(sorted_danish(names) == want);
}

TEST_CASE("Aa and Å are the same letter; only the spelling breaks a tie", "[compare][collation]") {
  DanishCollator c;
  CHECK(c.less("Ærø", "Aabenraa"));
  CHECK(c.less("Ørsted", "Aabenraa"));
  CHECK(c.less("Aabenraa", "Aalborg"));
  CHECK(c.less("Aalborg", "Aarhus"));
  CHECK(c.less("Ålborg", "Aarhus"));
  CHECK(c.less("Aabenraa", "Ålborg"));
  CHECK(c.compare("Aalborg", "Ålborg") != 0);  // not equal: a stable, deterministic order
  CHECK(c.less("Zealand", "Ærø"));
  CHECK(c.less("Æbeltoft", "Øster Hurup"));
  CHECK(c.less("Øster Hurup", "Århus"));
}
