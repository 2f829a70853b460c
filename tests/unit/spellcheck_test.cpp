#include <catch2/catch.hpp>

#include "spellcheck.hpp"

using namespace kvs;

TEST_CASE("edit distance counts Danish letters as one", "[spellcheck]") {
  CHECK(edit_distance("målgruppe", "malgruppe") == 1);
  CHECK(edit_distance("hyppighed", "hyppighd") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("æøå", "æøå") == 0);
}

TEST_CASE("closest word suggests only plausible corrections", "[spellcheck]") {
  std::vector<std::string> words = {"hyppighed", "invitation", "mødeform", "alder"};
  CHECK(closest_word("hyppighd", words) == "hyppighed");
  CHECK(closest_word("modeform", words) == "mødeform");
  CHECK(closest_word("xyzzy", words) == std::nullopt);
  CHECK(closest_word("ald", words) == std::nullopt);  // too short to guess three letters
}
