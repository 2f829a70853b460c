// Every rule of the catalogue has a passing and a failing case in tests/checks/<rule-id>/,
// and the failing case produces exactly the findings its "# forventet:" lines state (rule,
// severity, line), the passing case none of that rule.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <random>
#include <thread>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "catalogue.hpp"
#include "check.hpp"
#include "golden.hpp"
#include "check_data.hpp"
#include "readability.hpp"
#include "rule_case.hpp"

using namespace kvs;
using namespace kvs::checks;

namespace {

const checks::CheckData& data() { return test::check_data(); }

std::string describe(const DiagnosticSink& sink) {
  std::string s;
  for (const auto& d : sink.diagnostics()) {
    s += d.code + " " + severity_word(d.severity);
    if (d.file && d.where) s += " @" + std::to_string(d.file->position(d.where->begin).line);
    s += ": " + d.message + "\n";
  }
  return s;
}

struct Found {
  Severity severity;
  int line;
  bool operator==(const Found&) const = default;
  bool operator<(const Found& o) const { return line != o.line ? line < o.line : severity < o.severity; }
};

std::vector<Found> findings_of(const CheckRun& run, std::string_view rule) {
  std::vector<Found> out;
  for (const auto& d : run.sink.diagnostics())
    if (d.code == rule) out.push_back({d.severity, d.file && d.where ? d.file->position(d.where->begin).line : 0});
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("every rule has a passing and a failing case that give the stated findings", "[checks][rules]") {
  std::string dir = test::source_path("tests/checks");
  for (const auto& rule : rule_table()) {
    std::string id(rule.id);
    for (std::string name : {"ok", "fejl"}) {
      std::string path = dir + "/" + id + "/" + name + ".kvs";
      DYNAMIC_SECTION(id << "/" << name) {
        std::string header_errors;
        auto c = read_rule_case(path, &header_errors);
        INFO(path);
        REQUIRE(c);
        CHECK(header_errors.empty());
        CheckRun run = check_text(path, c->text, data(), c->date);
        INFO(describe(run.sink));
        REQUIRE(run.law);  // the case itself has no syntax or meaning errors
        std::vector<Found> want;
        for (const auto& e : c->expected) want.push_back({e.severity, e.line});
        std::sort(want.begin(), want.end());
        if (name == "ok") CHECK(want.empty());
        else CHECK_FALSE(want.empty());
        CHECK(findings_of(run, id) == want);
      }
    }
  }
}

TEST_CASE("a case folder exists only for rules in the catalogue", "[checks][rules]") {
  for (const auto& e : std::filesystem::directory_iterator(test::source_path("tests/checks"))) {
    if (!e.is_directory() || e.path().filename() == "versions") continue;  // versions: checks_law_test.cpp
    INFO(e.path().filename().string());
    CHECK(find_rule(e.path().filename().string()) != nullptr);
  }
}

TEST_CASE("findings carry rule id and provision and fix hint", "[checks][rules]") {
  auto c = read_rule_case(test::source_path("tests/checks/undtagelse-hjemmel/fejl.kvs"));
  REQUIRE(c);
  CheckRun run = check_text("x.kvs", c->text, data(), std::nullopt);
  const Diagnostic* fejl = nullptr;
  for (const auto& d : run.sink.diagnostics())
    if (d.code == "undtagelse-hjemmel" && d.severity == Severity::fejl) fejl = &d;
  REQUIRE(fejl);
  REQUIRE(fejl->provision);
  CHECK(fejl->provision->version == "serviceloven-2019");
  CHECK(fejl->provision->citation == "serviceloven \u00a7 79 a, stk. 6");
  CHECK_FALSE(fejl->provision->paraphrase);  // the 2019 § 79 a is carried verbatim
  CHECK(fejl->provision->text.find("både personlig pleje og praktisk hjælp") != std::string::npos);
  CHECK_FALSE(fejl->suggestion.empty());
  REQUIRE(fejl->notes.size() == 1);  // the case-by-case exception is pointed out
  CHECK(run.law->describe() ==
        "serviceloven-2019 + bek-716-2019, i kraft 2024-01-01 (første dag i standardens periode, år 2024)");
}

TEST_CASE("findings that rest on ældreloven say it is unverified", "[checks][rules]") {
  auto c = read_rule_case(test::source_path("tests/checks/aeldrelov-forebyggelse/fejl.kvs"));
  REQUIRE(c);
  CheckRun run = check_text("x.kvs", c->text, data(), std::nullopt);
  bool seen = false;
  for (const auto& d : run.sink.diagnostics())
    if (d.code == "aeldrelov-forebyggelse") {
      seen = true;
      REQUIRE(d.provision);
      CHECK(d.provision->version == "aeldreloven-2025");
      CHECK(d.provision->paraphrase);
      CHECK(d.provision->unverified);
    }
  CHECK(seen);
}

TEST_CASE("acknowledged findings are kept and marked and do not count as errors", "[checks][acknowledgements]") {
  auto c = read_rule_case(test::source_path("tests/checks/anerkendelse-afvist/ok.kvs"));
  REQUIRE(c);
  CheckRun run = check_text("x.kvs", c->text, data(), std::nullopt);
  INFO(describe(run.sink));
  int acknowledged = 0;
  for (const auto& d : run.sink.diagnostics())
    if (d.code == "undtagelse-hjemmel") {
      CHECK(d.acknowledged);
      CHECK(d.acknowledgement_reason.find("frisættelse dagcenter2024") != std::string::npos);
      ++acknowledged;
    }
  CHECK(acknowledged == 1);
  CHECK_FALSE(run.sink.has_errors());
  CHECK(run.sink.count(Severity::fejl, true) == 1);
}

TEST_CASE("an acknowledgement without frisættelse still acknowledges the rule's advarsler", "[checks][acknowledgements]") {
  const char* text = R"(kommune: "K"
ydelse: "Forebyggende hjemmebesøg"
år: 2024
undtagelse {
  grund: dagcenter
}
undtagelse {
  grund: plejebolig
}
anerkendelse undtagelse-hjemmel {
  begrundelse: "Plejeboligbeboerne får alle både personlig pleje og praktisk hjælp."
}
)";
  CheckRun run = check_text("x.kvs", text, data(), std::nullopt);
  INFO(describe(run.sink));
  int fejl = 0, advarsel = 0, rejected = 0;
  for (const auto& d : run.sink.diagnostics()) {
    if (d.code == "undtagelse-hjemmel" && d.severity == Severity::fejl) {
      CHECK_FALSE(d.acknowledged);
      ++fejl;
    }
    if (d.code == "undtagelse-hjemmel" && d.severity == Severity::advarsel) {
      CHECK(d.acknowledged);
      ++advarsel;
    }
    if (d.code == "anerkendelse-afvist") ++rejected;
  }
  CHECK(fejl == 1);
  CHECK(advarsel == 1);
  CHECK(rejected == 1);
}

TEST_CASE("an unknown rule id in an acknowledgement gets a suggestion", "[checks][acknowledgements]") {
  auto c = read_rule_case(test::source_path("tests/checks/anerkendelse-ukendt-regel/fejl.kvs"));
  REQUIRE(c);
  CheckRun run = check_text("x.kvs", c->text, data(), std::nullopt);
  bool seen = false;
  for (const auto& d : run.sink.diagnostics())
    if (d.code == "anerkendelse-ukendt-regel") {
      seen = true;
      CHECK(d.suggestion == "mente du 'raad-opfoelgning'?");
    }
  CHECK(seen);
}

TEST_CASE("aarlig-revision: missing facts are advarsler", "[checks][rules]") {
  auto run_with = [](const std::string& header) {
    return check_text("x.kvs", "kommune: \"K\"\nydelse: \"Forebyggende hjemmebesøg\"\n" + header, data(),
                      Date{2024, 6, 1});
  };
  auto only = [](const CheckRun& run) { return findings_of(run, "aarlig-revision"); };
  CHECK(only(run_with("år: 2024\ngodkendt: 2023-12-01 af \"Udvalget\"\n")).empty());
  CHECK(only(run_with("år: 2024\ngodkendt: 2023-01-01 af \"Udvalget\"\n")).empty());  // exactly 12 months
  CHECK(only(run_with("år: 2024\ngodkendt: 2022-12-31 af \"Udvalget\"\n")) == std::vector<Found>{{Severity::fejl, 4}});
  CHECK(only(run_with("år: 2024\ngodkendt: af \"Udvalget\"\n")) == std::vector<Found>{{Severity::advarsel, 4}});
  CHECK(only(run_with("år: 2024\n")) == std::vector<Found>{{Severity::advarsel, 3}});
  CHECK(only(run_with("")) == std::vector<Found>{{Severity::advarsel, 1}});
  CHECK(only(run_with("periode: 2024-04-01 til 2025-03-31\ngodkendt: 2023-03-31 af \"Udvalget\"\n")) ==
        std::vector<Found>{{Severity::fejl, 4}});
}

TEST_CASE("LIX: words per sentence plus the share of long words", "[checks][readability]") {
  // 6 words, 2 sentences, 2 words longer than 6 letters: 6/2 + 100*2/6 = 36.33…
  Lix l = lix("Forebyggende besøg er gode. Vi kommer hjemmefra.", 6);
  CHECK(l.words == 7);
  CHECK(l.sentences == 2);
  CHECK(l.long_words == 2);
  CHECK(l.value == Approx(7.0 / 2 + 100.0 * 2 / 7));
  // Markdown list items are sentences; numbers and URLs are not words.
  Lix m = lix("- første punkt\n- andet punkt 2024\n\nSe <https://example.org/side>.", 6);
  CHECK(m.words == 5);
  CHECK(m.sentences == 3);
  // æ, ø and å are letters.
  CHECK(lix("Ældreområdets målsætninger.", 6).long_words == 2);
}

TEST_CASE("LIX of Danish texts, counted by hand", "[checks][readability]") {
  // "2" is a number, not a word; "f.eks." is one word of four letters, and a lowercase word
  // after it does not start a new sentence.
  Lix a = lix("Vi får 2 besøg om året, f.eks. i maj.", 6);
  CHECK(a.words == 8);
  CHECK(a.long_words == 0);
  CHECK(a.sentences == 1);
  CHECK(a.value == Approx(8.0));
  // The link is no word; ** and the colon are no sentence ends; "ring." before a capital is.
  Lix b = lix("Læs mere på https://www.aarhus.dk/aeldre eller ring. **Vigtigt:** Kommunen hjælper.", 6);
  CHECK(b.words == 8);
  CHECK(b.long_words == 3);  // Vigtigt, Kommunen, hjælper
  CHECK(b.sentences == 2);
  CHECK(b.value == Approx(8.0 / 2 + 100.0 * 3 / 8));
  // Æ, ø and å count as one letter each: "hjemmehjælp" has 11.
  Lix c = lix("Ældre borgere i Aarhus Kommune kan få hjemmehjælp.", 6);
  CHECK(c.words == 8);
  CHECK(c.long_words == 3);  // borgere, Kommune, hjemmehjælp
  CHECK(c.sentences == 1);
  // A heading and each list item end at their line ends; the empty lines hold no word.
  Lix d = lix("# Formål\n\nVi hjælper dig.\n\n- Rengøring\n- Indkøb\n", 6);
  CHECK(d.words == 6);
  CHECK(d.long_words == 2);  // hjælper, Rengøring
  CHECK(d.sentences == 4);
  CHECK(d.value == Approx(6.0 / 4 + 100.0 * 2 / 6));
  Lix empty = lix("", 6);
  CHECK(empty.words == 0);
  CHECK(empty.value == 0);
}

namespace {

// LIX as it was computed before it read a reused UTF-16 buffer: plain() byte by byte, a
// UnicodeString copy, char32At per character.
Lix reference_lix(std::string_view md, int long_word_over) {
  std::string plain;
  for (std::size_t i = 0; i < md.size();) {
    if (md.compare(i, 4, "http") == 0) {
      while (i < md.size() && md[i] != ' ' && md[i] != '\n' && md[i] != ')' && md[i] != '>') ++i;
      continue;
    }
    char c = md[i];
    if (c == '#' || c == '*' || c == '_' || c == '`' || c == '<' || c == '>' || c == '[' || c == ']') c = ' ';
    plain += c;
    ++i;
  }
  Lix r;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(plain);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale("da"), status));
  std::unique_ptr<icu::BreakIterator> sentences(icu::BreakIterator::createSentenceInstance(icu::Locale("da"), status));
  words->setText(text);
  std::vector<int32_t> word_starts;
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
    int32_t tag = words->getRuleStatus();
    if (tag < UBRK_WORD_LETTER || tag >= UBRK_WORD_IDEO_LIMIT) continue;
    int letters = 0;
    for (int32_t i = start; i < end;) {
      UChar32 c = text.char32At(i);
      if (u_isalpha(c)) ++letters;
      i += U16_LENGTH(c);
    }
    if (letters == 0) continue;
    ++r.words;
    if (letters > long_word_over) ++r.long_words;
    word_starts.push_back(start);
  }
  sentences->setText(text);
  std::size_t w = 0;
  start = sentences->first();
  for (int32_t end = sentences->next(); end != icu::BreakIterator::DONE; start = end, end = sentences->next()) {
    bool has_word = false;
    while (w < word_starts.size() && word_starts[w] < end) {
      has_word = true;
      ++w;
    }
    if (has_word) ++r.sentences;
  }
  if (r.words > 0 && r.sentences > 0)
    r.value = static_cast<double>(r.words) / r.sentences + 100.0 * r.long_words / r.words;
  return r;
}

// lix() must give reference_lix()'s counts for `text`.
void require_reference_lix(const std::string& text, int long_word_over) {
  INFO("text: " << text);
  Lix got = lix(text, long_word_over), want = reference_lix(text, long_word_over);
  REQUIRE(got.words == want.words);
  REQUIRE(got.long_words == want.long_words);
  REQUIRE(got.sentences == want.sentences);
  REQUIRE(got.value == want.value);
}

}  // namespace

TEST_CASE("LIX gives what the UnicodeString version gave, on random Danish prose", "[checks][readability]") {
  const std::vector<std::string> pieces = {
      "Borgeren", " ", " ", "får", "hjemmehjælp", "Ældreområdet", "øl", "å", "i", ". ", ".", "? ", "! ", ", ",
      "\n", "\n\n", "- ", "f.eks. ", "bl.a.", "kl. 8.30", "2024", "nr. 5", "3.", "e-mail", "U.S.A.",
      "https://www.aarhus.dk/aeldre", "<https://x.dk>", "[link](http://a.b/c)", "**", "_", "`kode`", "# ",
      "“citat”", " – ", "😀", "naïve", "a\xCC\x8A", "\xFF", "\xE2\x80", "h", "ht", "http", ")", ">"};
  std::mt19937 random(4711);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    int count = static_cast<int>(random() % 60);
    for (int i = 0; i < count; ++i) text += pieces[random() % pieces.size()];
    require_reference_lix(text, 3 + static_cast<int>(random() % 6));
  }
}

// lix() walks the word and sentence rules of UAX #29 itself for text of Latin letters and
// common punctuation, and leaves other text to ICU's iterators; on such text the counts must
// be the iterators' exactly. Random text from pieces (words, abbreviations, numbers, quotes,
// brackets, line breaks) and from single characters of the covered ranges.
TEST_CASE("LIX without ICU's iterators counts as they do", "[checks][readability]") {
  const std::vector<std::string> pieces = {
      "Borgeren", "får", "hjemmehjælp", "Ældreområdet", "øl", "å", "i", "Å", "É", "ß", "ÿ", "µ", "ª", "º",
      " ", " ", "  ", "\t", "\u00a0", "\n", "\n\n", "\r\n", "\r", ". ", ".", "? ", "! ", "?!", "...", ", ", ",", ";", ":",
      " - ", "-", "\u2013", " \u2013 ", "\u2014", "\u2019", "\u2018", "\u201c", "\u201d", "\u2026", "\u2024", "\u2027",
      "'", "\"", "(", ")", "[", "{", "}", "«", "»", "¿", "¡", "§", "%", "&", "/", "+", "=", "@", "~", "^", "$", "|", "\\",
      "f.eks. ", "bl.a.", "kl. 8.30", "2024", "3,5", "1.000", "nr. 5", "3.", "e-mail", "U.S.A.", "A.B", "a.b", "a'b",
      "4a", "a4", "a44", "44a", "4_4", "a_b", "_", "__", "x_", "_1", "Dr. Hansen", "ca. kl", "den 1. maj", "St. Heddinge",
      "(se side 4.) Vi", "\"Godt.\" Hun", "Hej! hvad", "Hvad? – Nej", "slut.)", "i.e.", "osv.\n", "ejendomsværdi-skat", "æøå"};
  const std::vector<std::string> chars = [] {
    std::vector<std::string> out;
    auto add = [&](UChar32 c) {
      icu::UnicodeString u(c);
      std::string s;
      out.push_back(u.toUTF8String(s));
    };
    for (UChar32 c = 0x20; c < 0x250; ++c)
      if (c < 0x7F || c >= 0xA0) add(c);
    for (UChar32 c = 0x2010; c <= 0x2027; ++c) add(c);
    for (UChar32 c : {0x09, 0x0A, 0x0D, 0x0B, 0x0C}) add(c);
    return out;
  }();
  std::mt19937 random(1848);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    int count = static_cast<int>(random() % 40);
    bool by_char = round % 3 == 2;
    for (int i = 0; i < count; ++i)
      text += by_char ? chars[random() % chars.size()] : pieces[random() % pieces.size()];
    require_reference_lix(text, 3 + static_cast<int>(random() % 6));
  }
}

// The first text a thread measures may be empty (the render fuzzer's first crash: the
// thread's letter-count buffer was still unallocated and the empty text's one entry was
// stored through a null pointer).
TEST_CASE("LIX of empty text on a fresh thread", "[checks][readability]") {
  Lix fast, icu;
  std::thread([&] { fast = lix("", 6); }).join();
  std::thread([&] { icu = lix_with_icu("", 6); }).join();
  CHECK(fast.words == 0);
  CHECK(fast.sentences == 0);
  CHECK(icu.words == 0);
  CHECK(icu.value == 0);
}
