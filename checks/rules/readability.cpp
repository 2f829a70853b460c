// raad-laesbarhed: the LIX of every citizen-facing prose section (Björnsson's
// læsbarhedsindeks: words per sentence + 100 · long words / words). Words and sentences are
// found with ICU's Danish word and sentence break iterators over the prose, with Markdown
// markers and URLs removed first. The threshold, the long-word length and the minimum text
// length come from checks/advice.xml.
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "rules.hpp"
#include "readability.hpp"

namespace kvs::checks {

namespace {

// What plain_utf16 does with each ASCII byte, in one table: the UTF-16 unit it writes
// (Markdown markers are not words a reader reads, so they become spaces), whether it is a
// letter (a-z, A-Z: the only ASCII characters of general category L), and whether it may
// start a link ('h').
struct AsciiByte {
  UChar unit = 0;
  std::uint8_t letter = 0;
  bool maybe_link = false;
};
constexpr std::array<AsciiByte, 128> kAscii = [] {
  std::array<AsciiByte, 128> table{};
  for (int c = 0; c < 128; ++c) table[c].unit = static_cast<UChar>(c);
  for (unsigned char c : {'#', '*', '_', '`', '<', '>', '[', ']'}) table[c].unit = u' ';
  for (int c = 'a'; c <= 'z'; ++c) table[c].letter = table[c - 'a' + 'A'].letter = 1;
  table['h'].maybe_link = true;
  return table;
}();

// Where a link that starts at md[i] ("http…") ends: at a space, line end, ')' or '>'.
std::size_t link_end(std::string_view md, std::size_t i) {
  while (i < md.size() && md[i] != ' ' && md[i] != '\n' && md[i] != ')' && md[i] != '>') ++i;
  return i;
}

// The prose as ICU reads it, in UTF-16, with Markdown markers as spaces and links left
// out, decoded in one pass; an invalid sequence becomes U+FFFD, as in
// UnicodeString::fromUTF8. The same pass counts letters (general category L), so the
// letters of a word are a subtraction instead of a second decoding.
struct PlainText {
  std::vector<UChar> units;
  /// letters_before[j]: letters among the characters that end at or before unit j.
  std::vector<std::int32_t> letters_before;
  std::int32_t length = 0;

  int letters(std::int32_t start, std::int32_t end) const { return letters_before[end] - letters_before[start]; }
};

// Fills `out` (buffers the thread reuses, never shrunk) from the Markdown `md`.
void plain_utf16(std::string_view md, PlainText& out) {
  // UTF-16 never needs more units than UTF-8 has bytes.
  if (out.units.size() < md.size()) {
    out.units.resize(md.size());
    out.letters_before.resize(md.size() + 1);
  }
  UChar* const units = out.units.data();
  UChar* unit = units;                                  // the next unit to write
  std::int32_t* before = out.letters_before.data();  // letters before `unit`
  const auto* s = reinterpret_cast<const std::uint8_t*>(md.data());
  const auto n = static_cast<std::int32_t>(md.size());
  std::int32_t letters = 0;
  *before = 0;
  for (std::int32_t i = 0; i < n;) {
    std::uint8_t b = s[i];
    if (b >= 0x80) {
      UChar32 c;
      U8_NEXT_OR_FFFD(s, i, n, c);
      std::int32_t k = 0;
      U16_APPEND_UNSAFE(unit, k, c);
      unit += k;
      if (k == 2) *++before = letters;  // between the surrogates: never a word boundary
      letters += u_isalpha(c) != 0;
      *++before = letters;
      continue;
    }
    const AsciiByte& a = kAscii[b];
    if (a.maybe_link && md.compare(i, 4, "http") == 0) {
      i = static_cast<std::int32_t>(link_end(md, i));
      continue;
    }
    *unit++ = a.unit;
    letters += a.letter;
    *++before = letters;
    ++i;
  }
  out.length = static_cast<std::int32_t>(unit - units);
}

}  // namespace

Lix lix(std::string_view prose, int long_word_over) {
  Lix r;
  UErrorCode status = U_ZERO_ERROR;
  // Creating break iterators costs far more than using them (they load rule data):
  // one pair per thread, reused for every text (`kvs compare` runs one thread per core);
  // so are the buffers.
  thread_local std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale("da"), status));
  thread_local std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(icu::Locale("da"), status));
  thread_local PlainText text;
  thread_local std::vector<int32_t> word_starts;
  if (!words || !sentences) return r;
  plain_utf16(prose, text);
  // The iterators read the buffer through a UText (no UnicodeString, no copy).
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, text.units.data(), text.length, &status);
  words->setText(&ut, status);
  word_starts.clear();
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
    int32_t tag = words->getRuleStatus();
    if (tag < UBRK_WORD_LETTER || tag >= UBRK_WORD_IDEO_LIMIT) continue;
    int letters = text.letters(start, end);
    if (letters == 0) continue;
    ++r.words;
    if (letters > long_word_over) ++r.long_words;
    word_starts.push_back(start);
  }
  sentences->setText(&ut, status);
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
  utext_close(&ut);
  r.value = lix_value(r.words, r.sentences, r.long_words);
  return r;
}

double lix_value(int words, int sentences, int long_words) {
  if (words <= 0 || sentences <= 0) return 0;
  return static_cast<double>(words) / sentences + 100.0 * long_words / words;
}

int lix_long_word_over(const AdviceData& advice, int fallback) {
  const AdviceEntry* e = advice.find("raad-laesbarhed");
  int n = e ? e->number("langt-ord-over", 0) : 0;
  return n > 0 ? n : fallback;
}

namespace rules {

void raad_laesbarhed(const CheckContext& cx, Reporter& r) {
  const AdviceEntry* e = cx.advice.find(r.rule().id);
  if (!e) return;
  int threshold = e->number("lix-graense", 0);
  int long_over = e->number("langt-ord-over", 0);
  int min_words = e->number("min-ord", 0);
  if (threshold <= 0 || long_over <= 0) return;
  const auto& s = cx.standard;
  auto check = [&](const std::string& name, const model::Text& t) {
    Lix l = lix(t.value, long_over);
    if (l.words < min_words || l.value <= threshold) return;
    int rounded = static_cast<int>(l.value + 0.5);
    auto& f = r.report(t.where, name + " har LIX " + std::to_string(rounded) + " (over " + std::to_string(threshold) +
                                    "): " + std::to_string(l.words) + " ord i " + std::to_string(l.sentences) +
                                    (l.sentences == 1 ? " periode, " : " perioder, ") + std::to_string(l.long_words) + " lange ord");
    Provision p;
    p.citation = (e->source.empty() ? cx.advice.source : e->source) + ": LIX over " + std::to_string(threshold) +
                 " er svær tekst";
    f.provision = p;
    f.suggestion = "skriv kortere sætninger og brug kortere ord";
  };
  for (const auto& part : s.order) {
    using K = model::Part::Kind;
    switch (part.kind) {
      case K::prose:
        if (auto* t = s.prose_field(part.key)) check("feltet " + part.key, *t);
        break;
      case K::section: check("afsnittet '" + s.sections[part.index].heading + "'", s.sections[part.index].text); break;
      case K::target_group: {
        const auto& g = s.groups[part.index];
        if (g.text) check("målgruppen '" + (g.title.empty() ? g.id : g.title) + "'", *g.text);
        break;
      }
      case K::risk_group: {
        const auto& g = s.risk_groups[part.index];
        if (g.text) check("risikogruppen '" + g.title + "'", *g.text);
        break;
      }
      case K::exclusion: {
        const auto& x = s.exclusions[part.index];
        if (x.text) check("undtagelsen", *x.text);
        if (x.case_by_case) check("undtagelsen (undtagelsesvis)", *x.case_by_case);
        break;
      }
      case K::staff:
        if (s.staff) {
          if (s.staff->text) check("personale-afsnittet", *s.staff->text);
          if (s.staff->competences) check("personalets kompetencer", *s.staff->competences);
        }
        break;
      case K::contact:
        if (s.contacts[part.index].text) check("kontakt '" + s.contacts[part.index].name + "'", *s.contacts[part.index].text);
        break;
      case K::special: check("særligt forhold '" + s.specials[part.index].heading + "'", s.specials[part.index].text); break;
      default: break;
    }
  }
}

}  // namespace rules
}  // namespace kvs::checks
