// Danish typography and language services of the renderer (ICU): dates, ordinals,
// numbers, en dashes in ranges, "§ 79 a" with no-break spaces, collation, LIX; and the
// SHA-256 fingerprint every document carries.
#include <catch2/catch.hpp>

#include <unicode/gregocal.h>
#include <unicode/rbnf.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <random>
#include <vector>

#include "danish.hpp"
#include "readability.hpp"
#include "sha256.hpp"

using namespace kvs;
using namespace kvs::render;

namespace {
const std::string nb = "\u00a0";
const std::string dash = "\u2013";
}  // namespace

// danish_date and danish_ordinal write Danish themselves (ICU's formatters were the most
// expensive thing a one-standard render built); ICU stays the oracle they must match.
TEST_CASE("render: Danish dates and ordinals match ICU's formatters", "[render][danish]") {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale da("da", "DK");
  std::unique_ptr<icu::TimeZone> utc(icu::TimeZone::createTimeZone("UTC"));
  icu::SimpleDateFormat date_fmt(icu::UnicodeString("d. MMMM y"), da, status);
  date_fmt.setTimeZone(*utc);
  icu::GregorianCalendar cal(*utc, da, status);
  icu::RuleBasedNumberFormat ordinal_fmt(icu::URBNF_ORDINAL, da, status);
  REQUIRE(U_SUCCESS(status));
  auto icu_date = [&](const Date& d) {
    cal.clear();
    cal.set(d.year, d.month - 1, d.day, 12, 0, 0);
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString out;
    date_fmt.format(cal.getTime(st), out);
    std::string s;
    return out.toUTF8String(s);
  };
  for (int year : {1996, 2024, 2025, 2031})
    for (int month = 1; month <= 12; ++month)
      for (int day : {1, 9, 10, 28}) {
        Date d{year, month, day};
        CHECK(danish_date(d) == icu_date(d));
      }
  std::vector<int> numbers = {std::numeric_limits<int>::min(), std::numeric_limits<int>::max()};
  for (int n = -1200; n <= 1200000; n += n < 2000 ? 1 : 997) numbers.push_back(n);
  for (int n : numbers) {
    icu::UnicodeString out;
    ordinal_fmt.format(static_cast<int32_t>(n), out);
    std::string s;
    out.toUTF8String(s);
    if (danish_ordinal(n) != s) FAIL_CHECK(n << ": " << danish_ordinal(n) << " != " << s);
  }
}

TEST_CASE("render: Danish dates, ordinals and numbers", "[render][danish]") {
  CHECK(danish_date(Date{2024, 2, 6}) == "6. februar 2024");
  CHECK(danish_date(Date{2025, 7, 1}) == "1. juli 2025");
  CHECK(danish_date(Date{2019, 5, 1}) == "1. maj 2019");
  CHECK(danish_ordinal(75) == "75.");
  CHECK(danish_ordinal(1) == "1.");
  CHECK(danish_number(1.5) == "1½");
  CHECK(danish_number(3) == "3");
  CHECK(danish_number(0.5) == "½");
  CHECK(danish_number(2.25) == "2,25");
  CHECK(danish_range(65, 81) == "65" + dash + "81");
  CHECK(danish_upper("målgruppe for ældre") == "MÅLGRUPPE FOR ÆLDRE");
  // Lower case: the Latin-1 fast path and ICU (other scripts, invalid UTF-8) agree.
  CHECK(danish_lower("MÅLGRUPPE FOR ÆLDRE Ø × ß Þ") == "målgruppe for ældre ø × ß þ");
  CHECK(danish_lower("ÀÉÎÕÜÝ µ «»") == "àéîõüý µ «»");
  CHECK(danish_lower("ΑΘΗΝΑ Ärø") == "αθηνα ärø");
  CHECK(danish_lower("İ") == "i\u0307");
  CHECK(danish_lower("ab\xC3") == "ab\uFFFD");
  CHECK(danish_lower("\xC3(") == "\uFFFD(");
  CHECK(capitalize_first("ældreloven") == "Ældreloven");
  CHECK(join_list({"a"}) == "a");
  CHECK(join_list({"a", "b", "c"}) == "a, b og c");
  CHECK(join_list({"a", "b"}, "eller") == "a eller b");
}

TEST_CASE("render: typography of running text", "[render][danish]") {
  CHECK(typeset("borgere på 65-81 år") == "borgere på 65" + dash + "81 år");
  CHECK(typeset("i alderen 65 - 79 år") == "i alderen 65" + dash + "79 år");
  CHECK(typeset("mellem 65 – 81 år") == "mellem 65" + dash + "81 år");
  CHECK(typeset("kl. 8.00 – 8.30") == "kl. 8.00" + dash + "8.30");
  CHECK(typeset("65-81-årige") == "65" + dash + "81-årige");
  CHECK(typeset("de 75-årige") == "de 75-årige");
  CHECK(typeset("godkendt 2024-02-06") == "godkendt 2024-02-06");
  CHECK(typeset("lov om social service § 79 a.") == "lov om social service §" + nb + "79" + nb + "a.");
  CHECK(typeset("Servicelovens §79a") == "Servicelovens §" + nb + "79" + nb + "a");
  CHECK(typeset("efter Servicelovens § 83a tilbydes") == "efter Servicelovens §" + nb + "83" + nb + "a tilbydes");
  CHECK(typeset("Sundhedsloven § 140, tilbydes") == "Sundhedsloven §" + nb + "140, tilbydes");
  CHECK(typeset("jf. dog stk. 2-4.") == "jf. dog stk." + nb + "2" + dash + "4.");
  CHECK(typeset("lov nr. 508") == "lov nr." + nb + "508");
  CHECK(typeset("Tlf:57876261 / 57876262") == "Tlf:57876261 / 57876262");
  // Idempotent: typesetting twice changes nothing more.
  std::string once = typeset("§ 79 a, stk. 2-4, 65 - 81 år");
  CHECK(typeset(once) == once);
}

// may_contain_comparable may only say "no" when comparable(text).find(needle) would fail:
// every piece cut out of a random text's comparable form must pass, in any case mix and
// with the typography comparable() rewrites (ranges, "§79a", "stk. 3", no-break spaces).
TEST_CASE("render: the comparable prefilter never rules out a text that holds the needle", "[render][danish]") {
  const std::vector<std::string> atoms = {"a", "b", "E", "k", "Q", "z", "æ", "Ø", "å", "é", "Ä", " ", "  ", "\n", nb, "§",
                                          "§79a", "§ 79 a", "stk. 3", "Stk. 2", "nr. 716", "65-81", "65 - 81", "8.00 – 8.30",
                                          "-", ".", ",", "1", "2024-06-01", "K\u212a", "İ", "ǅ", "\u00ad"};
  std::mt19937 rng(20261202);
  int pieces = 0, ruled_out = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    for (int k = std::uniform_int_distribution<int>(1, 40)(rng); k > 0; --k)
      text += atoms[std::uniform_int_distribution<std::size_t>(0, atoms.size() - 1)(rng)];
    const std::string hay = comparable(text);
    if (hay.empty()) continue;
    for (int cut = 0; cut < 4; ++cut) {
      std::size_t a = std::uniform_int_distribution<std::size_t>(0, hay.size() - 1)(rng);
      std::size_t b = std::uniform_int_distribution<std::size_t>(a, hay.size())(rng);
      std::string needle = hay.substr(a, b - a);
      if (needle.empty()) continue;
      ++pieces;
      INFO(text << " | " << needle);
      CHECK(ComparableFilter(text).may_contain(comparable_probes(needle)));
    }
    // And it does rule out: a word the text lacks.
    if (!ComparableFilter(text).may_contain({"hjemmebesoeg"})) ++ruled_out;
  }
  CHECK(pieces > 10000);
  CHECK(ruled_out > 0);
  CHECK(comparable_probes("kommunalbestyrelsen skal tilbyde et forebyggende hjemmebesøg", 3) ==
        std::vector<std::string>{"kommunalbestyrelsen", "forebyggende", "hjemmebes"});  // ø ends a run
  CHECK(comparable_probes("§ 79 a, stk. 1, stk. 2") == std::vector<std::string>{"stk", "a"});
  CHECK(comparable_probes("§ 79").empty());
  CHECK(ComparableFilter("Kommunalbestyrelsen SKAL").may_contain({"skal", "kommunalbestyrelsen"}));
  CHECK_FALSE(ComparableFilter("Kommunalbestyrelsen kan").may_contain({"kommunalbestyrelsen", "skal"}));
  CHECK(ComparableFilter("K\u212a: not Latin-1, so never ruled out").may_contain({"zzz"}));
}

TEST_CASE("render: Danish collation", "[render][danish]") {
  std::vector<std::string> words = {"Ål", "Øl", "Æble", "Zebra", "Aarhus", "Bo", "abe"};
  danish_sort(words);
  auto at = [&](const std::string& w) { return std::find(words.begin(), words.end(), w) - words.begin(); };
  CHECK(at("abe") < at("Bo"));
  CHECK(at("Zebra") < at("Æble"));
  CHECK(at("Æble") < at("Øl"));
  CHECK(at("Øl") < at("Ål"));
  CHECK(at("Øl") < at("Aarhus"));  // "aa" sorts as "å"
  CHECK(danish_less("ergoterapeut", "sygeplejerske"));
}

TEST_CASE("render: LIX", "[render][danish]") {
  // 10 words, 2 sentences, 2 words over six letters: 10/2 + 100*2/10 = 25.
  Readability r = readability({"Du får et brev. Besøget varer ca. en kvalitetsstandard time."}, kLixLongWordOver);
  CHECK(r.words == 10);
  CHECK(r.sentences == 2);
  CHECK(r.long_words == 2);
  CHECK(r.lix() == Approx(25.0));
  // A heading or list item without a full stop is a sentence of its own.
  CHECK(readability({"Målgruppe", "Formål"}, kLixLongWordOver).sentences == 2);
  CHECK(lix_label(20) == "meget let");
  CHECK(lix_label(40) == "middel");
  CHECK(lix_label(60) == "meget svær");
}

TEST_CASE("render: SHA-256", "[render]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex(std::string(1000, 'a')) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("render: the appendix's LIX is the advice rule's LIX", "[render][danish]") {
  // One implementation (checks::lix): the council appendix and raad-laesbarhed cannot disagree.
  const std::string text =
      "Borgere, der fylder 75 år, får et brev med dato og tidspunkt. Læs mere i § 79 a, stk. 2, "
      "og på www.kommune.dk. Forebyggelseskonsulenten ringer, hvis du ikke er hjemme.";
  for (int long_over : {kLixLongWordOver, 8}) {
    kvs::checks::Lix l = kvs::checks::lix(text, long_over);
    Readability r = readability({text}, long_over);
    CHECK(r.words == l.words);
    CHECK(r.long_words == l.long_words);
    CHECK(r.sentences == l.sentences);
    CHECK(r.lix() == Approx(l.value));
  }
  // Numbers are not words, as in the advice rule: "75", "79", "2" are not counted.
  CHECK(readability({"Du fylder 75 i 2024."}, kLixLongWordOver).words == 3);
}
